import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Command } from 'commander';
import { readConfig } from '../../config.js';
import { writeRows } from '../output.js';
import { readInputFile } from '../read-input.js';
import { writeOutputFile } from '../write-output.js';
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
      const [{ buildServer, WEB_NOT_BUILT, webPagesBuilt }, { openDatabase }, { demoUsers, loadDemo }, { roleLabels, systemActor }] = await Promise.all([server(), composition(), demo(), import('../../app/context.js')]);
      const opened = await openDatabase(config, 'server');
      let demoMessage: string | undefined;
      if (options.demo) demoMessage = (await loadDemo({ db: opened.database.db, actor: systemActor })).message;
      const cliToken = randomBytes(32).toString('base64url');
      const app = await buildServer({ database: opened.database, cliToken, maxUploadBytes: config.maxUploadBytes, secureCookies: config.secureCookies, webRoot, logLevel: config.logLevel, digest: { smtpUrl: config.smtpUrl, from: config.smtpFrom, baseUrl: config.publicUrl } });
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
      if (demoMessage) lines.push(demoMessage, '', 'Demo sign-ins (email / password):', ...demoUsers.map((u) => `  ${roleLabels[u.role].padEnd(17)} ${u.email} / ${u.password}`));
      lines.push('', 'Press Ctrl+C to stop.', '');
      process.stdout.write(lines.join('\n'));
      // Ctrl+C reaches both `npm start` and this process, and npm start passes it on as well: the
      // second signal must not end the process while the database is still being closed.
      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        stopDigest?.();
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
      const opened = await (await composition()).openDatabase(readConfig(), 'cli');
      await opened.close();
      process.stdout.write(`The database is up to date (${opened.database.kind}: ${opened.database.location}).\n`);
    });

  program
    .command('demo')
    .description('Demo data')
    .command('load')
    .description('Load the demo federation (East Leicestershire & Rutland)')
    .action(async () => {
      const connection = await (await client()).connect(readConfig());
      try {
        process.stdout.write(`${(await connection.loadDemo()).message}\n`);
      } finally {
        await connection.close();
      }
    });

  program
    .command('backup <file>')
    .description('Write everything stored to a backup file (gzipped JSON)')
    .action(async (file: string) => {
      const opened = await (await composition()).openDatabase(readConfig(), 'cli');
      try {
        writeOutputFile(file, await (await backups()).createBackup(opened.database), { private: true });
        process.stdout.write(`Backed up to ${file}\n`);
      } finally {
        await opened.close();
      }
    });

  program
    .command('restore <file>')
    .description('Replace everything stored with a backup (all or nothing)')
    .action(async (file: string) => {
      const opened = await (await composition()).openDatabase(readConfig(), 'cli');
      try {
        const [{ cliActor }, { commandLineUser }] = await Promise.all([import('../../app/context.js'), import('../command-line-user.js')]);
        const counts = await (await backups()).restoreBackup(opened.database, readInputFile(file), cliActor(commandLineUser()));
        process.stdout.write(`Restored ${file}:\n\n`);
        // One table a line, by name, its rows lined up, rather than every table on one long line.
        await writeRows(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)), [{ header: 'Table', value: ([table]) => table }, { header: 'Rows', value: ([, rows]) => rows, numeric: true }], 'table');
      } finally {
        await opened.close();
      }
    });
}
