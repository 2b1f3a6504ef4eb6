import { formatLongDate } from '../../domain/iso-date.js';
import { formatPence } from '../../domain/schemes/format-money.js';
import { humanise } from '../../domain/words.js';
import { applicationStatusLabels, type ApplicationStatus } from '../../domain/funds/fund-applications.js';
import { aboutSheet, producedWords, type Column, type Sheet, toXlsx } from '../export/tabular.js';
import type { AppContext } from '../context.js';
import { fundReport, type fundsOverview } from './fund-report.js';

type FundRow = Awaited<ReturnType<typeof fundsOverview>>['items'][number];
type Report = Awaited<ReturnType<typeof fundReport>>;

/** Money in pence: £818,137.50 in a terminal, a number of pounds in a CSV or workbook. */
const pounds = <T>(header: string, value: (row: T) => number | null): Column<T> => ({ header: `${header} (£)`, value, numeric: true, pence: true });

/** The funds list as a table: `atscale funds list` and the list's CSV/XLSX download. */
export const fundOverviewColumns: Column<FundRow>[] = [
  { header: 'ID', value: (f) => f.id, numeric: true },
  { header: 'Fund', value: (f) => f.name },
  { header: 'Commissioner', value: (f) => f.commissioner },
  { header: 'Footprint', value: (f) => f.footprintName },
  // The federation (PCN, ICB footprint) a locality's fund is part of: the list totals each one's funds apart.
  { header: 'For', value: (f) => f.within.name },
  { header: 'Rates a head', value: (f) => f.years.map((y) => `${y.year} ${formatPence(y.ratePence)}`).join('; ') },
  { header: 'List', value: (f) => f.listTotal, numeric: true, count: true },
  { header: 'List at', value: (f) => f.listSnapshotDate, date: true },
  pounds('Allocated', (f) => f.allocatedPence),
  pounds('Waiting', (f) => f.requestedPence),
  pounds('Approved', (f) => f.approvedPence),
  pounds('Drawn', (f) => f.drawnPence),
  pounds('Left to apply for', (f) => f.remainingPence),
  // The fund page's warnings: practices with a share that have closed or left, and pots holding more than their share now.
  { header: 'Warnings', value: (f) => [...f.departures, ...f.heldBeyondShare].join('; ') || null },
];


type Position = Report['positions'][number];
type Share = Report['calculation']['practices'][number];
type Application = Report['applications'][number];

/** A fund's page as a workbook: each locality's position, each practice's share by year, and the applications. */
export async function fundWorkbook(ctx: AppContext, fundId: number): Promise<{ fileName: string; content: Buffer }> {
  const report = await fundReport(ctx, fundId);
  const years = report.calculation.years;
  const positions: Sheet<Position> = {
    name: 'Localities',
    // With the page's Total row, so the sheet reads as the page does.
    rows: [...report.positions, { name: 'Total', localityId: null, ...report.totals }],
    columns: [{ header: 'Locality', value: (p) => p.name }, pounds('Allocated', (p) => p.allocatedPence), pounds('Waiting for a decision', (p) => p.requestedPence), pounds('Approved', (p) => p.approvedPence), pounds('Drawn', (p) => p.drawnPence), pounds('Left to apply for', (p) => p.remainingPence)],
  };
  const shares: Sheet<Share> = {
    name: 'Practices',
    rows: report.calculation.practices,
    columns: [
      { header: 'ODS code', value: (s) => s.key },
      { header: 'Practice', value: (s) => s.name },
      { header: 'Locality', value: (s) => s.locality },
      { header: `List at ${formatLongDate(report.fund.listSnapshotDate)}`, value: (s) => s.listSize, numeric: true },
      ...years.map((y, i) => pounds<Share>(`${y.year} at ${formatPence(y.ratePence)} a head`, (s) => s.byYearPence[i]!)),
      pounds('Total', (s) => s.totalPence),
    ],
  };
  const applications: Sheet<Application> = {
    name: 'Applications',
    rows: report.applications,
    columns: [
      { header: 'ID', value: (a) => a.id, numeric: true },
      { header: 'Title', value: (a) => a.title },
      { header: 'Locality', value: (a) => a.localityName },
      { header: 'Practice', value: (a) => (a.practiceCode ? `${a.practiceName ?? a.practiceCode} (${a.practiceCode})` : null) },
      { header: 'Status', value: (a) => applicationStatusLabels[a.status as ApplicationStatus] ?? humanise(a.status) },
      pounds('Requested', (a) => a.requestedPence),
      pounds('Approved', (a) => a.approvedPence),
      pounds('Drawn', (a) => a.drawnPence),
      { header: 'Decision', value: (a) => a.decisionReason },
    ],
  };
  const slug = report.fund.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  // What the file is, read later as evidence: the fund, the list sizes and rates it is worked from, and that approvals and drawdowns are as recorded that day.
  const about = aboutSheet([
    ['Fund', report.fund.name],
    ['Commissioner', report.fund.commissioner],
    ['Footprint', report.footprintName],
    ['List sizes at', formatLongDate(report.fund.listSnapshotDate)],
    ['Rates', years.map((y) => `${y.year}: ${formatPence(y.ratePence)} a head`).join('; ')],
    ['Applications', 'as asked for, decided and drawn down when this file was produced'],
    // The fund page's warnings, so the file read later says what the page said.
    ...report.departures.map((d): [string, string] => ['Closed or left', d]),
    ...report.heldBeyondShare.map((h): [string, string] => ['Over its share', h]),
    ['Produced', producedWords(ctx.actor.label)],
  ]);
  return { fileName: `fund-${slug}.xlsx`, content: await toXlsx([positions, shares, applications, about]) };
}
