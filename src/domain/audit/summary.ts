import { capitalise } from '../problem-sentence.js';
import { formatList, humanise } from '../words.js';

/** What an audit row holds that a person reads: its own summary, if the change wrote one, and the record before and after. */
export interface AuditChange {
  action: string;
  summary: string | null;
  before: unknown;
  after: unknown;
}

/** What people call each property of a record ("commissionerCode" is "Sub-ICB code"), declared once per record type. */
export type FieldLabels = Readonly<Record<string, string>>;

/** The fields that differ between before and after, for a one-line summary of an update. */
function changedKeys(before: unknown, after: unknown): string[] {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return [];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return Object.keys(a).filter((k) => !['rowVersion', 'updatedAt'].includes(k) && JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/** What a record is called: its name, email or practice code, when it has one; a membership names its practice and group. */
export function nameOf(record: unknown): string {
  if (!record || typeof record !== 'object') return '';
  const r = record as Record<string, unknown>;
  if (typeof r.practiceCode === 'string' && typeof r.groupName === 'string') return `${r.practiceCode} in ${r.groupName}`;
  const name = r.displayName ?? r.name ?? r.email ?? r.practiceCode;
  return typeof name === 'string' ? name : '';
}

/**
 * A field named inside a sentence: its label with a lower-case first letter ("Status" → "status",
 * "Sub-ICB code" → "sub-ICB code") unless it starts with an abbreviation ("ICB code", "PCN"); a
 * property with no label in words ("statusRaw" → "status raw").
 */
function fieldInSentence(key: string, labels: FieldLabels): string {
  const label = labels[key];
  if (label === undefined) return key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
  return /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/**
 * One line saying what a change did, the same on the audit page and in its download: the summary
 * the change wrote, else "Created …", "Deleted …" or "Changed status and due date" worked out from
 * its before and after, naming each field as people see it elsewhere (`labels`, the record type's).
 */
export function auditSummary(entry: AuditChange, labels: FieldLabels = {}): string {
  if (entry.summary) return capitalise(entry.summary);
  if (entry.action === 'create') return `Created ${nameOf(entry.after)}`.trim();
  if (entry.action === 'delete') return `Deleted ${nameOf(entry.before)}`.trim();
  const changed = changedKeys(entry.before, entry.after);
  return changed.length ? `Changed ${formatList(changed.map((k) => fieldInSentence(k, labels)))}` : humanise(entry.action);
}
