import { Details } from 'nhsuk-react-components';
import type { AuditEntry } from '../../api/types.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { actorName, formatDateTime, humanise, shortText } from '../../format/format.js';

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

/** The record a change was to, by name where the server found one, with its ID below (unless the name ends with it, as "Kibworth Medical Centre (C82001)" does): the ID is what the filter above finds. */
function RecordNamed({ entry }: { entry: AuditEntry }) {
  if (!entry.recordName) return <>{entry.recordId}</>;
  return (
    <>
      {entry.recordName}
      {entry.recordName.endsWith(`(${entry.recordId})`) ? null : <span className="nhsuk-u-display-block nhsuk-u-secondary-text-colour">ID {entry.recordId}</span>}
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

/** Recent changes: when, who, what, and the record before and after in a details element. */
export function AuditTable({ entries, caption, showRecord = true }: { entries: AuditEntry[]; caption: string; showRecord?: boolean }) {
  const columns: Column<AuditEntry>[] = [
    { key: 'at', header: 'When', cell: (e) => formatDateTime(e.at) },
    { key: 'who', header: 'Who', cell: (e) => <span title={e.actorLabel ?? undefined}>{actorName(e.actorLabel)}</span> },
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
          <BeforeAfter entry={e} />
        </>
      ),
    },
  ];
  return <DataTable caption={caption} captionHidden columns={columns} rows={entries} rowKey={(e) => e.id} empty="No changes have been recorded." compact />;
}
