import { Button, Radios, Select, Textarea, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { formatPence } from '../../../domain/schemes/format-money.js';
import { DateField, dateFieldTarget, dateProblem, type DateParts, isoOrNull, isoToParts } from '../../components/date-field.js';
import { type FieldError, FormErrorSummary } from '../../components/form-errors.js';
import { capitalise, problemSentence } from '../../../domain/problem-sentence.js';
import { AppError } from '../../../domain/errors.js';
import { contractDateProblems } from '../../../domain/contracts/contract-reminders.js';
import { parsePoundsToPence } from '../../../domain/contracts/pounds-and-years.js';
import { usePageTitle } from '../../components/page-states.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { useApiForm } from '../../components/use-api-form.js';
import { useFootprintOptions } from './footprint-options.js';
import { type Contract } from './types.js';
import { valueBases, valueBasisWords } from '../../../domain/contracts/value-basis.js';

const text = ['title', 'reference', 'commissioner', 'parties', 'noticePeriodDays', 'value', 'federationFeePercent', 'description'] as const;
const dates = ['startDate', 'endDate', 'renewalDate'] as const;
type TextKey = (typeof text)[number];
type DateKey = (typeof dates)[number];
const labels: Record<TextKey | DateKey | 'footprintGroupId', string> = {
  title: 'Title',
  reference: 'Reference (optional)',
  commissioner: 'Commissioner',
  parties: 'Parties',
  footprintGroupId: 'Footprint',
  startDate: 'Start date',
  endDate: 'End date (optional)',
  renewalDate: 'Renewal date (optional)',
  noticePeriodDays: 'Notice period in days (optional)',
  value: 'Value in pounds (optional)',
  federationFeePercent: 'Federation fee (%)',
  description: 'About the contract (optional)',
};
const idOf = (key: string) => `contract-${key}`;
const fields = Object.fromEntries(Object.entries(labels).map(([key, label]) => [key, { id: (dates as readonly string[]).includes(key) ? dateFieldTarget(idOf(key)) : idOf(key), label }]));

/** What the inputs start with: empty for a new contract, the stored terms for one being changed. */
function startingValues(contract?: Contract): Record<TextKey, string> {
  if (!contract) return { title: '', reference: '', commissioner: '', parties: '', noticePeriodDays: '', value: '', federationFeePercent: '5', description: '' };
  return {
    title: contract.title,
    reference: contract.reference ?? '',
    commissioner: contract.commissioner,
    parties: contract.parties,
    noticePeriodDays: contract.noticePeriodDays === null ? '' : String(contract.noticePeriodDays),
    value: contract.valuePence === null ? '' : formatPence(contract.valuePence),
    federationFeePercent: String(contract.federationFeeBp / 100),
    description: contract.description ?? '',
  };
}

function PageTitle({ title }: { title: string }) {
  usePageTitle(title);
  return null;
}

interface ContractFormProps {
  /** The contract being changed (its rowVersion is sent, so a stale page gets the conflict message); absent to add one. */
  contract?: Contract;
  submitLabel: string;
  /** The page's title, given when the form is the page (it gains "Error:" while there are errors). */
  pageTitle?: string;
  onSaved?(contract: Contract): void;
}

/** A head contract's terms and key dates: the add-a-contract page and the change form on a contract's page. */
export function ContractForm({ contract, submitLabel, pageTitle, onSaved }: ContractFormProps) {
  const footprints = useFootprintOptions();
  const [values, setValues] = useState(() => startingValues(contract));
  const [dateValues, setDates] = useState<Record<DateKey, DateParts>>(() => ({ startDate: isoToParts(contract?.startDate), endDate: isoToParts(contract?.endDate), renewalDate: isoToParts(contract?.renewalDate) }));
  const [footprint, setFootprint] = useState(contract ? String(contract.footprintGroupId) : '');
  const [basis, setBasis] = useState<Contract['valueBasis']>(contract?.valueBasis ?? 'a_year');
  const form = useApiForm<Record<string, unknown>, Contract>(
    (body) => (contract ? { method: 'PATCH', path: `/api/contracts/${contract.id}`, body: { ...body, rowVersion: contract.rowVersion } } : { method: 'POST', path: '/api/contracts', body }),
    { invalidates: ['/api/contract'], fields, onSuccess: onSaved },
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const optional = (key: TextKey) => values[key].trim() || null;
    const body = {
      ...Object.fromEntries(text.map((key) => [key, optional(key)])),
      ...Object.fromEntries(dates.map((key) => [key, isoOrNull(dateValues[key])])),
      footprintGroupId: footprint,
      valueBasis: basis,
      federationFeePercent: values.federationFeePercent.trim() || '0',
    };
    form.submit(body, () => {
      const problems: FieldError[] = [];
      for (const key of ['title', 'commissioner', 'parties'] as const) if (!values[key].trim()) problems.push({ field: idOf(key), message: `Enter the ${labels[key].toLowerCase()}` });
      if (!footprint) problems.push({ field: idOf('footprintGroupId'), message: 'Choose the federation or locality the contract covers' });
      dates.forEach((key) => {
        const problem = dateProblem(dateValues[key], labels[key].replace(' (optional)', ''), key === 'startDate');
        if (problem) problems.push({ field: dateFieldTarget(idOf(key)), message: problem });
      });
      // The server checks these too; checked here as well, every problem is listed at the first attempt rather than one after another.
      for (const { field, message } of contractDateProblems({ startDate: isoOrNull(dateValues.startDate), endDate: isoOrNull(dateValues.endDate), renewalDate: isoOrNull(dateValues.renewalDate) })) {
        problems.push({ field: dateFieldTarget(idOf(field)), message: problemSentence(labels[field], message) });
      }
      if (values.value.trim()) {
        try {
          parsePoundsToPence(values.value);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          problems.push({ field: idOf('value'), message: problemSentence(labels.value, error.problems[0]?.message ?? error.message) });
        }
      }
      return problems;
    });
  }

  const input = (key: TextKey, hint?: string, width?: 4 | 10) => (
    <TextInput id={idOf(key)} name={idOf(key)} label={labels[key]} hint={hint} width={width} value={values[key]} onChange={(e) => setValues({ ...values, [key]: e.target.value })} error={form.fieldError(idOf(key))} />
  );
  return (
    <>
      {pageTitle ? <PageTitle title={form.errors.length ? `Error: ${pageTitle}` : pageTitle} /> : null}
      <FormErrorSummary errors={form.errors} attempt={form.attempt} title={form.conflict ? 'Someone else changed this contract: reload the page and make your change again' : undefined} />
      {contract ? (
        <SuccessBanner id="contract-saved" count={form.successes}>
          Saved the contract’s details.
        </SuccessBanner>
      ) : null}
      <form onSubmit={submit} noValidate>
        {input('title')}
        {input('reference')}
        {input('commissioner', 'For example, Leicestershire County Council')}
        {input('parties', 'Everyone who signed it, separated by semicolons')}
        <Select id={idOf('footprintGroupId')} name="footprint" label="Footprint" hint="The federation or locality whose practices may be sub-contracted" value={footprint} onChange={(e) => setFootprint(e.target.value)} error={form.fieldError(idOf('footprintGroupId'))}>
          <Select.Option value="">Choose a group</Select.Option>
          {footprints.map((g) => (
            <Select.Option key={g.value} value={g.value}>
              {g.label}
            </Select.Option>
          ))}
        </Select>
        {dates.map((key) => (
          <DateField key={key} id={idOf(key)} legend={labels[key]} value={dateValues[key]} onChange={(v) => setDates({ ...dateValues, [key]: v })} error={form.fieldError(dateFieldTarget(idOf(key)))} />
        ))}
        {input('noticePeriodDays', 'The register warns before the last day to give notice', 4)}
        {input('value', 'For example, £190,000', 10)}
        <Radios id={idOf('valueBasis')} name="value-basis" legend="The value is" legendProps={{ size: 's' }}>
          {valueBases.map((b) => (
            <Radios.Item key={b} value={b} checked={basis === b} onChange={() => setBasis(b)}>
              {capitalise(valueBasisWords[b])}
            </Radios.Item>
          ))}
        </Radios>
        {input('federationFeePercent', 'The federation’s administration fee kept from the contract’s money, for example 5', 4)}
        <Textarea id={idOf('description')} name="description" label={labels.description} rows={3} value={values.description} onChange={(e) => setValues({ ...values, description: e.target.value })} error={form.fieldError(idOf('description'))} />
        <Button type="submit" disabled={form.pending}>
          {submitLabel}
        </Button>
      </form>
    </>
  );
}
