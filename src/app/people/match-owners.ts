import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { splitOwnerText } from '../../domain/people/owner-text.js';
import { people } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';

export interface OwnerMatch {
  /** Everyone the text names who is known, in the order the text names them. */
  people: { id: number; name: string; initials: string | null }[];
  /** Parts of the text that name nobody known: the UI offers to create a person for each. */
  unknown: string[];
}

/**
 * Finds the people an owner text such as "GC/RB" or "Paula Vaughan; Julia Corey" names, by
 * initials (exact, ignoring case) or by name (ignoring case). The text itself is always kept as
 * typed; this only links it to people.
 */
export async function matchOwners(db: Db, text: string | null | undefined): Promise<OwnerMatch> {
  const parts = splitOwnerText(text);
  if (!parts.length) return { people: [], unknown: [] };
  const lowered = parts.map((part) => part.toLowerCase());
  const rows = await db
    .select({ id: people.id, name: people.name, initials: people.initials })
    .from(people)
    .where(sql`lower(${people.name}) = any(${sql.param(lowered)}::text[]) or lower(${people.initials}) = any(${sql.param(lowered)}::text[])`);
  const found: OwnerMatch['people'] = [];
  const unknown: string[] = [];
  for (const part of parts) {
    const key = part.toLowerCase();
    const person = rows.find((row) => row.initials?.toLowerCase() === key || row.name.toLowerCase() === key);
    if (person) {
      if (!found.some((f) => f.id === person.id)) found.push(person);
    } else unknown.push(part);
  }
  return { people: found, unknown };
}

/** The use case behind the owner hint on forms: who an owner text names, for anyone who may read people. */
export async function matchOwnerText(ctx: AppContext, text: string): Promise<OwnerMatch> {
  authorize(ctx.actor, 'person', 'read');
  return matchOwners(ctx.db, text);
}

/**
 * An owner text followed by the names of the people its initials stand for ("GC/JW Jo Walker"),
 * so a list filtered by a typed name finds the tasks that name that person by initials. The text
 * is split as splitOwnerText splits it, and initials matched ignoring case, as matchOwners does.
 */
export function ownerTextWithNames(column: AnyPgColumn): SQL {
  return sql`concat_ws(' ', ${column}, (select string_agg(${people.name}, ' ') from ${people} where lower(${people.initials}) = any(regexp_split_to_array(lower(${column}), '\\s*(?:[/;,&]|\\mand\\M)\\s*'))))`;
}
