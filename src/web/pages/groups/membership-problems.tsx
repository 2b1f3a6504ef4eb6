import { WarningCallout } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/use-api.js';
import { formatNumber } from '../../format/format.js';

interface MembershipCheck {
  checked: number;
  problems: { membershipId: number; groupId: number; groupName: string; practiceCode: string; message: string }[];
}

/**
 * For an admin: stored memberships that break a membership rule (a practice closed since, by a
 * newer ODS file; or made by an older atscale, or restored from an older backup), each linked to its group's page to be put right. Nothing when
 * every membership keeps the rules.
 */
export function MembershipProblems() {
  const check = useApiQuery<MembershipCheck>('/api/membership-check');
  const problems = check.data?.problems ?? [];
  if (!problems.length) return null;
  const count = problems.length === 1 ? 'One membership breaks' : `${formatNumber(problems.length)} memberships break`;
  return (
    <WarningCallout>
      <WarningCallout.Heading headingLevel="h2">{count} the membership rules</WarningCallout.Heading>
      <p>A practice has closed since its membership was made, or the membership was stored before atscale checked for this. Put each right on its group’s page: a group’s totals count them as they are until then.</p>
      <ul>
        {problems.map((p) => (
          <li key={`${p.membershipId}-${p.message}`}>
            <Link to={`/groups/${p.groupId}`}>{p.groupName}</Link>: {p.message}
          </li>
        ))}
      </ul>
    </WarningCallout>
  );
}
