import type { AnyRecordType } from './record-type.js';
import type { Cell, Column } from '../export/tabular.js';
import { propertyOf } from './column-property.js';
import { humanise } from '../../domain/words.js';

/**
 * A record type's fields (all, or `only` those) as export columns, written as the pages write them:
 * money in pounds (not the pence it is stored in), yes and no, codes as words, references with
 * their prefix (R1), and dates a workbook holds as dates. The API's downloads and the CLI's lists
 * both use them, so a risk reads the same everywhere.
 */
export function exportColumns(type: AnyRecordType, names: Map<string, Map<unknown, string>> = new Map(), only?: readonly string[]): Column<Record<string, unknown>>[] {
  const fields = only ? only.map((key) => [key, type.fields[key]!] as const) : Object.entries(type.fields);
  return fields.map(([key, field]): Column<Record<string, unknown>> => {
    const property = propertyOf(type.source, field.column) ?? key;
    // A list (a user's practices) as the pages write one, "C82001, C82009", not as JSON.
    const value = (row: Record<string, unknown>) => {
      const stored = row[property];
      return (Array.isArray(stored) ? stored.join(', ') : stored) as Cell;
    };
    // A stored value written another way; an empty cell stays empty.
    const writtenAs = (write: (stored: string | number | boolean) => Cell) => (row: Record<string, unknown>) => {
      const stored = value(row);
      return stored === null || stored === undefined ? null : write(stored);
    };
    const named = names.get(key);
    const labels = field.labels;
    if (named) return { header: field.header.replace(/ ID$/, ''), value: writtenAs((id) => named.get(id) ?? id) };
    if (field.pence) return { header: field.header.replace(/\s*\(pence\)$/, ' (£)'), value, numeric: true, pence: true };
    if (field.basisPoints) return { header: field.header.replace(/\s*\(basis points\)$/, ' (%)'), value: writtenAs((bp) => Number(bp) / 100), numeric: true };
    if (field.kind === 'boolean') return { header: field.header, value: writtenAs((yes) => (yes ? 'Yes' : 'No')) };
    if (field.prefix) return { header: field.header, value: writtenAs((code) => `${field.prefix}${code}`) };
    if (labels) return { header: field.header, value: writtenAs((code) => (typeof code !== 'string' ? code : labels === 'words' ? humanise(code) : (labels[code] ?? code))) };
    return { header: field.header, value, numeric: field.kind === 'integer' || field.kind === 'number', date: field.kind === 'date' };
  });
}
