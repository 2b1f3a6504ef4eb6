import { Button } from 'nhsuk-react-components';
import { useEffect, useRef, useState } from 'react';
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
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (asking) heading.current?.focus();
  }, [asking]);
  return (
    <section aria-labelledby="withdraw-heading" className="app-panel">
      <h2 id="withdraw-heading">Withdraw this application</h2>
      <FormErrorSummary errors={form.errors} attempt={form.attempt} />
      {asking ? (
        <div className="nhsuk-warning-callout" role="region" aria-labelledby="confirm-withdraw-heading" onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
          <h3 className="nhsuk-warning-callout__label" id="confirm-withdraw-heading" tabIndex={-1} ref={heading}>
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Withdraw {application.title}?
            </span>
          </h3>
          <p>
            The commissioner will no longer be asked to decide it, and the {formatMoney(application.requestedPence)} it asks for is free for other applications. It stays on the fund as withdrawn. This cannot be undone.
          </p>
          <div className="nhsuk-button-group">
            <Button type="button" warning disabled={form.pending} onClick={() => form.submit({ rowVersion: application.rowVersion })}>
              Yes, withdraw it
            </Button>
            <Button type="button" secondary onClick={() => setAsking(false)}>
              Cancel
            </Button>
          </div>
        </div>
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
