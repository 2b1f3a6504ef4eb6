import type { Db } from '../db/client.js';

export const roles = ['admin', 'practice_manager', 'commissioner', 'clinician'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: 'Federation admin',
  practice_manager: 'Practice manager',
  commissioner: 'Commissioner',
  clinician: 'Clinician',
};

/** A role as a sentence says it, in its case: "practice manager", "federation admin"; an unknown one as it is. */
export const roleWords = (role: string): string => (role in roleLabels ? roleLabels[role as Role].toLowerCase() : role);

/** Who is doing something: a signed-in user, the CLI on the server's machine, the system itself (a start-up task), or the demo loader. */
export interface Actor {
  userId: number | null;
  label: string;
  role: Role;
  /** ODS codes of the practices a practice manager or clinician works for. */
  practiceCodes: readonly string[];
  /** The sign-in a web request came with (its stored id), so a change that ends a user's other sign-ins can keep this one. */
  sessionId?: string;
}

export const systemActor: Actor = { userId: null, label: 'system', role: 'admin', practiceCodes: [] };
/**
 * The author of what the demo loader writes, whoever asked for it: pages name it "Demo data", not the
 * operator who ran `atscale demo load` (the audit row of the load itself names them).
 */
export const demoActor: Actor = { userId: null, label: 'demo', role: 'admin', practiceCodes: [] };
export const cliActor = (user = process.env.USER ?? 'unknown'): Actor => ({ userId: null, label: `cli:${user}`, role: 'admin', practiceCodes: [] });

/** What every use case receives: the database and who is asking. */
export interface AppContext {
  db: Db;
  actor: Actor;
}
