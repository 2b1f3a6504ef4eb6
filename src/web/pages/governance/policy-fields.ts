import type { FormField } from '../../components/record-form.js';

export const policyKindLabels: Record<string, string> = { policy: 'Policy', protocol: 'Protocol', template: 'Template' };

/** A practice a document may ask to acknowledge it: a member of the federation, or one it already names. */
export interface PracticeChoice {
  odsCode: string;
  name: string;
  /** It has acknowledged the document's current version, so it stays on the list. */
  acknowledged?: boolean;
}

/**
 * Who must acknowledge it: the member practices to tick (a practice that has acknowledged stays
 * ticked), or ODS codes typed where atscale holds no federation to list its practices.
 */
function practicesField(choices: PracticeChoice[] | null): FormField {
  const label = 'Practices that must acknowledge it (optional)';
  if (!choices) return { name: 'practiceCodes', label, kind: 'list', hint: 'ODS codes separated by commas, for example C82001, C82009' };
  return {
    name: 'practiceCodes',
    label,
    kind: 'checkboxes',
    hint: 'The federation’s member practices. One that has acknowledged this version stays on the list',
    options: choices.map((p) => ({ value: p.odsCode, label: `${p.name} (${p.odsCode})${p.acknowledged ? ', acknowledged' : ''}`, fixed: p.acknowledged })),
  };
}

/** The policy form's inputs, shared by the add and edit forms. */
export function policyFields(practices: PracticeChoice[] | null): FormField[] {
  return [
    { name: 'title', label: 'Title', required: true },
    { name: 'kind', label: 'Kind', kind: 'select', options: Object.entries(policyKindLabels).map(([value, label]) => ({ value, label })) },
    { name: 'description', label: 'Description (optional)', kind: 'textarea', hint: 'Searched with the title' },
    { name: 'version', label: 'Version', hint: 'For example, 1.0', width: 5, required: true },
    { name: 'ownerText', label: 'Owner (optional)', hint: 'Initials or name, for example JW', width: 20 },
    { name: 'approvedOn', label: 'Approved on (optional)', kind: 'date' },
    { name: 'reviewDate', label: 'Review date (optional)', kind: 'date' },
    practicesField(practices),
    { name: 'acknowledgeBy', label: 'Acknowledge by (optional)', kind: 'date' },
  ];
}
