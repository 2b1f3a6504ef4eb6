import { Button } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link } from 'react-router';
import { ConfirmQuestion } from '../../components/confirm-question.js';
import { FormErrorSummary } from '../../components/form-errors.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { useApiForm } from '../../components/use-api-form.js';
import { formatDate } from '../../format/format.js';
import { type Scheme, type SchemeVersion, schemePath } from './types.js';

/**
 * Approving fixes a version's terms for good, so the page asks first, with the one confirm question
 * used before disabling a user. The form lives in AdminActions, which stays on the page once the
 * button goes, so its success still reaches the banner.
 */
function ApproveButton({ scheme, form }: { scheme: Scheme; form: ReturnType<typeof useApiForm<{ rowVersion: number }>> }) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <FormErrorSummary errors={form.errors} attempt={form.attempt} />
      {asking ? (
        <ConfirmQuestion id="confirm-approve" question={`Approve version ${scheme.currentVersion}?`} yes={`Yes, approve version ${scheme.currentVersion}`} pending={form.pending} onAnswer={(yes) => (yes ? form.submit({ rowVersion: scheme.rowVersion }) : setAsking(false))}>
          Its terms are then fixed: payments and statements use them, and any later change makes a new version. This cannot be undone.
        </ConfirmQuestion>
      ) : (
        <Button type="button" onClick={() => setAsking(true)}>
          Approve version {scheme.currentVersion}
        </Button>
      )}
    </>
  );
}

/**
 * An admin's actions on a scheme: approve the draft, edit the terms, start a new scheme from them.
 * `invoiced`: the approved version in force, when its payments were invoiced; its terms are then
 * settled (the server refuses a new version over it), so the page says how to go on instead.
 */
export function AdminActions({ scheme, invoiced }: { scheme: Scheme; invoiced?: SchemeVersion | undefined }) {
  const [approved, setApproved] = useState({ version: 0, count: 0 });
  const approve = useApiForm<{ rowVersion: number }>(() => ({ method: 'POST', path: `${schemePath(scheme.id)}/approve`, body: { rowVersion: scheme.rowVersion } }), {
    invalidates: ['/api/schemes'],
    onSuccess: () => setApproved((a) => ({ version: scheme.currentVersion, count: a.count + 1 })),
  });
  const settledOn = invoiced?.invoiced ? formatDate(invoiced.invoiced.on) : null;
  const draft = scheme.status === 'draft';
  return (
    <div className="nhsuk-u-margin-bottom-5">
      <SuccessBanner id="scheme-approved" count={approved.count}>
        Version {approved.version} approved.
      </SuccessBanner>
      {settledOn && invoiced ? (
        <p className="nhsuk-body" data-testid="invoiced-terms">
          Version {invoiced.version} was invoiced to the commissioner on {settledOn}, so its terms and activity are settled
          {draft ? `: version ${scheme.currentVersion}, a draft, cannot be approved over it` : ''}. A new version would ask for the same activity to be invoiced and paid again. To correct
          version {invoiced.version}, first undo “invoiced” below.
        </p>
      ) : null}
      {draft && !settledOn ? <ApproveButton scheme={scheme} form={approve} /> : null}
      <p className="nhsuk-body">
        {draft || !settledOn ? (
          <>
            <Link to={`/schemes/${scheme.id}/edit`}>Edit the scheme’s terms</Link>
            <br />
            <span className="nhsuk-u-secondary-text-colour">
              {draft ? `Version ${scheme.currentVersion} is a draft, so it is changed in place.` : `Version ${scheme.currentVersion} is approved and never changes: editing it creates version ${scheme.currentVersion + 1}, a draft.`}
            </span>
            <br />
          </>
        ) : null}
        <Link to={`/schemes/new?from=${scheme.id}`}>Start a new scheme from these terms</Link>
        <br />
        <span className="nhsuk-u-secondary-text-colour">For next year, for example: the same terms a year on, shared on the list sizes you choose. This scheme stays as it is.</span>
      </p>
    </div>
  );
}
