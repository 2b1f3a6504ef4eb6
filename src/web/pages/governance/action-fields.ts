import type { FormField } from '../../components/record-form.js';
import { actionStatusLabels, type Meeting } from './types.js';

/** Said the same on the risk and action forms. */
export const closedOnHint = 'When closing: the day it was closed, if not today. Reopening clears it';

/** The action form's inputs; the meeting list comes from the meetings the federation keeps. */
export function actionFields(meetings: Meeting[]): FormField[] {
  return [
    { name: 'ref', label: 'Reference', hint: 'For example, 8', width: 5, required: true },
    { name: 'action', label: 'Action', kind: 'textarea', required: true },
    { name: 'ownerText', label: 'Owner (optional)', hint: 'Initials or names of people on the People page, for example JW; several separated by /', width: 20 },
    { name: 'dueDate', label: 'Due date (optional)', kind: 'date' },
    { name: 'meetingId', label: 'Raised at (optional)', kind: 'select', options: [{ value: '', label: 'No meeting' }, ...meetings.map((m) => ({ value: String(m.id), label: m.title }))] },
    { name: 'status', label: 'Status', kind: 'select', options: Object.entries(actionStatusLabels).map(([value, label]) => ({ value, label })) },
    // The schema lets it be left out, but closing refuses an action without one: the label says when it is needed.
    { name: 'outcome', label: 'Outcome (required when closing)', kind: 'textarea', hint: 'What came of the action. An open or carried forward action may leave it blank' },
    { name: 'closedOn', label: 'Date closed (optional)', kind: 'date', hint: closedOnHint },
  ];
}
