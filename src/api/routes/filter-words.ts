import type { AnyRecordType } from '../../app/records/record-type.js';
import { formatLongDate } from '../../domain/iso-date.js';
import { humanise } from '../../domain/words.js';

/**
 * The filters a list was cut by, as its page's filter form words them: "Status: Open", "Work plan:
 * ELR work plan", "Search: "access"", for the "About" tab of its download.
 */
export function filterWords(type: AnyRecordType, filters: Record<string, string>, search: string | undefined, names: Map<string, Map<unknown, string>>): string[] {
  const words = Object.entries(filters).flatMap(([key, raw]) => {
    if (raw === '') return [];
    const field = type.fields[key];
    const named = names.get(key);
    if (!field) return [`${type.conditions?.[key]?.label ?? humanise(key)}: ${named?.get(Number(raw)) ?? named?.get(raw) ?? raw}`];
    const labels = field.labels;
    const value =
      named?.get(Number(raw)) ??
      named?.get(raw) ??
      (labels === 'words' ? humanise(raw) : labels?.[raw]) ??
      (field.kind === 'boolean' ? (raw === 'true' ? 'Yes' : raw === 'false' ? 'No' : raw) : field.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? formatLongDate(raw) : raw);
    return [`${field.header.replace(/ ID$/, '')}: ${value}`];
  });
  return search ? [...words, `Search: “${search}”`] : words;
}

/** The audit log's filters in words. */
export function auditFilterWords(query: { recordType?: string; signIns?: string; recordId?: string; who?: string; from?: string; to?: string }): string[] {
  return [
    ...(query.recordType ? [`Kind of record: ${humanise(query.recordType)}`] : []),
    ...(query.recordId ? [`Record: ${query.recordId}`] : []),
    ...(query.who ? [`Who: “${query.who}”`] : []),
    ...(query.from ? [`From: ${formatLongDate(query.from)}`] : []),
    ...(query.to ? [`To: ${formatLongDate(query.to)}`] : []),
    ...(query.signIns === 'exclude' ? ['Sign-ins and sign-outs left out'] : []),
  ];
}
