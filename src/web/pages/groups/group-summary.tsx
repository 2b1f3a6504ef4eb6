import { Button } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { queryString } from '../../api/client.js';
import type { GroupSummary, Organisation } from '../../api/types.js';
import { useApiQuery } from '../../api/use-api.js';
import { DateField, dateFieldTarget, dateProblem, isoToParts, partsToIso } from '../../components/date-field.js';
import { FormErrorSummary, useFormErrors } from '../../components/form-errors.js';
import { codeAndName, SummaryRows } from '../../components/summary-rows.js';
import { formatDate, formatList, formatNumber, todayIso } from '../../format/format.js';
import { isRealDate, isSensibleDate } from '../../../domain/iso-date.js';

/** The date memberships are shown on: ?on=YYYY-MM-DD, else (and for a day the calendar has not got, typed into the address) today. */
export function useMembershipDate() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('on');
  const on = raw && /^\d{4}-\d{2}-\d{2}$/.test(raw) && isRealDate(raw) && isSensibleDate(raw) ? raw : null;
  const choose = (iso: string) => {
    const next = new URLSearchParams(params);
    next.set('on', iso);
    setParams(next);
  };
  return { on, choose };
}

export function useGroupSummary(groupId: number | null, on: string | null) {
  return useApiQuery<GroupSummary>(groupId === null ? null : `/api/groups/${groupId}/summary${queryString({ on })}`, { keepPrevious: true });
}

/** The commissioner's name, for headings: "03W – NHS East Leicestershire and Rutland CCG". */
export function useCommissionerLabel(code: string | null) {
  const organisations = useApiQuery<{ items: Organisation[] }>(code ? '/api/organisations?kind=sub_icb' : null);
  if (!code) return null;
  const name = organisations.data?.items.find((o) => o.code === code)?.name;
  return codeAndName(code, name);
}

/** "Show membership on" [date] [Show]: members on another day (the API's ?on=). */
export function MembershipDateForm({ on, onChoose }: { on: string | null; onChoose(iso: string): void }) {
  const [parts, setParts] = useState(() => isoToParts(on ?? todayIso()));
  const form = useFormErrors();
  function submit(event: FormEvent) {
    event.preventDefault();
    const problem = dateProblem(parts, 'Date', true);
    if (problem) return form.show([{ field: dateFieldTarget('on'), message: problem }]);
    form.clear();
    onChoose(partsToIso(parts)!);
  }
  return (
    <form onSubmit={submit} noValidate aria-label="Show membership on a date">
      <FormErrorSummary errors={form.errors} attempt={form.attempt} />
      <div className="app-inline-form">
        <DateField id="on" legend="Show membership on" value={parts} onChange={setParts} error={form.fieldError(dateFieldTarget('on'))} />
        <Button type="submit" secondary>
          Show
        </Button>
      </div>
    </form>
  );
}

/** Total registered population, number of practices and the list size dates they come from. */
export function KeyFigures({ summary }: { summary: GroupSummary }) {
  return (
    <div className="app-key-figures">
      <SummaryRows
        rows={[
          { key: 'Total registered population', value: formatNumber(summary.totalListSize) },
          { key: 'Number of practices', value: formatNumber(summary.practices.length) },
          { key: 'List sizes as at', value: formatList(summary.listSizeDates.map(formatDate)) },
          ...(summary.withoutListSize.length ? [{ key: 'No list size on record', value: `${formatList(summary.withoutListSize)} (not in the total: the list-size file of ${summary.listSizeDates.length ? formatDate(summary.listSizeDates.at(-1)!) : 'that date'} does not hold ${summary.withoutListSize.length === 1 ? 'it' : 'them'}, as with a practice closing; or import one that does)` }] : []),
          ...(summary.goneSinceListSizes.length ? [{ key: 'Closed or left since those list sizes', value: <span data-testid="gone-since-list-sizes">{summary.goneSinceListSizes.join(' ')}</span> }] : []),
          { key: 'Membership on', value: formatDate(summary.onDate) },
        ]}
      />
    </div>
  );
}
