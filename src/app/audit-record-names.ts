import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';
import * as t from '../db/schema/index.js';
import { namesFromKeys } from '../domain/audit/record-keys.js';
import { nameOf } from '../domain/audit/summary.js';
import { shortText } from '../domain/words.js';
import type { NamesOf } from './records/export-names.js';

/*
 * What the audit log calls the record each row is about, beside its raw id: "Kibworth Medical
 * Centre (C82001)" for C82001, "C82010 in Rutland PCN footprint" for membership 74. A record is
 * named as it is now (one query for each kind of record on a page); one since deleted is named
 * from what its audit row kept, where that holds a name.
 */

/** Another table's column, for a name made of a record and what it points at: `(SELECT name FROM groups WHERE id = group_id)`. */
const lookUp = (name: AnyPgColumn, id: AnyPgColumn, equals: AnyPgColumn): SQL => sql`(SELECT ${name} FROM ${id.table} WHERE ${id} = ${equals})`;
/** Where a kind of record finds its name; `alsoKeyedBy` is another key its audit rows are kept under (a threshold's indicator code, from an import). */
interface AuditNamer extends NamesOf {
  alsoKeyedBy?: AnyPgColumn;
}
const named = (id: AnyPgColumn, name: AnyPgColumn | SQL, alsoKeyedBy?: AnyPgColumn): AuditNamer => ({ id, name, alsoKeyedBy });

const practiceName = named(t.practices.odsCode, sql`coalesce(${t.practices.localName}, ${t.practices.name}) || ' (' || ${t.practices.odsCode} || ')'`);
const userEmail = named(t.users.id, t.users.email);

/** Where each kind of record the audit log holds finds its name. Imports, the demo and backups are kept under a file name or time that already reads as one. */
const auditNames: Readonly<Record<string, AuditNamer>> = {
  practice: practiceName,
  organisation: named(t.organisations.code, sql`${t.organisations.name} || ' (' || ${t.organisations.code} || ')'`),
  pcn_membership: named(t.pcnMemberships.id, sql`${t.pcnMemberships.practiceCode} || ' in ' || coalesce(${lookUp(t.organisations.name, t.organisations.code, t.pcnMemberships.pcnCode)}, ${t.pcnMemberships.pcnCode})`),
  group: named(t.practiceGroups.id, t.practiceGroups.name),
  membership: named(t.groupMemberships.id, sql`${t.groupMemberships.practiceCode} || ' in ' || ${lookUp(t.practiceGroups.name, t.practiceGroups.id, t.groupMemberships.groupId)}`),
  user: userEmail,
  // A sign-in is kept under the user who signed in.
  session: userEmail,
  person: named(t.people.id, t.people.name),
  scheme: named(t.schemes.id, t.schemes.name),
  risk: named(t.risks.id, sql`'R' || ${t.risks.ref} || ': ' || ${t.risks.risk}`),
  meeting: named(t.meetings.id, t.meetings.title),
  board_action: named(t.boardActions.id, sql`'Action ' || ${t.boardActions.ref} || ': ' || ${t.boardActions.action}`),
  policy: named(t.policies.id, t.policies.title),
  work_plan: named(t.workPlans.id, t.workPlans.name),
  plan_section: named(t.planSections.id, sql`'Section ' || ${t.planSections.ref} || ': ' || ${t.planSections.title}`),
  plan_task: named(t.planTasks.id, sql`'Task ' || ${t.planTasks.ref} || ': ' || ${t.planTasks.description}`),
  stp_deliverable: named(t.stpDeliverables.id, sql`${t.stpDeliverables.ref} || ': ' || ${t.stpDeliverables.title}`),
  stp_action: named(t.stpActions.id, sql`${t.stpActions.ref} || ': ' || ${t.stpActions.title}`),
  // A cell marked X (a deadline) is named by its row and period; one holding words says them too.
  stp_milestone: named(t.stpMilestones.id, sql`'Milestone of ' || ${t.stpMilestones.actionRefs} || ' in ' || ${t.stpMilestones.period} || CASE WHEN ${t.stpMilestones.text} IN ('X', 'x', '') THEN '' ELSE ': ' || ${t.stpMilestones.text} END`),
  stp_outcome: named(t.stpOutcomes.id, t.stpOutcomes.workArea),
  contract: named(t.contracts.id, t.contracts.title),
  sub_contract: named(t.subContracts.id, sql`${t.subContracts.practiceCode} || ' under ' || ${lookUp(t.contracts.title, t.contracts.id, t.subContracts.contractId)}`),
  contract_document: named(t.contractDocuments.id, t.contractDocuments.fileName),
  fund: named(t.funds.id, t.funds.name),
  fund_application: named(t.fundApplications.id, t.fundApplications.title),
  drawdown: named(t.drawdowns.id, sql`'Drawdown against ' || ${lookUp(t.fundApplications.title, t.fundApplications.id, t.drawdowns.applicationId)}`),
  finance_year: named(t.financeYears.id, t.financeYears.financialYear),
  income_stream: named(t.incomeStreams.id, t.incomeStreams.name),
  income_stream_year: named(t.incomeStreamYears.id, sql`${lookUp(t.incomeStreams.name, t.incomeStreams.id, t.incomeStreamYears.streamId)} || ', ' || ${t.incomeStreamYears.financialYear}`),
  ie_line: named(t.ieIncomeLines.id, sql`${t.ieIncomeLines.line} || ', ' || ${t.ieIncomeLines.financialYear}`),
  running_cost: named(t.runningCostLines.id, sql`${t.runningCostLines.line} || ', ' || ${t.runningCostLines.financialYear}`),
  cost_saving: named(t.costSavings.id, t.costSavings.initiative),
  indicator: named(t.indicators.code, sql`${t.indicators.name} || ' (' || ${t.indicators.code} || ')'`),
  indicator_threshold: named(t.indicatorThresholds.id, sql`'Thresholds for ' || ${lookUp(t.indicators.name, t.indicators.code, t.indicatorThresholds.indicatorCode)}`, t.indicatorThresholds.indicatorCode),
};

/** The record types the audit log can name, for a test that every record type is among them. */
export const namedAuditTypes = [...Object.keys(auditNames), ...Object.keys(namesFromKeys)];

interface AuditedRow {
  recordType: string;
  recordId: string;
  before: unknown;
  after: unknown;
}

/**
 * A label for each row's record, or null where none reads better than its id, and whether the
 * record is still there (so a page may link to it): looked up for the rows given, one query a record type.
 */
export async function auditRecordNames(db: Db, rows: readonly AuditedRow[]): Promise<{ nameOf(row: AuditedRow): string | null; stillThere(row: AuditedRow): boolean }> {
  const idsByType = new Map<string, Set<string>>();
  for (const row of rows) if (auditNames[row.recordType]) idsByType.set(row.recordType, (idsByType.get(row.recordType) ?? new Set()).add(row.recordId));
  const found = new Map<string, Map<string, string>>();
  for (const [type, ids] of idsByType) {
    const { id, name, alsoKeyedBy = id } = auditNames[type]!;
    const keys = sql.param([...ids]);
    const rows = await db
      .select({ id: sql<string>`${id}::text`, key: sql<string>`${alsoKeyedBy}::text`, name: sql<string | null>`${name}` })
      .from(id.table)
      .where(sql`${id}::text = ANY(${keys}::text[]) OR ${alsoKeyedBy}::text = ANY(${keys}::text[])`);
    found.set(type, new Map(rows.flatMap((r) => [r.id, r.key].map((key) => [key, r.name ? shortText(r.name) : ''] as const))));
  }
  return {
    nameOf(row) {
      const name = found.get(row.recordType)?.get(row.recordId) || namesFromKeys[row.recordType]?.(row.recordId) || nameOf(row.before) || nameOf(row.after);
      return name && name !== row.recordId ? name : null;
    },
    stillThere: (row) => found.get(row.recordType)?.has(row.recordId) ?? false,
  };
}
