import type { Db } from '../../db/client.js';
import type { Actor } from '../context.js';
import { personOfUser } from '../reminders/my-items.js';

/**
 * Whether the actor is one of the people a record names as its owners (a risk's, an action's): the
 * person on the People page their user is linked to, or has their email. A commissioner reads
 * only, so is never an owner who acts; nor is the command line, which has no user.
 */
export async function isOwner(db: Db, actor: Actor, ownerPersonIds: readonly number[]): Promise<boolean> {
  if (actor.role === 'commissioner' || actor.userId === null || !ownerPersonIds.length) return false;
  const person = await personOfUser(db, actor.userId);
  return person !== null && ownerPersonIds.includes(person.id);
}
