import { Details } from 'nhsuk-react-components';
import type { AuditEntry } from '../../api/types.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { actorName, formatDateTime, humanise } from '../../format/format.js';

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

function summaryOf(entry: AuditEntry): string {
  if (entry.summary) return entry.summary.charAt(0).toUpperCase() + entry.summary.slice(1);
  if (entry.action === 'create') return `Created ${nameOf(entry.after)}`.trim();
  if (entry.action === 'delete') return `Deleted ${nameOf(entry.before)}`.trim();
  const changed = changedKeys(entry.before, entry.after);
  return changed.length ? `Changed ${changed.map((k) => k.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)).join(', ')}` : humanise(entry.action);
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

function BeforeAfter({ entry }: { entry: AuditEntry }) {
  if (entry.before === null && entry.after === null) return null;
  return (
    <Details>
      <Details.Summary>
        Before and after<span className="nhsuk-u-visually-hidden"> (change {entry.id})</span>
      </Details.Summary>
      <Details.Text>
        {entry.before !== null ? (
          <>
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-1"><strong>Before</strong></p>
            <pre className="app-pre">{json(entry.before)}</pre>
          </>
        ) : null}
        {entry.after !== null ? (
          <>
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-1"><strong>After</strong></p>
            <pre className="app-pre">{json(entry.after)}</pre>
          </>
        ) : null}
      </Details.Text>
    </Details>
  );
}

/** Recent changes: when, who, what, and the record before and after in a details element. */
export function AuditTable({ entries, caption, showRecord = true }: { entries: AuditEntry[]; caption: string; showRecord?: boolean }) {
  const columns: Column<AuditEntry>[] = [
    { key: 'at', header: 'When', cell: (e) => formatDateTime(e.at) },
    { key: 'who', header: 'Who', cell: (e) => <span title={e.actorLabel ?? undefined}>{actorName(e.actorLabel)}</span> },
    ...(showRecord
      ? [
          { key: 'type', header: 'Record type', cell: (e: AuditEntry) => humanise(e.recordType) },
          { key: 'id', header: 'Record', cell: (e: AuditEntry) => e.recordId },
        ]
      : []),
    { key: 'action', header: 'Action', cell: (e) => humanise(e.action) },
    {
      key: 'summary',
      header: 'Summary',
      cell: (e) => (
        <>
          {summaryOf(e)}
          <BeforeAfter entry={e} />
        </>
      ),
    },
  ];
  return <DataTable caption={caption} captionHidden columns={columns} rows={entries} rowKey={(e) => e.id} empty="No changes have been recorded." compact />;
}
