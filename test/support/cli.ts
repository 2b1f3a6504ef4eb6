import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const projectRoot = join(import.meta.dirname, '../..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `atscale` command (bin/atscale.mjs) in its own process. */
export function runCli(args: string[], env: Record<string, string | undefined>, timeoutMs = 120_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(projectRoot, 'bin/atscale.mjs'), ...args], { cwd: projectRoot, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}

const shellQuoted = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/**
 * Runs `atscale` at a terminal, as a person would: `script` gives it a pseudo-terminal. Each answer
 * is typed once the output so far ends with its prompt (typing earlier would be echoed before the
 * command hides it). The output is what the terminal showed, with its carriage returns and without
 * cursor movements.
 */
export function runCliAtTerminal(args: string[], env: Record<string, string | undefined>, answers: { after: string; type: string }[]): Promise<{ code: number; output: string }> {
  const command = [process.execPath, join(projectRoot, 'bin/atscale.mjs'), ...args].map(shellQuoted).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: projectRoot, env: { ...process.env, ...env } });
    let output = '';
    const pending = [...answers];
    child.stdout.on('data', (d) => {
      output += d;
      // readline moves the cursor with escape codes after its prompt: they are not text shown.
      const shown = output.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').trimEnd();
      while (pending.length && shown.endsWith(pending[0]!.after.trimEnd())) child.stdin.write(`${pending.shift()!.type}\r`);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, output: output.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '') });
    });
  });
}

/** Starts `atscale serve` and resolves once it says where it is listening. */
export function startCliServer(env: Record<string, string>, args: string[] = []): Promise<{ stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>; output(): string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(projectRoot, 'bin/atscale.mjs'), 'serve', ...args], { cwd: projectRoot, env: { ...process.env, DATABASE_URL: '', ...env } });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
    const onData = (d: Buffer) => {
      output += d;
      if (output.includes('Press Ctrl+C to stop.')) {
        clearTimeout(timer);
        resolve({
          output: () => output,
          // Twice, as Ctrl+C under `npm start` delivers it: once from the terminal, once passed on by npm start.
          stop: () =>
            new Promise((done) => {
              child.once('close', (code, signal) => done({ code, signal }));
              child.kill('SIGTERM');
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

/** A port nothing listens on now, for a server a test starts. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
