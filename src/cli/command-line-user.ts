import { userInfo } from 'node:os';

/**
 * Who runs a command, as the audit names them ("root (command line)"): $USER, or the account's
 * own name where $USER is not set (cron jobs, containers, `sudo -u`), rather than "unknown".
 */
export function commandLineUser(env: NodeJS.ProcessEnv = process.env): string {
  if (env.USER) return env.USER;
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
