import { Button, InsetText } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { useApiQuery } from '../../api/use-api.js';
import { DateField, dateFieldTarget, dateProblem, isoOrNull, isoToParts } from '../../components/date-field.js';
import { FormErrorSummary } from '../../components/form-errors.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { useApiForm } from '../../components/use-api-form.js';
import { formatDate, formatList, todayIso } from '../../format/format.js';
import { type DeliveredList, type Scheme, schemePath } from './types.js';

const deliveredPath = (schemeId: number, version: number) => `${schemePath(schemeId)}/delivered?version=${version}`;

/** Who has not returned yet, and by when: "Waiting for 2 of 3 practices: …, due by 11 May 2018 (overdue)". */
function Waiting({ delivered }: { delivered: DeliveredList }) {
  const asked = delivered.asked;
  const due = delivered.returnsDueOn;
  const late = due !== null && due < todayIso();
  const by = due ? ` Returns are due by ${formatDate(due)}${late ? ', and are overdue' : ''}.` : '';
  if (delivered.awaited.length === 0) return <p className="nhsuk-body">Every practice taking part has returned its activity.{due ? ` Returns were due by ${formatDate(due)}.` : ''}</p>;
  return (
    <InsetText>
      <p>
        Waiting for {delivered.awaited.length} of {asked} {asked === 1 ? 'practice' : 'practices'}: {formatList(delivered.awaited.map((p) => p.name))}.{by}
      </p>
    </InsetText>
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
  const form = useApiForm<{ rowVersion: number; returnsDueOn: string | null }>((body) => ({ method: 'PUT', path: `${schemePath(scheme.id)}/returns-due`, body }), {
    invalidates: ['/api/schemes', '/api/my-items'],
    fields: { returnsDueOn: { id: dateFieldTarget(id), label: 'Activity returns due' } },
  });
  // Only the latest version collects returns.
  if (version !== scheme.currentVersion) return null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const problem = dateProblem(date, 'Activity returns due date', false);
    form.submit({ rowVersion: scheme.rowVersion, returnsDueOn: isoOrNull(date) }, () => (problem ? [{ field: dateFieldTarget(id), message: problem }] : []));
  }
  return (
    <section className="app-panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Activity returns due</h3>
      <SuccessBanner id={id} count={form.successes}>
        {scheme.returnsDueOn ? `Activity returns are due by ${formatDate(scheme.returnsDueOn)}. Practice managers see their return on My items until they send it.` : 'The due date was removed.'}
      </SuccessBanner>
      {delivered.data ? <Waiting delivered={delivered.data} /> : null}
      <form onSubmit={submit} noValidate aria-label="Activity returns due">
        <FormErrorSummary errors={form.errors} attempt={form.attempt} />
        <DateField id={id} legend="Day the returns are due" hint="Leave blank for no due date. For example, 30 4 2018" value={date} onChange={setDate} error={form.fieldError(dateFieldTarget(id))} />
        <Button type="submit" secondary disabled={form.pending}>
          Save the due date
        </Button>
      </form>
    </section>
  );
}

/** A practice manager's reminder above their return: due by when, and whether it is still awaited. */
export function OwnReturnDue({ schemeId, version }: { schemeId: number; version: number }) {
  const delivered = useApiQuery<DeliveredList>(deliveredPath(schemeId, version));
  const due = delivered.data?.returnsDueOn;
  if (!due || !delivered.data) return null;
  const awaited = delivered.data.awaited;
  return (
    <InsetText>
      <p>
        {awaited.length ? `Your return for ${formatList(awaited.map((p) => p.name))} is due by ${formatDate(due)}${due < todayIso() ? ' and is overdue' : ''}.` : `Returns were due by ${formatDate(due)}. Yours has been received.`}
      </p>
    </InsetText>
  );
}
