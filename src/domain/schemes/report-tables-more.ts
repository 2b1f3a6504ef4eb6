import { yearKey, type MultiYearSchedule } from './multi-year.js';
import { money, num, pounds, text, TOTAL_LABEL, type ReportColumn, type ReportRow, type ReportTable } from './report-columns.js';
import { decimalPlacesOf } from './rounding.js';
import type { SchemeRun } from './run-scheme.js';
import type { SchemeDefinition } from './scheme-definition.js';

/** The multi-year schedule by year: cost lines, gross cost, funding, the practices' contribution and per-patient figures. */
export function scheduleTable(run: SchemeRun, definition: SchemeDefinition): ReportTable | null {
  const m = run.multiYear;
  if (!m) return null;
  const r = definition.rounding;
  const cost = decimalPlacesOf(r.cost);
  const lineLabels = m.years[0]?.lines.map((l) => l.label) ?? [];
  const sources = m.years[0]?.funding.map((f) => f.source) ?? [];
  const lineKey = (label: string) => `cost_${yearKey(label.toLowerCase())}`;
  const fundingKey = (source: string) => `funding_${yearKey(source.toLowerCase())}`;
  const columns: ReportColumn[] = [
    text('year', 'Year'),
    num('uplift_factor', 'Uplift factor'),
    ...lineLabels.map((label) => money(lineKey(label), `${label} £`, cost)),
    money('gross_cost', 'Gross cost £', cost),
    ...sources.map((source) => money(fundingKey(source), `${source} funding £`, cost)),
    money('practices_contribution', "Practices’ contribution £", decimalPlacesOf(r.contribution)),
    money('cost_per_patient', 'Cost per patient £', decimalPlacesOf(r.perPatient)),
    money('contribution_per_patient', 'Contribution per patient £', decimalPlacesOf(r.perPatient)),
  ];
  const rows: ReportRow[] = m.years.map((y) => {
    const row: ReportRow = {
      year: y.year,
      uplift_factor: Number(y.upliftFactor),
      gross_cost: pounds(y.grossPence),
      practices_contribution: pounds(y.contributionPence),
      cost_per_patient: pounds(y.costPerPatientPence),
      contribution_per_patient: pounds(y.contributionPerPatientPence),
    };
    for (const line of y.lines) row[lineKey(line.label)] = pounds(line.pence);
    for (const f of y.funding) row[fundingKey(f.source)] = pounds(f.pence);
    return row;
  });
  const funding = (source: string) => m.years.reduce((total, y) => total + (y.funding.find((f) => f.source === source)?.pence ?? 0), 0);
  const line = (label: string) => m.years.reduce((total, y) => total + (y.lines.find((l) => l.label === label)?.pence ?? 0), 0);
  const total: ReportRow = { year: TOTAL_LABEL, gross_cost: pounds(m.totals.gross.total), practices_contribution: pounds(m.totals.contribution.total) };
  for (const label of lineLabels) total[lineKey(label)] = pounds(line(label));
  for (const source of sources) total[fundingKey(source)] = pounds(funding(source));
  // The average a year, then the total, as a page shows them (its totals come last).
  rows.push({ year: 'Average', gross_cost: pounds(m.averages.grossPerYearPence), cost_per_patient: pounds(m.averages.costPerPatientPence), contribution_per_patient: pounds(m.averages.contributionPerPatientPence) });
  rows.push(total);
  return { name: 'schedule', title: `Multi-year cost sharing: ${m.basis.label}, shared by the practices`, columns, rows };
}

/**
 * Each practice's contribution in each year: round(share × the unrounded year figure). The cost
 * model's schedule by default; the other schedule (at the year-1 cost) is a table of its own.
 */
export function contributionsTable(run: SchemeRun, definition: SchemeDefinition, schedule: 'cost_model' | 'year_1' = 'cost_model'): ReportTable | null {
  const m: MultiYearSchedule | null = schedule === 'cost_model' ? run.multiYear : run.year1Schedule;
  if (!m) return null;
  const decimals = decimalPlacesOf(definition.rounding.contribution);
  const columns: ReportColumn[] = [
    text('practice', 'Practice'),
    text('ods_code', 'ODS code'),
    num('list_size', 'List size'),
    num('share_pct', 'Share %', 2),
    ...m.years.map((y) => money(`contribution_${yearKey(y.year)}`, `${y.year} £`, decimals)),
    money('contribution_total', 'All years £', decimals),
  ];
  const rows: ReportRow[] = m.practices.map((p) => {
    const row: ReportRow = { practice: p.practiceName, ods_code: run.allocation.rows.find((a) => a.practiceKey === p.practiceKey)?.odsCode ?? null, list_size: p.listSize, share_pct: p.sharePercent, contribution_total: pounds(p.totalPence) };
    for (const y of p.years) row[`contribution_${yearKey(y.year)}`] = pounds(y.contributionPence);
    return row;
  });
  const total: ReportRow = { practice: TOTAL_LABEL, list_size: m.listSizeTotal, share_pct: 100, contribution_total: pounds(m.totals.practicesAllYears.total) };
  m.years.forEach((y, i) => {
    total[`contribution_${yearKey(y.year)}`] = pounds(m.totals.practicesByYear[i]!.total);
  });
  rows.push(total);
  return schedule === 'cost_model'
    ? { name: 'contributions', title: `Each practice’s contribution by year: ${m.basis.label}`, columns, rows }
    : { name: 'contributions_year_1_cost', title: `The other schedule, each practice’s contribution by year: ${m.basis.label}`, columns, rows };
}

/** The hand schedule against the cost model: by year, by practice over all years, then each practice in each year. */
export function differencesTable(run: SchemeRun): ReportTable | null {
  const d = run.differences;
  if (!d) return null;
  const order = { year: 0, scheme: 1, practice: 2, practice_year: 3 } as const;
  const rows = [...d.rows]
    .sort((a, b) => order[a.scope] - order[b.scope])
    .map((row) => ({
      scope: row.scope,
      year: row.year ?? 'All years',
      // A year's or the scheme's row covers every practice: it is not a total row of this table.
      practice: row.practiceName ?? 'All practices',
      hand: pounds(row.handPence),
      model: pounds(row.modelPence),
      difference: pounds(row.differencePence),
      cause: row.cause,
      explanation: row.reason,
    }));
  return {
    name: 'differences',
    title: `${d.label} against the cost model’s contributions, ${run.multiYear!.basis.label} (difference = hand − model)`,
    columns: [text('scope', 'Scope'), text('year', 'Year'), text('practice', 'Practice'), money('hand', 'Hand £'), money('model', 'Model £'), money('difference', 'Difference £'), text('cause', 'Cause'), text('explanation', 'Explanation')],
    rows,
  };
}

export function reallocationTable(run: SchemeRun): ReportTable | null {
  const r = run.reallocation;
  if (!r) return null;
  const decimals = decimalPlacesOf(r.rounding);
  const rows: ReportRow[] = r.rows.map((row) => ({ practice: row.practiceName, reason: row.reason, before: row.before, released: row.released, received: row.received, after: row.after }));
  rows.push({ practice: TOTAL_LABEL, before: r.totals.before.total, released: r.totals.released.total, received: r.totals.received.total, after: r.totals.after.total });
  const unit = run.allocation.unitLabel;
  return {
    name: 'reallocation',
    title: `Reallocation: ${r.rule}; ${r.roundingDescription}`,
    columns: [text('practice', 'Practice'), text('reason', 'Released because'), num('before', `Before (${unit})`, decimals), num('released', 'Released', decimals), num('received', 'Received', decimals), num('after', 'After', decimals)],
    rows,
  };
}

/** Statements in long form: one row per statement line, for a spreadsheet or mail merge. */
export function statementsTable(run: SchemeRun): ReportTable {
  const rows: ReportRow[] = run.statements.flatMap((s) => [
    ...s.lines.map((l) => ({ practice: s.practiceName, ods_code: s.odsCode, line: l.label, detail: l.detail, amount: pounds(l.amountPence) })),
    ...s.totals.map((t) => ({ practice: s.practiceName, ods_code: s.odsCode, line: t.label, detail: t.rule, amount: pounds(t.amountPence) })),
    ...s.warnings.map((w) => ({ practice: s.practiceName, ods_code: s.odsCode, line: 'Note', detail: w, amount: null })),
  ]);
  return { name: 'statements', title: 'Statements per practice', columns: [text('practice', 'Practice'), text('ods_code', 'ODS code'), text('line', 'Line'), text('detail', 'Detail'), money('amount', 'Amount £', 2)], rows };
}

export function warningsTable(run: SchemeRun): ReportTable | null {
  if (run.warnings.length === 0) return null;
  const names = new Map(run.allocation.rows.map((r) => [r.practiceKey, r.practiceName]));
  return {
    name: 'warnings',
    title: 'Warnings and notes',
    columns: [text('severity', 'Severity'), text('code', 'Code'), text('practice', 'Practice'), text('message', 'Message')],
    rows: run.warnings.map((w) => ({ severity: w.severity, code: w.code, practice: w.practiceKey ? (names.get(w.practiceKey) ?? w.practiceKey) : null, message: w.message })),
  };
}
