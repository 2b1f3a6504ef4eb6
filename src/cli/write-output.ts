import { chmodSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../domain/errors.js';
import { displayPath } from './read-input.js';

/**
 * Writes a file the user named (--out, a backup), or says plainly why it cannot be written, not with
 * a stack trace. `private`: only its owner may read it (a backup holds password hashes).
 */
export function writeOutputFile(path: string, content: string | Uint8Array, options: { private?: boolean } = {}): void {
  try {
    writeFileSync(path, content, options.private ? { mode: 0o600 } : {});
    if (options.private) chmodSync(path, 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? `there is no folder ${displayPath(dirname(path))}` : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOSPC' ? 'the disk is full' : (error as Error).message;
    throw new AppError(code === 'ENOENT' ? 'not_found' : 'invalid', `Cannot write ${displayPath(path)}: ${reason}`);
  }
}
