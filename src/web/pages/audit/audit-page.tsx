import { Button, Heading, Select, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { queryString } from '../../api/client.js';
import type { AuditEntry } from '../../api/types.js';
import { useApiQuery } from '../../api/use-api.js';
import { DateField, dateFieldTarget, dateProblem, isoOrNull, isoToParts } from '../../components/date-field.js';
import { ExportLinks } from '../../components/export-links.js';
import { FormErrorSummary, useFormErrors } from '../../components/form-errors.js';
import { Loaded, usePageTitle } from '../../components/page-states.js';
import { Pager } from '../../components/pager.js';
import { humanise } from '../../format/format.js';
import { AuditSealsPanel } from './audit-seals-panel.js';
import { AuditTable } from './audit-table.js';

const PAGE_SIZE = 100;

/** The record-type choice that includes sign-ins with everything else. */
const ANY = 'any';

/** Admins: every change to every record, newest first, a page at a time, filterable by record, type and dates, and downloadable. */
export function AuditPage() {
  usePageTitle('Audit log');
  const [params, setParams] = useSearchParams();
  const filters = { recordType: params.get('recordType') ?? '', recordId: params.get('recordId') ?? '', who: params.get('who') ?? '', from: params.get('from') ?? '', to: params.get('to') ?? '' };
  // Sign-ins outnumber the changes people look for: left out unless asked for ("any", or sessions chosen).
  const query = { ...filters, recordType: filters.recordType === ANY ? '' : filters.recordType, signIns: filters.recordType ? '' : 'exclude' };
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [type, setType] = useState(filters.recordType);
  const [id, setId] = useState(filters.recordId);
  const [who, setWho] = useState(filters.who);
  const [from, setFrom] = useState(isoToParts(filters.from));
  const [to, setTo] = useState(isoToParts(filters.to));
  const errors = useFormErrors();
  // The kinds the log holds (risks, tasks, imports…), asked of the server rather than listed here.
  const recordTypes = useApiQuery<{ items: string[] }>('/api/audit/record-types').data?.items ?? [];
  const audit = useApiQuery<{ items: AuditEntry[]; total: number }>(`/api/audit${queryString({ ...query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`, { keepPrevious: true });

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = [
      { field: dateFieldTarget('audit-from'), message: dateProblem(from, 'From', false) },
      { field: dateFieldTarget('audit-to'), message: dateProblem(to, 'To', false) },
    ].filter((p): p is { field: string; message: string } => Boolean(p.message));
    const [fromIso, toIso] = [isoOrNull(from), isoOrNull(to)];
    // Dates the wrong way round would show nothing without saying why.
    if (!problems.length && fromIso && toIso && toIso < fromIso) problems.push({ field: dateFieldTarget('audit-to'), message: 'To must be the same as or after From' });
    if (problems.length) return errors.show(problems);
    errors.clear();
    setParams(new URLSearchParams(queryString({ recordType: type, recordId: id.trim(), who: who.trim(), from: isoOrNull(from) ?? '', to: isoOrNull(to) ?? '' }).slice(1)));
  }

  return (
    <>
      <FormErrorSummary errors={errors.errors} attempt={errors.attempt} />
      <Heading headingLevel="h1">Audit log</Heading>
      <p className="nhsuk-body">Every change to the records atscale keeps, newest first: who made it, when, and what it was before and after; and every download of people’s details (users, people, this log).</p>
      <AuditSealsPanel />
      <form className="app-filters" onSubmit={submit} aria-label="Filter the audit log" noValidate>
        <div className="app-filters__row">
          <Select id="record-type" name="record-type" label="Record type" value={type} onChange={(e) => setType(e.target.value)}>
            <Select.Option value="">Any, except sign-ins</Select.Option>
            <Select.Option value={ANY}>Any, with sign-ins</Select.Option>
            {recordTypes.map((t) => (
              <Select.Option key={t} value={t}>
                {t === 'session' ? 'Sign-ins and sign-outs' : humanise(t)}
              </Select.Option>
            ))}
          </Select>
          <TextInput id="record-id" name="record-id" label="Record ID or ODS code" width={10} value={id} onChange={(e) => setId(e.target.value)} />
          <TextInput id="audit-who" name="who" label="Who made it (name or email)" width={20} value={who} onChange={(e) => setWho(e.target.value)} />
        </div>
        <div className="app-filters__row">
          <DateField id="audit-from" legend="From (optional)" hint="For example, 1 4 2026" value={from} onChange={setFrom} error={errors.fieldError(dateFieldTarget('audit-from'))} />
          <DateField id="audit-to" legend="To (optional)" hint="For example, 30 4 2026" value={to} onChange={setTo} error={errors.fieldError(dateFieldTarget('audit-to'))} />
        </div>
        <Button type="submit" secondary>
          Show changes
        </Button>
      </form>
      <Loaded query={audit} what="audit log">
        {(data) => (
          <>
            <ExportLinks base="/api/audit/export" query={queryString(query)} noun="the changes that match" />
            {/* One sentence when there is nothing to show: none kept yet, or none that match; past the last page the pager says so. */}
            {data.items.length ? <AuditTable entries={data.items} caption="Changes" /> : null}
            {data.total > 0 ? (
              <Pager page={page} pageSize={PAGE_SIZE} total={data.total} noun="changes" hrefFor={(n) => `?${queryString({ ...filters, page: n > 1 ? n : '' }).slice(1)}`} />
            ) : (
              <p className="nhsuk-body">{Object.values(filters).some(Boolean) ? 'No changes match these filters.' : 'No changes have been recorded.'}</p>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}
