import { eq } from 'drizzle-orm';
import { forbidden } from '../../domain/errors.js';
import { formatList } from '../../domain/words.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../context.js';
import { isOwner } from '../people/owners.js';
import { authorizeAny, isAllowedAny } from '../permissions.js';
import type { AnyRecordType } from './record-type.js';

/** Refuses someone who is not among the people the record names as its owners. */
async function refuseUnlessOwner(db: Db, actor: Actor, type: AnyRecordType, row: Record<string, unknown>): Promise<void> {
  if (!(await isOwner(db, actor, (row.ownerPersonIds as number[] | null) ?? []))) throw forbidden(`Only the federation and the ${type.label}’s owners can change it`);
}

/** An update made under the type's owners rule: by someone whose role may not change the type, which lets owners change some fields. */
export const isOwnersChange = (actor: Actor, type: AnyRecordType): boolean => !!type.ownersMayChange && !isAllowedAny(actor, type.name, 'update');

/**
 * Refuses an owner's change, before what it sends is read, unless they are one of the record's
 * owners and it changes only the fields owners may (`ownersMayChange`): a risk's owner records its
 * review, not its wording or status, which the federation keeps.
 */
export async function refuseUnlessOwnersChange(db: Db, actor: Actor, type: AnyRecordType, existing: Record<string, unknown>, input: unknown): Promise<void> {
  const name = (key: string) => (type.fields[key]?.header ?? key).toLowerCase();
  const allowed = type.ownersMayChange ?? [];
  await refuseUnlessOwner(db, actor, type, existing);
  const others = Object.keys(input && typeof input === 'object' ? input : {}).filter((key) => key !== 'rowVersion' && !allowed.includes(key));
  if (others.length) throw forbidden(`As its owner you may change the ${type.label}’s ${formatList(allowed.map(name))}; the federation changes its ${formatList(others.map(name))}`);
}

/**
 * For the API, before a change is read: refuses someone who may not change this record, either by
 * role or as one of its owners where the type lets owners change some of it. The use case checks
 * again, with what was sent.
 */
export async function refuseUnlessMayChange(db: Db, actor: Actor, type: AnyRecordType, rawId: string): Promise<void> {
  const byOwner = isOwnersChange(actor, type);
  authorizeAny(actor, type.name, byOwner ? 'read' : 'update');
  if (!byOwner) return;
  const [row] = (await db.select().from(type.table as never).where(eq(type.idColumn, type.parseId(rawId))).limit(1)) as Record<string, unknown>[];
  // A record that is not there is the use case's to say.
  if (row) await refuseUnlessOwner(db, actor, type, row);
}
