import { Button, InsetText } from 'nhsuk-react-components';
import { type FormEvent, useRef, useState } from 'react';
import { useApiMutation, useApiQuery } from '../../api/use-api.js';
import { may } from '../../auth/may.js';
import { isAdmin, useUser } from '../../auth/session.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { FileField } from '../../components/file-field.js';
import { errorsFromApi, FormErrorSummary, useFormErrors } from '../../components/form-errors.js';
import { Loaded } from '../../components/page-states.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { SummaryRows } from '../../components/summary-rows.js';
import { useApiForm } from '../../components/use-api-form.js';
import { actorName, formatDate, formatDateTime, formatNumber } from '../../format/format.js';
import { GovernancePage } from './governance-nav.js';
import { policyFields, policyKindLabels } from './policy-fields.js';
import { GovernanceRecordForm } from './governance-record-form.js';
import { useMemberPractices } from './member-practices.js';
import { RecordHistory } from './record-history.js';
import { RouteRecord } from './route-record.js';
import { reviewText } from './risks-page.js';
import type { Policy } from './types.js';

interface FileInfo {
  id: number;
  version: string | null;
  fileName: string;
  mediaType: string;
  size: number;
  uploadedBy: string;
  uploadedAt: string;
}
/** GET /api/policies/:id/acknowledgements: the files, whether the current version has its file, and each practice's acknowledgement. */
interface AcknowledgementStatus {
  file: FileInfo | null;
  earlierFiles: FileInfo[];
  version: string;
  versionHasFile: boolean;
  items: Acknowledgement[];
}
interface Acknowledgement {
  practiceCode: string;
  practiceName: string;
  version: string;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
}

function UploadForm({ policy }: { policy: Policy }) {
  const input = useRef<HTMLInputElement>(null);
  const form = useApiForm<FormData>((body) => ({ method: 'POST', path: `/api/policies/${policy.id}/file`, body }), { invalidates: [`/api/policies/${policy.id}`], fields: { file: { id: 'policy-file', label: 'The file' } }, defaultField: 'policy-file' });
  function submit(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    const body = new FormData();
    if (file) body.set('file', file);
    form.submit(body, () => (file ? [] : [{ field: 'policy-file', message: 'Choose a PDF or Word file' }]));
  }
  return (
    <form onSubmit={submit} noValidate>
      <SuccessBanner id="policy-file" count={form.successes}>
        File uploaded.
      </SuccessBanner>
      <FormErrorSummary errors={form.errors} attempt={form.attempt} />
      <FileField ref={input} id="policy-file" label="Upload the document" hint="A PDF or Word (DOCX) file, up to 10 MB" accept=".pdf,.docx" error={form.fieldError('policy-file')} />
      <Button type="submit" secondary disabled={form.pending}>
        Upload file
      </Button>
    </form>
  );
}

function AcknowledgeButton({ policyId, practiceCode, onDone, onRefused }: { policyId: number; practiceCode: string; onDone(practiceCode: string): void; onRefused(error: unknown): void }) {
  const send = useApiMutation<void>(() => ({ method: 'POST', path: `/api/policies/${policyId}/acknowledgements`, body: { practiceCode } }), [`/api/policies/${policyId}`, '/api/my-items']);
  return (
    <Button type="button" secondary small className="nhsuk-u-margin-bottom-0" disabled={send.isPending} onClick={() => send.mutate(undefined, { onSuccess: () => onDone(practiceCode), onError: onRefused })}>
      Acknowledge<span className="nhsuk-u-visually-hidden"> for {practiceCode}</span>
    </Button>
  );
}

/** A policy file to download, with its version, size and who uploaded it when. */
function FileLink({ policyId, file, current = false }: { policyId: number; file: FileInfo; current?: boolean }) {
  return (
    <>
      <a href={`/api/policies/${policyId}/file${current ? '' : `?file=${file.id}`}`} download>
        {file.fileName}
      </a>{' '}
      ({file.version ? `version ${file.version}, ` : ''}
      {formatNumber(Math.ceil(file.size / 1024))} KB, uploaded by {actorName(file.uploadedBy)} on {formatDateTime(file.uploadedAt)})
    </>
  );
}

function PolicyDetails({ policy }: { policy: Policy }) {
  const user = useUser();
  const status = useApiQuery<AcknowledgementStatus>(`/api/policies/${policy.id}/acknowledgements`);
  const mayAcknowledge = (code: string) => may(user, 'policy_acknowledgement', 'create', code);
  // The button goes once the practice has acknowledged; the banner says so.
  // The banner names the version acknowledged then, not whatever version the document has since.
  const [acknowledged, setAcknowledged] = useState<{ practiceCode: string; version: string; count: number }>({ practiceCode: '', version: '', count: 0 });
  const refusal = useFormErrors();
  const onAcknowledged = (practiceCode: string) => {
    refusal.clear();
    setAcknowledged((a) => ({ practiceCode, version: policy.version, count: a.count + 1 }));
  };
  const onRefused = (error: unknown) => refusal.show(errorsFromApi(error));
  // A version is acknowledged once its document is there to read: until its file is uploaded, nobody is offered the button.
  const ackColumns = (readable: boolean): Column<Acknowledgement>[] => [
    { key: 'practice', header: 'Practice', cell: (a) => `${a.practiceName} (${a.practiceCode})` },
    {
      key: 'by',
      header: `Version ${policy.version} read and acknowledged`,
      cell: (a) => (a.acknowledgedAt ? `${actorName(a.acknowledgedBy)}, ${formatDateTime(a.acknowledgedAt)}` : readable && mayAcknowledge(a.practiceCode) ? <AcknowledgeButton policyId={policy.id} practiceCode={a.practiceCode} onDone={onAcknowledged} onRefused={onRefused} /> : 'Not yet'),
    },
  ];
  return (
    <GovernancePage title={policy.title} crumbs={[{ to: '/governance/policies', text: 'Policies and documents' }]}>
      <SummaryRows
        rows={[
          { key: 'Kind', value: policyKindLabels[policy.kind] },
          { key: 'Version', value: policy.version },
          { key: 'Owner', value: policy.ownerText },
          { key: 'Description', value: policy.description },
          { key: 'Approved on', value: policy.approvedOn ? formatDate(policy.approvedOn) : null },
          { key: 'Review date', value: reviewText(policy.reviewDate) },
          { key: 'Acknowledge by', value: policy.acknowledgeBy ? formatDate(policy.acknowledgeBy) : null },
        ]}
      />
      <h2>File</h2>
      <Loaded query={status} what="file and acknowledgements">
        {(data) => (
          <>
            {data.file ? (
              <p className="nhsuk-body">
                <FileLink policyId={policy.id} file={data.file} current />
              </p>
            ) : (
              <p className="nhsuk-body">No file has been uploaded yet.</p>
            )}
            {data.earlierFiles.length ? (
              <details className="nhsuk-details">
                <summary className="nhsuk-details__summary">
                  <span className="nhsuk-details__summary-text">Earlier files ({data.earlierFiles.length})</span>
                </summary>
                <div className="nhsuk-details__text">
                  <ul className="nhsuk-list">
                    {data.earlierFiles.map((f) => (
                      <li key={f.id}>
                        <FileLink policyId={policy.id} file={f} />
                      </li>
                    ))}
                  </ul>
                </div>
              </details>
            ) : null}
            {isAdmin(user) ? <UploadForm policy={policy} /> : null}
            <h2>Acknowledgements</h2>
            <FormErrorSummary errors={refusal.errors} attempt={refusal.attempt} />
            <SuccessBanner id="acknowledged" count={acknowledged.count}>
              Acknowledged version {acknowledged.version} for {data.items.find((i) => i.practiceCode === acknowledged.practiceCode)?.practiceName ?? acknowledged.practiceCode}.
            </SuccessBanner>
            {data.items.length && !data.versionHasFile ? (
              <InsetText>
                <p>
                  Version {data.version} has no file yet, so practices cannot acknowledge it. {isAdmin(user) ? 'Upload the document above: practices are asked to acknowledge it once it is there.' : 'They can once the federation uploads it.'}
                </p>
              </InsetText>
            ) : null}
            <DataTable caption="Acknowledgements" captionHidden columns={ackColumns(data.versionHasFile)} rows={data.items} rowKey={(a) => a.practiceCode} empty="No practices need to acknowledge this document." compact />
          </>
        )}
      </Loaded>
      {isAdmin(user) && status.data ? <EditPolicyForm policy={policy} acknowledgements={status.data.items} /> : null}
      <RecordHistory resource="policies" id={policy.id} />
    </GovernancePage>
  );
}

/**
 * Changes the document; its practices are ticked from the federation's members, those it already
 * asks ticked, and one that has acknowledged this version kept on the list.
 */
function EditPolicyForm({ policy, acknowledgements }: { policy: Policy; acknowledgements: Acknowledgement[] }) {
  const practices = useMemberPractices();
  if (!practices.loaded) return null;
  const acknowledged = new Set(acknowledgements.filter((a) => a.acknowledgedAt).map((a) => a.practiceCode));
  const members = new Set(practices.choices?.map((p) => p.odsCode));
  // A practice the document names that is not (or no longer) a member stays a box to untick.
  const named = acknowledgements.filter((a) => !members.has(a.practiceCode)).map((a) => ({ odsCode: a.practiceCode, name: a.practiceName }));
  const choices = practices.choices ? [...practices.choices, ...named].map((p) => ({ ...p, acknowledged: acknowledged.has(p.odsCode) })) : null;
  return <GovernanceRecordForm<Policy> resource="policies" id="edit-policy" heading="Change this document" fields={policyFields(choices)} record={policy} submitLabel="Save changes" saved={(p) => `Saved ${p.title}.`} invalidates={[`/api/policies/${policy.id}`]} />;
}

export const PolicyPage = () => <RouteRecord<Policy> resource="policies" what="document">{(data) => <PolicyDetails policy={data} />}</RouteRecord>;
