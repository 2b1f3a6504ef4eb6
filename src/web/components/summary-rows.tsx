import { SummaryList, Tag, type TagProps } from 'nhsuk-react-components';
import type { ReactNode } from 'react';

export interface SummaryRow {
  key: string;
  value: ReactNode;
}

const isEmpty = (value: ReactNode) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** An NHS summary list from key/value pairs; empty values read "Not recorded". */
export function SummaryRows({ rows, noBorder }: { rows: SummaryRow[]; noBorder?: boolean }) {
  return (
    <SummaryList noBorder={noBorder}>
      {rows.map((row) => (
        <SummaryList.Row key={row.key}>
          <SummaryList.Key>{row.key}</SummaryList.Key>
          <SummaryList.Value>{isEmpty(row.value) ? <span className="nhsuk-u-secondary-text-colour">Not recorded</span> : row.value}</SummaryList.Value>
        </SummaryList.Row>
      ))}
    </SummaryList>
  );
}

/** "03W NHS East Leicestershire…" — a code with its name, either may be missing. */
/**
 * "03W – NHS Leicester, Leicestershire and Rutland ICB": a sub-ICB location's NHS name ends with its
 * code ("… ICB - 03W"), which would otherwise be said twice.
 */
export const codeAndName = (code: string | null | undefined, name: string | null | undefined) => [code, code && name?.endsWith(` - ${code}`) ? name.slice(0, -` - ${code}`.length) : name].filter(Boolean).join(' – ');

const statusColours: Record<string, TagProps['modifier']> = { active: 'green', closed: 'grey', dormant: 'orange', proposed: 'blue' };

/** A practice's ODS status as an NHS tag: Active, Closed, Dormant, Proposed. */
export function StatusTag({ status }: { status: string }) {
  const text = status.charAt(0).toUpperCase() + status.slice(1);
  return <Tag modifier={statusColours[status] ?? 'white'}>{text}</Tag>;
}
