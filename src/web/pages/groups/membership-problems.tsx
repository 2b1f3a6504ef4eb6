import { Button, InsetText, WarningCallout } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApiMutation, useApiQuery } from '../../api/use-api.js';
import { errorsFromApi, FormErrorSummary, useFormErrors } from '../../components/form-errors.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { formatNumber } from '../../format/format.js';
import { type EndedMembership, endedSentences, type MembershipProblem } from '../../../domain/groups/membership-check.js';

interface MembershipCheck {
  checked: number;
  problems: MembershipProblem[];
  /** Members the NHS files have changed since they joined (dormant, moved commissioner): no rule broken. */
  notes: string[];
}

const memberships = (n: number) => (n === 1 ? 'one membership' : `${formatNumber(n)} memberships`);
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * For an admin: stored memberships that break a membership rule (a practice closed since, by a
 * newer ODS file; or made by an older atscale, or restored from an older backup), each linked to
 * its group's page to be put right. Those of closed practices can all be ended on their closing
 * dates with one button. Nothing when every membership keeps the rules. Below, members an NHS file
 * has made dormant or moved to another commissioner since they joined, which break no rule.
 */
export function MembershipProblems() {
  const check = useApiQuery<MembershipCheck>('/api/membership-check');
  const [ended, setEnded] = useState<{ sentences: string[]; total: number; count: number }>({ sentences: [], total: 0, count: 0 });
  const refusal = useFormErrors();
  const end = useApiMutation<void, { ended: EndedMembership[] }>(() => ({ method: 'POST', path: '/api/membership-check/end-at-closing', body: {} }), ['/api/membership-check', '/api/groups', '/api/memberships', '/api/practices']);
  const problems = check.data?.problems ?? [];
  const endable = problems.filter((p) => p.endOn).length;
  const endAll = () =>
    end.mutate(undefined, {
      onSuccess: (result) => {
        refusal.clear();
        setEnded((e) => ({ sentences: endedSentences(result.ended), total: result.ended.length, count: e.count + 1 }));
      },
      onError: (error) => refusal.show(errorsFromApi(error)),
    });
  return (
    <>
      <SuccessBanner id="end-at-closing" count={ended.count} details={<ul>{ended.sentences.map((s) => <li key={s}>{s}.</li>)}</ul>}>
        {ended.total ? `Ended ${memberships(ended.total)} of closed practices` : 'No membership runs past its practice’s closing date now'}
      </SuccessBanner>
      <FormErrorSummary errors={refusal.errors} attempt={refusal.attempt} />
      {problems.length ? (
        <WarningCallout>
          <WarningCallout.Heading headingLevel="h2">{`${capitalise(memberships(problems.length))} ${problems.length === 1 ? 'breaks' : 'break'} the membership rules`}</WarningCallout.Heading>
          <p>A practice has closed since its membership was made, or the membership was stored before atscale checked for this. Put each right on its group’s page: a group’s totals count them as they are until then.</p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.membershipId}-${p.message}`}>
                <Link to={`/groups/${p.groupId}`}>{p.groupName}</Link>: {p.message}
              </li>
            ))}
          </ul>
          {endable ? (
            <>
              <p>{endable < problems.length ? `${capitalise(memberships(endable))} of these` : endable === 1 ? 'It' : 'Each'} began before the practice closed and can end on its closing date. Each change is recorded in the audit log.</p>
              <Button secondary type="button" onClick={endAll} disabled={end.isPending}>
                {endable === 1 ? 'End it on the closing date' : `End ${memberships(endable)} on the closing dates`}
              </Button>
            </>
          ) : null}
        </WarningCallout>
      ) : null}
      {check.data?.notes.length ? (
        <InsetText data-testid="member-changes">
          <h2 className="nhsuk-heading-s">Members the NHS files have changed since they joined</h2>
          <ul>
            {check.data.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </InsetText>
      ) : null}
    </>
  );
}
