import { Heading, Tag } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/use-api.js';
import { isAdmin, useUser } from '../../auth/session.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { Loaded, usePageTitle } from '../../components/page-states.js';
import { formatDate, formatList } from '../../format/format.js';
import { itemKindLabels, type MyItem } from './types.js';
import { ExportLinks } from '../../components/export-links.js';
import { defaultReminderDays } from '../../../domain/contracts/contract-reminders.js';
import { isItemOverdue } from '../../../domain/governance/digest.js';

interface MyItems {
  person: { id: number; name: string; initials: string | null } | null;
  today: string;
  until: string;
  items: MyItem[];
}

/** What the list holds, in one sentence: "Overdue, or due by 7 December 2026: items owned by Jo Walker (JW) and …". */
function whatIsListed(data: { person: { name: string; initials: string | null } | null; until: string }, role: string): string {
  const parts: string[] = [];
  if (data.person) parts.push(`items owned by ${data.person.name}${data.person.initials ? ` (${data.person.initials})` : ''}`);
  if (role === 'practice_manager') parts.push('your practices’ policy acknowledgements, sub-contracts to sign, activity returns due and approved fund money to draw');
  if (role === 'commissioner') parts.push('fund applications waiting for your decision');
  if (role === 'admin') parts.push('activity returns the federation still waits for');
  const due = `Overdue, or due by ${formatDate(data.until)}`;
  return parts.length ? `${due}: ${formatList(parts)}.` : `${due}.`;
}

/** What the signed-in person must do soon: overdue items first, then those due in the next 14 days. */
export function MyItemsPage() {
  usePageTitle('My items');
  const mine = useApiQuery<MyItems>('/api/my-items');
  const user = useUser();
  return (
    <>
      <Heading headingLevel="h1">My items</Heading>
      <Loaded query={mine} what="your items">
        {(data) => {
          const columns: Column<MyItem>[] = [
            {
              key: 'dueDate',
              header: 'Due',
              nowrap: true,
              // A decision with no deadline is waiting, never overdue.
              cell: (i) => (i.waitingSince ? `Waiting since ${formatDate(i.dueDate)}` : isItemOverdue(i, data.today) ? <span className="app-overdue">{formatDate(i.dueDate)} (overdue)</span> : formatDate(i.dueDate)),
            },
            { key: 'kind', header: 'Kind', cell: (i) => <Tag modifier={isItemOverdue(i, data.today) ? 'red' : 'blue'} className="app-tag--wraps">{itemKindLabels[i.kind] ?? i.kind}</Tag> },
            { key: 'ref', header: 'Ref', nowrap: true, cell: (i) => i.ref },
            { key: 'title', header: 'Item', cell: (i) => <Link to={i.href}>{i.title}</Link> },
          ];
          return (
            <>
              <p className="nhsuk-body">
                {whatIsListed(data, user.role)}
                {data.person || !isAdmin(user) ? '' : ' You are not on the People page, so no risks, actions or tasks are owned by you.'}
                {isAdmin(user) ? ` Contract notice, renewal and end dates are shown from ${defaultReminderDays} days ahead, as the contracts register warns of them.` : ''}
                {' '}Where the server sends the daily digest, they also come by email each day.
              </p>
              {data.items.length > 0 && <ExportLinks base="/api/my-items/export" noun="your items" />}
              <DataTable caption="My items" captionHidden columns={columns} rows={data.items} rowKey={(i) => `${i.kind}-${i.href}-${i.ref}-${i.title}`} empty="Nothing is due in the next 14 days." compact />
            </>
          );
        }}
      </Loaded>
    </>
  );
}
