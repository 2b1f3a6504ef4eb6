import { formatDateTime, formatLongDate } from '../iso-date.js';
import { fieldWords } from '../problem-sentence.js';
import { formatPence } from '../schemes/format-money.js';
import { actorName, humanise } from '../words.js';

/*
 * An audited record's properties as a person reads them on the audit page: each named as its
 * record type labels it ("Owner", not "ownerText"), ids as the names of what they point at, codes
 * as words, money in pounds and dates as NHS pages write them.
 */

/** How one property of a record is read: what its record type declares of the field that holds it. */
export interface ValueReading {
  label?: string;
  labels?: Readonly<Record<string, string>> | 'words';
  pence?: boolean;
  basisPoints?: boolean;
  prefix?: string;
  /** The names of the records its ids point at, by id. */
  names?: ReadonlyMap<string, string>;
  /** It names who did something ("Jo Walker <admin@…>", "demo"). */
  actor?: boolean;
}

/** One property a change touched: its label, and what it was and became (null for nothing). */
export interface AuditFieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

/** Kept by every record for the database's sake, not what anyone changed. */
const bookkeeping = new Set(['id', 'rowVersion', 'createdAt', 'updatedAt']);

/**
 * A property read by its name alone: one that says who did something ("enteredBy", "recordedBy")
 * holds an actor's label, read as pages name people; one in pence ("amountPence", "ratePence") is
 * money, read in pounds.
 */
const readingByName = (key: string): ValueReading => (/By$/.test(key) ? { actor: true } : /.Pence$/.test(key) ? { pence: true } : {});
/** What a property read by its name is called: "amountPence" is the "Amount", in pounds; "modelId" (a key in text) the "Model". */
const nameWords = (key: string) => fieldWords(key.replace(/(.)(Pence|Id)$/, '$1'));

function scalarText(value: string | number | boolean, reading: ValueReading): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (reading.actor) return actorName(String(value));
  const named = reading.names?.get(String(value));
  if (named !== undefined) return named;
  if (typeof value === 'number') {
    if (reading.pence) return formatPence(value);
    if (reading.basisPoints) return `${value / 100}%`;
    return String(value);
  }
  if (reading.labels) return reading.labels === 'words' ? humanise(value) : (reading.labels[value] ?? value);
  if (reading.prefix) return `${reading.prefix}${value}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatLongDate(value);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatDateTime(value);
  return value;
}

/** A stored value in words; null when there is nothing (empty text, an empty list). */
export function auditValueText(value: unknown, reading: ValueReading = {}): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) {
    const items = value.map((item) => auditValueText(item, reading)).filter((item): item is string => item !== null);
    return items.length ? items.join(', ') : null;
  }
  if (typeof value === 'object') {
    // An entry kept beside the record (a dated update): what it says, not its ids or the record it belongs to.
    // A key named in text ("modelId": "nurse", a scheme's delivery model) is what the entry is about: it is kept, named without "id".
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([key, item]) => !bookkeeping.has(key) && !(/Id$/.test(key) && typeof item !== 'string'))
      .map(([key, item]) => [nameWords(key), auditValueText(item, readingByName(key))] as const)
      .filter(([, text]) => text !== null);
    return parts.length ? parts.map(([key, text]) => `${key}: ${text}`).join('; ') : null;
  }
  return scalarText(value as string | number | boolean, reading);
}

const asRecord = (value: unknown): Record<string, unknown> | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null);

/**
 * What a change did, property by property: every property it changed (an edit), or every one it
 * held (a creation or deletion), in the order the record type declares its fields, each labelled
 * and in words. `readings` is keyed by property; one it does not know is named in words.
 */
export function auditFieldChanges(entry: { action: string; before: unknown; after: unknown }, readings: Readonly<Record<string, ValueReading>> = {}): AuditFieldChange[] {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  if (!before && !after) return [];
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((key) => !bookkeeping.has(key));
  const order = Object.keys(readings);
  const place = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return keys
    .sort((a, b) => place(a) - place(b))
    .map((key) => {
      const reading = readings[key] ?? readingByName(key);
      return { field: reading.label ?? nameWords(key), before: before ? auditValueText(before[key], reading) : null, after: after ? auditValueText(after[key], reading) : null };
    })
    .filter((change) => (before && after ? change.before !== change.after : change.before !== null || change.after !== null));
}
