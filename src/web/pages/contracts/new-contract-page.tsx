import { Button, Col, Heading, Radios, Row, Select, Textarea, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Group, Page } from '../../api/types.js';
import { useApiQuery } from '../../api/use-api.js';
import { DateField, dateFieldTarget, dateProblem, type DateParts, emptyDate, isoOrNull } from '../../components/date-field.js';
import { type FieldError, FormErrorSummary } from '../../components/form-errors.js';
import { PageBreadcrumb } from '../../components/page-breadcrumb.js';
import { usePageTitle } from '../../components/page-states.js';
import { useApiForm } from '../../components/use-api-form.js';
import { type Contract, valueBasisLabels } from './types.js';

const text = ['title', 'reference', 'commissioner', 'parties', 'noticePeriodDays', 'value', 'federationFeePercent', 'description'] as const;
const dates = ['startDate', 'endDate', 'renewalDate'] as const;
const labels: Record<(typeof text)[number] | (typeof dates)[number] | 'footprintGroupId', string> = {
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

/** Adds a head contract to the register; its practices are added on its page next. */
export function NewContractPage() {
  const navigate = useNavigate();
  const groups = useApiQuery<Page<Group>>('/api/groups?pageSize=1000&sort=name');
  const [values, setValues] = useState<Record<(typeof text)[number], string>>({ title: '', reference: '', commissioner: '', parties: '', noticePeriodDays: '', value: '', federationFeePercent: '5', description: '' });
  const [dateValues, setDates] = useState<Record<(typeof dates)[number], DateParts>>({ startDate: emptyDate, endDate: emptyDate, renewalDate: emptyDate });
  const [footprint, setFootprint] = useState('');
  const [basis, setBasis] = useState<Contract['valueBasis']>('a_year');
  const form = useApiForm<Record<string, unknown>, Contract>((body) => ({ method: 'POST', path: '/api/contracts', body }), { invalidates: ['/api/contract'], fields, onSuccess: (c) => navigate(`/contracts/${c.id}`) });
  usePageTitle(form.errors.length ? 'Error: Add a contract' : 'Add a contract');

  function submit(event: FormEvent) {
    event.preventDefault();
    const optional = (key: (typeof text)[number]) => values[key].trim() || null;
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
      return problems;
    });
  }

  const input = (key: (typeof text)[number], hint?: string, width?: 4 | 10) => (
    <TextInput id={idOf(key)} name={idOf(key)} label={labels[key]} hint={hint} width={width} value={values[key]} onChange={(e) => setValues({ ...values, [key]: e.target.value })} error={form.fieldError(idOf(key))} />
  );
  return (
    <Row>
      <Col width="two-thirds">
        <PageBreadcrumb items={[{ to: '/contracts', text: 'Contracts' }]} />
        <FormErrorSummary errors={form.errors} attempt={form.attempt} />
        <Heading headingLevel="h1">Add a contract</Heading>
        <form onSubmit={submit} noValidate>
          {input('title')}
          {input('reference')}
          {input('commissioner', 'For example, Leicestershire County Council')}
          {input('parties', 'Everyone who signed it, separated by semicolons')}
          <Select id={idOf('footprintGroupId')} name="footprint" label="Footprint" hint="The federation or locality whose practices may be sub-contracted" value={footprint} onChange={(e) => setFootprint(e.target.value)} error={form.fieldError(idOf('footprintGroupId'))}>
            <Select.Option value="">Choose a group</Select.Option>
            {(groups.data?.items ?? [])
              .filter((g) => g.kind === 'federation' || g.kind === 'locality' || g.kind === 'pcn')
              .map((g) => (
                <Select.Option key={g.id} value={g.id}>
                  {g.name}
                </Select.Option>
              ))}
          </Select>
          {dates.map((key) => (
            <DateField key={key} id={idOf(key)} legend={labels[key]} value={dateValues[key]} onChange={(v) => setDates({ ...dateValues, [key]: v })} error={form.fieldError(dateFieldTarget(idOf(key)))} />
          ))}
          {input('noticePeriodDays', 'The register warns before the last day to give notice', 4)}
          {input('value', 'For example, £190,000', 10)}
          <Radios id={idOf('valueBasis')} name="value-basis" legend="The value is" legendProps={{ size: 's' }}>
            {(['a_year', 'total', 'tariff'] as const).map((b) => (
              <Radios.Item key={b} value={b} checked={basis === b} onChange={() => setBasis(b)}>
                {valueBasisLabels[b].charAt(0).toUpperCase() + valueBasisLabels[b].slice(1)}
              </Radios.Item>
            ))}
          </Radios>
          {input('federationFeePercent', 'The federation’s administration fee, 5% throughout the ELR contracts', 4)}
          <Textarea id={idOf('description')} name="description" label={labels.description} rows={3} value={values.description} onChange={(e) => setValues({ ...values, description: e.target.value })} error={form.fieldError(idOf('description'))} />
          <Button type="submit" disabled={form.pending}>
            Add contract
          </Button>
        </form>
      </Col>
    </Row>
  );
}
