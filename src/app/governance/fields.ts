import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { closedOnFor } from '../../domain/governance/closed-on.js';
import { parseDateText, todayInEngland } from '../../domain/iso-date.js';
import { AppError } from '../../domain/errors.js';
import { formatList } from '../../domain/words.js';
import type { Db } from '../../db/client.js';
import { people } from '../../db/schema/index.js';
import { matchOwners } from '../people/match-owners.js';
import { storedIn as storedInTable } from '../records/record-type.js';
import { recordIdSchema } from '../../domain/record-id.js';

/** Zod pieces the governance records share: optional text, dates as boards write them, 1–5 scores. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

/** A date written YYYY-MM-DD or DD/MM/YYYY; empty is no date; 30/02/2018 is refused. */
export const dateText = z
  .string()
  .nullable()
  .optional()
  .transform((raw, ctx) => {
    const parsed = parseDateText(raw);
    if ('error' in parsed) {
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    return parsed.date;
  });

/** The day a risk or action was closed, from its status after this change and what it had (see domain/governance/closed-on.ts). */
export function closedOnOf(input: { status?: string; closedOn?: string | null }, existing: Record<string, unknown> | undefined): string | null {
  const was = existing ? { status: existing.status as string, closedOn: existing.closedOn as string | null } : undefined;
  return closedOnFor({ status: input.status ?? was?.status ?? 'open', was, given: input.closedOn, today: todayInEngland() });
}

export const scale = z.coerce.number().int().min(1, 'must be from 1 to 5').max(5, 'must be from 1 to 5').nullable().optional();

export const id = recordIdSchema;

/**
 * Links owner text such as "JW" or "GC/RB" to people. The text is kept as typed; every part must
 * name a known person (by initials or name), otherwise nothing is saved and the problem lists who
 * is unknown, so the web app can offer to add them.
 */
export async function linkOwners(db: Db, ownerText: string | null | undefined, field = 'ownerText'): Promise<number[]> {
  const match = await matchOwners(db, ownerText);
  if (match.unknown.length) {
    const names = formatList(match.unknown.map((u) => `"${u}"`));
    const one = match.unknown.length === 1;
    throw new AppError('invalid', `The owner ${names} ${one ? 'is' : 'are'} not someone atscale knows. Add ${one ? 'them' : 'each'} on the People page first.`, {
      problems: [{ field, message: `names ${names}, who ${one ? 'is' : 'are'} not on the People page yet: add ${one ? 'them' : 'each'} there, then save again` }],
      details: { unknownOwners: match.unknown },
    });
  }
  return match.people.map((p) => p.id);
}

/** What a record keeps of the people its owner text names, as the audit shows it: "Owners on the People page: Jo Walker". */
export const ownersOnPeoplePage = {
  labels: { ownerPersonIds: 'Owners on the People page' },
  refersTo: { ownerPersonIds: { id: people.id, name: people.name } },
} as const;

/** The owner links to work out when the owner text is part of the change (or the record is new). */
export async function ownerValues(db: Db, input: { ownerText?: string | null }, existing: Record<string, unknown> | undefined) {
  if (input.ownerText === undefined && existing) return {};
  return { ownerPersonIds: await linkOwners(db, input.ownerText) };
}

/** Where a governance record type lives (the framework's `storedIn`); people create and delete these records. */
export function storedIn<T extends PgTable & { id: AnyPgColumn; rowVersion: AnyPgColumn }>(table: T) {
  return { ...storedInTable(table), createdByPeople: true };
}
