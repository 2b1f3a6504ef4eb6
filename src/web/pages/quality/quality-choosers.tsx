import { Button, Select } from 'nhsuk-react-components';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useSearchParams } from 'react-router';
import { keepFocusOnSubmitOf } from '../../components/use-focus-on.js';
import type { Group, Page } from '../../api/types.js';
import { useApiQuery } from '../../api/use-api.js';
import type { CatalogueEntry } from './types.js';

/** The catalogue, read once per page. */
export const useCatalogue = () => useApiQuery<{ items: CatalogueEntry[] }>('/api/quality/indicators');
/** Every group: federations, PCN and ICB footprints, localities, peer groups. */
export const useGroups = () => useApiQuery<Page<Group>>('/api/groups?pageSize=500&sort=name');

interface Choice {
  name: string;
  label: string;
  /** Shown when the address does not name one (the page's own default). */
  initial?: string;
  options: { value: string; text: string }[];
  /** Options that follow the other choices (an indicator's own periods): the choice moves to the first when it has none of the kind chosen. */
  optionsFor?: (values: Readonly<Record<string, string>>) => { value: string; text: string }[];
}

/** The choices as they stand once one changes: any whose options follow it and no longer hold its value take their first option. */
function afterChange(choices: readonly Choice[], values: Record<string, string>, name: string, value: string): Record<string, string> {
  const next = { ...values, [name]: value };
  for (const c of choices) {
    const options = c.optionsFor?.(next);
    if (options && !options.some((o) => o.value === next[c.name])) next[c.name] = options[0]?.value ?? '';
  }
  return next;
}

/** A filter form whose choices live in the address, so a view can be bookmarked and shared; `clears` are removed on submit (e.g. a period that belongs to the old indicator). */
export function ChoiceForm({ choices, submitText = 'Show', clears = [], children }: { choices: Choice[]; submitText?: string; clears?: string[]; children?: ReactNode }) {
  const [params, setParams] = useSearchParams();
  // An address naming no known option (an old bookmark, "?indicator=") shows what the page shows: its default.
  const known = (c: Choice) => {
    const asked = params.get(c.name);
    return asked !== null && c.options.some((o) => o.value === asked) ? asked : null;
  };
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(choices.map((c) => [c.name, known(c) ?? c.initial ?? c.options[0]?.value ?? ''])));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams(params);
    for (const name of clears) next.delete(name);
    // An empty choice stays in the address ("group=" is all practices held, not the page's default group).
    for (const [name, value] of Object.entries(values)) next.set(name, value);
    setParams(next);
    keepFocusOnSubmitOf(event.currentTarget);
  }
  return (
    <form onSubmit={submit} className="app-quality-filters" aria-label="Choose what to show">
      {choices.map((c) => (
        <Select key={c.name} id={`choose-${c.name}`} name={c.name} label={c.label} value={values[c.name] ?? ''} onChange={(e) => setValues(afterChange(choices, values, c.name, e.target.value))}>
          {(c.optionsFor?.(values) ?? c.options).map((o) => (
            <Select.Option key={o.value} value={o.value}>
              {o.text}
            </Select.Option>
          ))}
        </Select>
      ))}
      {children}
      <div className="nhsuk-form-group">
        <Button type="submit" secondary>
          {submitText}
        </Button>
      </div>
    </form>
  );
}

export const indicatorOptions = (catalogue: CatalogueEntry[]) => catalogue.filter((i) => i.periods.length).map((i) => ({ value: i.code, text: i.name }));
/** The groups of the kinds asked for, a group that is part of another named with it ("Harborough (in East Leicestershire & Rutland GP Federation)"): two federations' localities are told apart. */
export function groupOptions(groups: Group[], kinds: readonly string[], none?: string) {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const text = (g: Group) => {
    const parent = g.parentId === null ? undefined : byId.get(g.parentId);
    return parent ? `${g.name} (in ${parent.name})` : g.name;
  };
  return [...(none ? [{ value: '', text: none }] : []), ...groups.filter((g) => kinds.includes(g.kind)).map((g) => ({ value: String(g.id), text: text(g) }))];
}
