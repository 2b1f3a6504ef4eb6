import { useState } from 'react';
import { ConfirmQuestion } from '../../components/confirm-question.js';
import { FormErrorSummary } from '../../components/form-errors.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { useApiForm } from '../../components/use-api-form.js';
import type { UserRow } from '../../api/types.js';

/** Whether a user has been anonymised already: their address is the reserved one that stands for theirs. */
export const isAnonymised = (user: Pick<UserRow, 'email'>) => user.email.endsWith('@anonymised.invalid');

/**
 * A disabled user who has left is anonymised, asked first: it cannot be undone, and their name goes
 * from every record and audit row that named them. `ask(user)` shows the question where `question` is.
 */
export function useAnonymise() {
  const [asking, setAsking] = useState<UserRow | null>(null);
  // Who they were, kept from the question: the list refreshes under their new name.
  const [was, setWas] = useState<UserRow | null>(null);
  const form = useApiForm<UserRow, { name: string; places: number }>((user) => ({ method: 'POST', path: `/api/users/${user.id}/anonymise` }), { invalidates: ['/api/users', '/api/audit'] });
  const question = (
    <>
      <FormErrorSummary errors={form.errors} attempt={form.attempt} />
      <SuccessBanner id="user-anonymised" count={form.successes}>
        {was?.name} is now “Former user {was?.id}” wherever their sign-in was recorded.
      </SuccessBanner>
      {asking ? (
        <ConfirmQuestion
          id="confirm-anonymise"
          question={`Anonymise ${asking.name}?`}
          yes={`Yes, anonymise ${asking.name}`}
          onAnswer={(yes) => {
            const user = asking;
            setAsking(null);
            if (yes) form.submit(user);
          }}
        >
          Their name and email ({asking.email}) are replaced by “Former user {asking.id}” in their user, and in every record and audit row their sign-in was written into. What they did stays, under that name. This cannot be undone. Their entry on the People page, if they have one, is a record of its own: change or delete it there.
        </ConfirmQuestion>
      ) : null}
    </>
  );
  const ask = (user: UserRow) => (setAsking(user), setWas(user));
  return { ask, question, pending: form.pending };
}
