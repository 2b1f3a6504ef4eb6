import { periodLabel } from '../../../domain/quality/indicators.js';
import { Button, Heading, InsetText, Select } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { queryString } from '../../api/client.js';
import { useApiQuery } from '../../api/use-api.js';
import { DataTable } from '../../components/data-table.js';
import { type FieldError, FormErrorSummary } from '../../components/form-errors.js';
import { Loaded, LoadingPanel, usePageTitle } from '../../components/page-states.js';
import { groupOptions, indicatorOptions, useCatalogue, useGroups } from './quality-choosers.js';
import { formatDifference, formatFigure, formatGroupFigure } from './quality-format.js';
import { QualityNav } from './quality-nav.js';
import type { Indicator, SchemeEvaluation } from './types.js';
import './quality.css';

const fields = ['indicator', 'group', 'comparison', 'beforeFrom', 'beforeTo', 'afterFrom', 'afterTo'] as const;
type Fields = Record<(typeof fields)[number], string>;
/** What each choice the evaluation needs is called in a problem ("Choose the indicator"); the comparison may be left as every other practice. */
const needed: Partial<Record<keyof Fields, string>> = { indicator: 'the indicator', group: 'the signed-up practices', beforeFrom: 'when before starts', beforeTo: 'when before ends', afterFrom: 'when after starts', afterTo: 'when after ends' };

function EvaluationView({ data }: { data: SchemeEvaluation }) {
  const ind: Indicator = data.indicator;
  const arms = [
    { key: 'signed', label: `Signed up (${data.signedUp.practices})`, arm: data.signedUp },
    { key: 'others', label: `Not signed up (${data.notSignedUp.practices})`, arm: data.notSignedUp },
  ];
  return (
    <>
      <InsetText>
        <p>
          Signed up: {data.signedUpFrom}. Compared with {data.comparedWith}. Difference in differences:{' '}
          <strong data-testid="difference-in-differences">{formatDifference(data.differenceInDifferences, ind)}</strong>
          {data.interval95 ? ` (approximate 95% interval ${formatDifference(data.interval95[0], ind)} to ${formatDifference(data.interval95[1], ind)})` : ''}.
        </p>
        <p className="nhsuk-body-s" data-testid="evaluation-method">
          Each side’s before and after figures pool its practices and months (total numerator ÷ total denominator), so a big practice counts for more. The interval is for that same difference: it allows for chance and for how much the practices differ, by working the figure out again without each practice in turn.{data.interval95 ? '' : ' There is no interval with fewer than 2 practices on a side.'}
        </p>
        <p className="nhsuk-body-s">Before and after comparisons show association, not proof: practices chose to sign up, and other things changed over the same time.</p>
      </InsetText>
      <DataTable
        caption="Before and after"
        columns={[
          { key: 'label', header: 'Practices', cell: (a) => a.label },
          { key: 'before', header: 'Before', cell: (a) => formatGroupFigure(a.arm.before, ind), numeric: true },
          { key: 'after', header: 'After', cell: (a) => formatGroupFigure(a.arm.after, ind), numeric: true },
          { key: 'change', header: 'Change', cell: (a) => formatDifference(a.arm.change, ind), numeric: true },
        ]}
        rows={arms}
        rowKey={(a) => a.key}
      />
      <DataTable
        caption="Each practice"
        columns={[
          { key: 'practice', header: 'Practice', cell: (p) => data.names[p.practiceCode] ?? p.practiceCode },
          { key: 'signed', header: 'Signed up', cell: (p) => (p.signedUp ? 'Yes' : 'No') },
          { key: 'before', header: 'Before', cell: (p) => formatFigure(p.before, ind), numeric: true },
          { key: 'after', header: 'After', cell: (p) => formatFigure(p.after, ind), numeric: true },
          { key: 'change', header: 'Change', cell: (p) => formatDifference(p.change, ind), numeric: true },
        ]}
        rows={data.practices}
        rowKey={(p) => p.practiceCode}
        compact
      />
    </>
  );
}

/** A local scheme (e.g. admission avoidance): signed-up practices against the rest, before against after. */
export function SchemeEvaluationPage() {
  usePageTitle('Scheme evaluation');
  const [params, setParams] = useSearchParams();
  const catalogue = useCatalogue();
  const groups = useGroups();
  const [values, setValues] = useState<Fields>(() => Object.fromEntries(fields.map((f) => [f, params.get(f) ?? ''])) as Fields);
  const [problems, setProblems] = useState<{ errors: FieldError[]; attempt: number }>({ errors: [], attempt: 0 });
  const errorOf = (name: keyof Fields) => problems.errors.find((e) => e.field === `evaluation-${name}`)?.message;
  const ready = fields.filter((f) => f !== 'comparison').every((f) => params.get(f));
  const result = useApiQuery<SchemeEvaluation>(ready ? `/api/quality/evaluation${queryString(Object.fromEntries(fields.map((f) => [f, params.get(f) || undefined])))}` : null);
  if (!catalogue.data || !groups.data) return <LoadingPanel what="scheme evaluation" />;
  const entries = catalogue.data.items.filter((i) => i.periods.length > 1);
  const months = [...new Set(entries.flatMap((e) => e.periods.map((p) => p.period)))].sort();
  const select = (name: keyof Fields, label: string, options: { value: string; text: string }[]) => (
    <Select id={`evaluation-${name}`} name={name} label={label} value={values[name]} error={errorOf(name)} onChange={(e) => setValues({ ...values, [name]: e.target.value })}>
      {options.map((o) => (
        <Select.Option key={o.value} value={o.value}>
          {o.text}
        </Select.Option>
      ))}
    </Select>
  );
  const periodOptions = [{ value: '', text: 'Choose' }, ...months.map((m) => ({ value: m, text: periodLabel(m, 'month') }))];
  function submit(event: FormEvent) {
    event.preventDefault();
    // Each choice still to make is said, as every form says it, rather than the page doing nothing.
    const errors = Object.entries(needed).flatMap(([name, words]) => (values[name as keyof Fields] ? [] : [{ field: `evaluation-${name}`, message: `Choose ${words}` }]));
    setProblems((p) => ({ errors, attempt: p.attempt + 1 }));
    if (!errors.length) setParams(new URLSearchParams(Object.entries(values).filter(([, v]) => v)));
  }
  return (
    <>
      <Heading headingLevel="h1">Scheme evaluation</Heading>
      <QualityNav current="evaluation" />
      <FormErrorSummary errors={problems.errors} attempt={problems.attempt} />
      <form onSubmit={submit} noValidate className="app-quality-filters" aria-label="Choose the scheme and periods">
        {select('indicator', 'Indicator', [{ value: '', text: 'Choose' }, ...indicatorOptions(entries)])}
        {select('group', 'Signed-up practices (group)', groupOptions(groups.data.items, ['peer_group', 'locality', 'pcn'], 'Choose'))}
        {select('comparison', 'Compared with', groupOptions(groups.data.items, ['federation', 'icb_footprint', 'pcn', 'locality', 'peer_group'], 'Every other practice'))}
        {select('beforeFrom', 'Before: from', periodOptions)}
        {select('beforeTo', 'Before: to', periodOptions)}
        {select('afterFrom', 'After: from', periodOptions)}
        {select('afterTo', 'After: to', periodOptions)}
        <div className="nhsuk-form-group">
          <Button type="submit" secondary>
            Evaluate
          </Button>
        </div>
      </form>
      {ready ? <Loaded query={result} what="evaluation">{(data) => <EvaluationView data={data} />}</Loaded> : <p className="nhsuk-body">Choose an indicator, the signed-up practices and the before and after periods.</p>}
    </>
  );
}
