import { resolve } from 'node:path';
import { z } from 'zod';

/** The environment, read once and checked, at the composition root (src/composition.ts). */
const environmentSchema = z.object({
  // An empty DATABASE_URL means "not set": the embedded database.
  DATABASE_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://').optional(),
  ),
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  ATSCALE_DATA_DIR: z.string().default('./data'),
  ATSCALE_MAX_UPLOAD_MB: z.coerce.number().positive().default(50),
  ATSCALE_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
});

export interface Config {
  databaseUrl?: string;
  port: number;
  host: string;
  dataDir: string;
  maxUploadBytes: number;
  secureCookies: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`atscale: the environment is not valid:\n${lines}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.ATSCALE_DATA_DIR),
    maxUploadBytes: Math.round(e.ATSCALE_MAX_UPLOAD_MB * 1024 * 1024),
    secureCookies: e.ATSCALE_SECURE_COOKIES === 'true',
  };
}
