import { chmodSync, mkdirSync } from 'node:fs';

/**
 * Creates a data directory only its owner may open (0700), and closes one made before this rule:
 * the embedded database's files hold password hashes, people and contract documents, and PGlite
 * writes them readable and writable by every account on the machine.
 */
export function keepPrivate(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}
