import { Button, Details, InsetText, Tag } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { hasBeenApproved, returnsClosed } from '../../../domain/schemes/returns-due.js';
import { lastSentWords, receivedWords } from '../../../domain/schemes/returns-sent.js';
import { useApiQuery } from '../../api/use-api.js';
import { DateField, dateFieldTarget, dateProblem, isoOrNull, isoToParts } from '../../components/date-field.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { FormErrorSummary } from '../../components/form-errors.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { useApiForm } from '../../components/use-api-form.js';
import { formatDate, formatList, todayIso } from '../../format/format.js';
import { type DeliveredList, type Scheme, schemePath } from './types.js';

const deliveredPath = (schemeId: number, version: number) => `${schemePath(schemeId)}/delivered?version=${version}`;
const practicesText = (n: number) => `${n} ${n === 1 ? 'practice' : 'practices'}`;

/** "Returns are due by 11 May 2018", "… and are overdue" once it has passed. */
function dueSentence(due: string | null): string {
  if (!due) return 'No due date is set.';
  return returnsClosed(due, todayIso()) ? `Returns were due by ${formatDate(due)} and are overdue.` : `Returns are due by ${formatDate(due)}.`;
}

/** The banner after saving: a date already past says the returns still awaited are overdue. */
function savedText(due: string | null): string {
  if (!due) return 'The due date was removed.';
  return returnsClosed(due, todayIso()) ? `Activity returns were due by ${formatDate(due)}: that date has passed, so the returns still awaited are overdue.` : `Activity returns are due by ${formatDate(due)}.`;
}

/** Who has not returned yet, one per line (practice names can hold commas), and by when. */
function Waiting({ delivered }: { delivered: DeliveredList }) {
  if (delivered.awaited.length === 0) {
    return <p className="nhsuk-body">Every practice taking part has returned its activity.{delivered.returnsDueOn ? ` Returns were due by ${formatDate(delivered.returnsDueOn)}.` : ''}</p>;
  }
  return (
    <InsetText>
      <p>
        Waiting for {delivered.awaited.length} of {practicesText(delivered.asked)}. {dueSentence(delivered.returnsDueOn)}
      </p>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {delivered.awaited.map((p) => (
          <li key={p.odsCode}>
            {p.name} ({p.odsCode})
          </li>
        ))}
      </ul>
    </InsetText>
  );
}

/** "Received 20 March 2026" (or that the day was not kept), with a Late tag when that was after the due date. */
function ReceivedOn({ received }: { received: DeliveredList['received'][number] }) {
  return (
    <>
      {receivedWords(received.receivedOn)}
      {received.late ? (
        <>
          {' '}
          <Tag modifier="red">Late</Tag>
        </>
      ) : null}
    </>
  );
}

const receivedColumns: Column<DeliveredList['received'][number]>[] = [
  { key: 'practice', header: 'Practice', cell: (r) => `${r.name} (${r.odsCode})` },
  { key: 'received', header: 'Return received', cell: (r) => <ReceivedOn received={r} /> },
  // The latest change: a correction moves it on, as the form promises ("the federation sees who sent them and when").
  { key: 'sent', header: 'Last sent', cell: (r) => lastSentWords(r.lastSent) },
];

/** Who has returned, when each return was first received and when it was last sent and by whom: the late ones in view, every one in a table below. */
function Received({ delivered }: { delivered: DeliveredList }) {
  const { received } = delivered;
  if (received.length === 0) return null;
  const late = received.filter((r) => r.late);
  return (
    <>
      {late.length ? (
        <>
          <p className="nhsuk-body">
            {late.length === 1 ? '1 return was' : `${late.length} returns were`} first received after the due date{delivered.returnsDueOn ? ` (${formatDate(delivered.returnsDueOn)})` : ''}:
          </p>
          <ul className="nhsuk-list">
            {late.map((r) => (
              <li key={r.odsCode}>
                {r.name} ({r.odsCode}): <ReceivedOn received={r} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Details>
        <Details.Summary>Returns received from {practicesText(received.length)}</Details.Summary>
        <Details.Text>
          <DataTable caption="Returns received" captionHidden columns={receivedColumns} rows={received} rowKey={(r) => r.odsCode} />
        </Details.Text>
      </Details>
    </>
  );
}

/**
 * The federation sets the day practices' activity returns are due, and sees who it still waits
 * for. Practice managers then find their return on My items (and in the daily email) until they send it.
 */
export function ReturnsDue({ scheme, version }: { scheme: Scheme; version: number }) {
  const delivered = useApiQuery<DeliveredList>(deliveredPath(scheme.id, version));
  const [date, setDate] = useState(isoToParts(scheme.returnsDueOn));
  const id = 'returns-due';
  const form = useApiForm<{ basedOn: string | null; returnsDueOn: string | null }>((body) => ({ method: 'PUT', path: `${schemePath(scheme.id)}/returns-due`, body }), {
    invalidates: ['/api/schemes', '/api/my-items'],
    fields: { returnsDueOn: { id: dateFieldTarget(id), label: 'Activity returns due date' } },
  });
  // The due date belongs to the scheme, not a version: it is set once, from the latest version's page.
  if (version !== scheme.currentVersion) return null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const problem = dateProblem(date, 'Activity returns due date', false);
    form.submit({ basedOn: scheme.returnsDueOn, returnsDueOn: isoOrNull(date) }, () => (problem ? [{ field: dateFieldTarget(id), message: problem }] : []));
  }
  return (
    <section className="app-panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Activity returns due</h3>
      <SuccessBanner id={id} count={form.successes}>
        {savedText(scheme.returnsDueOn)}
      </SuccessBanner>
      {delivered.data ? <Waiting delivered={delivered.data} /> : null}
      {delivered.data ? <Received delivered={delivered.data} /> : null}
      <p className="nhsuk-body">
        From 14 days before the date, each practice still to return has it on its practice manager’s My items and daily email, until the return is sent{hasBeenApproved(scheme) ? '' : ', once the scheme is approved'}.
        Practice managers can send or change their return up to and including the date; after it, only the federation can record or correct a return, here.
      </p>
      <form onSubmit={submit} noValidate aria-label="Activity returns due">
        <FormErrorSummary errors={form.errors} attempt={form.attempt} title={form.conflict ? 'Someone else changed the due date after you opened this page' : undefined} />
        <DateField id={id} legend="Day the returns are due" hint="Leave blank for no due date. For example, 30 4 2018" value={date} onChange={setDate} error={form.fieldError(dateFieldTarget(id))} />
        <Button type="submit" secondary disabled={form.pending}>
          Save the due date
        </Button>
      </form>
    </section>
  );
}

/**
 * The returns as anyone who reads them but does not record them sees them (a commissioner, a
 * clinician: activity_return read): who the scheme waits for, by when, and who has returned, when,
 * and who last sent each. Nothing to set or send.
 */
export function ReturnsSeen({ schemeId, version }: { schemeId: number; version: number }) {
  const delivered = useApiQuery<DeliveredList>(deliveredPath(schemeId, version));
  if (!delivered.data) return null;
  return (
    <>
      <Waiting delivered={delivered.data} />
      <Received delivered={delivered.data} />
    </>
  );
}

/** A practice manager's reminder above their return: due by when, whether it has been received, and whether returns have closed. */
export function OwnReturnDue({ schemeId, version }: { schemeId: number; version: number }) {
  const delivered = useApiQuery<DeliveredList>(deliveredPath(schemeId, version));
  const due = delivered.data?.returnsDueOn;
  if (!due || !delivered.data) return null;
  const { awaited, received, returnsClosed } = delivered.data;
  const names = formatList(awaited.map((p) => p.name));
  const firstReceived = received.find((r) => r.receivedOn)?.receivedOn;
  const sent = received.find((r) => r.lastSent)?.lastSent ?? null;
  let text: string;
  if (awaited.length) text = returnsClosed ? `Your return for ${names} was due by ${formatDate(due)} and was not received.` : `Your return for ${names} is due by ${formatDate(due)}.`;
  else text = `${firstReceived ? `Your return was received on ${formatDate(firstReceived)}` : 'Your return has been received'}${sent ? `; last sent ${lastSentWords(sent)}` : ''}. ${returnsClosed ? `Returns were due by ${formatDate(due)}.` : `Returns are due by ${formatDate(due)}; you can change it until then.`}`;
  return (
    <InsetText>
      <p>{text}</p>
    </InsetText>
  );
}
