import { Details, Heading, InsetText, Tag, WarningCallout } from 'nhsuk-react-components';
import { type ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { ReportRow, ReportTable } from '../../../domain/schemes/report-columns.js';
import { useApiQuery } from '../../api/use-api.js';
import { isAdmin, useUser } from '../../auth/session.js';
import type { Column } from '../../components/data-table.js';
import { PageBreadcrumb } from '../../components/page-breadcrumb.js';
import { useScrollToHash } from '../../components/scroll-to-hash.js';
import { Loaded, usePageTitle } from '../../components/page-states.js';
import { AdminActions } from './admin-actions.js';
import { DeliveredActivity, DeliveredEntryForm } from './delivered-forms.js';
import { OwnReturnDue, ReturnsDue, ReturnsSeen } from './returns-due.js';
import { ReportTableView } from './report-table.js';
import { displayCell } from '../../../domain/schemes/report-cells.js';
import { ReallocationSection, reallocateParam } from './reallocation-section.js';
import { ScheduleChart } from './schedule-chart.js';
import { SchemeOverview } from './scheme-overview.js';
import { EarlierInvoice, InvoiceSummary, SettledNotice } from './settlement.js';
import { SettlementPanel } from './settlement-forms.js';
import { paysPractices } from '../../../domain/schemes/settlement.js';
import { SchemeStatusTag } from './scheme-status.js';
import { HandScheduleUpload } from './hand-schedule-upload.js';
import { OlderVersionNotice, ReturnsAlsoOn, VersionsTable, versionParam } from './versions-section.js';
import { type Scheme, type SchemeVersion, type SchemeVersions, schemePath, type StoredSchemeRun } from './types.js';
import './schemes.css';

/** A practice manager's tables show their own practice's rows, and the total of the whole scheme, which says so. */
const allPracticesLabel = 'Total (all practices in the scheme)';

const tableNamed = (run: StoredSchemeRun, name: ReportTable['name']) => run.tables.find((t) => t.name === name);

const totalsRules: Record<string, string> = {
  round_unrounded_sum: 'Each total is the unrounded rows added up, then rounded once by the column’s rule. So a total can differ from the rounded rows above it added up.',
  sum_of_rounded_rows: 'Each total is the rounded rows as shown, added up.',
};

/** Which rule the totals use, and where the rounded rows do not add up to them: read before the tables. */
function FootingInset({ run, definition }: { run: StoredSchemeRun; definition: SchemeVersion['definition'] }) {
  const differing = run.footingNotes.filter((note) => !note.endsWith('add up to it exactly'));
  return (
    <InsetText className="app-scheme-footing">
      <h2 className="nhsuk-heading-s">How the totals are worked out</h2>
      <p>{totalsRules[definition.rounding.totals] ?? definition.rounding.totals}</p>
      {differing.length ? (
        // The figures are for checking against a spreadsheet: folded, so the page opens on the scheme, not on its rounding.
        <Details className="nhsuk-u-margin-bottom-0">
          <Details.Summary>Where the rounded rows do not add up to their total ({differing.length})</Details.Summary>
          <Details.Text>
            <ul>
              {differing.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </Details.Text>
        </Details>
      ) : (
        <p>Every total equals its rounded rows added up.</p>
      )}
    </InsetText>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="nhsuk-u-margin-bottom-7">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

const statementLink = (schemeId: number, version: number): Column<ReportRow> => ({
  key: 'statement',
  header: 'Statement',
  nowrap: true,
  cell: (row) =>
    row.ods_code ? (
      <a href={`${schemePath(schemeId)}/statements/${String(row.ods_code)}.pdf?version=${version}`}>
        PDF<span className="nhsuk-u-visually-hidden"> statement for {String(row.practice)}</span>
      </a>
    ) : null,
});

/**
 * The other schedule of contributions (DOMAIN 4.2), every year at the year-1 cost, to compare with
 * the cost model's above it: folded away, and its title says which it is.
 */
function OtherSchedule({ table }: { table: ReportTable }) {
  return (
    <Details>
      <Details.Summary>The other schedule: every year at the year-1 cost</Details.Summary>
      <Details.Text>
        <p>{table.title}. This is how a spreadsheet that leaves out the annual uplift works contributions out; statements and a practice’s money use the schedule above.</p>
        <ReportTableView table={table} hide={['ods_code']} caption={table.title} />
      </Details.Text>
    </Details>
  );
}

/** The hand schedule against the model: the total shortfall first, then year by year, then each practice. */
function Differences({ table }: { table: ReportTable }) {
  const scheme = table.rows.find((r) => r.scope === 'scheme');
  const difference = table.columns.find((c) => c.key === 'difference')!;
  const byYear = { ...table, rows: table.rows.filter((r) => r.scope === 'year' || r.scope === 'scheme') };
  const byPractice = { ...table, rows: table.rows.filter((r) => r.scope === 'practice' || r.scope === 'practice_year') };
  const amount = typeof scheme?.difference === 'number' ? scheme.difference : null;
  return (
    <>
      <p className="nhsuk-body">{table.title}.</p>
      {amount !== null && amount !== 0 ? (
        <WarningCallout>
          <WarningCallout.Heading>{amount < 0 ? 'The hand schedule is short of the cost model' : 'The hand schedule is more than the cost model'}</WarningCallout.Heading>
          <p>
            Over all years it comes to {displayCell(table.columns.find((c) => c.key === 'hand')!, scheme!.hand ?? null)} against the model's{' '}
            {displayCell(table.columns.find((c) => c.key === 'model')!, scheme!.model ?? null)}: a {amount < 0 ? 'shortfall' : 'surplus'} of{' '}
            <strong>{displayCell(difference, Math.abs(amount))}</strong>. {String(scheme!.explanation ?? '')}
          </p>
        </WarningCallout>
      ) : null}
      <ReportTableView table={byYear} hide={['scope', 'practice']} caption="Differences by year" />
      {byPractice.rows.length ? (
        <Details>
          <Details.Summary>Differences for each practice</Details.Summary>
          <Details.Text>
            <ReportTableView table={byPractice} hide={['scope']} caption="Differences for each practice" />
          </Details.Text>
        </Details>
      ) : null}
    </>
  );
}

interface RunViewProps {
  scheme: Scheme;
  versions: readonly SchemeVersion[];
  version: SchemeVersion;
  /** The latest version the reader may read: an admin's may be a draft, anyone else's is the approved version in force. */
  latest: number;
  run: StoredSchemeRun;
  reallocating: boolean;
}

function SchemeRunView({ scheme, versions, version, latest, run, reallocating }: RunViewProps) {
  const user = useUser();
  // A link to a section (My items' "#return") lands on it once the figures are drawn.
  useScrollToHash(true);
  // Activity is recorded per delivery model: a scheme without them (e.g. cost sharing only) has nothing to record.
  const admin = isAdmin(user);
  const recordsActivity = admin && version.definition.deliveryModels.length > 0;
  // A hand schedule is checked against the cost model, so only a scheme with one can take it.
  const checksHandSchedule = admin && Boolean(version.definition.costModel);
  const allocation = tableNamed(run, 'allocation');
  const payments = tableNamed(run, 'payments');
  const footing = tableNamed(run, 'footing');
  const summary = tableNamed(run, 'summary');
  const schedule = tableNamed(run, 'schedule');
  const contributions = tableNamed(run, 'contributions');
  const otherContributions = tableNamed(run, 'contributions_year_1_cost');
  const differences = tableNamed(run, 'differences');
  const reallocation = tableNamed(run, 'reallocation');
  const warnings = tableNamed(run, 'warnings');
  const statement = statementLink(scheme.id, run.version.version);
  const practices = (allocation?.rows ?? []).filter((r) => r.ods_code).map((r) => ({ odsCode: String(r.ods_code), name: String(r.practice) }));
  // A practice manager sees their own practices' rows (the server's practiceScope); totals stay the whole scheme's.
  const ownPracticesOnly = user.role === 'practice_manager';
  const notTakingPart = ownPracticesOnly && practices.length === 0;
  const notTakingPartText = <p className="nhsuk-body">Your practice does not take part in this scheme.</p>;
  // A practice manager returns their own practice's activity (DOMAIN 3.1: practices confirm and return activity).
  // …against the approved version in force, not an older one they are looking back at.
  const returnsActivity = ownPracticesOnly && version.status === 'approved' && version.definition.deliveryModels.length > 0 && practices.length > 0;
  // An approved version's payments are invoiced to the commissioner, then paid (admins record it); once invoiced, its returns are settled.
  const settles = admin && version.status !== 'draft' && paysPractices(version.definition);
  const settled = version.invoiced !== null;
  // Anyone else who reads returns (a commissioner, a clinician) sees that they came, when and from whom, without a form.
  const seesReturns = !admin && !ownPracticesOnly && version.definition.deliveryModels.length > 0;
  const sections = [
    { id: 'terms', title: 'Terms', show: true },
    { id: 'versions', title: 'Versions', show: true },
    { id: 'allocation', title: 'Allocation', show: Boolean(allocation) },
    { id: 'payments', title: 'Payments', show: Boolean(payments) },
    // How the whole scheme's rounded rows foot, and what-ifs, are the federation's working: a practice manager reads their own rows.
    { id: 'footing', title: 'Footing notes', show: Boolean(footing) && !ownPracticesOnly },
    { id: 'schedule', title: 'Multi-year schedule', show: Boolean(schedule) },
    { id: 'contributions', title: 'Practices’ contributions', show: Boolean(contributions) },
    { id: 'differences', title: 'Hand schedule differences', show: Boolean(differences) },
    { id: 'reallocation', title: 'Reallocation', show: Boolean(allocation) && !ownPracticesOnly },
    { id: 'warnings', title: 'Warnings and notes', show: Boolean(warnings) },
    { id: 'invoice', title: 'Invoice and payment', show: settles },
    { id: 'delivered', title: 'Record delivered activity', show: recordsActivity },
    { id: 'return', title: 'Return your practice’s activity', show: returnsActivity },
    { id: 'returns', title: 'Activity returns', show: seesReturns },
    { id: 'hand-schedule', title: 'Check a hand schedule', show: checksHandSchedule },
  ].filter((s) => s.show);

  return (
    <>
      <OlderVersionNotice schemeId={scheme.id} shown={version} latest={latest} />
      <EarlierInvoice schemeId={scheme.id} versions={versions} shown={version} />
      {ownPracticesOnly ? null : <FootingInset run={run} definition={version.definition} />}
      <nav className="app-scheme-contents" aria-label="On this page">
        <h2 className="nhsuk-heading-s">On this page</h2>
        <ul className="nhsuk-list nhsuk-list--bullet">
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      <Section id="terms" title="Terms">
        <SchemeOverview definition={version.definition} version={run.version} groupId={scheme.groupId} />
        <h3>Downloads</h3>
        <ul className="nhsuk-list">
          <li>
            <a href={`${schemePath(scheme.id)}/export.xlsx?version=${run.version.version}`}>Workbook of every table (XLSX)</a>
          </li>
          <li>Each practice’s statement (PDF) is linked from its row in the allocation table.</li>
        </ul>
      </Section>
      <Section id="versions" title="Versions">
        <p className="nhsuk-body">An approved version never changes: editing its terms creates the next version. Statements name the version and list sizes they used.</p>
        <VersionsTable schemeId={scheme.id} versions={versions} shown={version.version} />
      </Section>
      {allocation ? (
        <Section id="allocation" title="Allocation">
          {notTakingPart ? (
            notTakingPartText
          ) : (
            <>
              <p className="nhsuk-body">{allocation.title}: {ownPracticesOnly ? 'your practice’s row, then the total of every practice in the scheme' : 'one row per practice, with the total last'}.</p>
              <ReportTableView table={allocation} hide={['ods_code']} extra={[statement]} caption={allocation.title} totalLabel={ownPracticesOnly ? allPracticesLabel : undefined} />
            </>
          )}
        </Section>
      ) : null}
      {payments ? (
        <Section id="payments" title="Payments">
          <p className="nhsuk-body">{payments.title}. Practices are paid for everything they delivered; the fee is added to the invoice to the funder.</p>
          {/* A practice manager reads their own practice's payment first, then the invoice for every practice. */}
          {ownPracticesOnly ? <ReportTableView table={payments} hide={['ods_code']} caption={payments.title} totalLabel={allPracticesLabel} /> : null}
          {summary && ownPracticesOnly ? <p className="nhsuk-body">The invoice to the funder, for every practice in the scheme:</p> : null}
          {summary ? <InvoiceSummary summary={summary} definition={version.definition} version={version} /> : null}
          {ownPracticesOnly ? null : <ReportTableView table={payments} hide={['ods_code']} caption={payments.title} />}
        </Section>
      ) : null}
      {footing && !ownPracticesOnly ? (
        <Section id="footing" title="Footing notes">
          <p className="nhsuk-body">{footing.title}.</p>
          <ReportTableView table={footing} caption={footing.title} />
        </Section>
      ) : null}
      {schedule ? (
        <Section id="schedule" title="Multi-year schedule">
          <p className="nhsuk-body">{schedule.title}.</p>
          <ScheduleChart schedule={schedule} />
          <ReportTableView table={schedule} caption={schedule.title} />
        </Section>
      ) : null}
      {contributions ? (
        <Section id="contributions" title="Practices’ contributions">
          <p className="nhsuk-body">{contributions.title}.</p>
          {notTakingPart ? (
            notTakingPartText
          ) : (
            <>
              <ReportTableView table={contributions} hide={['ods_code']} extra={[statement]} caption={contributions.title} />
              {otherContributions ? <OtherSchedule table={otherContributions} /> : null}
            </>
          )}
        </Section>
      ) : null}
      {differences ? (
        <Section id="differences" title="Hand schedule differences">
          <Differences table={differences} />
        </Section>
      ) : null}
      {allocation && !ownPracticesOnly ? (
        <ReallocationSection table={reallocation} reallocating={reallocating} section={(children) => <Section id="reallocation" title="Reallocation">{children}</Section>} />
      ) : null}
      {warnings ? (
        <Section id="warnings" title="Warnings and notes">
          <ReportTableView table={warnings} hide={['code']} caption={warnings.title} />
        </Section>
      ) : null}
      {settles ? (
        <Section id="invoice" title="Invoice and payment">
          <SettlementPanel schemeId={scheme.id} version={version} />
        </Section>
      ) : null}
      {recordsActivity ? (
        <Section id="delivered" title="Record delivered activity">
          {settled ? (
            <SettledNotice version={version} />
          ) : (
            <>
              <ReturnsDue scheme={scheme} version={run.version.version} />
              <ReturnsAlsoOn versions={versions} shown={version} />
              <DeliveredActivity schemeId={scheme.id} version={run.version.version} definition={version.definition} practices={practices} />
            </>
          )}
        </Section>
      ) : null}
      {returnsActivity ? (
        <Section id="return" title="Return your practice’s activity">
          {settled ? null : <OwnReturnDue schemeId={scheme.id} version={run.version.version} />}
          <DeliveredEntryForm schemeId={scheme.id} version={run.version.version} definition={version.definition} practices={practices} own settledOn={version.invoiced?.on ?? null} />
        </Section>
      ) : null}
      {seesReturns ? (
        <Section id="returns" title="Activity returns">
          <ReturnsSeen schemeId={scheme.id} version={run.version.version} />
        </Section>
      ) : null}
      {checksHandSchedule ? (
        <Section id="hand-schedule" title="Check a hand schedule">
          {settled ? <SettledNotice version={version} /> : <HandScheduleUpload schemeId={scheme.id} version={run.version.version} />}
        </Section>
      ) : null}
    </>
  );
}

/** Said to everyone but admins while no version is approved: the figures are the federation's until then. */
function BeingPrepared({ scheme }: { scheme: Scheme }) {
  return (
    <InsetText>
      <p>
        {scheme.name} is being prepared. The federation has not approved it yet, so there are no figures to show. They will appear here once a version is approved.
      </p>
    </InsetText>
  );
}

/** One scheme: its terms, the allocation and payments, footing notes, schedule, differences and warnings. */
export function SchemePage() {
  const { id = '' } = useParams();
  const user = useUser();
  const admin = isAdmin(user);
  const scheme = useApiQuery<Scheme>(schemePath(id));
  // Only admins are given drafts: anyone else's list is the approved versions, empty while the scheme is being prepared.
  const versions = useApiQuery<SchemeVersions>(`${schemePath(id)}/versions`);
  const readable = versions.data?.items ?? [];
  const [search] = useSearchParams();
  const reallocating = search.get(reallocateParam) === 'declined';
  const chosen = Number(search.get(versionParam)) || null;
  const query = new URLSearchParams({ ...(chosen ? { version: String(chosen) } : {}), ...(reallocating ? { reallocateDeclined: 'true' } : {}) }).toString();
  const run = useApiQuery<StoredSchemeRun>(admin || readable.length ? `${schemePath(id)}/run${query ? `?${query}` : ''}` : null);
  // Named as the latest version the reader reads, as its status tag is: an admin's draft by its own
  // name (the scheme takes it when the draft is approved), anyone else's the approved version in force.
  const latestRead = readable.at(-1)?.definition;
  usePageTitle(latestRead?.name ?? scheme.data?.name ?? 'Scheme');
  return (
    <>
      <PageBreadcrumb items={[{ to: '/schemes', text: 'Schemes' }]} />
      <Loaded query={scheme} what="scheme">
        {(s) => {
          const latest = admin ? s.currentVersion : readable.at(-1)?.version;
          const status = admin ? s.status : readable.at(-1)?.status;
          return (
            <>
              <Heading headingLevel="h1">{latestRead?.name ?? s.name}</Heading>
              {/* The status beside the name, not in it: a screen reader's list of headings reads the scheme's name alone. */}
              <p className="nhsuk-body app-scheme-status">{status ? <SchemeStatusTag status={status} /> : versions.data ? <Tag modifier="grey">Being prepared</Tag> : null}</p>
              <p className="nhsuk-lede-text">{latestRead?.funder ?? s.funder}</p>
              {admin ? <AdminActions scheme={s} invoiced={readable.find((v) => v.status === 'approved' && v.invoiced)} /> : null}
              <Loaded query={versions} what="scheme’s versions">
                {(v) => {
                  const version = v.items.find((item) => item.version === (chosen ?? latest)) ?? v.items.at(-1);
                  if (!version || latest === undefined) return <BeingPrepared scheme={s} />;
                  return (
                    <Loaded query={run} what="scheme’s figures">
                      {(r) => <SchemeRunView scheme={s} versions={v.items} version={version} latest={latest} run={r} reallocating={reallocating} />}
                    </Loaded>
                  );
                }}
              </Loaded>
            </>
          );
        }}
      </Loaded>
    </>
  );
}
