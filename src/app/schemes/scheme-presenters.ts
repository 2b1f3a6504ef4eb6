import type { SchemeRow, SchemeVersionRow } from '../../db/repos/schemes.js';
import { dayInEngland, formatLongDate } from '../../domain/iso-date.js';
import type { PracticeStatement } from '../../domain/schemes/statement.js';
import { type Settlement, settlementWords } from '../../domain/schemes/settlement.js';
import type { SchemeDefinition } from '../../domain/schemes/scheme-definition.js';
import { periodText } from '../../domain/schemes/scheme-terms.js';

/** A scheme as the API, CLI and audit log show it (never an ORM row as it stands). */
export function presentScheme(row: SchemeRow) {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    funder: row.funder,
    groupId: row.groupId,
    status: row.status,
    currentVersion: row.currentVersion,
    returnsDueOn: row.returnsDueOn,
    rowVersion: row.rowVersion,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Whether a version's payments were invoiced to the commissioner and paid to practices, each with its day, reference and the amount kept. */
export function settlementOf(row: Pick<SchemeVersionRow, 'invoicedOn' | 'invoiceReference' | 'invoicedPence' | 'invoicedDeliveredPence' | 'invoicedFeePence' | 'paidOn' | 'paymentReference' | 'paidPence'>): Settlement {
  // An amount kept when it was recorded; null for one recorded before amounts were kept, never worked out afresh.
  const amount = row.invoicedPence === null ? null : { totalPence: row.invoicedPence, deliveredPence: row.invoicedDeliveredPence ?? row.invoicedPence, feePence: row.invoicedFeePence };
  return {
    invoiced: row.invoicedOn ? { on: row.invoicedOn, reference: row.invoiceReference, amount } : null,
    paid: row.paidOn ? { on: row.paidOn, reference: row.paymentReference, amountPence: row.paidPence } : null,
  };
}

/**
 * A version's facts: what statements and exports name beside the figures. Its name and funder are
 * its own: a draft's may differ from the scheme's, which are the version in force's.
 */
export function presentVersionSummary(row: SchemeVersionRow) {
  const { name, funder } = row.definition as { name: string; funder: string };
  return {
    version: row.version,
    name,
    funder,
    // When the scheme runs, in words ("1 December 2017 to 31 January 2018; 8 weeks; Financial year 2017/18"); null when its terms give none.
    period: periodText(row.definition as SchemeDefinition) || null,
    status: row.status,
    listSnapshotDate: row.listSnapshotDate,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    ...settlementOf(row),
  };
}

export function presentVersion(row: SchemeVersionRow) {
  return { ...presentVersionSummary(row), definition: row.definition };
}

export type PresentedScheme = ReturnType<typeof presentScheme>;
export type VersionSummary = ReturnType<typeof presentVersionSummary>;

/** A version and its standing: "version 2 (approved 3 May 2018)". */
export function versionWords(version: VersionSummary): string {
  const approved = version.approvedAt ? ` ${version.status} ${formatLongDate(dayInEngland(new Date(version.approvedAt)))}` : ` ${version.status}`;
  return `version ${version.version} (${approved.trim()})`;
}

/** A statement's practice as its heading names it: "Kibworth Medical Centre (C82001)". */
export const statementPractice = (statement: Pick<PracticeStatement, 'practiceName' | 'odsCode'>) => `${statement.practiceName}${statement.odsCode ? ` (${statement.odsCode})` : ''}`;

/**
 * What a stored scheme's statement names above its lines, in the PDF and `atscale scheme statement`:
 * funder, version, list sizes, practice, and, for a scheme that pays for activity, whether the
 * amount is settled (invoiced to the commissioner, then paid).
 */
export function statementFacts({ version, funder, statement, paysForActivity }: { version: VersionSummary; funder: string; statement: PracticeStatement; paysForActivity: boolean }): [string, string][] {
  return [
    ['Funder', funder],
    ...(version.period ? [['Period', version.period] as [string, string]] : []),
    // The list sizes have their own line, so the version is named without them.
    ['Scheme version', versionWords(version)],
    ['List-size snapshot', version.listSnapshotDate ? formatLongDate(version.listSnapshotDate) : 'list sizes as given in the scheme'],
    ['Practice', statementPractice(statement)],
    ...(paysForActivity ? [['Invoiced and paid', settlementWords(version)] as [string, string]] : []),
  ];
}
