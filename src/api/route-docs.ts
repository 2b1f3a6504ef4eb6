import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** A file a route answers with, by its media types ("text/csv; charset=utf-8" is written text/csv). */
export interface FileAnswer {
  file: readonly string[];
  description: string;
}

/** What a route answers on success, by status: a zod schema for JSON, or the file it sends. */
export type Answers = Record<number, z.ZodType | FileAnswer>;

/** A multipart upload: the one file (field `file`), the kinds it may be, and the other form fields by name. */
export interface UploadForm {
  extensions: readonly string[];
  fields?: Record<string, string>;
  /** The route also reads the same as a JSON body, checked by this schema. */
  json?: z.ZodType;
}

declare module 'fastify' {
  interface FastifySchema {
    /**
     * What the route answers on success, for the API description only: fastify does not serialise
     * through it (a property it missed would be dropped from the answer), so the document's promise
     * is held by the test that checks real answers against it (openapi-answers.test.ts).
     */
    answers?: Answers;
    /** The route reads a multipart upload (readUpload): described as the request body. */
    upload?: UploadForm;
  }
}

export const csv = ['text/csv'] as const;
export const xlsx = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] as const;
export const pdf = ['application/pdf'] as const;
export const svg = ['image/svg+xml'] as const;

/** A list or report sent as CSV or XLSX, as `export.{format}` asks. */
export const tableFile: FileAnswer = { file: [...csv, ...xlsx], description: 'the table as CSV or XLSX, as the address names' };

/** A file answer with a sentence saying what it holds. */
export const fileAnswer = (types: readonly string[], description: string): FileAnswer => ({ file: types, description });

const isFileAnswer = (answer: z.ZodType | FileAnswer): answer is FileAnswer => 'file' in answer && Array.isArray((answer as FileAnswer).file);

function uploadBody(upload: UploadForm) {
  const fields = Object.fromEntries(Object.entries(upload.fields ?? {}).map(([name, description]) => [name, { type: 'string', description }]));
  return {
    type: 'object',
    required: ['file'],
    properties: { file: { type: 'string', format: 'binary', description: `the one file: ${upload.extensions.join(' or ')}` }, ...fields },
  };
}

type RouteDocument = Parameters<typeof jsonSchemaTransform>[0];

/**
 * The document's view of a route: the zod schemas turned into JSON Schema (fastify-type-provider-zod),
 * with the route's `answers` as its success responses and its `upload` as a multipart request body.
 */
export function describeRoute(document: RouteDocument) {
  const { answers = {}, upload, ...schema } = (document.schema ?? {}) as Record<string, unknown> & { answers?: Answers; upload?: UploadForm; response?: Record<string, unknown> };
  const json = Object.entries(answers).filter(([, answer]) => !isFileAnswer(answer));
  const files = Object.entries(answers).filter((entry): entry is [string, FileAnswer] => isFileAnswer(entry[1]));
  const response = { ...schema.response, ...Object.fromEntries(json) };
  const described = jsonSchemaTransform({ ...document, schema: Object.keys(response).length ? { ...schema, response } : schema } as RouteDocument);
  const result = described.schema as Record<string, unknown> & { response?: Record<string, unknown> };
  if (!result || result.hide) return described;
  if (files.length) {
    result.response = { ...result.response };
    for (const [status, answer] of files) {
      result.response[status] = { description: answer.description, content: Object.fromEntries(answer.file.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) };
    }
  }
  if (upload) {
    const multipart = { 'multipart/form-data': { schema: uploadBody(upload) } };
    const json = upload.json ? { 'application/json': { schema: z.toJSONSchema(upload.json, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) } } : {};
    Object.assign(result, { body: { content: { ...json, ...multipart } } });
  }
  return described;
}
