import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { findSchemeBySlug } from '../../db/repos/schemes.js';
import { readPracticeTable } from '../../domain/schemes/practices.js';
import { parseSchemeDefinition, type SchemeDefinition, type SchemePracticeEntry } from '../../domain/schemes/scheme-definition.js';
import { parseCsv } from '../../domain/schemes/tabular-input.js';
import type { AppContext } from '../context.js';
import { importDeliveredCsv } from '../schemes/delivered-activity.js';
import { importHandScheduleCsv } from '../schemes/hand-schedule.js';
import { approveScheme, createScheme } from '../schemes/save-scheme.js';
import { projectRoot } from '../../project-root.js';

export const exampleSchemesFolder = join(projectRoot, 'examples/schemes');

/**
 * The two worked examples, as the demo federation keeps them. The winter scheme's list sizes are
 * the demo registry's (taken at `listSnapshotDate`); the pharmacist scheme used list sizes from
 * another date that the registry does not hold, so its practice table keeps them inline.
 */
const demoSchemes = [
  { file: 'winter-access-2017-18.yaml', listSnapshot: { date: '2018-01-01', name: 'Winter access scheme list, about January 2018' } },
  { file: 'clinical-pharmacists-2018.yaml', listSnapshot: null },
] as const;

const readExample = (name: string) => ({ name, content: readFileSync(join(exampleSchemesFolder, name)) });

/** The scheme file's practice table as inline practices, mapped to the registry by ODS code. */
function inlinePractices(definition: SchemeDefinition, withListSizes: boolean): SchemePracticeEntry[] {
  const file = definition.practices && !Array.isArray(definition.practices) ? definition.practices.file : null;
  if (!file) throw new Error('the example schemes keep their practices in a CSV beside the scheme file');
  return readPracticeTable(parseCsv(readExample(file).content.toString('utf8'), file)).map((p) => ({
    name: p.name,
    odsCode: p.odsCode,
    participation: p.participation,
    ...(withListSizes && p.listSize !== undefined ? { listSize: p.listSize } : {}),
    ...(p.locality ? { locality: p.locality } : {}),
    ...(p.cluster ? { cluster: p.cluster } : {}),
  }));
}

/**
 * Loads the example schemes into the demo federation, each approved as version 1 with its
 * delivered activity or hand schedule, through the same use cases as the API. Schemes already
 * there are left alone, so loading twice changes nothing.
 */
export async function loadDemoSchemes(ctx: AppContext, federationId: number): Promise<string[]> {
  const loaded: string[] = [];
  for (const example of demoSchemes) {
    const fromFile = parseSchemeDefinition(parseYaml(readExample(example.file).content.toString('utf8')), example.file);
    if (await findSchemeBySlug(ctx.db, fromFile.id!)) continue;
    const { practices: _practices, delivered, handSchedule, ...terms } = fromFile;
    const definition = { ...terms, practices: inlinePractices(fromFile, !example.listSnapshot), ...(example.listSnapshot ? { listSnapshot: example.listSnapshot } : {}) };
    const created = await createScheme(ctx, { definition, groupId: federationId });
    const id = created.scheme.id;
    // The seed's returns came in years ago, on days nobody kept: recorded as received on a day not known.
    if (delivered) await importDeliveredCsv(ctx, id, readExample(delivered.file), undefined, undefined, null);
    if (handSchedule?.file) await importHandScheduleCsv(ctx, id, readExample(handSchedule.file), { label: handSchedule.label, ...(handSchedule.description ? { description: handSchedule.description } : {}) });
    const { scheme } = await approveScheme(ctx, id, (await findSchemeBySlug(ctx.db, created.scheme.slug))!.rowVersion);
    loaded.push(`${scheme.name} (version 1, approved)`);
  }
  return loaded;
}
