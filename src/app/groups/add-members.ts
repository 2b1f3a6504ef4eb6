import { and, eq, gte, ilike, inArray, isNull, lte, min, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { AppError, invalid } from '../../domain/errors.js';
import { countOf } from '../../domain/words.js';
import { formatLongDate, isoDateSchema } from '../../domain/iso-date.js';
import { isSpecialAllocationScheme } from '../../domain/registry/practice-status.js';
import { groupMemberships, organisations, pcnMemberships, practices } from '../../db/schema/index.js';
import { likeText } from '../../db/like.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';
import { membershipRecord } from './membership-record.js';
import { commissionerOn, pcnOn, statusOn } from '../../db/repos/practice-on-date.js';
import { pcnSources } from '../../domain/registry/pcn-sources.js';
import { sharingADayWith } from './membership-rules.js';
import { type Span, uncoveredParts } from '../../domain/groups/membership-dates.js';
import { insertPrepared } from '../records/records.js';
import { parseOrRefuse } from '../records/zod-problems.js';

/** How a customer chooses member practices: all of a commissioner's, all of a PCN's, or one by one. */
export const addMembersSchema = z
  .object({
    commissionerCode: z.string().trim().toUpperCase().optional(),
    pcnCode: z.string().trim().toUpperCase().optional(),
    practiceCodes: z.array(z.string().trim().toUpperCase()).optional(),
    startDate: isoDateSchema,
    endDate: isoDateSchema.nullable().optional(),
    /** GP practices open on the start date only (the usual wish); false adds every matching cost centre. */
    gpPracticesOnly: z.boolean().default(true),
  })
  .refine((v) => v.commissionerCode || v.pcnCode || v.practiceCodes?.length, { message: 'Choose a commissioner, a PCN or at least one practice', path: ['practiceCodes'] })
  // One way at a time: a code outside the commissioner given beside it would be neither.
  .refine((v) => [v.commissionerCode, v.pcnCode, v.practiceCodes?.length].filter(Boolean).length <= 1, { message: 'Choose a commissioner, a PCN or practices one by one, not more than one of these', path: ['practiceCodes'] })
  // Said once, not once for each practice.
  .refine((v) => !v.endDate || v.endDate >= v.startDate, { message: 'must be on or after the start date', path: ['endDate'] });

/** Points "nothing matched" at the box the choice was made in, so the form shows it there. */
function noMatchProblem(choice: z.infer<typeof addMembersSchema>) {
  const practicesMeant = choice.gpPracticesOnly ? `GP practice open on ${formatLongDate(choice.startDate)}` : 'practice';
  if (choice.practiceCodes?.length) return { field: 'practiceCodes', message: `match no ${practicesMeant} with the other choices` };
  if (choice.pcnCode) return { field: 'pcnCode', message: `matches no ${practicesMeant} in the registry` };
  return { field: 'commissionerCode', message: `matches no ${practicesMeant} in the registry` };
}

/**
 * Why a commissioner or PCN matched nothing on the start date, when it has practices now: a PCN
 * whose first recorded member came later (PCNs began in July 2019), or a code given to practices
 * since (sub-ICB codes replaced CCG codes in 2022, 5-character ones in 2024).
 */
async function noMatchOnTheDate(db: AppContext['db'], choice: z.infer<typeof addMembersSchema>) {
  const problem = noMatchProblem(choice);
  if (!choice.gpPracticesOnly || !(choice.pcnCode || choice.commissionerCode)) return problem;
  const [first] = choice.pcnCode ? await db.select({ on: min(pcnMemberships.startDate) }).from(pcnMemberships).where(and(eq(pcnMemberships.pcnCode, choice.pcnCode), eq(pcnMemberships.source, pcnSources.epcn))) : [];
  if (first?.on && first.on > choice.startDate) return { ...problem, message: `${problem.message}: its first member joined on ${formatLongDate(first.on)} (ePCN), so start on or after that date` };
  const inItNow = await db
    .select({ name: practices.name })
    .from(practices)
    .where(and(eq(practices.isGpPractice, true), eq(practices.status, 'active'), choice.pcnCode ? eq(practices.pcnCode, choice.pcnCode) : eq(practices.commissionerCode, choice.commissionerCode!)));
  const n = inItNow.filter((p) => !isSpecialAllocationScheme(p.name)).length;
  return n ? { ...problem, message: `${problem.message}; ${countOf(n, 'open GP practice')} ${n === 1 ? 'has' : 'have'} it now: choose a later start date, or the code ${n === 1 ? 'it' : 'they'} had then` } : problem;
}

/** The memberships of the group these practices hold that share a day with the span, by practice. */
async function membershipsOnSpan(db: AppContext['db'], groupId: number, codes: string[], span: Span): Promise<Map<string, Span[]>> {
  const rows = await db
    .select({ code: groupMemberships.practiceCode, startDate: groupMemberships.startDate, endDate: groupMemberships.endDate })
    .from(groupMemberships)
    .where(and(eq(groupMemberships.groupId, groupId), inArray(groupMemberships.practiceCode, codes), sharingADayWith(span)));
  const held = new Map<string, Span[]>();
  for (const r of rows) held.set(r.code, [...(held.get(r.code) ?? []), { startDate: r.startDate, endDate: r.endDate }]);
  return held;
}

/**
 * GP practices open on a date: opened by then, and not closed before it (a practice with no close
 * date must have been active then, as the ODS files' history of its status says; one closed later
 * is chosen, and its membership ends when it closed). A federation set up from a past date so gets
 * the practices it had then, not today's: one dormant now but active then too.
 */
const gpPracticeOpenOn = (date: string) =>
  and(
    eq(practices.isGpPractice, true),
    or(isNull(practices.openDate), lte(practices.openDate, date)),
    or(and(isNull(practices.closeDate), sql`${statusOn(date)} = 'active'`), gte(practices.closeDate, date)),
  )!;

/**
 * The earlier of the chosen end and the practice's close date (no end is later than any date); one
 * closed before the start keeps the chosen end, to be refused as closed before it would start.
 */
const endByClosing = (startDate: string, endDate: string | null, closeDate: string | null) => (closeDate && closeDate >= startDate && (!endDate || closeDate < endDate) ? closeDate : endDate);

/**
 * Each membership checked as one added alone would be, before any is added: every practice that
 * cannot join on those dates is named at once (in another locality, closed by then…), not only the
 * first, so the form shows them together. One alone keeps its own words and kind.
 */
async function refuseAllThatCannotJoin(db: AppContext['db'], memberships: Record<string, unknown>[]): Promise<void> {
  const refusals: AppError[] = [];
  for (const membership of memberships) {
    await membershipRecord.prepare(db, membership as never, undefined).catch((error: unknown) => {
      if (!(error instanceof AppError)) throw error;
      refusals.push(error);
    });
  }
  if (refusals.length === 1) throw refusals[0]!;
  if (refusals.length) throw invalid(`${countOf(refusals.length, 'practice')} of those chosen cannot be members on those dates; none was added`, refusals.flatMap((r) => r.problems.map((p) => ({ ...p, message: r.message }))));
}

/**
 * The practices a choice names: a commissioner's or PCN's GP practices that were its own and open
 * on the start date (special allocation schemes left out, and named), or those given one by one.
 */
async function choosePractices(db: AppContext['db'], choice: z.infer<typeof addMembersSchema>) {
  const where: SQL[] = [];
  // The commissioner's or PCN's practices on the start date: one that has moved since is still chosen, one that joined since is not.
  if (choice.commissionerCode) where.push(sql`${commissionerOn(choice.startDate)} = ${choice.commissionerCode}`);
  if (choice.pcnCode) where.push(sql`${pcnOn(choice.startDate)} = ${choice.pcnCode}`);
  if (choice.practiceCodes?.length) where.push(inArray(practices.odsCode, choice.practiceCodes));
  const wholeArea = choice.gpPracticesOnly && !choice.practiceCodes?.length;
  if (wholeArea) where.push(gpPracticeOpenOn(choice.startDate));
  const found = await db.select({ odsCode: practices.odsCode, name: practices.name, status: practices.status, closeDate: practices.closeDate, commissionerCode: practices.commissionerCode, pcnCode: practices.pcnCode }).from(practices).where(and(...where));
  const missing = (choice.practiceCodes ?? []).filter((c) => !found.some((f) => f.odsCode === c));
  if (missing.length) throw invalid(`Unknown practice ${missing.join(', ')}`, [{ field: 'practiceCodes', message: `not in the registry: ${missing.join(', ')}` }]);
  const specialAllocation = wholeArea ? found.filter((f) => isSpecialAllocationScheme(f.name)).map((f) => f.odsCode).sort() : [];
  const chosen = found.filter((f) => !specialAllocation.includes(f.odsCode));
  if (!chosen.length) throw invalid('No practices match that choice', [await noMatchOnTheDate(db, choice)]);
  return { chosen, specialAllocation };
}

type Chosen = Awaited<ReturnType<typeof choosePractices>>['chosen'][number];

/**
 * Practices chosen as the commissioner's or PCN's on the start date that are in another's now, for
 * the admin to decide on (they stay members). "Another" is judged against where the rest are now,
 * so a code they all changed together (commissioners merged) is no move. Only open-ended
 * memberships are said of, and not one already ended by the practice closing.
 */
function movesSince(choice: z.infer<typeof addMembersSchema>, chosen: readonly Chosen[], closed: ReadonlySet<string>) {
  const area = choice.commissionerCode ? 'commissioner' : choice.pcnCode ? 'pcn' : undefined;
  if (!area || choice.endDate) return [];
  const now = (f: Chosen) => (area === 'pcn' ? f.pcnCode : f.commissionerCode);
  const codesNow = chosen.map(now);
  const chosenCode = choice.commissionerCode ?? choice.pcnCode ?? null;
  const counts = new Map<string | null, number>();
  for (const code of codesNow) counts.set(code, (counts.get(code) ?? 0) + 1);
  const areaNow = codesNow.includes(chosenCode) ? chosenCode : [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return chosen.filter((f) => now(f) !== areaNow && !closed.has(f.odsCode)).map((f) => ({ odsCode: f.odsCode, now: now(f), area }));
}

/**
 * The PCN a choice names: its code (U12345), or its name as the PCN files give it ("G3", "Rutland"),
 * as `atscale practices --pcn` takes either; a code or name the registry does not know is said so.
 */
async function resolvePcn(db: AppContext['db'], typed: string): Promise<string> {
  const unknown = (what: string, check: string) => invalid(`No PCN ${what} ${typed}`, [{ field: 'pcnCode', message: `is not a PCN the registry knows: import the ePCN workbook or the PCN mapping file, or check the ${check}` }]);
  if (/^U\d{5}$/.test(typed)) {
    // A code is known from the PCN files' organisations, or from the memberships they gave.
    const [named] = await db.select({ code: organisations.code }).from(organisations).where(eq(organisations.code, typed)).limit(1);
    const [member] = named ? [named] : await db.select({ code: pcnMemberships.pcnCode }).from(pcnMemberships).where(eq(pcnMemberships.pcnCode, typed)).limit(1);
    if (member) return typed;
    throw unknown('has the code', 'code');
  }
  const found = await db
    .select({ code: organisations.code, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, 'pcn'), or(ilike(organisations.name, likeText(typed)), ilike(organisations.name, `${likeText(typed)} PCN`))))
    .limit(5);
  if (found.length > 1) throw invalid('More than one PCN has that name', [{ field: 'pcnCode', message: `matches ${found.map((f) => `${f.name} (${f.code})`).join(', ')}: give the code` }]);
  if (!found.length) throw unknown('is called', 'name');
  return found[0]!.code;
}

export async function addMembers(ctx: AppContext, groupId: number, input: unknown) {
  authorize(ctx.actor, 'membership', 'create');
  const parsed = parseOrRefuse(addMembersSchema, input, 'Choose which practices to add');
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx as never };
    const choice = parsed.pcnCode ? { ...parsed, pcnCode: await resolvePcn(tx as never, parsed.pcnCode) } : parsed;
    const { chosen: found, specialAllocation } = await choosePractices(tx as never, choice);
    // Practices that close within the span, however chosen: each membership ends on its close date, and is named
    // (the locality form, which has no end date, can so place a practice closed since).
    const chosenEnd = choice.endDate ?? null;
    const spanOf = (f: Chosen): Span => ({ startDate: choice.startDate, endDate: endByClosing(choice.startDate, chosenEnd, f.closeDate) });
    // All of a commissioner's or a PCN's practices: one already a member on those dates is left as it
    // is and named; one a member for part of them is added for the rest (practices chosen one by one are each refused instead).
    const held = choice.practiceCodes?.length ? new Map<string, Span[]>() : await membershipsOnSpan(tx as never, groupId, found.map((f) => f.odsCode), { startDate: choice.startDate, endDate: chosenEnd });
    const parts = new Map(found.map((f) => [f.odsCode, held.has(f.odsCode) ? uncoveredParts(spanOf(f), held.get(f.odsCode)!) : [spanOf(f)]]));
    const alreadyMembers = found.filter((f) => !parts.get(f.odsCode)!.length).map((f) => f.odsCode).sort();
    // In the order chosen (one by one) or of their codes, so what is said of them reads in that order.
    const order = (code: string) => choice.practiceCodes?.indexOf(code) ?? 0;
    const toAdd = found.filter((f) => !alreadyMembers.includes(f.odsCode)).sort((a, b) => order(a.odsCode) - order(b.odsCode) || a.odsCode.localeCompare(b.odsCode));
    if (!toAdd.length) throw invalid('Every practice that matches is already a member on those dates', [{ ...noMatchProblem(choice), message: `matches only practices already members on those dates: ${alreadyMembers.join(', ')}` }]);
    const memberships = toAdd.flatMap((f) => parts.get(f.odsCode)!.map((p) => ({ groupId, practiceCode: f.odsCode, startDate: p.startDate, endDate: p.endDate })));
    await refuseAllThatCannotJoin(tx as never, memberships);
    const created = await insertPrepared(txCtx, membershipRecord, memberships);
    const partlyMembers = toAdd.filter((f) => held.has(f.odsCode)).map((f) => ({ odsCode: f.odsCode, addedFor: parts.get(f.odsCode)! }));
    const endedAtClosing = toAdd.map((f) => ({ odsCode: f.odsCode, closeDate: spanOf(f).endDate })).filter((e) => e.closeDate !== chosenEnd).map((e) => ({ odsCode: e.odsCode, closeDate: e.closeDate! }));
    const movedSince = movesSince(choice, toAdd, new Set(endedAtClosing.map((e) => e.odsCode)));
    // One open then and dormant now (no close date to end it on) stays a member, for the admin to decide.
    const dormantNow = chosenEnd ? [] : toAdd.filter((f) => f.status === 'dormant' && !f.closeDate).map((f) => f.odsCode);
    return { added: toAdd.length, memberships: created, alreadyMembers, partlyMembers, endedAtClosing, movedSince, dormantNow, specialAllocation };
  });
}
