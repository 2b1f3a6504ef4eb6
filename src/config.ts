import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from './domain/errors.js';

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
  ATSCALE_SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  // The reverse proxy in front (its addresses or CIDR ranges, comma-separated): its X-Forwarded-For then names the user's address.
  ATSCALE_TRUST_PROXY: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^[\d.:a-fA-F/]+(\s*,\s*[\d.:a-fA-F/]+)*$/, 'ATSCALE_TRUST_PROXY must be the proxy’s addresses or ranges, such as 127.0.0.1 or 10.0.0.0/8, comma-separated').optional()),
  // The daily digest: where mail goes out, who it is from, when (HH:MM on clocks in England; unset = not scheduled), and the web address for links.
  SMTP_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://').optional()),
  SMTP_FROM: z.string().default('atscale <atscale@localhost>'),
  DIGEST_TIME: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'DIGEST_TIME must be HH:MM, such as 07:00').optional()),
  ATSCALE_PUBLIC_URL: z.string().url().optional(),
  // What the server logs (JSON lines on standard output): errors and warnings by default.
  ATSCALE_LOG_LEVEL: z.enum(['silent', 'error', 'warn', 'info', 'debug']).default('warn'),
});

export interface Config {
  databaseUrl?: string;
  port: number;
  host: string;
  dataDir: string;
  maxUploadBytes: number;
  secureCookies: boolean;
  /** The reverse proxy's addresses, whose X-Forwarded-For is believed; none when unset. */
  trustProxy?: string[];
  smtpUrl?: string;
  smtpFrom: string;
  digestTime?: string;
  publicUrl: string;
  logLevel: LogLevel;
}

export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug';

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    // An AppError, so the CLI prints the message (exit 2) rather than a stack trace.
    const problems = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
    throw new AppError('invalid', 'The environment is not valid: correct these variables (see Configuration in the README)', { problems });
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.ATSCALE_DATA_DIR),
    maxUploadBytes: Math.round(e.ATSCALE_MAX_UPLOAD_MB * 1024 * 1024),
    // Served at an https:// address, the session cookie is sent over HTTPS only unless told otherwise.
    secureCookies: (e.ATSCALE_SECURE_COOKIES ?? (e.ATSCALE_PUBLIC_URL?.startsWith('https://') ? 'true' : 'false')) === 'true',
    trustProxy: e.ATSCALE_TRUST_PROXY?.split(',').map((a) => a.trim()),
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    digestTime: e.DIGEST_TIME,
    publicUrl: e.ATSCALE_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    logLevel: e.ATSCALE_LOG_LEVEL,
  };
}
