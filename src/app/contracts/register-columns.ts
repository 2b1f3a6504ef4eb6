import { formatBp } from '../../domain/contracts/sub-contract-rules.js';
import { formatPence } from '../../domain/schemes/format-money.js';
import type { Column } from '../export/tabular.js';
import type { contractRegister } from './contract-register.js';

export type RegisterRow = Awaited<ReturnType<typeof contractRegister>>['items'][number];

const valueBasisSuffix: Record<string, string> = { a_year: ' a year', tariff: ' (tariff, estimated)', total: '' };

/** The contract register as a table: the CLI's `contracts list` and the register's CSV/XLSX download. */
export const registerColumns: Column<RegisterRow>[] = [
  { header: 'ID', value: (c) => c.id, numeric: true },
  { header: 'Reference', value: (c) => c.reference },
  { header: 'Title', value: (c) => c.title },
  { header: 'Commissioner', value: (c) => c.commissioner },
  { header: 'Footprint', value: (c) => c.footprintName },
  { header: 'Starts', value: (c) => c.startDate },
  { header: 'Ends', value: (c) => c.endDate },
  { header: 'Notice by', value: (c) => c.noticeDate },
  { header: 'Renewal', value: (c) => c.renewalDate },
  { header: 'Value', value: (c) => (c.valuePence === null ? null : `${formatPence(c.valuePence)}${valueBasisSuffix[c.valueBasis] ?? ''}`) },
  { header: 'Federation fee', value: (c) => formatBp(c.federationFeeBp) },
  { header: 'Signed', value: (c) => `${c.signedCount} of ${c.subContractCount}` },
  { header: 'Not signed', value: (c) => c.unsignedPractices.map((p) => p.practiceCode).join(' ') },
  { header: 'Reminders', value: (c) => c.reminders.map((r) => `${r.message} (${r.date})`).join('; ') },
];
