import { type ValueBasis, valueBasisHeading, valueBasisWords } from '../../domain/contracts/value-basis.js';
import { formatLongDate } from '../../domain/iso-date.js';
import type { Column } from '../export/tabular.js';
import type { contractRegister } from './contract-register.js';

export type RegisterRow = Awaited<ReturnType<typeof contractRegister>>['items'][number];

/** The contract register as a table: the CLI's `contracts list` and the register's CSV/XLSX download. */
export const registerColumns: Column<RegisterRow>[] = [
  { header: 'ID', value: (c) => c.id, numeric: true },
  { header: 'Reference', value: (c) => c.reference },
  { header: 'Title', value: (c) => c.title },
  { header: 'Commissioner', value: (c) => c.commissioner },
  { header: 'Footprint', value: (c) => c.footprintName },
  // Dates a workbook holds as dates, to sort and filter by.
  { header: 'Starts', value: (c) => c.startDate, date: true },
  { header: 'Ends', value: (c) => c.endDate, date: true },
  { header: 'Notice by', value: (c) => c.noticeDate, date: true },
  { header: 'Renewal', value: (c) => c.renewalDate, date: true },
  { header: 'Value (£)', value: (c) => c.valuePence, numeric: true, pence: true },
  { header: valueBasisHeading, value: (c) => (c.valuePence === null ? null : valueBasisWords[c.valueBasis as ValueBasis] ?? c.valueBasis) },
  { header: 'Federation fee (%)', value: (c) => (c.federationFeeBp === null ? null : c.federationFeeBp / 100), numeric: true },
  { header: 'Practices', value: (c) => c.subContractCount, numeric: true },
  { header: 'Signed', value: (c) => c.signedCount, numeric: true },
  { header: 'Not signed', value: (c) => c.unsignedPractices.map((p) => `${p.practiceName} (${p.practiceCode})`).join('; ') },
  // As the page's "Due soon" says it: an ended contract is said to have ended, not left blank.
  { header: 'Reminders', value: (c) => (c.ended && c.endDate ? `Ended ${formatLongDate(c.endDate)}` : c.reminders.map((r) => `${r.message} (${formatLongDate(r.date)})`).join('; ')) },
];
