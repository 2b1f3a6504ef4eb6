import { formatLongDate } from '../../domain/iso-date.js';
import { inArray } from 'drizzle-orm';
import { indicators } from '../../db/schema/index.js';
import { detectQofFile, parseQofIndicatorMapping, parseQofPrevalence, qofPrevalenceCode, qofPeriod, qofPrevalenceIndicator } from '../../domain/quality/parse-qof.js';
import { csvText, noRowsProblem } from '../../domain/registry/index.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';
import { emptyReport, importAuditEntry, type ImportOptions, type ImportReport, rejectedReport } from '../registry/import-report.js';
import { knownPracticesOnly, saveIndicators, saveValues } from './save-indicator-values.js';

/**
 * Imports one QOF raw data file: a PREVALENCE file (registers and list sizes per practice, one
 * indicator per register) or an indicator mapping file (the registers' names). All or nothing;
 * practices the registry does not know, and rows that cannot be a prevalence, are skipped and listed.
 */
export async function importQofFile(ctx: AppContext, file: { name: string; content: Uint8Array }, options: ImportOptions = {}): Promise<ImportReport> {
  authorize(ctx.actor, 'indicator', 'import');
  const text = csvText(file);
  const kind = detectQofFile(text.slice(0, Math.max(0, text.search(/[\r\n]/)) || text.length));
  if (kind === 'qof-indicator-mapping') return importGroupNames(ctx, file.name, text);
  if (kind === 'qof-geography-mapping') {
    return rejectedReport('qof', file.name, [{ file: file.name, line: 1, message: 'this is the QOF geography mapping file; atscale compares practices by the registry’s commissioner, PCN and groups, so it is not needed. Import the PREVALENCE file (and MAPPING_INDICATORS for register names)' }]);
  }
  if (kind === null) {
    return rejectedReport('qof', file.name, [{ file: file.name, line: 1, message: 'this is not a QOF PREVALENCE file (expected columns PRACTICE_CODE, GROUP_CODE, REGISTER, PATIENT_LIST_TYPE, PRACTICE_LIST_SIZE) nor a QOF indicator mapping file (GROUP_CODE, GROUP_DESCRIPTION)' }]);
  }

  const year = qofPeriod(file.name, options.asOf);
  if ('problem' in year) return rejectedReport('qof', file.name, [{ file: file.name, message: year.problem }]);
  const { period } = year;
  const parsed = parseQofPrevalence(text, file.name);
  if (!parsed.problems.length && !parsed.rows.length && !parsed.skipped.length) parsed.problems.push(noRowsProblem(file.name));
  if (parsed.problems.length) return rejectedReport('qof', file.name, parsed.problems, period);

  return ctx.db.transaction(async (tx) => {
    const report = emptyReport('qof', file.name, period);
    if (parsed.skipped.length) {
      report.skipped += parsed.skipped.length;
      report.notes.push(`Skipped ${parsed.skipped.length} ${parsed.skipped.length === 1 ? 'row that cannot' : 'rows that cannot'} be a prevalence: ${parsed.skipped.slice(0, 10).map((p) => `line ${p.line}: ${p.message}`).join('; ')}${parsed.skipped.length > 10 ? '; …' : ''}`);
    }
    const rows = await knownPracticesOnly(tx as never, parsed.rows, report);
    // New registers get a catalogue entry; an existing one keeps the name a mapping file gave it.
    const listTypes = new Map(parsed.rows.map((r) => [r.groupCode, r.listType]));
    const codes = [...listTypes.keys()].map(qofPrevalenceCode);
    const stored = new Set((await tx.select({ code: indicators.code }).from(indicators).where(inArray(indicators.code, codes))).map((r) => r.code));
    const fresh = [...listTypes].filter(([group]) => !stored.has(qofPrevalenceCode(group))).map(([group, listType]) => qofPrevalenceIndicator(group, listType, null));
    const audits = await saveIndicators(tx as never, fresh);
    audits.push(
      ...(await saveValues(
        tx as never,
        rows.map((r) => ({ indicatorCode: qofPrevalenceCode(r.groupCode), practiceCode: r.practiceCode, period, numerator: r.register, denominator: r.listSize, value: (r.register / r.listSize) * 100 })),
        report,
        options.onProgress,
      )),
    );
    await recordAudit(tx as never, ctx.actor, [...audits, importAuditEntry(report, `QOF prevalence for the year ending ${formatLongDate(period)} from`)]);
    return report;
  });
}

async function importGroupNames(ctx: AppContext, fileName: string, text: string): Promise<ImportReport> {
  const parsed = parseQofIndicatorMapping(text, fileName);
  if (parsed.problems.length) return rejectedReport('qof', fileName, parsed.problems);
  return ctx.db.transaction(async (tx) => {
    const report = emptyReport('qof', fileName);
    const stored = await tx.select().from(indicators).where(inArray(indicators.code, [...parsed.groups.keys()].map(qofPrevalenceCode)));
    const byCode = new Map(stored.map((s) => [s.code, s]));
    const renamed = [];
    for (const [group, name] of parsed.groups) {
      const current = byCode.get(qofPrevalenceCode(group));
      if (!current) continue;
      const listType = /aged (\d+) and over/.exec(current.denominatorDefinition ?? '')?.[1];
      const indicator = qofPrevalenceIndicator(group, listType ? `${listType.padStart(2, '0')}OV` : 'TOTAL', name);
      if (indicator.name === current.name && indicator.numeratorDefinition === current.numeratorDefinition) report.unchanged++;
      else {
        report.updated++;
        renamed.push(indicator);
      }
    }
    const without = [...parsed.groups.keys()].filter((g) => !byCode.has(qofPrevalenceCode(g)));
    if (without.length) report.notes.push(`No prevalence is stored for ${without.join(', ')}; their names were not needed`);
    const audits = await saveIndicators(tx as never, renamed);
    await recordAudit(tx as never, ctx.actor, [...audits, importAuditEntry(report, 'QOF register names from')]);
    return report;
  });
}
