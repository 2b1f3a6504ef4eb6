import type { FormField } from '../../components/record-form.js';

/** The person form's inputs, shared by the add and edit forms. */
export const personFields: FormField[] = [
  { name: 'name', label: 'Name', required: true },
  { name: 'initials', label: 'Initials (optional)', hint: 'As plans and action logs write them, for example JW', width: 5 },
  { name: 'jobTitle', label: 'Job title (optional)' },
  { name: 'organisation', label: 'Organisation (optional)' },
  { name: 'email', label: 'Email address (optional)', hint: 'A user who signs in with this email sees this person’s items on My items' },
];
