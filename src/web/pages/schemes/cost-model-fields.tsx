import { Button, TextInput } from 'nhsuk-react-components';
import type { SchemeDefinition, SchemeDefinitionInput } from '../../../domain/schemes/scheme-definition.js';
import type { FieldError } from '../../components/form-errors.js';
import { financialYearStart, formatFinancialYear } from '../../../domain/finance/financial-year.js';

interface BaseLine {
  label: string;
  quantity: string;
  unitCost: string;
}

interface FixedLine {
  label: string;
  amount: string;
}

interface FundingRow {
  source: string;
  /** One amount per financial year, in the order of `years`. */
  amounts: string[];
}

/** The multi-year cost sharing part of the scheme builder, as typed. */
export interface CostModelState {
  /** "2018/19, 2019/20, 2020/21": empty when the scheme has no multi-year cost. */
  years: string;
  upliftPercent: string;
  baseLines: BaseLine[];
  fixedLines: FixedLine[];
  funding: FundingRow[];
}

export const blankCostModel: CostModelState = { years: '', upliftPercent: '', baseLines: [], fixedLines: [], funding: [] };

const text = (n: number | undefined) => (n === undefined ? '' : String(n));
/** "£58,620", "58620", "2.5%" → a number; blank → undefined; anything else → NaN (and a problem). */
export const amountOf = (value: string) => (value.trim() === '' ? undefined : Number(value.replace(/[,£%\s]/g, '')));
/** The years as typed, each written the standard way ("18/19" → "2018/19") when it is a financial year. */
export const yearsOf = (state: CostModelState) =>
  state.years
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((y) => {
      const start = financialYearStart(y);
      return start === null ? y : formatFinancialYear(start);
    });

export function costModelStateFrom(definition: SchemeDefinition): CostModelState {
  const model = definition.costModel;
  return {
    years: (definition.period.financialYears ?? []).join(', '),
    upliftPercent: text(model?.annualUpliftPercent || undefined),
    baseLines: (model?.base ?? []).map((l) => ({ label: l.label, quantity: text(l.quantity), unitCost: text(l.unitCost ?? l.amount) })),
    fixedLines: (model?.fixedLines ?? []).map((l) => ({ label: l.label, amount: text(l.amount ?? (l.unitCost ?? 0) * (l.quantity ?? 1)) })),
    funding: definition.fundingSources.map((s) => ({ source: s.source, amounts: s.amounts.map(String) })),
  };
}

/** The scheme-file fields the cost model gives: none when no base line is filled in. */
export function costModelDefinition(state: CostModelState): Partial<SchemeDefinitionInput> {
  const base = state.baseLines.filter((l) => l.label.trim());
  if (!base.length) return {};
  const years = yearsOf(state);
  return {
    costModel: {
      base: base.map((l) => ({ label: l.label.trim(), unitCost: amountOf(l.unitCost) ?? Number.NaN, ...(amountOf(l.quantity) !== undefined ? { quantity: amountOf(l.quantity) } : {}) })),
      annualUpliftPercent: amountOf(state.upliftPercent) ?? 0,
      fixedLines: state.fixedLines.filter((l) => l.label.trim()).map((l) => ({ label: l.label.trim(), amount: amountOf(l.amount) ?? Number.NaN })),
    },
    fundingSources: state.funding.filter((f) => f.source.trim()).map((f) => ({ source: f.source.trim(), amounts: years.map((_, i) => amountOf(f.amounts[i] ?? '') ?? 0) })),
  };
}

export const costIds = {
  years: 'scheme-years',
  uplift: 'scheme-uplift',
  base: (i: number, field: keyof BaseLine) => `scheme-base-${i}-${field}`,
  fixed: (i: number, field: keyof FixedLine) => `scheme-fixed-${i}-${field}`,
  funding: (i: number, year: number | 'source') => `scheme-funding-${i}-${year}`,
};

/** What is wrong with the cost model as typed, each naming the field to fix. */
export function costModelProblems(state: CostModelState): FieldError[] {
  const problems: FieldError[] = [];
  const hasCost = state.baseLines.some((l) => l.label.trim());
  const years = yearsOf(state);
  if (hasCost && !years.length) problems.push({ field: costIds.years, message: 'Enter the financial years the cost is shared over, such as 2018/19, 2019/20' });
  years.filter((y) => financialYearStart(y) === null).forEach((y) => problems.push({ field: costIds.years, message: `“${y}” is not a financial year: write it like 2018/19` }));
  const bad = (value: string, allowBlank: boolean) => {
    const n = amountOf(value);
    return n === undefined ? !allowBlank : Number.isNaN(n) || n < 0;
  };
  if (bad(state.upliftPercent, true) || (amountOf(state.upliftPercent) ?? 0) > 100) problems.push({ field: costIds.uplift, message: 'Annual uplift must be a percentage between 0 and 100' });
  state.baseLines.forEach((l, i) => {
    if (!l.label.trim()) return;
    if (bad(l.unitCost, false)) problems.push({ field: costIds.base(i, 'unitCost'), message: `Cost of ${l.label} must be an amount in pounds, 0 or more` });
    if (bad(l.quantity, true) || amountOf(l.quantity) === 0) problems.push({ field: costIds.base(i, 'quantity'), message: `Quantity of ${l.label} must be a number more than 0` });
  });
  state.fixedLines.forEach((l, i) => {
    if (l.label.trim() && bad(l.amount, false)) problems.push({ field: costIds.fixed(i, 'amount'), message: `${l.label} must be an amount in pounds, 0 or more` });
  });
  state.funding.forEach((f, i) => {
    if (!f.source.trim()) return;
    if (!hasCost) problems.push({ field: costIds.funding(i, 'source'), message: `Funding from ${f.source} needs a cost to set it against: add a cost line` });
    years.forEach((year, y) => {
      if (bad(f.amounts[y] ?? '', true)) problems.push({ field: costIds.funding(i, y), message: `${f.source} funding in ${year} must be an amount in pounds, 0 or more` });
    });
  });
  return problems;
}

interface CostModelFieldsProps {
  value: CostModelState;
  onChange(next: CostModelState): void;
  fieldError(id: string): string | undefined;
}

/**
 * A scheme's cost over several years: the lines that rise by the annual uplift (pay), the lines
 * that stay the same, and each year's funding. What is left is shared between the practices.
 */
export function CostModelFields({ value, onChange, fieldError }: CostModelFieldsProps) {
  const set = <K extends keyof CostModelState>(key: K, next: CostModelState[K]) => onChange({ ...value, [key]: next });
  const years = yearsOf(value);
  const replace = <T,>(rows: T[], i: number, row: T) => rows.map((r, j) => (j === i ? row : r));
  return (
    <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-5">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Cost shared over several years (optional)</legend>
      <p className="nhsuk-body">Each year’s cost less that year’s funding is what the practices pay between them, shared the same way as above.</p>
      <TextInput id={costIds.years} width={20} label="Financial years" hint="For example, 2018/19, 2019/20, 2020/21, 2021/22" value={value.years} onChange={(e) => set('years', e.currentTarget.value)} error={fieldError(costIds.years)} />
      <TextInput id={costIds.uplift} label="Annual uplift of the rising lines (%)" hint="Applied from the second year, for example 2 for a pay award" inputMode="decimal" width={3} value={value.upliftPercent} onChange={(e) => set('upliftPercent', e.currentTarget.value)} error={fieldError(costIds.uplift)} />
      {value.baseLines.map((line, i) => (
        <div key={`base-${i}`} className="app-panel">
          <TextInput id={costIds.base(i, 'label')} label={`Rising cost line ${i + 1}`} hint="For example, Clinical pharmacists" width={20} value={line.label} onChange={(e) => set('baseLines', replace(value.baseLines, i, { ...line, label: e.currentTarget.value }))} />
          <TextInput id={costIds.base(i, 'quantity')} label="How many (optional)" hint="For example, 3.5 whole-time equivalents" inputMode="decimal" width={4} value={line.quantity} onChange={(e) => set('baseLines', replace(value.baseLines, i, { ...line, quantity: e.currentTarget.value }))} error={fieldError(costIds.base(i, 'quantity'))} />
          <TextInput id={costIds.base(i, 'unitCost')} label="Cost each in the first year (£)" inputMode="decimal" width={10} value={line.unitCost} onChange={(e) => set('baseLines', replace(value.baseLines, i, { ...line, unitCost: e.currentTarget.value }))} error={fieldError(costIds.base(i, 'unitCost'))} />
          <Button type="button" secondary onClick={() => set('baseLines', value.baseLines.filter((_, j) => j !== i))}>
            Remove rising cost line {i + 1}
          </Button>
        </div>
      ))}
      {value.fixedLines.map((line, i) => (
        <div key={`fixed-${i}`} className="app-panel">
          <TextInput id={costIds.fixed(i, 'label')} label={`Fixed cost line ${i + 1}`} hint="The same every year, for example Federation support" width={20} value={line.label} onChange={(e) => set('fixedLines', replace(value.fixedLines, i, { ...line, label: e.currentTarget.value }))} />
          <TextInput id={costIds.fixed(i, 'amount')} label="Amount each year (£)" inputMode="decimal" width={10} value={line.amount} onChange={(e) => set('fixedLines', replace(value.fixedLines, i, { ...line, amount: e.currentTarget.value }))} error={fieldError(costIds.fixed(i, 'amount'))} />
          <Button type="button" secondary onClick={() => set('fixedLines', value.fixedLines.filter((_, j) => j !== i))}>
            Remove fixed cost line {i + 1}
          </Button>
        </div>
      ))}
      {value.funding.map((row, i) => (
        <div key={`funding-${i}`} className="app-panel">
          <TextInput id={costIds.funding(i, 'source')} label={`Funding source ${i + 1}`} hint="For example, NHS England" width={20} value={row.source} onChange={(e) => set('funding', replace(value.funding, i, { ...row, source: e.currentTarget.value }))} error={fieldError(costIds.funding(i, 'source'))} />
          {years.map((year, y) => (
            <TextInput
              key={year}
              id={costIds.funding(i, y)}
              label={`${year} (£)`}
              inputMode="decimal"
              width={10}
              value={row.amounts[y] ?? ''}
              onChange={(e) => {
                const amounts = [...row.amounts];
                amounts[y] = e.currentTarget.value;
                set('funding', replace(value.funding, i, { ...row, amounts }));
              }}
              error={fieldError(costIds.funding(i, y))}
            />
          ))}
          <Button type="button" secondary onClick={() => set('funding', value.funding.filter((_, j) => j !== i))}>
            Remove funding source {i + 1}
          </Button>
        </div>
      ))}
      <div className="app-button-row">
        <Button type="button" secondary onClick={() => set('baseLines', [...value.baseLines, { label: '', quantity: '', unitCost: '' }])}>
          Add a rising cost line
        </Button>
        <Button type="button" secondary onClick={() => set('fixedLines', [...value.fixedLines, { label: '', amount: '' }])}>
          Add a fixed cost line
        </Button>
        <Button type="button" secondary onClick={() => set('funding', [...value.funding, { source: '', amounts: [] }])}>
          Add a funding source
        </Button>
      </div>
    </fieldset>
  );
}
