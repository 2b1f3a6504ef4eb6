import { extname } from 'node:path';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors.js';

export interface Upload {
  name: string;
  content: Uint8Array;
  fields: Record<string, string>;
}

/** Reads the one file of a multipart upload, refusing a missing file, a wrong type or one over the size limit. */
export async function readUpload(request: FastifyRequest, extensions: string[]): Promise<Upload> {
  if (!request.isMultipart()) throw new AppError('unsupported', 'Send the file as multipart/form-data');
  const fields: Record<string, string> = {};
  let file: { name: string; content: Uint8Array } | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const extension = extname(part.filename).toLowerCase();
      const content = await part.toBuffer();
      if (part.file.truncated) throw new AppError('too_large', `${part.filename} is larger than the upload limit`);
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
  if (!file || file.content.length === 0) throw new AppError('invalid', 'Choose a file to upload', { problems: [{ field: 'file', message: 'Choose a file to upload' }] });
  return { ...file, fields };
}
