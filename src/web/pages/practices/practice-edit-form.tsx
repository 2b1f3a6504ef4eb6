import { Button, Textarea, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { apiGet } from '../../api/client.js';
import type { PracticeOverview } from '../../api/types.js';
import { useRefresh } from '../../api/use-api.js';
import { FormErrorSummary } from '../../components/form-errors.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { useApiForm } from '../../components/use-api-form.js';

const fields = {
  localName: { id: 'local-name', label: 'Local name' },
  notes: { id: 'notes', label: 'Notes' },
};

/**
 * What people may change about a practice: the name the federation uses and notes. The version
 * read is sent back; if someone saved in between, the API refuses (409) and we offer a reload.
 */
export function PracticeEditForm({ practice }: { practice: PracticeOverview }) {
  const refresh = useRefresh();
  const [localName, setLocalName] = useState(practice.localName ?? '');
  const [notes, setNotes] = useState(practice.notes ?? '');
  const path = `/api/practices/${encodeURIComponent(practice.odsCode)}`;
  const form = useApiForm((body: { localName: string | null; notes: string | null }) => ({ method: 'PATCH', path, body: { rowVersion: practice.rowVersion, ...body } }), {
    invalidates: ['/api/practices', '/api/groups'],
    fields,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    form.submit({ localName: localName.trim() || null, notes: notes.trim() || null }, () =>
      localName.trim().length > 120 ? [{ field: 'local-name', message: 'Local name must be 120 characters or fewer' }] : [],
    );
  }

  /** Reads the practice again (the newer version and its values) and starts the edit afresh. */
  async function reload() {
    const fresh = await apiGet<PracticeOverview>(path);
    setLocalName(fresh.localName ?? '');
    setNotes(fresh.notes ?? '');
    form.clear();
    form.reset();
    await refresh([path]);
  }

  return (
    <section aria-labelledby="edit-practice">
      <h2 id="edit-practice">Local name and notes</h2>
      <SuccessBanner id="edit-practice" count={form.successes}>
        Your changes were saved.
      </SuccessBanner>
      <form onSubmit={submit} noValidate>
        <FormErrorSummary errors={form.errors} attempt={form.attempt} />
        {form.conflict ? (
          <p className="nhsuk-body">
            <Button type="button" secondary onClick={() => void reload()}>
              Reload the practice
            </Button>
          </p>
        ) : null}
        <TextInput id="local-name" name="local-name" label="Local name" hint="The name the federation uses, if it differs from the ODS name" width={30} value={localName} onChange={(e) => setLocalName(e.target.value)} error={form.fieldError('local-name')} />
        <Textarea id="notes" name="notes" label="Notes" hint="Everyone who can see the practice reads these, across the federation: keep personal details out of them." rows={4} value={notes} onChange={(e) => setNotes(e.target.value)} error={form.fieldError('notes')} />
        <Button type="submit" disabled={form.pending}>
          Save changes
        </Button>
      </form>
    </section>
  );
}
