import type { AnyRecordType, FieldDef } from './record-type.js';

/**
 * A cell of a record type's own download read back as the value it was written from (see
 * export-columns.ts): "R5" → "5", "Carried forward" → "carried_forward", a label → its code.
 */
export function storedFromDownload(field: FieldDef, text: string | undefined): string | undefined {
  const cell = text?.trim();
  if (!cell) return text;
  if (field.prefix && cell.startsWith(field.prefix)) return cell.slice(field.prefix.length);
  if (field.labels === 'words') return cell.toLowerCase().replace(/[\s-]+/g, '_');
  if (field.labels) return Object.entries(field.labels).find(([, words]) => words === cell)?.[0] ?? cell;
  return cell;
}

/** The heading a field has in the record type's download: a named reference loses its " ID". */
const downloadHeader = (field: FieldDef) => (field.names ? field.header.replace(/ ID$/, '') : field.header);

/**
 * Where a register file's columns are in the record type's own download, so a download edited in
 * a spreadsheet imports again: `columnOf` (input field → file column) and `alsoFrom` (file column →
 * a field the download has, such as an action's latest update) say which heading stands for which
 * column. Null when the header is not a download's: some required column is neither there nor there
 * under its download heading.
 */
export function downloadLayout(type: AnyRecordType, header: readonly string[], layout: { columns: readonly string[]; columnOf: Record<string, string>; alsoFrom?: Record<string, string> }): Map<string, { column: string; field: FieldDef }> | null {
  const found = new Map<string, { column: string; field: FieldDef }>();
  const taken = new Set<string>();
  const fieldsOf = [...Object.entries(layout.columnOf), ...Object.entries(layout.alsoFrom ?? {}).map(([column, field]) => [field, column] as const)];
  for (const [fieldName, column] of fieldsOf) {
    const field = type.fields[fieldName];
    if (!field || taken.has(column) || header.includes(column)) continue;
    const heading = downloadHeader(field);
    if (!header.includes(heading) || found.has(heading)) continue;
    found.set(heading, { column, field });
    taken.add(column);
  }
  const missing = layout.columns.filter((column) => !header.includes(column));
  return missing.length && missing.every((column) => taken.has(column)) ? found : null;
}

/** One row of a download as the register file's row: each mapped heading's cell under its column, read back as stored. */
export function rowFromDownload(row: Record<string, string>, mapping: Map<string, { column: string; field: FieldDef }>): Record<string, string> {
  const read: Record<string, string> = { ...row };
  for (const [heading, { column, field }] of mapping) read[column] = storedFromDownload(field, row[heading]) ?? '';
  return read;
}
