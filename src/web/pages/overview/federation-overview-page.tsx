import { Button, Heading, InsetText, Select } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Group, GroupSummary, Page, SessionUser } from '../../api/types.js';
import { useApiQuery } from '../../api/use-api.js';
import { isAdmin, useUser } from '../../auth/session.js';
import { ApiErrorPanel, Loaded, LoadingPanel, usePageTitle } from '../../components/page-states.js';
import { FederationView } from '../groups/federation-view.js';
import { useGroupSummary, useMembershipDate } from '../groups/group-summary.js';
import { isItemOverdue } from '../../../domain/governance/digest.js';
import { formatNumber } from '../../format/format.js';
import { useHomeFederation } from '../groups/home-federation.js';

/** Choose among several federations; the choice is kept in the address (?federation=id). */
function FederationChooser({ federations, chosen }: { federations: Group[]; chosen: number }) {
  const [params, setParams] = useSearchParams();
  const [value, setValue] = useState(String(chosen));
  function submit(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams(params);
    next.set('federation', value);
    setParams(next);
  }
  return (
    <form onSubmit={submit} className="app-inline-form" aria-label="Choose a federation">
      <Select id="federation" name="federation" label="Federation" value={value} onChange={(e) => setValue(e.target.value)}>
        {federations.map((f) => (
          <Select.Option key={f.id} value={f.id}>
            {f.name}
          </Select.Option>
        ))}
      </Select>
      <Button type="submit" secondary>
        Choose
      </Button>
    </form>
  );
}

function NoFederation() {
  const user = useUser();
  return (
    <>
      <Heading headingLevel="h1">Federation overview</Heading>
      <InsetText>
        <p>No federation has been set up yet.</p>
      </InsetText>
      {isAdmin(user) ? (
        <p className="nhsuk-body">
          <Link to="/imports">Import the NHS registry files</Link>, then <Link to="/groups/new">set up a federation</Link>.
        </p>
      ) : (
        <p className="nhsuk-body">Ask your federation administrator to set one up.</p>
      )}
    </>
  );
}

/**
 * A practice manager's (or a clinician's) own practice, first: where its details, its money and
 * what is asked of it are, so they need not find it among the federation's members.
 */
function YourPractice({ user, summary }: { user: SessionUser; summary: GroupSummary }) {
  if (user.practiceCodes.length === 0 || (user.role !== 'practice_manager' && user.role !== 'clinician')) return null;
  const manager = user.role === 'practice_manager';
  const nameOf = (code: string) => summary.practices.find((p) => p.odsCode === code)?.displayName ?? code;
  return (
    <section aria-labelledby="your-practice" className="app-panel">
      <h2 id="your-practice" className="nhsuk-heading-m">
        {user.practiceCodes.length === 1 ? 'Your practice' : 'Your practices'}
      </h2>
      {user.practiceCodes.map((code) => (
        <div key={code}>
          <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">
            {nameOf(code)} ({code})
          </h3>
          <ul className="nhsuk-list">
            <li>
              <Link to={`/practices/${code}`}>Details, list sizes and history</Link>
            </li>
            {manager ? (
              <li>
                <Link to={`/finance/practices/${code}`}>What the practice is paid and owes</Link>
              </li>
            ) : null}
            <li>
              <Link to={`/quality/practices/${code}`}>Quality indicators against its peers</Link>
            </li>
          </ul>
        </div>
      ))}
      {manager ? (
        <p className="nhsuk-body">
          <Link to="/my-items">Your items due</Link>, such as activity returns for <Link to="/schemes">schemes</Link>.
        </p>
      ) : null}
    </section>
  );
}

/** What the signed-in person has to act on, said where they land (a commissioner's decisions waiting, an overdue return). */
function ItemsWaiting() {
  const mine = useApiQuery<{ today: string; items: { dueDate: string; waitingSince?: boolean }[] }>('/api/my-items');
  const items = mine.data?.items ?? [];
  if (!items.length) return null;
  const overdue = items.filter((i) => isItemOverdue(i, mine.data!.today)).length;
  return (
    <InsetText data-testid="items-waiting">
      <p>
        You have {items.length === 1 ? '1 item' : `${formatNumber(items.length)} items`} to act on{overdue ? `, ${formatNumber(overdue)} overdue` : ''}: <Link to="/my-items">My items</Link>.
      </p>
    </InsetText>
  );
}

/** The home page: one federation's members by locality, their registered population, and former members. */
export function FederationOverviewPage() {
  const user = useUser();
  const [params] = useSearchParams();
  const { on } = useMembershipDate();
  const federations = useApiQuery<Page<Group>>('/api/groups?kind=federation&pageSize=100');
  const items = federations.data?.items ?? [];
  const requested = Number(params.get('federation'));
  const home = useHomeFederation(items);
  const chosen = items.find((f) => f.id === requested) ?? home.federation;
  const summary = useGroupSummary(chosen?.id ?? null, on);
  // Not the federation's name alone, which is its group page's title too.
  usePageTitle(chosen ? `Overview of ${chosen.name}` : 'Federation overview');

  if (federations.error) return <ApiErrorPanel error={federations.error} />;
  if (!federations.data || !home.loaded) return <LoadingPanel what="federation" />;
  if (!chosen) return <NoFederation />;
  return (
    <Loaded query={summary} what="federation">
      {(data) => (
        <FederationView
          summary={data}
          before={
            <>
              <ItemsWaiting />
              {isAdmin(user) ? null : <YourPractice user={user} summary={data} />}
              {items.length > 1 ? <FederationChooser federations={items} chosen={chosen.id} /> : null}
            </>
          }
          actions={
            isAdmin(user) ? (
              <p className="nhsuk-body">
                <Link to={`/groups/${chosen.id}`}>Change {chosen.name}</Link>: its member practices, its localities and which practices are in each, with the dates they join and leave.
              </p>
            ) : null
          }
        />
      )}
    </Loaded>
  );
}
