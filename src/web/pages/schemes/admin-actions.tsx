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
function ApproveButton({ scheme, form, invoiced }: { scheme: Scheme; form: ReturnType<typeof useApiForm<{ rowVersion: number }>>; invoiced: SchemeVersion | undefined }) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <FormErrorSummary errors={form.errors} attempt={form.attempt} />
      {asking ? (
        <ConfirmQuestion id="confirm-approve" question={`Approve version ${scheme.currentVersion}?`} yes={`Yes, approve version ${scheme.currentVersion}`} pending={form.pending} onAnswer={(yes) => (yes ? form.submit({ rowVersion: scheme.rowVersion }) : setAsking(false))}>
          Its terms are then fixed: payments and statements use them, and any later change makes a new version. This cannot be undone.
          {invoiced?.invoiced
            ? ` Version ${invoiced.version} was invoiced on ${formatDate(invoiced.invoiced.on)} and stays as invoiced; version ${scheme.currentVersion} replaces it as the version in force, starts not invoiced, and practices’ payments and the finance plan follow it.`
            : ''}
        </ConfirmQuestion>
      ) : (
        <Button type="button" onClick={() => setAsking(true)}>
          Approve version {scheme.currentVersion}
        </Button>
      )}
    </>
  );
}

/** An admin's actions on a scheme: approve the draft, edit the terms. `invoiced`: the approved version in force, when its payments were invoiced. */
export function AdminActions({ scheme, invoiced }: { scheme: Scheme; invoiced?: SchemeVersion | undefined }) {
  const [approved, setApproved] = useState({ version: 0, count: 0 });
  const approve = useApiForm<{ rowVersion: number }>(() => ({ method: 'POST', path: `${schemePath(scheme.id)}/approve`, body: { rowVersion: scheme.rowVersion } }), {
    invalidates: ['/api/schemes'],
    onSuccess: () => setApproved((a) => ({ version: scheme.currentVersion, count: a.count + 1 })),
  });
  return (
    <div className="nhsuk-u-margin-bottom-5">
      <SuccessBanner id="scheme-approved" count={approved.count}>
        Version {approved.version} approved.
      </SuccessBanner>
      {scheme.status === 'draft' ? <ApproveButton scheme={scheme} form={approve} invoiced={invoiced} /> : null}
      <p className="nhsuk-body">
        <Link to={`/schemes/${scheme.id}/edit`}>Edit the scheme’s terms</Link>
        <br />
        <span className="nhsuk-u-secondary-text-colour">
          {scheme.status === 'draft'
            ? `Version ${scheme.currentVersion} is a draft, so it is changed in place.`
            : `Version ${scheme.currentVersion} is approved and never changes: editing it creates version ${scheme.currentVersion + 1}, a draft${invoiced?.invoiced ? `; version ${scheme.currentVersion} stays invoiced` : ''}.`}
        </span>
      </p>
    </div>
  );
}
