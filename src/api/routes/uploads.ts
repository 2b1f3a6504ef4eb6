import { extname } from 'node:path';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors.js';

export interface Upload {
  name: string;
  content: Uint8Array;
  fields: Record<string, string>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The largest file an upload may carry (ATSCALE_MAX_UPLOAD_MB). */
    maxUploadBytes: number;
  }
}

/** "1 MB", "2.5 MB", "64 KB": a size limit as people read it. */
export function describeSize(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return megabytes >= 1 ? `${Number(megabytes.toFixed(1))} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** A file over the limit, named, with the limit: the form puts "File must be 1 MB or smaller" beside the file box. */
const tooLarge = (name: string, limit: number) => new AppError('too_large', `${name} is larger than the upload limit of ${describeSize(limit)}`, { problems: [{ field: 'file', message: `must be ${describeSize(limit)} or smaller` }] });

/** Reads the one file of a multipart upload, refusing a missing file, a wrong type or one over the size limit. */
export async function readUpload(request: FastifyRequest, extensions: readonly string[]): Promise<Upload> {
  if (!request.isMultipart()) throw new AppError('unsupported', 'Send the file as multipart/form-data');
  const fields: Record<string, string> = {};
  let file: { name: string; content: Uint8Array } | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const extension = extname(part.filename).toLowerCase();
      const content = await part.toBuffer().catch((error: unknown) => {
        throw (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge(part.filename, request.server.maxUploadBytes) : error;
      });
      if (part.file.truncated) throw tooLarge(part.filename, request.server.maxUploadBytes);
      if (!extensions.includes(extension)) {
        // NHS England publishes some files zipped: say what to do, not only what is wrong.
        const wanted = `${extensions.join(' or ')} file`;
        const expected = `expected a ${wanted}`;
        const message = extension === '.zip' ? `is a zip archive: unzip it and choose the ${wanted} inside` : `is not a ${wanted}`;
        throw new AppError('unsupported', `${part.filename} ${message}`, { problems: [{ file: part.filename, message: extension === '.zip' ? `${expected}; unzip it first` : expected }] });
      }
      file = { name: part.filename, content };
    } else fields[part.fieldname] = String(part.value);
  }
  if (!file) throw new AppError('invalid', 'Choose a file to upload', { problems: [{ field: 'file', message: 'Choose a file to upload' }] });
  // A file was chosen, or named on the command line: "choose a file" would not say what is wrong.
  if (file.content.length === 0) throw new AppError('invalid', `${file.name} is empty`, { problems: [{ field: 'file', message: 'The selected file is empty' }] });
  return { ...file, fields };
}
