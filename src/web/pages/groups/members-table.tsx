import { Link } from 'react-router';
import { practiceLabels } from '../../../domain/registry/practice-labels.js';
import type { GroupMember, GroupSummary } from '../../api/types.js';
import type { Column } from '../../components/data-table.js';
import { FirstRowsTable } from '../../components/first-rows-table.js';
import { formatDate, formatNumber } from '../../format/format.js';

export const practiceLink = (code: string, name: string) => <Link to={`/practices/${encodeURIComponent(code)}`}>{name}</Link>;

const memberColumns: Column<GroupMember>[] = [
  { key: 'odsCode', header: 'ODS code', nowrap: true, cell: (p) => p.odsCode },
  { key: 'name', header: 'Practice', cell: (p) => practiceLink(p.odsCode, p.displayName) },
  { key: 'pcn', header: 'PCN', cell: (p) => p.pcnName ?? p.pcnCode ?? '' },
  { key: 'commissioner', header: practiceLabels.commissionerCode, cell: (p) => p.commissionerCode ?? '' },
  { key: 'listSize', header: 'List size', numeric: true, cell: (p) => formatNumber(p.listSize) },
  { key: 'listSizeDate', header: 'Snapshot date', nowrap: true, cell: (p) => formatDate(p.listSizeDate) },
];

export const sumListSizes = (practices: readonly GroupMember[]) => practices.reduce((sum, p) => sum + (p.listSize ?? 0), 0);

interface MembersTableProps {
  caption: string;
  captionHidden?: boolean;
  practices: readonly GroupMember[];
  totalLabel: string;
  /** Extra columns after the standard ones (e.g. the membership dates and an action for admins). */
  extraColumns?: Column<GroupMember>[];
}

/** Member practices with their PCN, sub-ICB and latest list size, and a total row of them all (an ICB's 1,000 and more show the first 200 until asked). */
export function MembersTable({ caption, captionHidden, practices, totalLabel, extraColumns = [] }: MembersTableProps) {
  return (
    <FirstRowsTable
      caption={caption}
      captionHidden={captionHidden}
      columns={[...memberColumns, ...extraColumns]}
      rows={practices}
      rowKey={(p) => p.membershipId}
      total={{ label: totalLabel, cells: { listSize: formatNumber(sumListSizes(practices)) } }}
      empty="No practices are members on this date."
      compact
      className={extraColumns.length ? undefined : 'app-table--members'}
    />
  );
}

export type FormerMember = GroupSummary['formerPractices'][number];

/** Practices that were members before (or start after) the date shown; `extraColumns` after (an admin's action). */
export function FormerMembersTable({ summary, extraColumns = [] }: { summary: GroupSummary; extraColumns?: Column<FormerMember>[] }) {
  const columns: Column<FormerMember>[] = [
    { key: 'practice', header: 'Practice', cell: (p) => <>{practiceLink(p.odsCode, p.name)} ({p.odsCode})</> },
    { key: 'from', header: 'From', nowrap: true, cell: (p) => formatDate(p.startDate) },
    // The date kept on one line; a membership ended by the practice closing says so after it.
    { key: 'until', header: 'Until', cell: (p) => (p.endDate ? <><span className="app-nowrap">{formatDate(p.endDate)}</span>{p.closeDate === p.endDate ? ', when it closed' : ''}</> : 'No end date') },
    ...extraColumns,
  ];
  return (
    <section aria-labelledby="former-members">
      <h2 id="former-members">Former members</h2>
      <FirstRowsTable caption="Practices that are not members on this date" captionHidden columns={columns} rows={summary.formerPractices} rowKey={(p) => p.membershipId} empty="No former members." narrow={!extraColumns.length} />
    </section>
  );
}

/** One section per locality (child group) with its practices and total; practices in none come last. */
export function LocalitySections({ summary, extraColumns }: { summary: GroupSummary; extraColumns?: Column<GroupMember>[] }) {
  const byLocality = new Map<string, GroupMember[]>();
  for (const practice of summary.practices) {
    const key = practice.locality ?? '';
    byLocality.set(key, [...(byLocality.get(key) ?? []), practice]);
  }
  const known = new Set(summary.children.map((c) => c.name));
  const unplaced = summary.practices.filter((p) => !p.locality || !known.has(p.locality));
  return (
    <>
      {summary.children.map((locality) => {
        const practices = byLocality.get(locality.name) ?? [];
        const headingId = `locality-${locality.id}`;
        return (
          <section key={locality.id} aria-labelledby={headingId} data-locality={locality.name}>
            <h2 id={headingId}>
              <Link to={`/groups/${locality.id}`}>{locality.name}</Link>
            </h2>
            <p className="nhsuk-body">
              {formatNumber(practices.length)} {practices.length === 1 ? 'practice' : 'practices'}, {formatNumber(sumListSizes(practices))} registered patients
            </p>
            <MembersTable caption={`Practices in ${locality.name}`} captionHidden practices={practices} totalLabel={`${locality.name} total`} extraColumns={extraColumns} />
          </section>
        );
      })}
      {unplaced.length ? (
        <section aria-labelledby="locality-none">
          <h2 id="locality-none">Not in a locality</h2>
          <MembersTable caption="Practices not in a locality" captionHidden practices={unplaced} totalLabel="Total" extraColumns={extraColumns} />
        </section>
      ) : null}
    </>
  );
}
