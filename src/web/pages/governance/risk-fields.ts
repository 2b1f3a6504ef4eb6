import type { FormField } from '../../components/record-form.js';
import { impactLabels, likelihoodLabels } from './types.js';
import { closedOnHint } from './action-fields.js';

const scaleOptions = (labels: readonly string[]) => [{ value: '', label: 'Not set' }, ...labels.map((label, i) => ({ value: String(i + 1), label: `${i + 1} ${label}` }))];

/** The risk form's inputs, shared by the add and edit forms. */
export const riskFields: FormField[] = [
  { name: 'ref', label: 'Reference', hint: 'For example, 5', width: 5, required: true },
  { name: 'risk', label: 'Risk', kind: 'textarea', required: true },
  { name: 'causeEffect', label: 'Cause and effect (optional)', kind: 'textarea' },
  { name: 'context', label: 'Context (optional)', hint: 'For example, locality hub working' },
  { name: 'ownerText', label: 'Owner (optional)', hint: 'Initials or names of people on the People page, as the register writes them, for example JW; several separated by /', width: 20 },
  { name: 'likelihood', label: 'Likelihood (optional)', kind: 'select', options: scaleOptions(likelihoodLabels) },
  { name: 'impact', label: 'Impact (optional)', kind: 'select', options: scaleOptions(impactLabels) },
  { name: 'targetScore', label: 'Target score (optional)', hint: 'Likelihood × impact you aim for, 1 to 25', kind: 'number' },
  { name: 'mitigation', label: 'Mitigation actions (optional)', kind: 'textarea', hint: 'Separate actions with " | "' },
  { name: 'reviewDate', label: 'Review date (optional)', kind: 'date' },
  { name: 'status', label: 'Status', kind: 'select', options: [{ value: 'open', label: 'Open' }, { value: 'closed', label: 'Closed' }] },
  { name: 'closedOn', label: 'Date closed (optional)', kind: 'date', hint: closedOnHint },
];

/** What a risk's owner records in a review (the rest of the risk is the federation's to change). */
export const riskReviewFields: FormField[] = riskFields
  .filter((field) => ['likelihood', 'impact', 'mitigation', 'reviewDate'].includes(field.name))
  .map((field) => (field.name === 'reviewDate' ? { ...field, label: 'Next review date (optional)' } : field));
