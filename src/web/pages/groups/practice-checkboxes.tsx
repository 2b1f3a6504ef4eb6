import { Button, Checkboxes, TextInput } from 'nhsuk-react-components';
import { useState } from 'react';
import type { GroupMember } from '../../api/types.js';
import { formatNumber } from '../../format/format.js';
import { filterPractices } from './filter-practices.js';
import { countOf } from '../../../domain/words.js';

/** Up to this many practices, every box shows and there is nothing to filter. */
const FILTER_FROM = 20;
/** Boxes drawn at most: an ICB's 1,200 boxes make a page nobody can use; the filter narrows them. */
const SHOWN = 200;

const practices = (n: number) => countOf(n, 'practice');

interface PracticeCheckboxesProps {
  id: string;
  legend: string;
  practices: readonly GroupMember[];
  chosen: readonly string[];
  onChange(chosen: string[]): void;
  error?: string;
}

/**
 * Checkboxes for choosing practices from a group's members. A long list (a PCN's or an ICB's) gets
 * a box to narrow it by name, code, PCN, sub-ICB or postcode and a button to choose all that
 * match; what is chosen stays chosen while the filter changes, and the count says so.
 */
export function PracticeCheckboxes({ id, legend, practices: all, chosen, onChange, error }: PracticeCheckboxesProps) {
  const [words, setWords] = useState('');
  const long = all.length > FILTER_FROM;
  const matching = long ? filterPractices(all, words) : [...all];
  const drawn = matching.slice(0, SHOWN);
  const toggle = (code: string, on: boolean) => onChange(on ? [...chosen, code] : chosen.filter((c) => c !== code));
  const chooseMatching = () => onChange([...chosen, ...matching.map((p) => p.odsCode).filter((code) => !chosen.includes(code))]);
  return (
    <>
      {long ? (
        <div className="app-panel" role="search" aria-label="Narrow the list of practices">
          <TextInput id={`${id}-filter`} label="Find practices in this list" hint="Part of a name, an ODS code, a PCN, a sub-ICB code or a postcode" width={20} value={words} onChange={(e) => setWords(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()} />
          <p className="nhsuk-body" aria-live="polite">
            {words.trim() ? `${practices(matching.length)} of ${formatNumber(all.length)} match.` : `${practices(all.length)}.`} {chosen.length ? `${practices(chosen.length)} chosen.` : 'None chosen yet.'}
            {matching.length > drawn.length ? ` Showing the first ${formatNumber(drawn.length)}: narrow the list to see the others.` : ''}
          </p>
          <Button type="button" secondary small disabled={!matching.length} onClick={chooseMatching}>
            {words.trim() ? `Choose the ${practices(matching.length)} that match` : `Choose all ${practices(all.length)}`}
          </Button>{' '}
          {chosen.length ? (
            <Button type="button" secondary small onClick={() => onChange([])}>
              Clear the choice
            </Button>
          ) : null}
        </div>
      ) : null}
      {/* None drawn (the filter matches nothing): the error summary's link to the first box lands here. */}
      {drawn.length ? null : (
        <p className="nhsuk-body" id={`${id}-1`} tabIndex={-1}>
          No practice in this list matches “{words.trim()}”.
        </p>
      )}
      <Checkboxes id={id} name={id} legend={legend} legendProps={{ size: 's' }} error={error}>
        {drawn.map((p) => (
          <Checkboxes.Item key={p.odsCode} value={p.odsCode} checked={chosen.includes(p.odsCode)} onChange={(e) => toggle(p.odsCode, e.target.checked)}>
            {p.displayName} ({p.odsCode}){long && p.pcnName ? `, ${p.pcnName}` : ''}
          </Checkboxes.Item>
        ))}
      </Checkboxes>
    </>
  );
}
