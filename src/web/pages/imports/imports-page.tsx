import { Heading } from 'nhsuk-react-components';
import { useState } from 'react';
import type { AuditEntry, Job } from '../../api/types.js';
import { useApiQuery } from '../../api/use-api.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { FormErrorSummary } from '../../components/form-errors.js';
import { Loaded, usePageTitle } from '../../components/page-states.js';
import { actorName, formatDateTime, formatNumber, humanise } from '../../format/format.js';
import { ImportForm, type ImportKindInfo } from './import-form.js';
import { jobErrorItems, JobProgress, jobOutcome, jobProblems, JobStatusTag, problemsCsvHref, problemsShown, useJob } from './job-progress.js';

const kinds: ImportKindInfo[] = [
  {
    kind: 'ods',
    title: 'GP practices from ODS (epraccur)',
    description: 'The epraccur.csv file from the Organisation Data Service: every GP practice and prescribing cost centre in England, with its status, commissioner and dates.',
    accept: '.csv',
    skipUnknown: false,
    asOf: 'The date of the ODS release. Leave blank to use the latest date in the file. For example, 1 6 2018',
  },
  {
    kind: 'list-sizes',
    title: 'Patients registered at a GP practice',
    description: 'The gp-reg-pat-prac-all.csv totals file published by NHS England: each practice’s registered list size on the extract date.',
    accept: '.csv',
    skipUnknown: true,
  },
  {
    kind: 'pcns',
    title: 'Primary care networks',
    description: 'The ePCN.xlsx workbook from ODS, or a practice-to-PCN mapping CSV: which PCN each practice belongs to, and from when.',
    accept: '.csv,.xlsx',
    skipUnknown: true,
    asOf: 'The date the file describes. Leave blank to use the latest date in the file. For example, 1 4 2024',
  },
  {
    kind: 'qof',
    title: 'QOF prevalence',
    description: 'PREVALENCE_yyyy.csv from the QOF raw data: each practice’s disease registers and list sizes. Then MAPPING_INDICATORS_yyyy.csv names the registers. Practices not in the registry are skipped and listed.',
    accept: '.csv',
    skipUnknown: false,
  },
  {
    kind: 'indicators',
    title: 'Local indicators',
    description: 'Your federation’s own indicators as a CSV, with their minimum and target (see the quality guide for the columns). Practices not in the registry are skipped and listed.',
    accept: '.csv',
    skipUnknown: false,
  },
];

/** A job's import as its form is titled ("Primary care networks"), not its code. */
const kindTitle = (jobKind: string) => {
  const kind = jobKind.replace(/^import /, '');
  return kinds.find((k) => k.kind === kind)?.title ?? humanise(kind.replace('-', '_'));
};

const jobColumns: Column<Job>[] = [
  { key: 'when', header: 'Started', cell: (j) => formatDateTime(j.createdAt) },
  { key: 'kind', header: 'Import', cell: (j) => kindTitle(j.kind) },
  { key: 'file', header: 'File', cell: (j) => j.fileName ?? '' },
  { key: 'status', header: 'Status', cell: (j) => <JobStatusTag status={j.status} /> },
  { key: 'message', header: 'Result', cell: jobOutcome },
];

function RecentJobs() {
  const jobs = useApiQuery<{ items: Job[] }>('/api/jobs');
  return (
    <section aria-labelledby="recent-imports">
      <h2 id="recent-imports">Uploaded here</h2>
      <Loaded query={jobs} what="recent imports">
        {(data) => <DataTable caption="Recent imports, newest first" captionHidden columns={jobColumns} rows={data.items} rowKey={(j) => j.id} empty="No files have been uploaded here since the server started." />}
      </Loaded>
    </section>
  );
}

const importColumns: Column<AuditEntry>[] = [
  { key: 'at', header: 'When', nowrap: true, cell: (a) => formatDateTime(a.at) },
  { key: 'by', header: 'By', cell: (a) => actorName(a.actorLabel) },
  { key: 'summary', header: 'What was imported', cell: (a) => a.summary },
];

/**
 * Every import the audit log holds, however it was run: from this page, by the CLI or by `npm start`
 * loading the demo (the jobs above are only this server's, since it started).
 */
function ImportHistory() {
  const history = useApiQuery<{ items: AuditEntry[] }>('/api/audit?recordType=import&limit=20');
  return (
    <section aria-labelledby="import-history">
      <h2 id="import-history">Imports in the audit log</h2>
      <Loaded query={history} what="import history">
        {(data) => <DataTable caption="Imports in the audit log, newest first" captionHidden columns={importColumns} rows={data.items} rowKey={(a) => a.id} empty="No imports are recorded yet." compact />}
      </Loaded>
    </section>
  );
}

/** Admins upload the NHS files; each import runs as a job whose progress and report show here. */
export function ImportsPage() {
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);
  const running = job.data?.status === 'running';
  const problems = jobProblems(job.data);
  usePageTitle(problems.length ? 'Error: Import NHS files' : 'Import NHS files');
  return (
    <>
      <FormErrorSummary title={`${job.data?.fileName ?? 'The file'} was not imported`} errors={jobErrorItems(job.data)} attempt={jobId ?? 0} limit={problemsShown} everything={jobId ? { href: problemsCsvHref(jobId), text: `download all ${formatNumber(problems.length)} problems (CSV)` } : undefined} />
      <Heading headingLevel="h1">Import NHS files</Heading>
      <p className="nhsuk-body">Upload the files the NHS publishes to keep the registry up to date. A file is checked in full first: if any row is wrong, nothing is written and every problem is listed with its line and column.</p>
      {jobId ? <JobProgress jobId={jobId} /> : null}
      {kinds.map((info) => (
        <ImportForm key={info.kind} info={info} disabled={running} onStarted={(started) => setJobId(started.id)} />
      ))}
      <RecentJobs />
      <ImportHistory />
    </>
  );
}
