import { Button } from 'nhsuk-react-components';
import { useState } from 'react';
import { ConfirmQuestion } from '../../components/confirm-question.js';
import { FormErrorSummary } from '../../components/form-errors.js';
import { useApiForm } from '../../components/use-api-form.js';
import { formatMoney } from '../../format/format.js';
import type { ApplicationDetail } from './types.js';

/**
 * The applicant withdraws an application still waiting for a decision: asked first, since it cannot
 * be undone. The version read is sent, so one decided meanwhile is refused with the reason.
 */
export function WithdrawForm({ application, onWithdrawn }: { application: ApplicationDetail['application']; onWithdrawn(): void }) {
  const [asking, setAsking] = useState(false);
  const form = useApiForm<{ rowVersion: number }>((body) => ({ method: 'POST', path: `/api/fund-applications/${application.id}/withdrawal`, body }), { invalidates: ['/api/fund', '/api/my-items', '/api/practices'], onSuccess: onWithdrawn });
  return (
    <section aria-labelledby="withdraw-heading" className="app-panel">
      <h2 id="withdraw-heading">Withdraw this application</h2>
      <FormErrorSummary errors={form.errors} attempt={form.attempt} />
      {asking ? (
        <ConfirmQuestion id="confirm-withdraw" level={3} question={`Withdraw ${application.title}?`} yes="Yes, withdraw it" pending={form.pending} onAnswer={(yes) => (yes ? form.submit({ rowVersion: application.rowVersion }) : setAsking(false))}>
          The commissioner will no longer be asked to decide it, and the {formatMoney(application.requestedPence)} it asks for is free for other applications. It stays on the fund as withdrawn. This cannot be undone.
        </ConfirmQuestion>
      ) : (
        <>
          <p className="nhsuk-body">While it waits for the commissioner’s decision, the applicant can withdraw it. Once decided, it stands.</p>
          <Button type="button" secondary onClick={() => setAsking(true)}>
            Withdraw this application
          </Button>
        </>
      )}
    </section>
  );
}
