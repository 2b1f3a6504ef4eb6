import { ApiError } from '../../api/client.js';
import { RecordForm, type RecordFormProps } from '../../components/record-form.js';
import { UnknownOwners } from './unknown-owners.js';

const unknownOwnersOf = (error: unknown) => (error instanceof ApiError ? ((error.details.unknownOwners as string[] | undefined) ?? []) : []);

/**
 * A governance record's form: a save also refreshes "My items", and an owner the server does not
 * know comes back named, with an offer to add that person.
 */
export function GovernanceRecordForm<T>({ invalidates = [], ...props }: RecordFormProps<T>) {
  return (
    <RecordForm<T>
      {...props}
      invalidates={['/api/my-items', ...invalidates]}
      refusal={(error) => {
        const names = unknownOwnersOf(error);
        return names.length ? <UnknownOwners names={names} /> : null;
      }}
    />
  );
}
