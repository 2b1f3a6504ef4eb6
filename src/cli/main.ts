import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { reportError } from './output.js';
import { registerProgrammeCommands } from './commands/programme.js';
import { registerGovernanceCommands } from './commands/governance.js';
import { registerFinanceCommands } from './commands/finance.js';
import { registerContractCommands } from './commands/contracts.js';
import { registerFundCommands } from './commands/funds.js';
import { registerQualityCommands } from './commands/quality.js';
import { registerQualityImportCommands } from './commands/quality-import.js';
import { registerRegistryCommands } from './commands/registry.js';
import { registerUserCommands } from './commands/users.js';
import { registerSchemeCommands } from './commands/scheme.js';
import { registerServerCommands } from './commands/server.js';
import { registerAuditCommand } from './commands/audit.js';
import { projectRoot } from '../project-root.js';

/**
 * `atscale` — the command line. Each command module registers its commands here and calls the
 * same use cases as the API (src/app), so the CLI and the web can never disagree.
 */
export function buildProgram(): Command {
  const program = new Command();
  // exitOverride: a usage error (unknown option, a value outside its choices) throws instead of exiting, so runCli gives it exit code 2.
  // Positional options: atscale's own --version is read before a command only, so `scheme show 1 --version 2` names the scheme's version.
  program
    .name('atscale')
    .description('atscale: primary care at scale — registry, schemes, finance, governance, quality')
    .version(packageVersion(), '-V, --version', 'the version of atscale')
    .showHelpAfterError()
    .enablePositionalOptions()
    .exitOverride();
  registerServerCommands(program);
  registerRegistryCommands(program);
  registerUserCommands(program);
  registerSchemeCommands(program);
  registerQualityCommands(program);
  registerProgrammeCommands(program);
  registerGovernanceCommands(program);
  registerFinanceCommands(program);
  registerContractCommands(program);
  registerFundCommands(program);
  registerQualityImportCommands(program);
  registerAuditCommand(program);
  return program;
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

export async function runCli(argv: string[]): Promise<void> {
  // `atscale practices | head` closes the pipe early: the reader has what it wanted, so stop quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    // Commander has already printed its message (and help); help and --version end with code 0.
    if (error instanceof CommanderError) process.exitCode = error.exitCode === 0 ? 0 : 2;
    else reportError(error);
  }
}

if (process.argv[1] && /(^|[\\/])main\.(ts|js)$/.test(process.argv[1])) await runCli(process.argv);
