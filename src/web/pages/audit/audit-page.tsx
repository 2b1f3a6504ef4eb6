import { Button, Heading, Select, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { queryString } from '../../api/client.js';
import type { AuditEntry } from '../../api/types.js';
import { useApiQuery } from '../../api/use-api.js';
import { Loaded, usePageTitle } from '../../components/page-states.js';
import { humanise } from '../../format/format.js';
import { AuditTable } from './audit-table.js';

/** Admins: recent changes to every record, newest first, filterable by record type and id. */
export function AuditPage() {
  usePageTitle('Audit log');
  const [params, setParams] = useSearchParams();
  const recordType = params.get('recordType') ?? '';
  const recordId = params.get('recordId') ?? '';
  const [type, setType] = useState(recordType);
  const [id, setId] = useState(recordId);
  // The kinds the log holds (risks, tasks, imports…), asked of the server rather than listed here.
  const recordTypes = useApiQuery<{ items: string[] }>('/api/audit/record-types').data?.items ?? [];
  const audit = useApiQuery<{ items: AuditEntry[] }>(`/api/audit${queryString({ recordType, recordId, limit: 200 })}`, { keepPrevious: true });

  function submit(event: FormEvent) {
    event.preventDefault();
    setParams(new URLSearchParams(queryString({ recordType: type, recordId: id.trim() }).slice(1)));
  }

  return (
    <>
      <Heading headingLevel="h1">Audit log</Heading>
      <p className="nhsuk-body">The most recent 200 changes, newest first.</p>
      <form className="app-filters" onSubmit={submit} aria-label="Filter the audit log">
        <div className="app-filters__row">
          <Select id="record-type" name="record-type" label="Record type" value={type} onChange={(e) => setType(e.target.value)}>
            <Select.Option value="">Any</Select.Option>
            {recordTypes.map((t) => (
              <Select.Option key={t} value={t}>
                {humanise(t)}
              </Select.Option>
            ))}
          </Select>
          <TextInput id="record-id" name="record-id" label="Record ID or ODS code" width={10} value={id} onChange={(e) => setId(e.target.value)} />
          <Button type="submit" secondary>
            Show changes
          </Button>
        </div>
      </form>
      <Loaded query={audit} what="audit log">
        {(data) => <AuditTable entries={data.items} caption="Recent changes" />}
      </Loaded>
    </>
  );
}
