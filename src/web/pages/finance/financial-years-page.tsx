import { Button, Table, Textarea } from 'nhsuk-react-components';
import { useState } from 'react';
import type { FinancialYearState } from '../../../app/finance/year-closing.js';
import { type ApiError } from '../../api/client.js';
import { useApiMutation, useApiQuery } from '../../api/use-api.js';
import { isAdmin, useUser } from '../../auth/session.js';
import { ConfirmQuestion } from '../../components/confirm-question.js';
import { errorsFromApi, FormErrorSummary, useFormErrors } from '../../components/form-errors.js';
import { Loaded } from '../../components/page-states.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { formatList } from '../../../domain/words.js';
import { FinanceFrame } from './finance-frame.js';
import { financeReports } from './finance-fields.js';

type Asking = { action: 'close'; year: string; stillOpen?: string[] } | { action: 'reopen'; year: string };

/**
 * The plan's financial years, open or closed. Once the auditors sign a year's accounts an admin
 * closes it: nothing that would alter its figures is saved until it is reopened, with a reason.
 * Closing asks first; a year with a scheme still open is refused, naming it, and may then be
 * closed anyway (the audit names what was open).
 */
export function FinancialYearsPage() {
  const user = useUser();
  const years = useApiQuery<FinancialYearState[]>('/api/finance/year-ends');
  const [asking, setAsking] = useState<Asking | null>(null);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState({ count: 0, words: '' });
  const { errors, attempt, show, clear, fieldError } = useFormErrors();
  const change = useApiMutation<{ action: 'close' | 'reopen'; body: Record<string, unknown> }, FinancialYearState>(({ action, body }) => ({ method: 'POST', path: `/api/finance/year-ends/${action}`, body }), ['/api/finance', ...financeReports]);
  const send = (action: 'close' | 'reopen', body: Record<string, unknown>) =>
    change.mutate(
      { action, body },
      {
        onSuccess: (year) => {
          clear();
          setAsking(null);
          setReason('');
          setDone((d) => ({ count: d.count + 1, words: year.closed ? `Closed ${year.financialYear}.` : `Reopened ${year.financialYear}.` }));
        },
        onError: (error: ApiError) => {
          const stillOpen = error.details.stillOpen as string[] | undefined;
          // A year with something open may still be closed: the question asks again, naming what is open.
          if (action === 'close' && stillOpen) setAsking({ action: 'close', year: String(body.financialYear), stillOpen });
          show(errorsFromApi(error, { reason: { id: 'reopen-reason', label: 'Why reopen it' } }));
        },
      },
    );
  return (
    <FinanceFrame
      title="Financial years"
      intro={<p>When a year’s accounts are signed, close the year: its income, I&amp;E lines, running costs, savings and the money of its schemes then cannot change until an admin reopens it, saying why.</p>}
    >
      <SuccessBanner id="year-changed" count={done.count}>
        {done.words}
      </SuccessBanner>
      <FormErrorSummary errors={errors} attempt={attempt} />
      {asking?.action === 'close' ? (
        <ConfirmQuestion id="confirm-close" question={asking.stillOpen ? `Close ${asking.year} anyway?` : `Close ${asking.year}?`} yes={asking.stillOpen ? `Yes, close ${asking.year} anyway` : `Yes, close ${asking.year}`} pending={change.isPending} onAnswer={(yes) => (yes ? send('close', { financialYear: asking.year, ...(asking.stillOpen ? { anyway: true } : {}) }) : (setAsking(null), clear()))}>
          {asking.stillOpen
            ? `Still open in ${asking.year}: ${formatList(asking.stillOpen)}. Closing anyway records them in the audit, and nothing in ${asking.year}’s figures can then change until it is reopened.`
            : `Nothing in ${asking.year}’s figures can then change, for anyone, until an admin reopens it and says why.`}
        </ConfirmQuestion>
      ) : null}
      {asking?.action === 'reopen' ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            send('reopen', { financialYear: asking.year, reason });
          }}
        >
          <Textarea id="reopen-reason" name="reason" label={`Why reopen ${asking.year}?`} hint="The audit keeps the reason, with who reopened it and when" rows={3} value={reason} error={fieldError('reopen-reason')} onChange={(e) => setReason(e.currentTarget.value)} />
          <div className="nhsuk-button-group">
            <Button type="submit" disabled={change.isPending}>
              Reopen {asking.year}
            </Button>
            <Button type="button" secondary onClick={() => (setAsking(null), clear())}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      <Loaded query={years} what="financial years">
        {(items) => (
          <Table caption="The plan’s years">
            <Table.Head>
              <Table.Row>
                <Table.Cell>Financial year</Table.Cell>
                <Table.Cell>Accounts</Table.Cell>
                {isAdmin(user) ? <Table.Cell>Action</Table.Cell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((y) => (
                <Table.Row key={y.financialYear}>
                  <Table.Cell>{y.financialYear}</Table.Cell>
                  <Table.Cell>{y.closed ? y.closed.words : 'Open'}</Table.Cell>
                  {isAdmin(user) ? (
                    <Table.Cell>
                      <Button type="button" secondary className="nhsuk-u-margin-bottom-0" onClick={() => (clear(), setAsking({ action: y.closed ? 'reopen' : 'close', year: y.financialYear }))}>
                        {y.closed ? 'Reopen' : 'Close'} <span className="nhsuk-u-visually-hidden">{y.financialYear}</span>
                      </Button>
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Loaded>
    </FinanceFrame>
  );
}
