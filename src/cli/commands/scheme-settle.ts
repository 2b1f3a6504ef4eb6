import type { Command } from 'commander';
import { withClient } from '../with-client.js';
import { invalid } from '../../domain/errors.js';
import { isoDateSchema } from '../../domain/iso-date.js';
import { settlementWords, type Settlement } from '../../domain/schemes/settlement.js';
import { readVersions, schemeIdOf, versionOf, type Versions } from './scheme-stored.js';

/**
 * A scheme's approval and settlement from the command line, as its page's buttons do them (admins):
 * approve the latest version; record that the version in force was invoiced to the commissioner,
 * then paid to practices, or undo either. Each reads what is stored first and sends it as what the
 * change is based on, so a change made meanwhile (on the page, say) is refused, never overwritten.
 */

type StepOptions = { on?: string; reference?: string; version?: string; undo?: boolean };

/** The version named, or the one in force: the latest approved. */
function chosenVersion(versions: Versions, asked: number | undefined) {
  const version = asked === undefined ? versions.items.findLast((v) => v.status === 'approved') : versions.items.find((v) => v.version === asked);
  if (!version) throw invalid(asked === undefined ? `${versions.scheme.name} has no approved version to invoice or pay` : `${versions.scheme.name} has no version ${asked}`, [{ field: '--version', message: 'choose a version from atscale scheme show' }]);
  return version;
}

function stepOf(options: StepOptions): Settlement['invoiced'] {
  if (options.undo) {
    if (options.on || options.reference) throw invalid('--undo takes no date or reference', [{ field: '--undo', message: 'give either --undo, or --on with an optional --reference' }]);
    return null;
  }
  const on = isoDateSchema.safeParse(options.on);
  if (!on.success) throw invalid(options.on ? `--on "${options.on}" is not a date` : 'Give the day with --on', [{ field: '--on', message: 'the day as YYYY-MM-DD, e.g. 2018-05-15' }]);
  return { on: on.data, reference: options.reference?.trim() || null };
}

async function recordStep(idText: string, step: keyof Settlement, options: StepOptions): Promise<void> {
  const id = schemeIdOf(idText);
  const asked = versionOf(options.version);
  const changed = stepOf(options);
  await withClient(async (client) => {
    const version = chosenVersion(await readVersions(client, id), asked);
    const basedOn: Settlement = { invoiced: version.invoiced, paid: version.paid };
    const request = { version: version.version, ...basedOn, [step]: changed, basedOn };
    const result = await client.act(async (ctx) => (await import('../../app/schemes/settlement.js')).recordSettlement(ctx, id, request), `/api/schemes/${id}/settlement`, request, 'PUT');
    const now: Settlement = { invoiced: result.version.invoiced, paid: result.version.paid };
    process.stdout.write(`${result.version.name}, version ${result.version.version}${result.changed ? '' : ' (already so)'}: ${settlementWords(now)}.\n`);
  });
}

async function approve(idText: string): Promise<void> {
  const id = schemeIdOf(idText);
  await withClient(async (client) => {
    const [scheme] = await client.listRecords('schemes', { id: String(id) });
    if (!scheme) throw invalid(`There is no scheme ${id}`, [{ field: 'scheme ID', message: 'the ID column of atscale scheme list' }]);
    const body = { rowVersion: scheme.rowVersion as number };
    const approved = await client.act(async (ctx) => (await import('../../app/schemes/save-scheme.js')).approveScheme(ctx, id, body.rowVersion), `/api/schemes/${id}/approve`, body);
    const superseded = approved.superseded.length ? `; version ${approved.superseded.join(', ')} superseded` : '';
    process.stdout.write(`Approved version ${approved.version.version} of ${approved.scheme.name}${superseded}.\n`);
  });
}

export function addSettlementCommands(scheme: Command): void {
  scheme
    .command('approve')
    .description('Approve the latest version of a scheme kept in atscale (admins), as its page does: its terms are fixed, and the version approved before it is superseded')
    .argument('<id>', 'the scheme’s ID, from atscale scheme list')
    .action(approve);
  for (const [name, step, what] of [
    ['invoiced', 'invoiced', 'that the version in force was invoiced to the commissioner: its activity returns are then settled'],
    ['paid', 'paid', 'that the version in force was paid to the practices'],
  ] as const) {
    scheme
      .command(name)
      .description(`Record ${what} (admins), with the day and a reference; --undo takes it back`)
      .argument('<id>', 'the scheme’s ID, from atscale scheme list')
      .option('--on <date>', 'the day, YYYY-MM-DD')
      .option('--reference <text>', step === 'invoiced' ? 'the invoice number' : 'the remittance or payment reference')
      .option('--version <n>', 'this approved or superseded version (the version in force unless given)')
      .option('--undo', `record that it was not ${name} after all`)
      .action((id: string, options: StepOptions) => recordStep(id, step, options));
  }
}
