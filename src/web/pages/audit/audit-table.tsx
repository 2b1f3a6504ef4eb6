import { Details } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { recordPage } from './record-pages.js';
import type { AuditEntry } from '../../api/types.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { actorName, formatDateTime, humanise, shortText } from '../../format/format.js';

const NotSet = () => <span className="nhsuk-u-secondary-text-colour">Not set</span>;

/** What the change did, field by field, as the record's pages name the fields: before and after of an edit, what a record held when made or removed. */
function Changes({ entry }: { entry: AuditEntry }) {
  if (!entry.changes.length) return null;
  const edit = entry.before !== null && entry.after !== null;
  // An update that only adds (a dated entry, a file) has no before: it says what was added.
  const what = edit ? 'Before and after' : entry.after === null ? 'What it held when removed' : entry.recordType === 'session' ? 'Where it came from' : entry.action === 'create' ? 'What it held' : entry.action === 'restore' ? 'What it restored' : 'What was added';
  return (
    <Details>
      <Details.Summary>
        {what}
        <span className="nhsuk-u-visually-hidden"> (change {entry.id})</span>
      </Details.Summary>
      <Details.Text>
        {/* Not the responsive table around it: on a phone it keeps its header row. */}
        <table className="nhsuk-table app-audit-changes">
          <caption className="nhsuk-u-visually-hidden">{what}</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              {edit ? (
                <>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                </>
              ) : (
                <th scope="col">Value</th>
              )}
            </tr>
          </thead>
          <tbody>
            {entry.changes.map((c) => (
              <tr key={c.field}>
                <th scope="row">{c.field}</th>
                {edit ? <td>{c.before ?? <NotSet />}</td> : null}
                <td>{(edit || entry.after !== null ? c.after : c.before) ?? <NotSet />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Details.Text>
    </Details>
  );
}

/** The record a change was to, by name where the server found one (a link to its page while it has one), with its ID below (unless the name ends with it, as "Kibworth Medical Centre (C82001)" does): the ID is what the filter above finds. */
function RecordNamed({ entry }: { entry: AuditEntry }) {
  const href = recordPage(entry);
  const name = entry.recordName ?? entry.recordId;
  return (
    <>
      {href ? <Link to={href}>{name}</Link> : name}
      {!entry.recordName || entry.recordName.endsWith(`(${entry.recordId})`) ? null : <span className="nhsuk-u-display-block nhsuk-u-secondary-text-colour">ID {entry.recordId}</span>}
    </>
  );
}

/** Longer than this, a summary (the demo load's lists everything it added) is cut, with the whole of it a click away. */
const LONG_SUMMARY = 240;

function Summary({ text }: { text: string | null }) {
  if (!text || text.length <= LONG_SUMMARY) return <>{text}</>;
  return (
    <>
      {shortText(text, 200)}
      <Details>
        <Details.Summary>Whole summary</Details.Summary>
        <Details.Text>{text}</Details.Text>
      </Details>
    </>
  );
}

function WhoDidIt({ label }: { label: string | null }) {
  const name = actorName(label);
  // The email address a person's label carries ("Jo Walker <jo@…>"); atscale, the demo and the CLI have none.
  const email = /<([^>]*)>$/.exec(label ?? '')?.[1];
  if (!email) return <>{name}</>;
  return (
    <>
      {name}
      <br />
      <span className="nhsuk-u-secondary-text-colour nhsuk-u-font-size-14">{email}</span>
    </>
  );
}

/** Recent changes: when, who, what, and the record before and after in a details element. */
export function AuditTable({ entries, caption, showRecord = true }: { entries: AuditEntry[]; caption: string; showRecord?: boolean }) {
  const columns: Column<AuditEntry>[] = [
    { key: 'at', header: 'When', cell: (e) => formatDateTime(e.at) },
    // The name, then the whole label (an email address, the CLI) where it says more: in view, not in a tooltip a keyboard cannot reach.
    { key: 'who', header: 'Who', cell: (e) => <WhoDidIt label={e.actorLabel} /> },
    ...(showRecord
      ? [
          { key: 'type', header: 'Record type', cell: (e: AuditEntry) => humanise(e.recordType) },
          { key: 'id', header: 'Record', long: true, cell: (e: AuditEntry) => <RecordNamed entry={e} /> },
        ]
      : []),
    { key: 'action', header: 'Action', cell: (e) => humanise(e.action) },
    {
      key: 'summary',
      header: 'Summary',
      long: true,
      cell: (e) => (
        <>
          <Summary text={e.summary} />
          <Changes entry={e} />
        </>
      ),
    },
  ];
  return <DataTable caption={caption} captionHidden columns={columns} rows={entries} rowKey={(e) => e.id} empty="No changes have been recorded." compact />;
}
