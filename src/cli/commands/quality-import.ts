import { closeSync, openSync, readSync } from 'node:fs';
import type { Command } from 'commander';
import type { ImportKind } from '../../app/registry/import-report.js';
import { readConfig } from '../../config.js';
import { detectQofFile } from '../../domain/quality/parse-qof.js';
import { type ImportCommandOptions, importWithProgress } from './registry.js';
import { formatOption } from '../output.js';

const connect = async (config: ReturnType<typeof readConfig>) => (await import('../client.js')).connect(config);

function firstLine(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('latin1').split(/\r?\n/)[0] ?? '';
  } catch {
    return '';
  } finally {
    closeSync(fd);
  }
}

/** Prevalence files first, so a mapping file's register names land on indicators that exist. */
export const qofImportOrder = (paths: readonly string[]) =>
  [...paths].sort((a, b) => Number(detectQofFile(firstLine(a)) === 'qof-indicator-mapping') - Number(detectQofFile(firstLine(b)) === 'qof-indicator-mapping'));

/** `atscale import qof <files…>` and `atscale import indicators <file>`, beside the NHS registry imports. */
export function registerQualityImportCommands(program: Command): void {
  const imports = program.commands.find((c) => c.name() === 'import') ?? program.command('import');
  const commands: [ImportKind, string, string][] = [
    ['qof', 'qof <files...>', 'QOF raw data: PREVALENCE_yyyy.csv (registers and list sizes) and MAPPING_INDICATORS_yyyy.csv (register names); each file all or nothing'],
    ['indicators', 'indicators <files...>', 'Local indicators CSV (a federation’s own dashboard, with thresholds; see docs/quality.md)'],
  ];
  for (const [kind, usage, description] of commands) {
    imports
      .command(usage)
      .description(description)
      .addOption(formatOption(['text', 'json'], 'text'))
      .option('--as-of <date>', 'QOF only: the last day of the QOF year (YYYY-03-31) when the file name does not say')
      .action(async (files: string[], options: ImportCommandOptions) => {
        const client = await connect(readConfig());
        try {
          for (const file of kind === 'qof' ? qofImportOrder(files) : files) await importWithProgress(client, kind, file, options);
        } finally {
          await client.close();
        }
      });
  }
}
