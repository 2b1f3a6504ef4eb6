import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The NHS Digital files live in ../shared/data/nhs beside the project; they are never copied into it. */
export const nhsDir = join(import.meta.dirname, '../../../shared/data/nhs');

export function nhsFile(name: string): { name: string; content: Buffer } {
  const path = join(nhsDir, name);
  if (!existsSync(path)) throw new Error(`${path} is missing: the tests read the NHS Digital files from ../shared/data/nhs (see README, "NHS open data").`);
  return { name, content: readFileSync(path) };
}

/** The bytes of one NHS Digital file. */
export const readNhsData = (name: string): Buffer => nhsFile(name).content;

/** Every release, in the order of the dates they describe. */
export const releasesInDateOrder = [
  ['ods', 'epraccur-2018-06.csv'],
  ['ods', 'epraccur-2019-11.csv'],
  ['list-sizes', 'gp-reg-pat-prac-all-2021-01.csv'],
  ['ods', 'epraccur-2022-12.csv'],
  ['pcns', 'ePCN-2023-01.xlsx'],
  ['list-sizes', 'gp-reg-pat-prac-all-2025-04.csv'],
  ['ods', 'epraccur-2025-09.csv'],
  ['ods', 'epraccur-2026-06.csv'],
  ['pcns', 'gp-reg-pat-prac-map-2026-08.csv'],
] as const;
