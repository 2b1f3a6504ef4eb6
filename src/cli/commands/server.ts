import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Command } from 'commander';
import { readConfig } from '../../config.js';
import type { BackupFile } from '../../app/backup/backup.js';
import { AppError } from '../../domain/errors.js';
import { formatDateTime } from '../../domain/iso-date.js';
import { countOf, formatList } from '../../domain/words.js';
import { capitalise } from '../../domain/problem-sentence.js';
import { writeRows } from '../output.js';
import { readInputFile } from '../read-input.js';
import { beginOutputFile } from '../write-output.js';
import { projectRoot } from '../../project-root.js';

// Heavy modules (the server, the database engines) load only when a command runs, so that
// `atscale --help` and the file-only commands start quickly.
const server = () => import('../../api/server.js');
const composition = () => import('../../composition.js');
const demo = () => import('../../app/demo/load-demo.js');
const backups = () => import('../../app/backup/backup.js');
const client = () => import('../client.js');

const webRoot = join(projectRoot, 'dist/web');

export function registerServerCommands(program: Command): void {
  program
    .command('serve')
    .description('Serve the web app and API (migrates first)')
    .option('--demo', 'load the demo federation if it is not loaded yet')
    .action(async (options: { demo?: boolean }) => {
      const config = readConfig();
      const [{ buildServer, WEB_NOT_BUILT, webPagesBuilt }, { openDatabase }, { demoSignIns, loadDemo }, { roleLabels, systemActor }] = await Promise.all([server(), composition(), demo(), import('../../app/context.js')]);
      const opened = await openDatabase(config, 'server');
      // An import a stopped server left half-way says so, rather than "Running" for ever.
      const stopWatchingJobs = await (await import('../../app/jobs/jobs.js')).watchForInterruptedJobs(opened.database.db, opened.database.kind === 'pglite');
      let demoMessage: string | undefined;
      if (options.demo) demoMessage = (await loadDemo({ db: opened.database.db, actor: systemActor })).message;
      const signIns = await demoSignIns(opened.database.db);
      const { users } = await import('../../db/schema/index.js');
      const noUsers = (await opened.database.db.$count(users)) === 0;
      const cliToken = randomBytes(32).toString('base64url');
      const app = await buildServer({ database: opened.database, cliToken, maxUploadBytes: config.maxUploadBytes, secureCookies: config.secureCookies, trustProxy: config.trustProxy, webRoot, logLevel: config.logLevel, digest: { smtpUrl: config.smtpUrl, from: config.smtpFrom, baseUrl: config.publicUrl } });
      try {
        await app.listen({ port: config.port, host: config.host });
      } catch (error) {
        // Let go of the database and its lock, so other commands can use it, and say what to do.
        await app.close();
        await opened.close();
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
        const { AppError } = await import('../../domain/errors.js');
        throw new AppError('unavailable', `Port ${config.port} is already in use by another program: stop it, or choose another port, for example PORT=8081 npm start`);
      }
      opened.lock?.update({ port: config.port, cliToken });
      const { scheduleDailyDigest } = await import('../../app/reminders/digest-schedule.js');
      const stopDigest = config.digestTime ? scheduleDailyDigest(opened.database.db, config.digestTime, { smtpUrl: config.smtpUrl, from: config.smtpFrom, baseUrl: config.publicUrl }) : undefined;
      const shownHost = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
      const lines = [
        '',
        `atscale is running at http://${shownHost}:${config.port}`,
        `Database: ${opened.database.kind === 'pglite' ? `embedded PGlite in ${opened.database.location}` : `PostgreSQL at ${opened.database.location}`}`,
      ];
      if (!webPagesBuilt(webRoot)) lines.push(WEB_NOT_BUILT);
      if (demoMessage) lines.push(demoMessage);
      if (signIns.length) lines.push('', 'Demo sign-ins (email / password):', ...signIns.map((u) => `  ${roleLabels[u.role].padEnd(17)} ${u.email} / ${u.password}`));
      // A database set up without the demo has no one to sign in until its first admin is added.
      if (noUsers) lines.push('', 'No one can sign in yet. Add the first admin from another terminal (it goes through this server):', `  npx atscale users add --email you@example.org --name "Your name" --role admin`);
      lines.push('', 'Press Ctrl+C to stop.', '');
      process.stdout.write(lines.join('\n'));
      // Ctrl+C reaches both `npm start` and this process, and npm start passes it on as well: the
      // second signal must not end the process while the database is still being closed.
      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        stopDigest?.();
        stopWatchingJobs();
        await app.close();
        await opened.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });

  program
    .command('migrate')
    .description('Bring the database schema up to date')
    .action(async () => {
      const [{ openDatabase }, { appliedMigrations }] = await Promise.all([composition(), import('../../db/client.js')]);
      const opened = await openDatabase(readConfig(), 'cli', { migrate: false });
      try {
        const before = await appliedMigrations(opened.database);
        await opened.database.migrate();
        const after = await appliedMigrations(opened.database);
        const { kind, location } = opened.database;
        // On PostgreSQL the database is the administrator's: atscale makes only its schema (its tables) in it.
        const where = kind === 'pglite' ? `the embedded database in ${location}` : `the atscale schema in the PostgreSQL database at ${location}`;
        process.stdout.write(`${capitalise(migrateSentence(where, before, after))}\n`);
      } finally {
        await opened.close();
      }
    });

  program
    .command('demo')
    .description('Demo data')
    .command('load')
    .description('Load the demo federation (East Leicestershire & Rutland)')
    .action(async () => {
      const connection = await (await client()).connect(readConfig(), { create: true });
      try {
        const result = await connection.loadDemo();
        process.stdout.write(`${result.message}\n`);
        if (result.refused) process.exitCode = 2;
      } finally {
        await connection.close();
      }
    });

  program
    .command('backup <file>')
    .description('Write everything stored to a backup file (gzipped JSON); while the server runs, it takes the backup')
    .action(async (file: string) => {
      // While the server holds the embedded database, it takes the backup: no one need stop using atscale.
      // The file is begun (private, beside the named one) before the backup is taken, so a backup that could never be written is
      // not taken, nor audited as taken; it replaces a file of that name only once whole, so a failed one leaves the last good backup.
      const pending = beginOutputFile(file);
      try {
        const connection = await (await client()).connect(readConfig());
        try {
          pending.commit(await connection.backup());
        } finally {
          await connection.close();
        }
        process.stdout.write(`Backed up to ${file}\n`);
      } finally {
        pending.discard();
      }
    });

  program
    .command('restore <file>')
    .description('Replace everything stored with a backup (all or nothing; asks first unless --yes)')
    .option('--yes', 'replace what is stored without asking (for scripts)')
    .action(async (file: string, options: { yes?: boolean }) => {
      const { heldNow, readBackup, refuseNewerBackup, restoreBackup } = await backups();
      const backup = readBackup(readInputFile(file));
      const opened = await (await composition()).openDatabase(readConfig(), 'cli', { alone: true });
      try {
        // Refused before anyone is asked whether to go on.
        await refuseNewerBackup(opened.database, backup);
        const held = await heldNow(opened.database);
        if (!options.yes && Object.values(held).some((n) => n > 0)) await confirmRestore(file, backup, held, opened.database.location);
        const [{ cliActor }, { commandLineUser }] = await Promise.all([import('../../app/context.js'), import('../command-line-user.js')]);
        const counts = await restoreBackup(opened.database, backup, cliActor(commandLineUser()));
        process.stdout.write(`Restored ${file}:\n\n`);
        // One table a line, by name, its rows lined up, rather than every table on one long line.
        await writeRows(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)), [{ header: 'Table', value: ([table]) => table }, { header: 'Rows', value: ([, rows]) => rows, numeric: true }], 'table');
      } finally {
        await opened.close();
      }
    });
}

/** What `atscale migrate` did to the database `where` names: made it, brought it up to date, or found nothing to do. */
export function migrateSentence(where: string, before: number, after: number): string {
  if (before === after) return `${where} was already up to date (${countOf(after, 'migration')}).`;
  if (before === 0) return `Created ${where} (${countOf(after, 'migration')}).`;
  return `Brought ${where} up to date: applied ${countOf(after - before, 'migration')}, ${after} in all.`;
}

type Held = Awaited<ReturnType<Awaited<ReturnType<typeof backups>>['heldNow']>>;

/** "31 practices, 7 groups and 4 users", from a table's rows by name. */
const heldWords = (rows: (name: keyof Held) => number) => formatList([countOf(rows('practices'), 'practice'), countOf(rows('practice_groups'), 'group'), countOf(rows('users'), 'user')]);

/**
 * A restore replaces everything stored, so on a database that holds anything it says what would be
 * replaced by what, and goes on only when the person at the terminal types yes. A script (no
 * terminal) must say --yes: it is never asked a question no one will answer.
 */
async function confirmRestore(file: string, backup: BackupFile, held: Held, location: string): Promise<void> {
  const what = `This replaces everything stored in ${location} (${heldWords((name) => held[name])}) with the backup made on ${formatDateTime(backup.createdAt)} (${heldWords((name) => backup.tables[name]?.length ?? 0)}). The audit log is kept.`;
  if (!process.stdin.isTTY) throw new AppError('invalid', `${what} Run atscale restore ${file} --yes to go on.`);
  const { createInterface } = await import('node:readline/promises');
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await terminal.question(`${what}\nType yes to restore: `);
    if (answer.trim().toLowerCase() !== 'yes') throw new AppError('invalid', 'Nothing was restored.');
  } finally {
    terminal.close();
  }
}
