import type { FormField } from '../../components/record-form.js';
import type { PlanSummary } from './types.js';

/** What a person changes on a task: what it is, who does it and when it is due (status and RAG have their own form). */
export const taskEditFields: FormField[] = [
  { name: 'description', label: 'Description', kind: 'textarea', required: true, missing: 'Enter what the task is' },
  { name: 'lead', label: 'Lead', hint: 'Initials or names of people, for example JW; several separated by /', width: 20 },
  { name: 'allocatedTo', label: 'Allocated to', hint: 'Initials or names, if someone other than the lead does the work', width: 20 },
  { name: 'involved', label: 'People involved', width: 30 },
  { name: 'timeText', label: 'Target', hint: 'As the plan writes it: a date (31/03/2019), a month (Nov 18), a quarter (Q4 18/19) or TBA', width: 20 },
];

/** A new task of a plan: its section and id, then the same inputs as an edit. */
export function newTaskFields(sections: PlanSummary['sections']): FormField[] {
  return [
    { name: 'sectionId', label: 'Section', kind: 'select', options: sections.map((s) => ({ value: String(s.id), label: `${s.ref}. ${s.title}` })) },
    { name: 'ref', label: 'Task ID', hint: 'The plan’s own number, for example 1.14', width: 5, required: true, missing: 'Enter the task ID, such as 1.14' },
    ...taskEditFields,
  ];
}
