import { parseLocalIndicators } from '../../domain/quality/parse-local-indicators.js';
import { csvText, noRowsProblem } from '../../domain/registry/index.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';
import { emptyReport, importAuditEntry, type ImportOptions, type ImportReport, rejectedReport } from '../registry/import-report.js';
import { knownPracticesOnly, saveIndicators, saveThresholds, saveValues } from './save-indicator-values.js';

/**
 * Imports a federation's own indicators from the local indicators CSV (docs/quality.md): their
 * definitions, minimum and target thresholds, and each practice's monthly figures. All or nothing.
 */
export async function importLocalIndicatorsFile(ctx: AppContext, file: { name: string; content: Uint8Array }, options: ImportOptions = {}): Promise<ImportReport> {
  authorize(ctx.actor, 'indicator', 'import');
  const parsed = parseLocalIndicators(csvText(file), file.name);
  if (!parsed.problems.length && !parsed.indicators.length && !parsed.values.length) parsed.problems.push(noRowsProblem(file.name));
  if (parsed.problems.length) return rejectedReport('indicators', file.name, parsed.problems);
  return ctx.db.transaction(async (tx) => {
    const report = emptyReport('indicators', file.name);
    const rows = await knownPracticesOnly(tx as never, parsed.values, report);
    const audits = [...(await saveIndicators(tx as never, parsed.indicators)), ...(await saveThresholds(tx as never, parsed.thresholds))];
    audits.push(...(await saveValues(tx as never, rows, report, options.onProgress)));
    await recordAudit(tx as never, ctx.actor, [...audits, importAuditEntry(report, `Local indicators (${parsed.indicators.map((i) => i.code).join(', ')}) from`)]);
    return report;
  });
}
