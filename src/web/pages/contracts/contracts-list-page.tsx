import { Button, Heading, Tag, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { queryString } from '../../api/client.js';
import { useApiQuery } from '../../api/use-api.js';
import { isAdmin, useUser } from '../../auth/session.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { DateField, dateFieldTarget, dateProblem, isoOrNull, isoToParts } from '../../components/date-field.js';
import { FormErrorSummary, useFormErrors } from '../../components/form-errors.js';
import { Loaded, usePageTitle } from '../../components/page-states.js';
import { formatDate, formatMoney, withinDaysOf } from '../../format/format.js';
import { ReminderTags } from './reminder-tags.js';
import { type Contract, type ContractRegister } from './types.js';
import { valueBasisWords } from '../../../domain/contracts/value-basis.js';
import './contracts.css';
import { ExportLinks } from '../../components/export-links.js';
import { defaultReminderDays } from '../../../domain/contracts/contract-reminders.js';
import { FinanceNav } from '../finance/finance-frame.js';

const columns: Column<Contract>[] = [
  { key: 'title', header: 'Contract', cell: (c) => <Link to={`/contracts/${c.id}`}>{c.title}</Link> },
  // Who it is with and for whom, in one column: one atscale may keep several federations' contracts.
  {
    key: 'commissioner',
    header: 'Commissioner',
    cell: (c) => (
      <>
        {c.commissioner}
        <span className="nhsuk-u-display-block nhsuk-u-secondary-text-colour">For {c.footprintName}</span>
      </>
    ),
  },
  // A date or a sum is kept on one line, but not the words around it: held on one line each, these
  // columns (and the signed count's heading) pushed "Not signed" and "Due soon" out of sight on a laptop.
  {
    key: 'dates',
    header: 'Runs',
    cell: (c) => (
      <>
        <span className="app-nowrap">{formatDate(c.startDate)}</span> to <span className="app-nowrap">{c.endDate ? formatDate(c.endDate) : 'no end date'}</span>
      </>
    ),
  },
  {
    key: 'value',
    header: 'Value',
    cell: (c) =>
      c.valuePence === null ? (
        ''
      ) : (
        <>
          <span className="app-nowrap">{formatMoney(c.valuePence)}</span> {valueBasisWords[c.valueBasis]}
        </>
      ),
  },
  { key: 'signed', header: 'Sub-contracts signed', cell: (c) => `${c.signedCount} of ${c.subContractCount}` },
  // Named even once a contract has ended, as its page names them: a blank read as "all signed".
  { key: 'unsigned', header: 'Not signed', cell: (c) => c.unsignedPractices.map((p) => p.practiceName).join(', ') },
  { key: 'reminders', header: 'Due soon', cell: (c) => (c.ended ? <Tag modifier="grey">Ended {formatDate(c.endDate)}</Tag> : <ReminderTags reminders={c.reminders} />) },
];

/**
 * A practice manager's register holds only their own practices' sub-contracts: "1 of 1" would read as
 * the whole contract's, so the column says whether their practices have signed.
 */
const yourColumns: Column<Contract>[] = [
  ...columns.filter((c) => c.key !== 'signed' && c.key !== 'unsigned').slice(0, 4),
  { key: 'yours', header: 'Your practices’ sub-contracts', cell: (c) => (c.unsignedPractices.length ? `Not signed: ${c.unsignedPractices.map((p) => p.practiceName).join(', ')}` : c.subContractCount === 1 ? 'Signed' : `All ${c.subContractCount} signed`) },
  columns.find((c) => c.key === 'reminders')!,
];

/** The register of head contracts: what falls due within the window, and which practices have not signed. */
export function ContractsListPage() {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const today = params.get('today') ?? '';
  const only = params.get('only') === '1';
  // The days in the address choose the contracts shown (only=1); without that the register shows
  // every contract with the usual window, so the box says that window, as the sentence below does.
  const within = (only && params.get('within')) || String(defaultReminderDays);
  const [asAt, setAsAt] = useState(isoToParts(today));
  const [days, setDays] = useState(within);
  // The form shows what the address applies, also after "Show every contract" or going back.
  useEffect(() => {
    setAsAt(isoToParts(today));
    setDays(within);
  }, [today, within]);
  const errors = useFormErrors();
  const register = useApiQuery<ContractRegister>(`/api/contract-register${queryString({ today, expiring: only ? within : undefined })}`);
  usePageTitle('Contracts');

  function apply(event: FormEvent) {
    event.preventDefault();
    const problem = dateProblem(asAt, 'Date', false);
    if (problem) return errors.show([{ field: dateFieldTarget('as-at'), message: problem }]);
    if (!/^\d{1,4}$/.test(days.trim())) return errors.show([{ field: 'within-days', message: 'Enter the number of days as a whole number, like 90' }]);
    errors.clear();
    setParams(new URLSearchParams(Object.entries({ today: isoOrNull(asAt) ?? '', within: days.trim(), only: '1' }).filter(([, v]) => v)));
  }

  return (
    <>
      <FormErrorSummary errors={errors.errors} attempt={errors.attempt} />
      <Heading headingLevel="h1">Contracts</Heading>
      <FinanceNav />
      <p className="nhsuk-body">
        {user.role === 'practice_manager'
          ? 'The head contracts your practices are sub-contracted under, whether they have signed, and the dates to act on.'
          : 'Head contracts the federation holds for its practices, the practices sub-contracted under each, and the dates to act on.'}
      </p>
      {isAdmin(user) ? (
        <p className="nhsuk-body">
          <Link to="/contracts/new">Add a contract</Link>
        </p>
      ) : null}
      {/* Someone who may not see contracts gets the reason, not a filter for a list they cannot have. */}
      {register.error?.status === 403 ? null : (
        <form onSubmit={apply} noValidate className="app-register-filter">
          <DateField id="as-at" legend="Show dates due as at" hint="Leave blank for today. For example, 15 12 2019" value={asAt} onChange={setAsAt} error={errors.fieldError(dateFieldTarget('as-at'))} />
          <TextInput id="within-days" name="within-days" label="Within this many days" width={4} inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} error={errors.fieldError('within-days')} />
          <Button type="submit" secondary>
            Show contracts due
          </Button>
        </form>
      )}
      <Loaded query={register} what="contracts">
        {(data) => (
          <>
            <p className="nhsuk-body">
              {only ? `Contracts with a notice, renewal or end date ${withinDaysOf(data.withinDays, formatDate(data.today))}.` : `Every contract; dates due ${withinDaysOf(data.withinDays, formatDate(data.today))} are shown.`}{' '}
              {only ? <Link to="?">Show every contract</Link> : null}
            </p>
            <ExportLinks base="/api/contract-register/export" query={queryString({ expiring: only ? data.withinDays : undefined, today: data.today })} noun="the contracts register" />
            <DataTable caption="Contracts register" captionHidden columns={user.role === 'practice_manager' ? yourColumns : columns} rows={data.items} rowKey={(c) => c.id} empty="No contracts fall due in that window." compact scrolls />
          </>
        )}
      </Loaded>
    </>
  );
}
