import { and, desc, eq, inArray, isNotNull, lte, ne, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { boardActions, policies, policyAcknowledgements, policyFiles, risks } from '../../db/schema/index.js';
import { actorOfQuery, type MyItem, type MyItemsSource } from '../reminders/my-item.js';
import { isAllowed } from '../permissions.js';
import { filesCoverVersion, openPracticeCodes } from './acknowledgements.js';

const ownedBy = (column: AnyPgColumn, personId: number) => sql`${personId} = any(${column})`;

/** Open board actions the person owns, due by the end of the window. */
export const boardActionItems: MyItemsSource = async (db, query) => {
  const rows = await db
    .select({ id: boardActions.id, ref: boardActions.ref, action: boardActions.action, dueDate: boardActions.dueDate })
    .from(boardActions)
    .where(and(ne(boardActions.status, 'closed'), isNotNull(boardActions.dueDate), lte(boardActions.dueDate, query.until), ownedBy(boardActions.ownerPersonIds, query.personId)));
  return rows.map((r): MyItem => ({ kind: 'action', ref: r.ref, title: r.action, dueDate: r.dueDate!, href: `/governance/actions/${r.id}` }));
};

/** Open risks the person owns whose review falls due. */
export const riskReviewItems: MyItemsSource = async (db, query) => {
  const rows = await db
    .select({ id: risks.id, ref: risks.ref, risk: risks.risk, reviewDate: risks.reviewDate })
    .from(risks)
    .where(and(eq(risks.status, 'open'), isNotNull(risks.reviewDate), lte(risks.reviewDate, query.until), ownedBy(risks.ownerPersonIds, query.personId)));
  return rows.map((r): MyItem => ({ kind: 'risk_review', ref: `R${r.ref}`, title: r.risk, dueDate: r.reviewDate!, href: `/governance/risks/${r.id}` }));
};

/** Policies the person owns whose review falls due. */
export const policyReviewItems: MyItemsSource = async (db, query) => {
  const rows = await db
    .select({ id: policies.id, title: policies.title, version: policies.version, reviewDate: policies.reviewDate })
    .from(policies)
    .where(and(isNotNull(policies.reviewDate), lte(policies.reviewDate, query.until), ownedBy(policies.ownerPersonIds, query.personId)));
  return rows.map((r): MyItem => ({ kind: 'policy_review', ref: `v${r.version}`, title: r.title, dueDate: r.reviewDate!, href: `/governance/policies/${r.id}` }));
};

/**
 * Policies one of the user's open practices must acknowledge (current version) and has not yet, for
 * a user who may acknowledge for it (not a clinician); a version whose file is not uploaded yet
 * cannot be acknowledged, so nobody is asked to until it is.
 */
export const policyAcknowledgementItems: MyItemsSource = async (db, query) => {
  const actor = actorOfQuery(query);
  const codes = await openPracticeCodes(db, query.practiceCodes.filter((code) => isAllowed(actor, 'policy_acknowledgement', 'create', code)));
  if (!codes.length) return [];
  const rows = await db
    .select({ id: policies.id, title: policies.title, version: policies.version, acknowledgeBy: policies.acknowledgeBy, practiceCodes: policies.practiceCodes })
    .from(policies)
    .where(and(isNotNull(policies.acknowledgeBy), lte(policies.acknowledgeBy, query.until), sql`${policies.practiceCodes} && ${sql.param(codes)}::text[]`));
  if (!rows.length) return [];
  const files = await db.select({ policyId: policyFiles.policyId, version: policyFiles.version }).from(policyFiles).where(inArray(policyFiles.policyId, rows.map((r) => r.id))).orderBy(desc(policyFiles.uploadedAt), desc(policyFiles.id));
  const readable = rows.filter((r) => filesCoverVersion(files.filter((f) => f.policyId === r.id), r.version));
  if (!readable.length) return [];
  const done = await db
    .select({ policyId: policyAcknowledgements.policyId, version: policyAcknowledgements.version, practiceCode: policyAcknowledgements.practiceCode })
    .from(policyAcknowledgements)
    .where(inArray(policyAcknowledgements.policyId, readable.map((r) => r.id)));
  return readable.flatMap((r) =>
    r.practiceCodes
      .filter((code) => codes.includes(code) && !done.some((d) => d.policyId === r.id && d.version === r.version && d.practiceCode === code))
      .map((code): MyItem => ({ kind: 'policy_acknowledgement', ref: code, title: `${r.title} (version ${r.version})`, dueDate: r.acknowledgeBy!, href: `/governance/policies/${r.id}` })),
  );
};

/** Everything governance puts on "my items". */
export const governanceItemSources: readonly MyItemsSource[] = [boardActionItems, riskReviewItems, policyReviewItems, policyAcknowledgementItems];
