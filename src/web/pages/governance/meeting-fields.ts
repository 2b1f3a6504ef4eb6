import type { FormField } from '../../components/record-form.js';

/** The meeting form's inputs, shared by the add and edit forms. */
export const meetingFields: FormField[] = [
  { name: 'title', label: 'Meeting', hint: 'For example, Board, May 2018', required: true },
  { name: 'heldOn', label: 'Held on (optional)', kind: 'date' },
  { name: 'attendees', label: 'Attendees (optional)', kind: 'textarea', hint: 'Names or initials, separated by commas' },
  { name: 'agenda', label: 'Agenda (optional)', kind: 'textarea', hint: 'One item a line' },
  { name: 'decisions', label: 'Decisions (optional)', kind: 'textarea', hint: 'One decision a line' },
];
