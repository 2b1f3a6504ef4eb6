import { allSchemes, listVersions, returnedFigures, type SchemeRow, type SchemeVersionRow } from '../../db/repos/schemes.js';
import { todayInEngland } from '../../domain/iso-date.js';
import { awaitedReturns, hasBeenApproved, practicesAskedToReturn, practicesThatReturned, returnsState, type ReturnsState } from '../../domain/schemes/returns-due.js';
import type { Settlement } from '../../domain/schemes/settlement.js';
import { versionInForce, versionReadBy } from '../../domain/schemes/versions.js';
import type { AppContext } from '../context.js';
import { authorize, practiceScope } from '../permissions.js';
import { restrictDefinition } from './practice-scope.js';
import { storedPractices, type StoredDefinition } from './resolve-practices.js';
import { seesDrafts } from './scheme-inputs.js';
import { presentVersionSummary, settlementOf, type VersionSummary } from './scheme-presenters.js';
import { schemesSeenBy } from './scheme-visibility.js';

export interface SchemeOverview {
  id: number;
  /** The version the reader reads: an admin the latest (a draft included), anyone else the latest approved; null while the scheme is being prepared. */
  version: VersionSummary | null;
  /** The approved version in force, if any. */
  inForce: number | null;
  /** Where the activity returns stand, over the practices the reader sees (a practice manager: their own). */
  returns: ReturnsState;
  /** Whether the version in force's payments were invoiced and paid; null with no version in force, or for a scheme that pays for no activity. */
  payments: (Settlement & { version: number }) | null;
}

function paymentsOf(inForce: SchemeVersionRow | undefined): SchemeOverview['payments'] {
  if (!inForce || (inForce.definition as StoredDefinition).deliveryModels.length === 0) return null;
  return { version: inForce.version, ...settlementOf(inForce) };
}

async function returnsOf(ctx: AppContext, scheme: SchemeRow, version: SchemeVersionRow, today: string): Promise<ReturnsState> {
  const definition = version.definition as StoredDefinition;
  const practices = storedPractices(restrictDefinition(definition, practiceScope(ctx.actor)));
  const returned = practicesThatReturned(await returnedFigures(ctx.db, scheme.id, version.version));
  return returnsState({
    paysForActivity: definition.deliveryModels.length > 0,
    approved: hasBeenApproved(scheme),
    asked: practicesAskedToReturn(practices),
    awaited: awaitedReturns(practices, returned).length,
    dueOn: scheme.returnsDueOn,
    invoicedOn: version.invoicedOn,
    today,
  });
}

/**
 * What the schemes list shows beside each scheme, for whoever reads it: the version they read and
 * where its activity returns stand (due, overdue with how many awaited, all in), worked out against
 * today in England so every reader sees the same.
 */
export async function schemesOverview(ctx: AppContext, today = todayInEngland()): Promise<{ today: string; items: SchemeOverview[] }> {
  authorize(ctx.actor, 'scheme', 'read');
  const drafts = seesDrafts(ctx.actor);
  const items: SchemeOverview[] = [];
  // One scheme after another: PGlite serves one query at a time anyway.
  for (const scheme of await allSchemes(ctx.db, schemesSeenBy(ctx.actor))) {
    const versions = await listVersions(ctx.db, scheme.id);
    const shown = versionReadBy(versions, drafts);
    const inForce = versionInForce(versions);
    items.push({
      id: scheme.id,
      version: shown ? presentVersionSummary(shown) : null,
      inForce: inForce?.version ?? null,
      returns: shown ? await returnsOf(ctx, scheme, shown, today) : { kind: 'not_yet_asked' },
      payments: paymentsOf(inForce),
    });
  }
  return { today, items };
}
