import { humanise } from '../words.js';

/** What an audit row holds that a person reads: its own summary, if the change wrote one, and the record before and after. */
export interface AuditChange {
  action: string;
  summary: string | null;
  before: unknown;
  after: unknown;
}

/** The fields that differ between before and after, for a one-line summary of an update. */
function changedKeys(before: unknown, after: unknown): string[] {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return [];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return Object.keys(a).filter((k) => !['rowVersion', 'updatedAt'].includes(k) && JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/** What a record is called: its name, email or practice code, when it has one. */
function nameOf(record: unknown): string {
  if (!record || typeof record !== 'object') return '';
  const r = record as Record<string, unknown>;
  const name = r.displayName ?? r.name ?? r.email ?? r.practiceCode;
  return typeof name === 'string' ? name : '';
}

/**
 * One line saying what a change did, the same on the audit page and in its download: the summary
 * the change wrote, else "Created …", "Deleted …" or "Changed status, due date" worked out from
 * its before and after.
 */
export function auditSummary(entry: AuditChange): string {
  if (entry.summary) return entry.summary.charAt(0).toUpperCase() + entry.summary.slice(1);
  if (entry.action === 'create') return `Created ${nameOf(entry.after)}`.trim();
  if (entry.action === 'delete') return `Deleted ${nameOf(entry.before)}`.trim();
  const changed = changedKeys(entry.before, entry.after);
  return changed.length ? `Changed ${changed.map((k) => k.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)).join(', ')}` : humanise(entry.action);
}
