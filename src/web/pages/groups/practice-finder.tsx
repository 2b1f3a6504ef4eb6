import { Button, TextInput } from 'nhsuk-react-components';
import { useState } from 'react';
import { queryString } from '../../api/client.js';
import type { Page } from '../../api/types.js';
import { useApiQuery } from '../../api/use-api.js';

interface FoundPractice {
  odsCode: string;
  name: string;
  postcode: string | null;
}

/** Shown at most: a longer list means the search words are too few. */
const SHOWN = 8;

/**
 * Finds open GP practices in the registry by part of a name, a postcode or a code, so an admin
 * choosing members one by one need not know their ODS codes: each found practice is added to the
 * codes with one press (`onChoose`), those already there are not offered again. It sits inside
 * the members form, so Enter in its box does not send that form.
 */
export function PracticeFinder({ chosen, onChoose }: { chosen: readonly string[]; onChoose(code: string): void }) {
  const [words, setWords] = useState('');
  // The button pressed goes with the practice it added: the keyboard goes back to the search box, and the addition is said.
  const [added, setAdded] = useState('');
  const add = (p: FoundPractice) => {
    onChoose(p.odsCode);
    setAdded(`Added ${p.name} (${p.odsCode}) to the ODS codes.`);
    document.getElementById('find-practice')?.focus();
  };
  const q = words.trim();
  const found = useApiQuery<Page<FoundPractice>>(q.length >= 3 ? `/api/practices${queryString({ q, gpPractice: 'true', status: 'active', sort: 'name', pageSize: String(SHOWN) })}` : null, { keepPrevious: true });
  const offered = (found.data?.items ?? []).filter((p) => !chosen.includes(p.odsCode));
  return (
    <div className="app-panel" role="search" aria-label="Find practices by name">
      <TextInput id="find-practice" label="Find a practice" hint="Part of its name or postcode, at least 3 letters" width={20} value={words} onChange={(e) => setWords(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()} />
      {q.length < 3 ? null : found.data && !offered.length ? (
        <p className="nhsuk-body" aria-live="polite">
          No open GP practice {found.data.items.length ? 'that is not chosen already ' : ''}matches “{q}”.
        </p>
      ) : (
        <ul className="nhsuk-list app-finder-results" aria-live="polite">
          {offered.map((p) => (
            <li key={p.odsCode}>
              <Button type="button" secondary small onClick={() => add(p)}>
                Add {p.name} ({p.odsCode}){p.postcode ? `, ${p.postcode}` : ''}
              </Button>
            </li>
          ))}
          {found.data && found.data.total > SHOWN ? <li className="nhsuk-hint">{found.data.total} practices match: type more of the name to narrow them.</li> : null}
        </ul>
      )}
      <p className="nhsuk-body-s" role="status">
        {added}
      </p>
    </div>
  );
}
