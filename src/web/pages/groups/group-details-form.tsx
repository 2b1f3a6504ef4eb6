import type { Group } from '../../api/types.js';
import { type FormField, RecordForm } from '../../components/record-form.js';

const fields: FormField[] = [
  { name: 'name', label: 'Name', required: true, missing: 'Enter a name' },
  { name: 'description', label: 'Description (optional)', kind: 'textarea' },
];

/**
 * Admins rename a group (a locality that has changed its name, a federation after a merger) and
 * describe it. The version read is sent: a save made after someone else's gets the conflict message.
 */
export function GroupDetailsForm({ group }: { group: Group }) {
  return <RecordForm<Group> resource="groups" id="edit-group" heading="Name and description" fields={fields} record={group} submitLabel="Save changes" saved={(g) => `Saved ${g.name}.`} />;
}
