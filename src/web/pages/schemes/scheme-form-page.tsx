import { Button, Checkboxes, Fieldset, Heading, InsetText, Select, TextInput, WarningCallout } from 'nhsuk-react-components';
import { type FormEvent, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { scheduleTable } from '../../../domain/schemes/report-tables-more.js';
import { allocationTable } from '../../../domain/schemes/report-tables.js';
import { termsForNextScheme } from '../../../domain/schemes/next-scheme-terms.js';
import { runScheme } from '../../../domain/schemes/run-scheme.js';
import { type SchemeDefinition, type SchemeDefinitionInput, schemeDefinitionSchema } from '../../../domain/schemes/scheme-definition.js';
import type { Group, Page } from '../../api/types.js';
import { useApiQuery } from '../../api/use-api.js';
import { DateField, dateFieldTarget, isoOrNull } from '../../components/date-field.js';
import { FormErrorSummary } from '../../components/form-errors.js';
import { PageBreadcrumb } from '../../components/page-breadcrumb.js';
import { Loaded, usePageTitle } from '../../components/page-states.js';
import { useApiForm } from '../../components/use-api-form.js';
import { formatDate } from '../../format/format.js';
import { CostModelFields } from './cost-model-fields.js';
import { FixedSharesFields } from './fixed-shares-fields.js';
import { ReportTableView } from './report-table.js';
import { blank, definitionOf, formProblems, type FormState, ids, type ModelRow, snapshotProblem, stateFrom, units } from './scheme-form-state.js';
import { type Scheme, type SchemePracticesOn, type SchemeVersions, schemePath } from './types.js';
import './schemes.css';

/** The allocation the terms give, worked out in the browser with the scheme engine (the server runs the same engine when saving). */
function Preview({ state, summary, base }: { state: FormState; summary: SchemePracticesOn | undefined; base: SchemeDefinition | null }) {
  const deferred = useDeferredValue(state);
  const result = useMemo(() => {
    if (!summary) return { message: 'Choose the group and the list-size snapshot date to see the allocation.' };
    // The date does not fit: the same words saving would give, said once.
    const problem = snapshotProblem(summary, deferred.excluded);
    if (problem) return { problem };
    // On top of the version being edited, as saving sends it: its rounding and unit labels, not the form's defaults.
    const parsed = schemeDefinitionSchema.safeParse(definitionOf(deferred, null, base));
    if (!parsed.success) return { message: 'The preview appears when the name, funder, quantity and delivery models are filled in.' };
    const practices = summary.practices
      .filter((p) => !deferred.excluded.includes(p.odsCode))
      .map((p) => ({ key: p.odsCode, name: p.displayName, odsCode: p.odsCode, ...(p.listSize !== null ? { listSize: p.listSize } : {}), ...(p.locality ? { locality: p.locality } : {}), participation: 'yes' as const }));
    try {
      const run = runScheme({ definition: parsed.data, practices });
      return { table: allocationTable(run, parsed.data), schedule: scheduleTable(run, parsed.data) };
    } catch (error) {
      return { message: error instanceof Error ? `The allocation cannot be worked out yet: ${error.message}` : 'The allocation cannot be worked out yet.' };
    }
  }, [deferred, summary, base]);
  return (
    // Not a live region: it changes with every keystroke, and would drown out the typing it follows.
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview of the allocation</h2>
      {summary && !('problem' in result) ? <p className="nhsuk-body">Using the list sizes the registry holds for the group’s practices on {formatDate(summary.onDate)}.</p> : null}
      {'problem' in result ? (
        <WarningCallout>
          <WarningCallout.Heading>No list sizes on {formatDate(summary?.onDate)}</WarningCallout.Heading>
          <p>{result.problem}</p>
        </WarningCallout>
      ) : 'table' in result && result.table ? (
        <ReportTableView table={result.table} hide={['ods_code']} caption="Preview of the allocation" />
      ) : (
        <p className="nhsuk-body">{result.message}</p>
      )}
      {'schedule' in result && result.schedule ? (
        <>
          <p className="nhsuk-body">{result.schedule.title}.</p>
          <ReportTableView table={result.schedule} caption="Preview of the cost over the years" />
        </>
      ) : null}
    </section>
  );
}

function SchemeForm({ scheme, base, groupId: startingGroup = null }: { scheme: Scheme | null; base: SchemeDefinition | null; groupId?: number | null }) {
  const navigate = useNavigate();
  const [state, setState] = useState<FormState>(() => (base ? stateFrom(base, scheme?.groupId ?? startingGroup) : blank));
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setState((s) => ({ ...s, [key]: value }));
  const groups = useApiQuery<Page<Group>>('/api/groups?pageSize=1000&sort=name');
  // A scheme is run by a federation, a PCN or an ICB's primary-care team over its footprint.
  const federations = (groups.data?.items ?? []).filter((g) => ['federation', 'pcn', 'icb_footprint'].includes(g.kind));
  const groupId = state.groupId || (federations.find((g) => g.kind === 'federation')?.id.toString() ?? '');
  const snapshot = isoOrNull(state.snapshot);
  // The group's members and their list sizes on exactly the snapshot date, by the rules the save uses.
  const summary = useApiQuery<SchemePracticesOn>(groupId && snapshot && /^\d{4}-\d{2}-\d{2}$/.test(snapshot) ? `/api/schemes/practices-on?groupId=${groupId}&on=${snapshot}` : null, { keepPrevious: true });
  const members = summary.data?.practices.map((p) => ({ odsCode: p.odsCode, name: p.displayName })) ?? null;
  // Editing: the boxes start as the version has them, so members it left out stay unticked.
  const [ticksFromVersion, setTicksFromVersion] = useState(false);
  useEffect(() => {
    if (ticksFromVersion || !members || !Array.isArray(base?.practices)) return;
    const inVersion = new Set(base.practices.map((p) => p.odsCode));
    setTicksFromVersion(true);
    set('excluded', members.filter((m) => !inVersion.has(m.odsCode)).map((m) => m.odsCode));
  }, [members, base, ticksFromVersion]);

  const form = useApiForm<{ definition: SchemeDefinitionInput; groupId: number | null }, { scheme: Scheme }>(
    (body) => (scheme ? { method: 'PATCH', path: schemePath(scheme.id), body: { rowVersion: scheme.rowVersion, definition: body.definition } } : { method: 'POST', path: '/api/schemes', body }),
    {
      invalidates: ['/api/schemes'],
      fields: { definition: { id: ids.name, label: 'Scheme' }, 'listSnapshot.date': { id: dateFieldTarget(ids.snapshot), label: 'List-size snapshot date' } },
      onSuccess: (result) => navigate(`/schemes/${result.scheme.id}`),
    },
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = formProblems(state, members, base);
    form.submit({ definition: definitionOf(state, members, base), groupId: groupId ? Number(groupId) : null }, () => problems);
  }

  // Practices the version names that are not members of the group on the snapshot date (one that left, or closed): offered too, so they can be left out.
  const versionOnly = members && Array.isArray(base?.practices) ? base.practices.filter((p) => p.odsCode && !members.some((m) => m.odsCode === p.odsCode)).map((p) => ({ odsCode: p.odsCode!, name: p.name })) : [];
  const choosable = [...(members ?? []), ...versionOnly];
  const updateModel = (i: number, field: keyof ModelRow, value: string) => set('models', state.models.map((m, j) => (j === i ? { ...m, [field]: value } : m)));

  return (
    <form onSubmit={submit} noValidate aria-label={scheme ? 'Edit the scheme' : 'Set up a scheme'}>
      <FormErrorSummary errors={form.errors} attempt={form.attempt} />
      {scheme && scheme.status !== 'draft' ? (
        <InsetText>
          <p>
            Version {scheme.currentVersion} is approved and will not change. Saving creates version {scheme.currentVersion + 1}, a draft, which needs approving before it is used.
          </p>
        </InsetText>
      ) : null}
      <TextInput id={ids.name} label="Name" value={state.name} onChange={(e) => set('name', e.currentTarget.value)} error={form.fieldError(ids.name)} />
      <TextInput id={ids.funder} label="Funder" hint="As it should be printed on statements, for example NHS England" value={state.funder} onChange={(e) => set('funder', e.currentTarget.value)} error={form.fieldError(ids.funder)} />
      <Select id={ids.basis} label="How it is shared" value={state.basis} onChange={(e) => set('basis', e.target.value as FormState['basis'])} error={form.fieldError(ids.basis)}>
        <Select.Option value="list_size">By registered list size</Select.Option>
        <Select.Option value="weighted_list_size">By weighted list size</Select.Option>
        <Select.Option value="equal">In equal shares</Select.Option>
        <Select.Option value="fixed">By a fixed table of shares</Select.Option>
      </Select>
      <TextInput id={ids.quantity} label="Quantity shared" inputMode="decimal" width={10} value={state.quantity} onChange={(e) => set('quantity', e.currentTarget.value)} error={form.fieldError(ids.quantity)} />
      <Select id={ids.unit} label="Unit" value={state.unit} onChange={(e) => set('unit', e.target.value as FormState['unit'])}>
        {units.map((u) => (
          <Select.Option key={u.value} value={u.value}>
            {u.text}
          </Select.Option>
        ))}
      </Select>
      <Select
        id={ids.per}
        label="The quantity is for"
        hint="A commissioner may offer a rate for each registered patient (for example £0.50): choose Pounds and Each registered patient, and give the rate as the quantity."
        value={state.per}
        onChange={(e) => set('per', e.target.value as FormState['per'])}
        error={form.fieldError(ids.per)}
      >
        <Select.Option value="scheme">The whole scheme</Select.Option>
        <Select.Option value="week">Each week</Select.Option>
        <Select.Option value="patient">Each registered patient</Select.Option>
      </Select>
      <TextInput id={ids.weeks} label="Length in weeks (optional)" inputMode="numeric" width={3} value={state.weeks} onChange={(e) => set('weeks', e.currentTarget.value)} />

      {state.unit === 'gbp' ? (
        <InsetText>
          <p>
            {state.per === 'patient'
              ? 'Money per registered patient: each practice’s amount is the rate × its list at the snapshot date, to the penny, and the amounts add up to the rate × the combined list.'
              : 'Money shared per head: each practice’s share is its amount, to the penny, and the shares add up to the quantity shared.'}{' '}
            Delivery models and a fee on delivered cost do not apply.
          </p>
        </InsetText>
      ) : (
        <>
          <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-5">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Delivery models</legend>
            {state.models.map((m, i) => (
              <div key={i} className="app-panel">
                <TextInput id={ids.model(i, 'name')} label={`Delivery model ${i + 1} name`} width={20} value={m.name} onChange={(e) => updateModel(i, 'name', e.currentTarget.value)} />
                <TextInput id={ids.model(i, 'unitsPerHour')} label="Units an hour" inputMode="decimal" width={4} value={m.unitsPerHour} onChange={(e) => updateModel(i, 'unitsPerHour', e.currentTarget.value)} error={form.fieldError(ids.model(i, 'unitsPerHour'))} />
                <TextInput id={ids.model(i, 'hourlyRate')} label="Hourly rate (£)" inputMode="decimal" width={5} value={m.hourlyRate} onChange={(e) => updateModel(i, 'hourlyRate', e.currentTarget.value)} error={form.fieldError(ids.model(i, 'hourlyRate'))} />
                <Button type="button" secondary onClick={() => set('models', state.models.filter((_, j) => j !== i))}>
                  Remove delivery model {i + 1}
                </Button>
              </div>
            ))}
            <Button type="button" secondary onClick={() => set('models', [...state.models, { name: '', unitsPerHour: '', hourlyRate: '' }])}>
              Add a delivery model
            </Button>
          </fieldset>

          <TextInput id={ids.fee} label="Federation fee (% of the delivered cost, optional)" inputMode="decimal" width={3} value={state.feePercent} onChange={(e) => set('feePercent', e.currentTarget.value)} error={form.fieldError(ids.fee)} />
        </>
      )}
      <DateField id={ids.snapshot} legend="List-size snapshot date" hint="The practices’ list sizes are taken from the registry on this date. For example, 1 1 2018" value={state.snapshot} onChange={(v) => set('snapshot', v)} error={form.fieldError(dateFieldTarget(ids.snapshot))} />
      <Loaded query={groups} what="groups">
        {() =>
          !federations.length ? (
            <InsetText>
              <p>
                A scheme shares money among the member practices of a federation, PCN or ICB footprint, and there is none yet. <Link to="/groups">Set one up on the groups page</Link> first.
              </p>
            </InsetText>
          ) : (
            <Select id={ids.group} label="Participating group" hint="All its member practices on the snapshot date take part unless you leave some out below" value={groupId} onChange={(e) => set('groupId', e.target.value)}>
              {federations.map((g) => (
                <Select.Option key={g.id} value={String(g.id)}>
                  {g.name}
                </Select.Option>
              ))}
            </Select>
          )
        }
      </Loaded>
      {state.basis === 'fixed' && members?.length ? (
        <FixedSharesFields members={members.filter((m) => !state.excluded.includes(m.odsCode))} value={state.fixedShares} onChange={(v) => set('fixedShares', v)} error={form.fieldError('scheme-fixed-shares')} />
      ) : null}
      <CostModelFields value={state.cost} onChange={(v) => set('cost', v)} fieldError={form.fieldError} />
      {choosable.length ? (
        <Fieldset>
          <Fieldset.Legend size="s">Practices taking part</Fieldset.Legend>
          <Checkboxes id="scheme-practices" name="scheme-practices" hint={`${choosable.length - state.excluded.length} of ${choosable.length} practices take part`}>
            {choosable.map((m) => (
              <Checkboxes.Item
                key={m.odsCode}
                value={m.odsCode}
                checked={!state.excluded.includes(m.odsCode)}
                onChange={(e) => set('excluded', e.target.checked ? state.excluded.filter((c) => c !== m.odsCode) : [...state.excluded, m.odsCode])}
              >
                {m.name} ({m.odsCode}){versionOnly.includes(m) ? `: in version ${base?.version ?? ''}, but not a member of the group on ${formatDate(summary.data?.onDate)}` : ''}
              </Checkboxes.Item>
            ))}
          </Checkboxes>
        </Fieldset>
      ) : null}
      <Preview state={state} summary={summary.data} base={base} />
      <Button type="submit" disabled={form.pending}>
        {scheme ? 'Save the changes' : 'Save as a draft'}
      </Button>
    </form>
  );
}

/**
 * Admins set up a scheme (version 1, a draft) with a live preview of its allocation; from another
 * scheme's terms (`?from=ID`, its version in force), moved on a year, for next year's scheme.
 */
export function NewSchemePage() {
  usePageTitle('Set up a scheme');
  const from = new URLSearchParams(useLocation().search).get('from');
  return (
    <>
      <PageBreadcrumb items={[{ to: '/schemes', text: 'Schemes' }]} />
      <Heading headingLevel="h1">Set up a scheme</Heading>
      <p className="nhsuk-body">The scheme is saved as a draft, version 1. Check the allocation, then approve it from the scheme’s page.</p>
      {from ? <FromSchemeForm id={from} /> : <SchemeForm scheme={null} base={null} />}
    </>
  );
}

function FromSchemeForm({ id }: { id: string }) {
  const source = useApiQuery<Scheme>(schemePath(id));
  const versions = useApiQuery<SchemeVersions>(`${schemePath(id)}/versions`);
  return (
    <Loaded query={source} what="scheme">
      {(s) => (
        <Loaded query={versions} what="scheme’s versions">
          {(v) => {
            const inForce = v.items.find((item) => item.status === 'approved') ?? v.items.at(-1);
            return inForce ? <NextSchemeForm source={s} version={inForce} /> : null;
          }}
        </Loaded>
      )}
    </Loaded>
  );
}

function NextSchemeForm({ source, version }: { source: Scheme; version: SchemeVersions['items'][number] }) {
  const base = useMemo(() => termsForNextScheme(version.definition), [version.definition]);
  return (
    <>
      <InsetText>
        <p>
          Started from the terms of {source.name} (version {version.version}), a year on. Its practices, list sizes and activity returns stay with it: choose the list-size snapshot date for this scheme,
          and check the name, the years and the amounts. Every member of the group on that date starts ticked: leave out those not taking part this time.
        </p>
      </InsetText>
      <SchemeForm scheme={null} base={base} groupId={source.groupId} />
    </>
  );
}

/** True once the page's queries have first finished loading, and from then on (later refreshes do not reset a form). */
function useSettled(fetching: boolean): boolean {
  const [settled, setSettled] = useState(!fetching);
  useEffect(() => {
    if (!fetching) setSettled(true);
  }, [fetching]);
  return settled || !fetching;
}

/** Admins change a scheme’s terms: a draft in place, an approved version as the next version. */
export function EditSchemePage() {
  const { id = '' } = useParams();
  const scheme = useApiQuery<Scheme>(schemePath(id));
  const versions = useApiQuery<SchemeVersions>(`${schemePath(id)}/versions`);
  const settled = useSettled(scheme.isFetching || versions.isFetching);
  usePageTitle(scheme.data ? `Edit ${scheme.data.name}` : 'Edit a scheme');
  return (
    <>
      <PageBreadcrumb items={[{ to: '/schemes', text: 'Schemes' }, ...(scheme.data ? [{ to: `/schemes/${id}`, text: scheme.data.name }] : [])]} />
      <Heading headingLevel="h1">Edit the scheme’s terms</Heading>
      <Loaded query={scheme} what="scheme">
        {(s) => (
          <Loaded query={versions} what="scheme’s versions">
            {(v) => {
              const latest = v.items.find((item) => item.version === s.currentVersion) ?? v.items.at(-1);
              // Wait for fresh terms: a form filled from a cached copy would be reset under the typing when the fresh one arrives.
              if (!settled) return <p className="nhsuk-body">Loading the scheme’s latest terms…</p>;
              return latest ? <SchemeForm key={s.id} scheme={s} base={latest.definition} /> : null;
            }}
          </Loaded>
        )}
      </Loaded>
    </>
  );
}
