import { Button, InsetText, Select, TextInput, WarningCallout } from 'nhsuk-react-components';
import { useFocusOn } from '../../components/use-focus-on.js';
import { type FormEvent, Fragment, useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApiQuery, useRefresh } from '../../api/use-api.js';
import { checkUnits } from '../../../domain/schemes/delivered.js';
import { returnsClosedMessage } from '../../../domain/schemes/returns-due.js';
import { settledMessage } from '../../../domain/schemes/settlement.js';
import type { SchemeDefinition } from '../../../domain/schemes/scheme-definition.js';
import { type FieldError, FormErrorSummary } from '../../components/form-errors.js';
import { SummaryRows } from '../../components/summary-rows.js';
import { useApiForm } from '../../components/use-api-form.js';
import { formatList, formatNumber } from '../../format/format.js';
import { CsvUploadPanel } from '../../components/csv-upload-panel.js';
import { type DeliveredList, type DeliveredResult, schemePath } from './types.js';

const unitLabelOf = (definition: SchemeDefinition) => definition.shared.label ?? definition.shared.unit.replace(/_/g, ' ');

/** What is wrong with a typed figure, in words that follow its label; null when it is fine (or blank). */
function figureProblem(text: string, definition: SchemeDefinition): string | null {
  if (text === '') return null;
  if (!/^\d+(\.\d+)?$/.test(text)) return 'must be a number, 0 or more';
  return checkUnits(Number(text), definition);
}

/** The whole scheme's quantity, every week included: a practice returning more than it has almost surely mistyped. */
function wholeSchemeQuantity(definition: SchemeDefinition): number | null {
  const { quantity, per } = definition.shared;
  if (per !== 'week') return quantity;
  return definition.period.weeks ? quantity * definition.period.weeks : null;
}

/** "400,000 nurse appointments": the figures above the whole scheme's quantity, to check before they are sent. */
function beyondTheScheme(figures: Record<string, number | null>, definition: SchemeDefinition, whole: number): string[] {
  // "Nurse" reads as a word in a sentence; "GP" keeps its capitals.
  const inSentence = (name: string) => (/^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name);
  return definition.deliveryModels.filter((m) => (figures[m.id] ?? 0) > whole).map((m) => `${formatNumber(figures[m.id]!)} ${inSentence(m.name)} ${unitLabelOf(definition)}`);
}

interface DeliveredFormProps {
  schemeId: number;
  version: number;
  definition: SchemeDefinition;
  /** The practices taking part, as the allocation lists them. */
  practices: { odsCode: string; name: string }[];
}

function resultText(result: DeliveredResult | undefined): string | null {
  if (!result) return null;
  const kept = result.keptNotInFile ?? [];
  const keptText = kept.length ? ` ${formatList(kept.map((p) => p.name))} ${kept.length === 1 ? 'was' : 'were'} not in the file and kept ${kept.length === 1 ? 'its return' : 'their returns'}.` : '';
  if (!result.changed) return `Nothing changed: the activity is the same as what was already recorded.${keptText}`;
  return (result.returns === 1 ? 'Recorded 1 return. The payments above now include it.' : `Recorded ${formatNumber(result.returns)} returns. The payments above now include them.`) + keptText;
}

/** Uploads a delivered-activity CSV: all or nothing, every problem listed with its line and column. */
function DeliveredUpload({ schemeId, version, definition }: DeliveredFormProps) {
  const delivered = useApiQuery<DeliveredList>(`${schemePath(schemeId)}/delivered?version=${version}`);
  const columns = ['practice (or ods_code)', 'takes_part', ...definition.deliveryModels.map((m) => `${m.id}_delivered`)];
  return (
    <CsvUploadPanel<DeliveredResult>
      id="delivered"
      heading="Upload the activity returns"
      description={`A CSV file with a row per practice and the columns ${columns.join(', ')}. It replaces the returns of the practices it holds on version ${version}; a practice it leaves out keeps its return. If any row is wrong, nothing is saved.`}
      path={`${schemePath(schemeId)}/delivered?version=${version}`}
      formLabel="Upload delivered activity"
      errorTitle="The activity returns were not recorded"
      submitText="Upload and record"
      hidden={{ basedOn: delivered.data?.revision }}
      resultText={(result) => resultText(result)!}
    />
  );
}

const participation = [
  { value: '', text: 'Not said' },
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
  { value: 'unknown', text: 'Not known' },
];

/**
 * Fills the form with what the chosen practice last returned for the whole scheme, each time a
 * practice is chosen: a correction starts from the figures (and the "takes part" answer) already
 * recorded, rather than blanking what is not retyped. `refill` reads the returns again and fills
 * the form from them: after a save, or when someone else's change was refused to be overwritten.
 */
function useLastReturn(path: string, practice: string, fill: (last: { takesPart: string; units: Record<string, string>; revision: string | undefined }) => void): () => Promise<void> {
  const delivered = useApiQuery<DeliveredList>(path);
  const refresh = useRefresh();
  const [filledFor, setFilledFor] = useState('');
  useEffect(() => {
    if (!delivered.data || !practice || filledFor === practice) return;
    const rows = delivered.data.items.filter((r) => r.practiceCode === practice && r.week === null);
    setFilledFor(practice);
    fill({
      takesPart: rows[0]?.takesPart ?? '',
      units: Object.fromEntries(rows.map((r) => [r.modelId, r.quantity === null ? '' : String(r.quantity)])),
      revision: delivered.data.practiceRevisions[practice],
    });
  }, [delivered.data, practice, filledFor, fill]);
  return useCallback(async () => {
    await refresh([path]);
    setFilledFor('');
  }, [refresh, path]);
}

/** "Nurse appointments delivered 45; GP appointments delivered blank": figures as typed, to keep in view. */
function typedFigures(definition: SchemeDefinition, units: Record<string, string>): string {
  return definition.deliveryModels.map((m) => `${m.name} ${unitLabelOf(definition)} delivered ${units[m.id]?.trim() || 'blank'}`).join('; ');
}

/** Figures someone typed that were not sent (refused, or replaced by what is recorded now): shown, never silently dropped. */
function UnsentFigures({ definition, units, closing }: { definition: SchemeDefinition; units: Record<string, string>; closing: string }) {
  return (
    <InsetText>
      <p>
        The figures you typed were not sent: {typedFigures(definition, units)}. {closing}
      </p>
    </InsetText>
  );
}

/**
 * A practice manager's return once returns have closed: the sentence saying so in place of the form,
 * what is recorded for the practice, and anything they had typed but not sent.
 */
/** Once returns are closed: why, and what is recorded for each practice shown (a manager's own practices, each named where there are several). */
function ClosedReturn({ definition, message, own, practices, recordedOf, unsent }: { definition: SchemeDefinition; message: string; own: boolean; practices: { odsCode: string; name: string }[]; recordedOf: (odsCode: string) => Record<string, string>; unsent: Record<string, string> | null }) {
  const figures = (odsCode: string) => {
    const recorded = recordedOf(odsCode);
    return <SummaryRows rows={definition.deliveryModels.map((m) => ({ key: `${m.name} ${unitLabelOf(definition)} delivered`, value: recorded[m.id] ? formatNumber(Number(recorded[m.id])) : null }))} />;
  };
  return (
    <section className="app-panel" aria-labelledby="delivered-entry-heading">
      <h3 id="delivered-entry-heading">{!own ? 'A practice’s return' : practices.length > 1 ? 'What your practices delivered' : 'What your practice delivered'}</h3>
      <WarningCallout>
        <WarningCallout.Heading>Returns are closed</WarningCallout.Heading>
        <p>{message}</p>
      </WarningCallout>
      {practices.length === 1
        ? figures(practices[0]!.odsCode)
        : practices.map((p) => (
            <Fragment key={p.odsCode}>
              <h4>{p.name}</h4>
              {figures(p.odsCode)}
            </Fragment>
          ))}
      {unsent ? <UnsentFigures definition={definition} units={unsent} closing="Give them to the federation if they should replace what is recorded." /> : null}
    </section>
  );
}

/**
 * One practice's return typed in: a figure per delivery model. Replaces that practice's return only.
 * A practice manager returns their own practice's (`own`) up to and including the due date; after
 * it the form gives way to the sentence saying returns are closed. The federation enters any
 * practice's, at any time. What was typed is never silently thrown away: a refused send keeps it in
 * the form, and showing someone else's newer figures keeps it in view beside them.
 */
export function DeliveredEntryForm({ schemeId, version, definition, practices, own = false, settledOn = null }: DeliveredFormProps & { own?: boolean; settledOn?: string | null }) {
  // A practice manager of one practice has nothing to choose; a link from My items names the practice whose return it asks for.
  const [params] = useSearchParams();
  const named = practices.find((p) => p.odsCode === params.get('practice'))?.odsCode;
  const [practice, setPractice] = useState(own && practices.length === 1 ? practices[0]!.odsCode : (named ?? ''));
  const [takesPart, setTakesPart] = useState('');
  const [units, setUnits] = useState<Record<string, string>>({});
  // The revision of the return the form was filled from: if someone else changes it before this is sent, the server refuses rather than overwrite theirs.
  const [seen, setSeen] = useState<string | undefined>();
  // Figures far beyond the scheme are sent only when asked again: the ones the person was asked about.
  const [checking, setChecking] = useState<{ figures: string; message: string } | null>(null);
  // What the person typed since the form was last filled from what is recorded.
  const [typed, setTyped] = useState(false);
  // Figures typed but replaced by the return as recorded now, kept in view.
  const [unsent, setUnsent] = useState<Record<string, string> | null>(null);
  const path = `${schemePath(schemeId)}/delivered?version=${version}`;
  const delivered = useApiQuery<DeliveredList>(path);
  const fill = useCallback((last: { takesPart: string; units: Record<string, string>; revision: string | undefined }) => {
    setTakesPart(last.takesPart);
    setUnits(last.units);
    setSeen(last.revision);
    setTyped(false);
  }, []);
  const refill = useLastReturn(path, practice, fill);
  const ids = { practice: 'delivered-practice', takesPart: 'delivered-takes-part', model: (id: string) => `delivered-units-${id}` };
  type Body = { entries: { practice: string; takesPart?: string; units: Record<string, number | null> }[]; replace: boolean; basedOn?: Record<string, string> };
  const form = useApiForm<Body, DeliveredResult>((body) => ({ method: 'POST', path: `${schemePath(schemeId)}/delivered?version=${version}`, body }), {
    invalidates: ['/api/schemes'],
    fields: {
      entries: { id: ids.practice, label: 'Practice' },
      'entries.0.takesPart': { id: ids.takesPart, label: 'Does the practice take part?' },
      ...Object.fromEntries(definition.deliveryModels.map((m) => [`entries.0.units.${m.id}`, { id: ids.model(m.id), label: `${m.name} ${unitLabelOf(definition)} delivered` }])),
    },
    onSuccess: () => {
      setUnsent(null);
      void refill();
    },
  });
  const unitLabel = unitLabelOf(definition);
  // Each answer, and each question about the figures, takes focus: the button pressed is disabled while sending.
  // (Hooks, so before the closed form's early return.)
  const doneRef = useFocusOn<HTMLDivElement>(form.errors.length === 0 ? form.result : null);
  const checkingRef = useFocusOn<HTMLDivElement>(checking);
  const dueOn = delivered.data?.returnsDueOn;
  // Once the payments are invoiced the return is settled, for everyone; before that, closed to a practice manager after the due date.
  const closedBecause = settledOn ? settledMessage(version, settledOn) : own && delivered.data?.returnsClosed && dueOn ? returnsClosedMessage(dueOn) : null;
  if (closedBecause && delivered.data) {
    const items = delivered.data.items;
    const recordedOf = (odsCode: string) => Object.fromEntries(items.filter((r) => r.practiceCode === odsCode && r.week === null && r.quantity !== null).map((r) => [r.modelId, String(r.quantity)]));
    // A manager sees each of their practices' returns; the federation, the practice it has chosen, if any.
    const shown = own ? practices : practices.filter((p) => p.odsCode === practice);
    return <ClosedReturn definition={definition} message={closedBecause} own={own} practices={shown} recordedOf={recordedOf} unsent={typed ? units : unsent} />;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (!practice) problems.push({ field: ids.practice, message: 'Choose the practice' });
    const figures: Record<string, number | null> = {};
    for (const model of definition.deliveryModels) {
      const text = (units[model.id] ?? '').trim().replace(/,/g, '');
      const problem = figureProblem(text, definition);
      if (problem) problems.push({ field: ids.model(model.id), message: `${model.name} ${unitLabel} delivered ${problem}` });
      figures[model.id] = text === '' || problem ? null : Number(text);
    }
    const claimed = Object.values(figures).some((f) => f !== null && f > 0);
    if (takesPart === 'no' && claimed) problems.push({ field: ids.takesPart, message: 'The return says the practice did not take part but has activity: choose Yes, or leave the figures blank' });
    else if (takesPart !== 'no' && Object.values(figures).every((f) => f === null) && problems.length === 0) {
      problems.push({ field: ids.model(definition.deliveryModels[0]!.id), message: 'Enter what the practice delivered, or choose No if it did not take part' });
    }
    const whole = wholeSchemeQuantity(definition);
    const beyond = problems.length || whole === null ? [] : beyondTheScheme(figures, definition, whole);
    const asked = JSON.stringify({ practice, figures });
    if (beyond.length && checking?.figures !== asked) {
      form.clear();
      setChecking({ figures: asked, message: `${formatList(beyond)} are more than the whole scheme shares out (${formatNumber(whole!)} ${unitLabel}). Check the figures, and send again if they are right.` });
      return;
    }
    setChecking(null);
    form.submit({ entries: [{ practice, ...(takesPart ? { takesPart } : {}), units: figures }], replace: false, ...(seen ? { basedOn: { [practice]: seen } } : {}) }, () => problems);
  }

  const done = form.errors.length === 0 ? resultText(form.result) : null;
  return (
    <section className="app-panel" aria-labelledby="delivered-entry-heading">
      <h3 id="delivered-entry-heading">{own ? 'What your practice delivered' : 'Enter one practice’s return'}</h3>
      <p className="nhsuk-body">
        {own
          ? `Your figures for the whole scheme, under version ${version}, as last recorded. Sending them again replaces them; the federation sees who sent them and when.`
          : `Replaces that practice’s whole-scheme return for version ${version}; other practices’ returns are kept.`}
      </p>
      <form onSubmit={submit} noValidate aria-label="Enter a practice’s delivered activity">
        <FormErrorSummary errors={form.errors} attempt={form.attempt} title={form.conflict ? 'Someone else changed this return after you opened it' : undefined} />
        {form.conflict ? (
          <p className="nhsuk-body">
            <Button type="button" secondary onClick={() => {
                setUnsent(units);
                void refill().then(() => {
                  form.clear();
                  form.reset();
                });
              }}>
              Show the return as recorded now
            </Button>
          </p>
        ) : null}
        {done ? (
          <div ref={doneRef} tabIndex={-1} role="status">
            <InsetText>
              <p>{done}</p>
            </InsetText>
          </div>
        ) : null}
        {unsent && !form.conflict ? <UnsentFigures definition={definition} units={unsent} closing="The form now shows the return as recorded; type yours again if they should replace it." /> : null}
        {checking ? (
          <div ref={checkingRef} tabIndex={-1}>
            <WarningCallout>
              <WarningCallout.Heading>Check the figures</WarningCallout.Heading>
              <p>{checking.message}</p>
            </WarningCallout>
          </div>
        ) : null}
        <Select id={ids.practice} label="Practice" value={practice} onChange={(e) => {
            setPractice(e.target.value);
            setUnsent(null);
          }} error={form.fieldError(ids.practice)}>
          {own && practices.length === 1 ? null : <Select.Option value="">Choose a practice</Select.Option>}
          {practices.map((p) => (
            <Select.Option key={p.odsCode} value={p.odsCode}>
              {p.name} ({p.odsCode})
            </Select.Option>
          ))}
        </Select>
        <Select id={ids.takesPart} label="Does the practice take part?" value={takesPart} onChange={(e) => setTakesPart(e.target.value)} error={form.fieldError(ids.takesPart)}>
          {participation.map((p) => (
            <Select.Option key={p.value} value={p.value}>
              {p.text}
            </Select.Option>
          ))}
        </Select>
        {definition.deliveryModels.map((model) => (
          <TextInput
            key={model.id}
            id={ids.model(model.id)}
            label={`${model.name} ${unitLabel} delivered`}
            hint="Enter 0 if none were delivered this way"
            inputMode="decimal"
            width={5}
            value={units[model.id] ?? ''}
            onChange={(e) => {
              // Read now: React empties the event's currentTarget before a state updater runs.
              const value = e.currentTarget.value;
              setUnits((u) => ({ ...u, [model.id]: value }));
              setTyped(true);
            }}
            error={form.fieldError(ids.model(model.id))}
          />
        ))}
        <Button type="submit" secondary disabled={form.pending}>
          {own ? 'Send the return' : 'Save the return'}
        </Button>
      </form>
    </section>
  );
}

/** Admins record what practices delivered: a CSV of every return, or one practice at a time. */
export function DeliveredActivity(props: DeliveredFormProps) {
  return (
    <>
      <DeliveredUpload {...props} />
      {props.definition.deliveryModels.length ? <DeliveredEntryForm {...props} /> : null}
    </>
  );
}
