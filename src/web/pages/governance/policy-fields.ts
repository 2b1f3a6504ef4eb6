import type { FormField } from '../../components/record-form.js';

export const policyKindLabels: Record<string, string> = { policy: 'Policy', protocol: 'Protocol', template: 'Template' };

/** The policy form's inputs, shared by the add and edit forms. */
export const policyFields: FormField[] = [
  { name: 'title', label: 'Title', required: true },
  { name: 'kind', label: 'Kind', kind: 'select', options: Object.entries(policyKindLabels).map(([value, label]) => ({ value, label })) },
  { name: 'description', label: 'Description (optional)', kind: 'textarea', hint: 'Searched with the title' },
  { name: 'version', label: 'Version', hint: 'For example, 1.0', width: 5, required: true },
  { name: 'ownerText', label: 'Owner (optional)', hint: 'Initials or name, for example JW', width: 20 },
  { name: 'approvedOn', label: 'Approved on (optional)', kind: 'date' },
  { name: 'reviewDate', label: 'Review date (optional)', kind: 'date' },
  { name: 'practiceCodes', label: 'Practices that must acknowledge it (optional)', kind: 'list', hint: 'ODS codes separated by commas, for example C82001, C82009' },
  { name: 'acknowledgeBy', label: 'Acknowledge by (optional)', kind: 'date' },
];
