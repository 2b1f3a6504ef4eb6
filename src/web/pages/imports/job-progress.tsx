import { InsetText, Tag, type TagProps, WarningCallout } from 'nhsuk-react-components';
import { useEffect, useRef } from 'react';
import type { Problem } from '../../api/client.js';
import { rejectedRows } from '../../../domain/errors.js';
import type { Job } from '../../api/types.js';
import { useApiQuery, useRefresh } from '../../api/use-api.js';
import { SummaryRows } from '../../components/summary-rows.js';
import { formatDate, formatNumber, importCounts } from '../../format/format.js';
import { describeProblem, type FieldError } from '../../components/form-errors.js';
import { notInRegistrySentence } from '../../../domain/registry/not-in-registry.js';
import { skipBoxId } from './import-form.js';

/** Follows a job: every 400 ms while it runs, then stops. */
export function useJob(jobId: string | null) {
  return useApiQuery<Job>(jobId ? `/api/jobs/${jobId}` : null, { refetchInterval: (job) => (!job || job.status === 'running' ? 400 : false) });
}

/** The problems that stopped an import: the report's errors, or the job's own failure. */
export function jobProblems(job: Job | undefined): Problem[] {
  if (!job || job.status !== 'failed') return [];
  const problems = job.result?.errors ?? job.result?.problems ?? [];
  return problems.length ? problems : [{ message: job.message ?? 'The import failed' }];
}

/** The practices a refused file names that the registry does not hold (none when it was refused for anything else). */
const notInRegistry = (job: Job | undefined): string[] => (job?.status === 'failed' ? (job.result?.practicesNotInRegistry ?? []) : []);

/** What to do about them, as this page offers it. */
const skipThem = 'tick ‘Skip practices not in the registry’ and upload the file again, to import the rows of the practices it holds';

/**
 * The error summary of a refused file: practices the registry does not hold in one sentence, linked
 * to the box that skips them (a national file names thousands), or else each problem with its line.
 */
export function jobErrorItems(job: Job | undefined): FieldError[] {
  const unknown = notInRegistry(job);
  if (unknown.length && job) return [{ message: notInRegistrySentence(unknown, skipThem), field: `${skipBoxId(job.kind.replace(/^import /, ''))}-1` }];
  return jobProblems(job).map((p) => ({ message: describeProblem(p) }));
}

/** How many of a rejected file's problems the page lists at the top; the rest are counted, and all of them can be downloaded. */
export const problemsShown = 25;

/** Every problem of a job, as a CSV with file, line and column. */
export const problemsCsvHref = (jobId: string) => `/api/jobs/${jobId}/problems.csv`;

/** The rows the report's problems name (a row with two problems counts once). */
const rejectedRowsOf = (job: Job) => rejectedRows(job.result?.errors ?? []);

const withFullStop = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/**
 * "3 rows were rejected, so nothing was imported." — counting the rows the problems name; a problem
 * with the whole file (a wrong kind of file, missing columns) says so instead. Or the job's own reason.
 */
function failureText(job: Job): string {
  const unknown = notInRegistry(job).length;
  if (unknown) return `${formatNumber(unknown)} ${unknown === 1 ? 'practice in this file is' : 'practices in this file are'} not in the registry, so nothing was imported.`;
  const rows = rejectedRowsOf(job);
  // A problem with the whole file says what it is ("this looks like an ODS ePCN workbook…").
  const whole = job.result?.errors?.[0]?.message;
  if (job.result?.rejected && rows === 0) return whole ? `The file was not imported: ${withFullStop(whole)} Nothing was imported.` : 'The file was not imported: it is not the file this import reads, or its columns are not the ones expected. Nothing was imported.';
  if (rows) return `${formatNumber(rows)} ${rows === 1 ? 'row was' : 'rows were'} rejected, so nothing was imported.`;
  return withFullStop(job.message ?? 'The file was refused');
}

/** What a job came to, in words: the counts of a finished import, or why it failed. */
export function jobOutcome(job: Job): string {
  if (job.status === 'failed') return failureText(job);
  const report = job.result;
  if (job.status === 'succeeded' && report?.inserted !== undefined) {
    return `${importCounts(report)}.`;
  }
  return job.message ?? '';
}

const statusTags: Record<Job['status'], { text: string; modifier: TagProps['modifier'] }> = {
  running: { text: 'Running', modifier: 'blue' },
  succeeded: { text: 'Imported', modifier: 'green' },
  failed: { text: 'Not imported', modifier: 'red' },
};

export const JobStatusTag = ({ status }: { status: Job['status'] }) => <Tag modifier={statusTags[status].modifier}>{statusTags[status].text}</Tag>;

function Progress({ job }: { job: Job }) {
  const known = job.progressTotal > 0;
  const percent = known ? Math.round((job.progressDone / job.progressTotal) * 100) : 0;
  return (
    <div>
      <p className="nhsuk-body">
        {job.message ?? 'Working'}
        {known ? `: ${formatNumber(job.progressDone)} of ${formatNumber(job.progressTotal)} rows (${percent}%)` : '…'}
      </p>
      <progress className="app-progress" aria-label={`Progress of the import of ${job.fileName ?? 'the file'}`} max={known ? job.progressTotal : undefined} value={known ? job.progressDone : undefined} />
    </div>
  );
}

function Report({ job }: { job: Job }) {
  const report = job.result;
  if (!report || report.inserted === undefined) return null;
  const rows = rejectedRowsOf(job);
  return (
    <>
      <SummaryRows
        rows={[
          { key: 'Inserted', value: formatNumber(report.inserted) },
          { key: 'Updated', value: formatNumber(report.updated) },
          { key: 'Unchanged', value: formatNumber(report.unchanged) },
          { key: 'Rejected', value: report.rejected && rows === 0 ? 'the whole file' : formatNumber(rows) },
          { key: 'Skipped', value: formatNumber(report.skipped) },
          ...(report.referenceDate ? [{ key: 'File describes', value: formatDate(report.referenceDate) }] : []),
        ]}
      />
      {report.notes?.length && job.status !== 'failed' ? (
        <>
          <h3>Notes</h3>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {report.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** Where the problems are: all at the top of the page, or the first of them with the rest to download. */
const problemsListed = (count: number) =>
  count > problemsShown ? `The first ${formatNumber(problemsShown)} of its ${formatNumber(count)} problems are listed at the top of the page; download them all to work through.` : `${count === 1 ? 'The problem is' : 'The problems are'} listed at the top of the page.`;

/** The running import's progress, then what it did: the counts and notes, or why nothing was written. */
export function JobProgress({ jobId }: { jobId: string }) {
  const refresh = useRefresh();
  const query = useJob(jobId);
  const job = query.data;
  const finished = job && job.status !== 'running';

  // When it finishes, lists that show imported data, the recent jobs and the imports in the audit log are out of date.
  useEffect(() => {
    if (finished) void refresh(['/api/jobs', '/api/audit', '/api/practices', '/api/groups', '/api/organisations', '/api/memberships'], [`/api/jobs/${jobId}`]);
  }, [finished, jobId, refresh]);

  // One status message, there from the start, says where the import is: that it is running, then how it ended
  // (the row counts, updated several times a second, are for the eye, not to be read out each time).
  const said = !job ? 'Starting the import…' : job.status === 'running' ? `Importing ${job.fileName ?? 'the file'}…` : job.status === 'succeeded' ? jobOutcome(job) : `Nothing was imported: ${jobOutcome(job)}`;
  const status = (
    <p className="nhsuk-u-visually-hidden" role="status">
      {said}
    </p>
  );
  // The status paragraph stays the same element from start to end, so its changes are read out.
  return (
    <>
      {status}
      {job ? <JobSection job={job} /> : <p className="nhsuk-body">Starting the import…</p>}
    </>
  );
}

/** The import's heading, progress and outcome; on success the keyboard moves to it (a failure's summary takes it itself), so it is seen on a phone too. */
function JobSection({ job }: { job: Job }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const succeeded = job.status === 'succeeded';
  useEffect(() => {
    const active = document.activeElement;
    const idle = !active || active === document.body || active.closest('form') !== null;
    if (succeeded && idle && heading.current) {
      heading.current.focus({ preventScroll: true });
      heading.current.scrollIntoView({ block: 'start' });
    }
  }, [succeeded]);
  return (
    <section aria-labelledby="current-import">
      <h2 id="current-import" ref={heading} tabIndex={-1}>
        Import of {job.fileName ?? 'the file'} <JobStatusTag status={job.status} />
      </h2>
      {job.status === 'running' ? <Progress job={job} /> : null}
      {job.status === 'succeeded' ? (
        <InsetText>
          <p>{jobOutcome(job)}</p>
        </InsetText>
      ) : null}
      {job.status === 'failed' ? (
        <WarningCallout>
          <WarningCallout.Heading>Nothing was imported</WarningCallout.Heading>
          <p>
            {jobOutcome(job)} {notInRegistry(job).length ? `Import the ODS practice file (epraccur) first, or ${skipThem}.` : `${problemsListed(jobProblems(job).length)} ${job.result?.notes?.length ? '' : 'Correct the file and upload it again.'}`}
          </p>
          {/* A note says what to do instead, such as importing a newer ODS file or skipping unknown practices. */}
          {job.result?.notes?.map((note, i) => <p key={i}>{note}</p>)}
          {jobProblems(job).length > 1 ? (
            <p>
              <a href={problemsCsvHref(job.id)} download>
                Download all {formatNumber(jobProblems(job).length)} problems (CSV)
              </a>
            </p>
          ) : null}
        </WarningCallout>
      ) : null}
      <Report job={job} />
    </section>
  );
}
