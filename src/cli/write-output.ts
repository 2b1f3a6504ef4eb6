import { chmodSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../domain/errors.js';
import { displayPath } from './read-input.js';

/** Why a file cannot be written, in words, as an AppError (exit code 4 for a missing folder, 2 otherwise). */
function cannotWrite(path: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT' ? `there is no folder ${displayPath(dirname(path))}` : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOSPC' ? 'the disk is full' : (error as Error).message;
  return new AppError(code === 'ENOENT' ? 'not_found' : 'invalid', `Cannot write ${displayPath(path)}: ${reason}`);
}

/**
 * Writes a file the user named (--out, a backup), or says plainly why it cannot be written, not with
 * a stack trace. `private`: only its owner may read it (a backup holds password hashes).
 */
export function writeOutputFile(path: string, content: string | Uint8Array, options: { private?: boolean } = {}): void {
  try {
    writeFileSync(path, content, options.private ? { mode: 0o600 } : {});
    if (options.private) chmodSync(path, 0o600);
  } catch (error) {
    throw cannotWrite(path, error);
  }
}

/** A file being made beside the one the user named, which takes its place only once it is whole. */
export interface PendingFile {
  /** Writes the content and puts it in place of the named file, in one rename. */
  commit(content: Uint8Array): void;
  /** Removes what was begun; the named file is as it was. */
  discard(): void;
}

/**
 * Begins a private file that replaces `path` only when it is complete, so a backup that fails (the
 * server stopped, the disk filled) never leaves an empty or cut-short file, nor destroys the last good
 * backup of that name, as a nightly job writing over yesterday's would. The folder is checked now,
 * before the work is done: a file that could never be written is not worked for.
 */
export function beginOutputFile(path: string): PendingFile {
  const partial = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  try {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
    writeFileSync(partial, '', { mode: 0o600 });
  } catch (error) {
    throw cannotWrite(path, error);
  }
  const discard = () => rmSync(partial, { force: true });
  return {
    commit(content) {
      try {
        writeFileSync(partial, content, { mode: 0o600 });
        chmodSync(partial, 0o600);
        renameSync(partial, path);
      } catch (error) {
        discard();
        throw cannotWrite(path, error);
      }
    },
    discard,
  };
}
