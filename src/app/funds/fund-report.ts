import { calculateFund, type FundCalculation, type FundPractice } from '../../domain/funds/fund-calculator.js';
import { heldBeyondShareSentences, positionOf, type PositionRow } from '../../domain/funds/fund-applications.js';
import { invalid, notFound } from '../../domain/errors.js';
import { applicationsOf, drawdownsOf, findGroup, type ApplicationRow } from '../../db/repos/contracts.js';
import { departuresOf, localitiesOn } from '../../db/repos/registry.js';
import { fundDepartureSentences, wentOn } from '../../domain/groups/departures.js';
import { formatPence } from '../../domain/schemes/format-money.js';
import { groupMembersOn, listSizesAt, registryPractices, snapshotDatesFor } from '../../db/repos/schemes.js';
import { formatLongDate } from '../../domain/iso-date.js';
import { funds } from '../../db/schema/index.js';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Actor, AppContext } from '../context.js';
import { authorize, canSeePractice, practiceScope } from '../permissions.js';

export type FundRow = typeof funds.$inferSelect;

export async function findFund(db: Db, id: number): Promise<FundRow> {
  const [fund] = await db.select().from(funds).where(eq(funds.id, id));
  if (!fund) throw notFound(`Fund ${id}`);
  return fund;
}

/**
 * The footprint's practices at the fund's list snapshot, each with its list size and locality. A
 * member with no list size on that date (one closing, or opened since) has no patients to be paid
 * for, so it has no share and is named in `withoutListSize`; a date none of them has a list size on
 * is refused, naming the dates the registry holds.
 */
export async function fundPractices(db: Db, fund: FundRow): Promise<{ practices: FundPractice[]; withoutListSize: string[]; localityIds: Map<string, number>; localities: PracticeLocalities }> {
  const codes = await groupMembersOn(db, fund.footprintGroupId, fund.listSnapshotDate);
  // One after the other: `db` may be a transaction, whose connection runs one query at a time.
  const names = await registryPractices(db, codes);
  const lists = await listSizesAt(db, codes, fund.listSnapshotDate);
  const localities = await localitiesOn(db, fund.footprintGroupId, fund.listSnapshotDate);
  const named = (code: string) => `${names.get(code)?.displayName ?? code} (${code})`;
  const withoutListSize = codes.filter((code) => !lists.has(code)).map(named);
  const on = formatLongDate(fund.listSnapshotDate);
  if (!codes.length) throw invalid(`${fund.name}: the footprint had no member practices on ${on}`, [{ field: 'listSnapshotDate', message: `the footprint had no member practices on ${on}` }]);
  if (!lists.size) {
    const held = await snapshotDatesFor(db, codes);
    const hint = held.length ? `; the registry holds list sizes for them on ${held.map(formatLongDate).join(', ')}` : '';
    throw invalid(`${fund.name}: none of the footprint's ${codes.length} practices has a list size on ${on}${hint}`, [
      { field: 'listSnapshotDate', message: `no list size on ${on} for ${withoutListSize.join(', ')}${hint}` },
    ]);
  }
  const localityIds = new Map<string, number>();
  const practices = codes.flatMap((code) => {
    const listSize = lists.get(code);
    if (listSize === undefined) return [];
    const locality = localities.get(code);
    if (locality) localityIds.set(locality.name, locality.id);
    return [{ code, name: names.get(code)?.displayName ?? code, locality: locality?.name ?? null, listSize }];
  });
  return { practices, withoutListSize, localityIds, localities };
}

export interface FundState {
  fund: FundRow;
  calculation: FundCalculation;
  localityIds: Map<string, number>;
  /** Each member practice's locality at the fund's list date. */
  localities: PracticeLocalities;
  /** Members with no list size on the fund's date, "Name (C82001)": they have no share. */
  withoutListSize: string[];
  applications: ApplicationRow[];
  drawnByApplication: Map<number, number>;
}

/** Everything the fund's rules need: its calculation, its applications and what has been drawn against each. */
export async function loadFundState(db: Db, fundId: number): Promise<FundState> {
  return stateOfFund(db, await findFund(db, fundId));
}

/** The same of a fund as given (stored, or as an edit would leave it). */
export async function stateOfFund(db: Db, fund: FundRow): Promise<FundState> {
  const { practices, withoutListSize, localityIds, localities } = await fundPractices(db, fund);
  const calculation = calculateFund(fund.rates, practices);
  const applications = await applicationsOf(db, fund.id);
  const drawnByApplication = new Map<number, number>();
  for (const d of await drawdownsOf(db, applications.map((a) => a.id))) drawnByApplication.set(d.applicationId, (drawnByApplication.get(d.applicationId) ?? 0) + d.amountPence);
  return { fund, calculation, localityIds, localities, withoutListSize, applications, drawnByApplication };
}

/** A pot's position from the applications that draw on it (`which`), each with what was drawn against it. */
function positionOfPot(state: FundState, name: string, allocatedPence: number, which: (application: ApplicationRow) => boolean): PositionRow {
  const apps = state.applications.filter(which).map((a) => ({ ...a, status: a.status as never, drawnPence: state.drawnByApplication.get(a.id) ?? 0 }));
  return positionOf(name, allocatedPence, apps);
}

/**
 * The same position for each practice whose applications the reader sees (a practice manager: their
 * own), on its own share: a practice's application must fit its share as well as its locality's pot.
 */
export function practicePositions(state: FundState, actor: Actor): (PositionRow & { practiceCode: string })[] {
  return state.calculation.practices
    .filter((p) => canSeePractice(actor, p.key))
    .map((p) => ({ ...positionOfPot(state, p.name, p.totalPence, (a) => a.practiceCode === p.key), practiceCode: p.key }));
}

/** Allocated, waiting, approved, drawn and remaining for each locality. */
export function localityPositions(state: FundState): (PositionRow & { localityId: number | null })[] {
  return state.calculation.localities.map((l) => {
    const localityId = state.localityIds.get(l.name) ?? null;
    return { ...positionOfPot(state, l.name, l.totalPence, (a) => a.localityGroupId === localityId), localityId };
  });
}

/**
 * The position of every pot an application draws on, the footprint's share of it now beside what
 * its applications hold: each locality applied for, and each practice (that `sees` allows) applied
 * for, with a share of £0 where it has none now (its members or membership changed since).
 */
export function applicationPots(state: FundState, sees: (practiceCode: string) => boolean): PositionRow[] {
  const localityNames = new Map([...state.localities.values()].map((l) => [l.id, l.name]));
  const localities = [...new Set(state.applications.map((a) => a.localityGroupId))].map((id) => {
    const share = state.calculation.localities.find((l) => state.localityIds.get(l.name) === id);
    return positionOfPot(state, localityNames.get(id) ?? `Locality group ${id}`, share?.totalPence ?? 0, (a) => a.localityGroupId === id);
  });
  const practices = [...new Set(state.applications.flatMap((a) => (a.practiceCode && sees(a.practiceCode) ? [a.practiceCode] : [])))].map((code) => {
    const share = state.calculation.practices.find((p) => p.key === code);
    return positionOfPot(state, share ? `${share.name} (${code})` : code, share?.totalPence ?? 0, (a) => a.practiceCode === code);
  });
  return [...localities, ...practices];
}

type PracticeLocalities = Map<string, { id: number; name: string }>;

/**
 * A practice manager sees their own practice's applications and their locality's (a locality
 * applies for its hub's plan, which its practices share in), not another practice's.
 */
export function canSeeApplication(actor: Actor, application: Pick<ApplicationRow, 'practiceCode' | 'localityGroupId'>, localities: PracticeLocalities): boolean {
  if (canSeePractice(actor, application.practiceCode)) return true;
  return application.practiceCode === null && (practiceScope(actor) ?? []).some((code) => localities.get(code)?.id === application.localityGroupId);
}

/** A fund with its calculator (per locality and practice) and each locality's position. */
export async function fundReport(ctx: AppContext, fundId: number) {
  authorize(ctx.actor, 'fund', 'read');
  const state = await loadFundState(ctx.db, fundId);
  const footprint = await findGroup(ctx.db, state.fund.footprintGroupId);
  // The group a locality's fund is part of (its federation, PCN or ICB footprint), so lists total each one's funds apart.
  const within = (footprint?.parentId ? await findGroup(ctx.db, footprint.parentId) : undefined) ?? footprint;
  const positions = localityPositions(state);
  const shares = new Map(state.calculation.practices.map((p) => [p.key, p.byYearPence]));
  const departures = await departuresOf(ctx.db, [...shares.keys()], state.fund.footprintGroupId, state.fund.listSnapshotDate);
  const wentOf = new Map(departures.map((d) => [d.practiceKey, wentOn(d)]));
  const total = (key: 'allocatedPence' | 'requestedPence' | 'approvedPence' | 'drawnPence' | 'remainingPence') => positions.reduce((t, p) => t + p[key], 0);
  return {
    fund: state.fund,
    footprintName: footprint?.name ?? `group ${state.fund.footprintGroupId}`,
    within: { id: within?.id ?? state.fund.footprintGroupId, name: within?.name ?? `group ${state.fund.footprintGroupId}` },
    calculation: state.calculation,
    withoutListSize: state.withoutListSize,
    /** Practices with a share of a year they closed or left the footprint during or before: "Two Shires Medical Practice (C82036) closed on 30 June 2020, …". */
    departures: fundDepartureSentences(departures, state.fund.rates.map((r) => r.year), (key) => shares.get(key), formatPence, state.fund.listSnapshotDate),
    positions,
    /** Localities and practices (those the reader sees) whose approvals or drawdowns are more than their share now: "Oadby & Wigston: £115,368 approved against a share now £95,712.50 …". */
    heldBeyondShare: heldBeyondShareSentences(applicationPots(state, (code) => canSeePractice(ctx.actor, code))),
    /**
     * Each practice's own share, for the practices whose applications the reader sees: what a practice may still apply for,
     * and when it closed or left the footprint (`went`), after which it may not apply (the form says so, as the API refuses it).
     */
    practicePositions: practicePositions(state, ctx.actor).map((p) => ({ ...p, went: wentOf.get(p.practiceCode) ?? null })),
    totals: { allocatedPence: total('allocatedPence'), requestedPence: total('requestedPence'), approvedPence: total('approvedPence'), drawnPence: total('drawnPence'), remainingPence: total('remainingPence') },
    // Each applicant by name: the practice (as the federation knows it) or the locality.
    applications: state.applications
      .filter((a) => canSeeApplication(ctx.actor, a, state.localities))
      .map((a) => ({
        ...a,
        drawnPence: state.drawnByApplication.get(a.id) ?? 0,
        localityName: positions.find((p) => p.localityId === a.localityGroupId)?.name ?? null,
        practiceName: a.practiceCode ? (state.calculation.practices.find((p) => p.key === a.practiceCode)?.name ?? null) : null,
      })),
  };
}

/** Every fund with its total, approved and drawn: the funds list and `atscale funds list`. */
export async function fundsOverview(ctx: AppContext) {
  authorize(ctx.actor, 'fund', 'read');
  const rows = await ctx.db.select().from(funds).orderBy(funds.name);
  const items = [];
  for (const fund of rows) {
    const report = await fundReport(ctx, fund.id);
    items.push({ id: fund.id, name: fund.name, commissioner: fund.commissioner, footprintName: report.footprintName, within: report.within, listSnapshotDate: fund.listSnapshotDate, years: report.calculation.years, listTotal: report.calculation.listTotal, ...report.totals, departures: report.departures, heldBeyondShare: report.heldBeyondShare });
  }
  return { items };
}
