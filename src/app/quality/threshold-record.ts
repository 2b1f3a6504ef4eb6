import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { conflict, invalid } from '../../domain/errors.js';
import { type IndicatorUnit, type Polarity, registeredPatientsIndicator } from '../../domain/quality/indicators.js';
import { thresholdProblems } from '../../domain/quality/thresholds.js';
import { indicators, indicatorThresholds } from '../../db/schema/index.js';
import { parseSerialId, type RecordType } from '../records/record-type.js';

const optionalFigure = z.preprocess((v) => (v === '' ? null : v), z.coerce.number({ message: 'must be a number' }).finite().nullable().optional());

const thresholdInput = z.object({
  indicatorCode: z.string().trim().toUpperCase().min(1, 'Choose an indicator').max(60),
  minimum: optionalFigure,
  target: optionalFigure,
  note: z.string().trim().max(2000).nullable().optional(),
});

/**
 * An indicator's minimum standard and target, in the indicator's unit (a percentage for a
 * proportion). Set by hand here, or by the local indicators import.
 */
export const thresholdRecord: RecordType<z.infer<typeof thresholdInput>> = {
  name: 'indicator_threshold',
  label: 'threshold',
  table: indicatorThresholds,
  source: indicatorThresholds,
  idColumn: indicatorThresholds.id,
  sourceIdColumn: indicatorThresholds.id,
  versionColumn: indicatorThresholds.rowVersion,
  createdByPeople: true,
  parseId: parseSerialId,
  fields: {
    id: { header: 'ID', column: indicatorThresholds.id, kind: 'integer', filter: 'exact', sortable: true },
    indicatorCode: { header: 'Indicator', column: indicatorThresholds.indicatorCode, kind: 'text', filter: 'exact', sortable: true },
    minimum: { header: 'Minimum', column: indicatorThresholds.minimum, kind: 'number', sortable: true },
    target: { header: 'Target', column: indicatorThresholds.target, kind: 'number', sortable: true },
    note: { header: 'Note', column: indicatorThresholds.note, kind: 'text', filter: 'search' },
  },
  defaultSort: 'indicatorCode',
  createSchema: thresholdInput,
  updateSchema: thresholdInput.partial(),
  async prepare(db, input, existing) {
    const code = input.indicatorCode ?? (existing?.indicatorCode as string);
    const [indicator] =
      code === registeredPatientsIndicator.code ? [registeredPatientsIndicator] : await db.select({ unit: indicators.unit, polarity: indicators.polarity }).from(indicators).where(eq(indicators.code, code));
    if (!indicator) throw invalid('That indicator is not in the catalogue', [{ field: 'indicatorCode', message: `no indicator ${code}` }]);
    const minimum = (input.minimum === undefined ? (existing?.minimum as number | null | undefined) : input.minimum) ?? null;
    const target = (input.target === undefined ? (existing?.target as number | null | undefined) : input.target) ?? null;
    if (minimum === null && target === null) throw invalid('Give a minimum, a target or both', [{ field: 'minimum', message: 'Enter a minimum or a target' }]);
    const problems = thresholdProblems(indicator.unit as IndicatorUnit, indicator.polarity as Polarity, { minimum, target });
    if (problems.length) throw invalid('Check the minimum and target', problems);
    const clash = await db
      .select({ id: indicatorThresholds.id })
      .from(indicatorThresholds)
      .where(and(eq(indicatorThresholds.indicatorCode, code), existing ? ne(indicatorThresholds.id, existing.id as number) : undefined));
    if (clash.length) throw conflict(`${code} already has thresholds; change those instead`);
    return { ...input };
  },
  present: (row) => row,
};
