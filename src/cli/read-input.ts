import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { relative } from 'node:path';
import { AppError } from '../domain/errors.js';

/** How a path is shown in messages: relative to the working directory when that is shorter. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && rel.length < path.length ? rel : path;
}

/** A file the user named on the command line, or a clear message (not a stack trace) when it cannot be read. */
export function readInputFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw cannotRead(path, error);
  }
}

/** The start of such a file (to tell what kind it is), with the same message when it cannot be read. */
export function readInputHead(path: string, bytes = 4096): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw cannotRead(path, error);
  }
  try {
    const buffer = Buffer.alloc(bytes);
    return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0));
  } catch (error) {
    throw cannotRead(path, error);
  } finally {
    closeSync(fd);
  }
}

function cannotRead(path: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
  return new AppError(code === 'ENOENT' ? 'not_found' : 'invalid', `Cannot read ${displayPath(path)}: ${reason}`);
}

/** The text of such a file, without a byte-order mark. */
export function readInputText(path: string): string {
  return readInputFile(path).toString('utf8').replace(/^\uFEFF/, '');
}
