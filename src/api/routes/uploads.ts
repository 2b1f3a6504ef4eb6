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
      if (!extensions.includes(extension)) throw new AppError('unsupported', `${part.filename} is not a ${extensions.join(' or ')} file`, { problems: [{ file: part.filename, message: `expected a ${extensions.join(' or ')} file` }] });
      file = { name: part.filename, content };
    } else fields[part.fieldname] = String(part.value);
  }
  if (!file || file.content.length === 0) throw new AppError('invalid', 'Choose a file to upload', { problems: [{ field: 'file', message: 'Choose a file to upload' }] });
  return { ...file, fields };
}
