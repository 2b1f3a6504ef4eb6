import { type Action, isAllowed, isAllowedAny, type RecordTypeName } from '../../app/permissions.js';
import type { SessionUser } from '../api/types.js';

/**
 * Whether the signed-in user may do this, by the server's own declaration (src/app/permissions.ts),
 * so a page offers only what the server will take. With a practice code: for that practice's record;
 * without: for every record of the type. The server still decides every request.
 */
export function may(user: SessionUser, type: RecordTypeName, action: Action, practiceCode?: string | null): boolean {
  return isAllowed({ userId: user.id, label: user.label, role: user.role, practiceCodes: user.practiceCodes }, type, action, practiceCode);
}

/** Whether the user may do this to some record of the type (a practice manager: one of their practices'). */
export function mayAny(user: SessionUser, type: RecordTypeName, action: Action): boolean {
  return isAllowedAny({ userId: user.id, label: user.label, role: user.role, practiceCodes: user.practiceCodes }, type, action);
}
