import { streamStatusLabels } from '../../../domain/finance/types.js';
import type { FormField } from '../../components/record-form.js';

/** The queries a change to streams or savings refreshes: every finance report (totals, I&E, cash flow). */
export const financeReports = ['/api/finance', '/api/income-stream', '/api/cost-savings'];

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

const frequencyLabels = { monthly: 'Monthly', quarterly: 'Quarterly', annually: 'Once a year', on_claim: 'When the federation claims' };

/** How money is paid, a stream's or a running cost's: when, and how many months after the period it is for. */
const paymentTermsFields: FormField[] = [
  { name: 'frequency', label: 'Paid', kind: 'select', options: options(frequencyLabels), initial: 'monthly' },
  { name: 'arrearsMonths', label: 'Months in arrears', hint: 'Months after the period it pays for; 0 if paid in the period', kind: 'number', initial: '0' },
];

/** A year's amount on a budget line; the hint says which reports it feeds. */
const amountField = (feeds: string): FormField => ({ name: 'amount', label: 'Amount for the year', hint: `In pounds, for example £12,500 or 12500.50. ${feeds}`, kind: 'money', required: true, missing: 'Enter the amount, for example £12,500' });

/** A running-cost line's inputs, shared by the add and change forms. */
export const runningCostFields: FormField[] = [
  { name: 'category', label: 'Budget line', hint: 'For example Staff, Premises, IT, Insurance, Professional fees', required: true, missing: 'Enter the budget line, for example Staff' },
  { name: 'line', label: 'Line', required: true },
  amountField('The I&E counts it, and the cash flow pays it out as its terms say.'),
  ...paymentTermsFields,
  { name: 'comment', label: 'Comment (optional)', kind: 'textarea' },
];

/** An I&E income line's inputs, before the stream and scheme it may stand for (the add and change forms share them). */
export const ieLineFields: FormField[] = [
  { name: 'section', label: 'Income', hint: 'Secured: agreed and funded. Potential: bid for or expected, not yet agreed', kind: 'select', options: [{ value: 'secured', label: 'Secured' }, { value: 'potential', label: 'Potential' }], initial: 'secured' },
  { name: 'line', label: 'Line', hint: 'For example, Extended access (NHS E)', required: true },
  amountField('The I&E counts it; the cash flow does not, as it counts the income streams. A negative amount, such as −£688 for a deficit brought forward, takes income away.'),
  { name: 'comment', label: 'Comment (optional)' },
];

/** An income stream's inputs, shared by the add and change forms. */
export const streamFields: FormField[] = [
  { name: 'funder', label: 'Funder', hint: 'The commissioner, council, NHS England or provider company that pays', required: true },
  { name: 'name', label: 'Service or scheme', required: true },
  { name: 'status', label: 'Status', kind: 'select', options: options(streamStatusLabels), initial: 'potential' },
  ...paymentTermsFields,
  {
    name: 'practicesSharePercent',
    label: 'Practices’ share (%)',
    hint: 'The share paid on to practices, for example 95; the federation keeps the rest',
    kind: 'number',
    width: 4,
    initial: '0',
    read: (stream) => String(Number(stream.practicesShareBasisPoints ?? 0) / 100),
  },
  { name: 'contractReference', label: 'Contract reference (optional)', width: 20 },
  { name: 'endDate', label: 'End date (optional)', kind: 'date' },
  { name: 'comment', label: 'Comment (optional)', kind: 'textarea' },
];

/** A stream's amount for one financial year; the years offered are the plan's. */
export const streamYearFields = (years: string[]): FormField[] => [
  { name: 'financialYear', label: 'Financial year', kind: 'select', options: [{ value: '', label: 'Choose a year' }, ...years.map((y) => ({ value: y, label: y }))], required: true },
  { name: 'amount', label: 'Amount for the year', hint: 'In pounds, for example £12,500 or 12500.50', kind: 'money', required: true },
];

/** A cost-saving initiative's saving in one year. */
export const savingFields: FormField[] = [
  { name: 'initiative', label: 'Initiative', required: true },
  { name: 'financialYear', label: 'Financial year', hint: 'For example, 2018/19', width: 5, required: true },
  { name: 'expected', label: 'Expected saving', hint: 'In pounds, for example £12,500', kind: 'money', required: true },
  { name: 'realised', label: 'Realised saving (optional)', hint: 'Leave empty until it is known', kind: 'money' },
  { name: 'beneficiary', label: 'Who benefits', kind: 'select', options: options({ practices: 'Practices', federation: 'Federation' }), initial: 'practices' },
  { name: 'comment', label: 'Comment (optional)', kind: 'textarea' },
];

/** A year of the plan: the cash it opens with and the balance to warn below (may be negative). */
export const financeYearFields: FormField[] = [
  { name: 'openingBalance', label: 'Opening balance', hint: 'The cash at 1 April, in pounds, for example £45,000', kind: 'money', required: true },
  { name: 'cashThreshold', label: 'Cash threshold', hint: 'Months ending below this balance are picked out, for example £20,000', kind: 'money', required: true },
  { name: 'notes', label: 'Notes (optional)', kind: 'textarea' },
];
