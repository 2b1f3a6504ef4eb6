import type { Command } from 'commander';
import { withClient } from '../with-client.js';
import type { ImportKind } from '../../app/registry/import-report.js';
import { detectQofFile } from '../../domain/quality/parse-qof.js';
import { type ImportCommandOptions, importWithProgress, reportJson } from './registry.js';
import { formatOption } from '../output.js';
import { readInputHead } from '../read-input.js';


/** A file that cannot be read stops the command here, with a message, before any file is imported. */
const firstLine = (path: string): string => readInputHead(path).toString('latin1').split(/\r?\n/)[0] ?? '';

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
    const command = imports.command(usage).description(description).addOption(formatOption(['text', 'json'], 'text', 'output format (json: one report, or a list of them for several files)'));
    if (kind === 'qof') command.option('--as-of <date>', 'the last day of the QOF year (YYYY-03-31) when the file name does not say');
    command.action(async (files: string[], options: ImportCommandOptions) => {
      const ordered = kind === 'qof' ? qofImportOrder(files) : files;
      await withClient(async (client) => {
        const reports = [];
        // Several files in JSON make one document, a list, that a script can parse.
        const several = options.format === 'json' && ordered.length > 1;
        for (const file of ordered) reports.push(await importWithProgress(client, kind, file, options, { print: !several }));
        if (several) process.stdout.write(`${JSON.stringify(reports.map(reportJson), null, 2)}\n`);
      });
    });
  }
}
