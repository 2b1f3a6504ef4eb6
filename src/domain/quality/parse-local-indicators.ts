import type { Problem } from '../errors.js';
import { readCsvTable } from '../registry/csv-table.js';
import { textOf } from '../registry/decode-text.js';
import type { ColumnSpec } from '../registry/header-columns.js';
import { organisationCodeFault } from '../registry/ods-codes.js';
import { type Indicator, type IndicatorUnit, type IndicatorValueRow, indicatorUnits, indicatorValue, type Polarity, polarities, registeredPatientsIndicator } from './indicators.js';
import { qofPrevalenceCode } from './parse-qof.js';
import { thresholdProblems } from './thresholds.js';

/**
 * A federation's own quality and performance dashboard as a CSV: one row per practice per indicator
 * per month, each row carrying its indicator's definition and thresholds (repeated, and required to
 * agree), so one file describes itself. See docs/quality.md, "Local indicators".
 */
const COLUMNS = {
  indicatorCode: { names: ['indicator_code'], required: true },
  indicatorName: { names: ['indicator_name'], required: true },
  unit: { names: ['unit'], required: true },
  polarity: { names: ['polarity'], required: true },
  practiceCode: { names: ['practice_code'], required: true },
  period: { names: ['period'], required: true },
  numerator: { names: ['numerator'], required: true },
  denominator: { names: ['denominator'], required: true },
  value: { names: ['value'], required: false },
  minimum: { names: ['minimum'], required: false },
  target: { names: ['target'], required: false },
  numeratorDefinition: { names: ['numerator_definition'], required: false },
  denominatorDefinition: { names: ['denominator_definition'], required: false },
  source: { names: ['source'], required: false },
} satisfies Record<string, ColumnSpec>;
type Key = keyof typeof COLUMNS;

export interface LocalIndicatorValue extends IndicatorValueRow {
  line: number;
}

export interface LocalThreshold {
  indicatorCode: string;
  minimum: number | null;
  target: number | null;
}

export interface LocalIndicatorParse {
  indicators: Indicator[];
  thresholds: LocalThreshold[];
  values: LocalIndicatorValue[];
  problems: Problem[];
}

const optionalNumber = (text: string): number | null | 'bad' => {
  if (text === '') return null;
  const n = Number(text.replace(/,/g, ''));
  return Number.isFinite(n) ? n : 'bad';
};

/** Codes atscale gives the indicators it imports itself: registered patients, and QOF prevalence (QOF_PREV_…). */
const isReservedCode = (code: string) => code === registeredPatientsIndicator.code || code.startsWith(qofPrevalenceCode(''));

export function parseLocalIndicators(input: string | Uint8Array, file: string): LocalIndicatorParse {
  const definitions = new Map<string, { indicator: Indicator; threshold: LocalThreshold; line: number }>();
  const values: LocalIndicatorValue[] = [];
  const seen = new Map<string, number>();
  // Every well-formed code the file uses (rows with problems too), so a reserved one is named once, on its first row.
  const codes = new Set<string>();
  const problems = readCsvTable(textOf(input), file, COLUMNS, (row) => {
    const { line } = row;
    const faults: Problem[] = [];
    const fault = (key: Key, message: string) => faults.push({ file, line, column: row.column(key), message });
    const code = row.cell('indicatorCode').toUpperCase();
    const codeOk = /^[A-Z0-9_]{2,40}$/.test(code);
    if (!codeOk) fault('indicatorCode', `indicator code '${row.cell('indicatorCode')}' must be 2–40 letters, digits or _`);
    const unit = row.cell('unit').toLowerCase() as IndicatorUnit;
    if (!indicatorUnits.includes(unit)) fault('unit', `unit '${row.cell('unit')}' must be one of ${indicatorUnits.join(', ')}`);
    const polarity = row.cell('polarity').toLowerCase() as Polarity;
    if (!polarities.includes(polarity)) fault('polarity', `polarity '${row.cell('polarity')}' must be one of ${polarities.join(', ')}`);
    const practiceCode = row.cell('practiceCode').toUpperCase();
    const codeFault = organisationCodeFault(practiceCode, 'practice code');
    if (codeFault) fault('practiceCode', codeFault);
    const m = /^(\d{4})-(\d{2})$/.exec(row.cell('period'));
    const periodOk = Boolean(m) && Number(m![2]) >= 1 && Number(m![2]) <= 12;
    if (!periodOk) fault('period', `period '${row.cell('period')}' must be a month written as 2024-03`);
    const numbers = {} as Record<'numerator' | 'denominator' | 'value' | 'minimum' | 'target', number | null>;
    let numbersOk = true;
    for (const key of ['numerator', 'denominator', 'value', 'minimum', 'target'] as const) {
      const n = optionalNumber(row.cell(key));
      if (n === 'bad') fault(key, `${key} '${row.cell(key)}' is not a number`);
      numbersOk &&= n !== 'bad';
      numbers[key] = n === 'bad' ? null : n;
    }
    // Every problem of the row at once: the figure is checked when its unit and numbers could be read, and a
    // second figure for the same month when the code, practice and month could.
    if (codeOk && !codes.has(code)) {
      codes.add(code);
      if (isReservedCode(code)) fault('indicatorCode', `indicator code ${code} is kept for figures atscale imports itself; choose another code`);
    }
    const period = `${row.cell('period')}-01`;
    const figure = indicatorUnits.includes(unit) && numbersOk ? indicatorValue(unit, numbers) : undefined;
    if (figure && 'problem' in figure) faults.push({ file, line, column: row.column(figure.column), message: `${practiceCode} ${code} ${row.cell('period')}: ${figure.problem}` });
    if (codeOk && !codeFault && periodOk) {
      const key = `${code} ${practiceCode} ${period}`;
      const first = seen.get(key);
      if (first !== undefined) fault('period', `${practiceCode} has a second ${code} figure for ${row.cell('period')} (first on line ${first})`);
      else seen.set(key, line);
    }
    if (faults.length || !figure || 'problem' in figure) return faults;

    const indicator: Indicator = {
      code,
      name: row.cell('indicatorName'),
      numeratorDefinition: row.cell('numeratorDefinition') || null,
      denominatorDefinition: row.cell('denominatorDefinition') || null,
      unit,
      polarity,
      source: row.cell('source') || `Local indicators (${file})`,
      cadence: 'month',
    };
    const threshold = { indicatorCode: code, minimum: numbers.minimum, target: numbers.target };
    const defined = definitions.get(code);
    // Every row repeats its indicator's thresholds: check them on the first, and the rest for agreeing with it.
    const thresholdFaults = defined ? [] : thresholdProblems(unit, polarity, threshold);
    if (thresholdFaults.length) return thresholdFaults.map((p) => ({ file, line, column: row.column(p.field), message: `${code}’s ${p.field} ${p.message}` }));
    if (!defined) definitions.set(code, { indicator, threshold, line });
    else if (JSON.stringify(defined.indicator) !== JSON.stringify(indicator) || JSON.stringify(defined.threshold) !== JSON.stringify(threshold)) {
      return [{ file, line, column: row.column('indicatorName'), message: `${code}’s name, unit, polarity, definitions or thresholds differ from line ${defined.line}; they must be the same on every row of an indicator` }];
    }
    values.push({ indicatorCode: code, practiceCode, period, numerator: numbers.numerator, denominator: numbers.denominator, value: figure.value, line });
    return [];
  });
  const defs = [...definitions.values()];
  return { indicators: defs.map((d) => d.indicator), thresholds: defs.map((d) => d.threshold).filter((t) => t.minimum !== null || t.target !== null), values, problems };
}

/** Whether a header row is a local indicators file. */
export function isLocalIndicatorsHeader(headerLine: string): boolean {
  const names = new Set(headerLine.split(',').map((n) => n.trim().toLowerCase()));
  return names.has('indicator_code') && names.has('practice_code') && names.has('period');
}
