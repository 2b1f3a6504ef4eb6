import type { SchemeDefinition } from '../../../domain/schemes/scheme-definition.js';
import { SummaryRows } from '../../components/summary-rows.js';
import { actorName, formatDate, formatDateTime, formatList, formatNumber, humanise } from '../../format/format.js';
import { SchemeStatusTag } from './scheme-status.js';
import type { VersionSummary } from './types.js';

const money = (pounds: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: Number.isInteger(pounds) ? 0 : 2 }).format(pounds);

const basisText: Record<SchemeDefinition['apportionment']['basis'], string> = {
  list_size: 'By registered list size',
  weighted_list_size: 'By weighted list size',
  equal: 'In equal shares',
  fixed: 'By a fixed table of percentages',
};

export const unitLabel = (definition: SchemeDefinition) => definition.shared.label ?? humanise(definition.shared.unit).toLowerCase().replace('gbp', 'pounds');

export function periodText(definition: SchemeDefinition): string {
  const { start, end, weeks, financialYears } = definition.period;
  const parts = [
    start && end ? `${formatDate(start)} to ${formatDate(end)}` : start ? `From ${formatDate(start)}` : end ? `Until ${formatDate(end)}` : null,
    weeks ? `${formatNumber(weeks)} weeks` : null,
    financialYears?.length ? `Financial ${financialYears.length === 1 ? 'year' : 'years'} ${formatList(financialYears)}` : null,
  ].filter((p): p is string => Boolean(p));
  return parts.join('; ');
}

function sharedText(definition: SchemeDefinition): string {
  const { quantity, per, unit } = definition.shared;
  const amount = unit === 'gbp' ? money(quantity) : `${formatNumber(quantity)} ${unitLabel(definition)}`;
  return per === 'week' ? `${amount} a week` : `${amount} over the scheme`;
}

function modelText(model: SchemeDefinition['deliveryModels'][number], definition: SchemeDefinition): string {
  if (model.unitsPerHour !== undefined && model.hourlyRate !== undefined) return `${model.name}: ${formatNumber(model.unitsPerHour)} ${unitLabel(definition)} an hour at ${money(model.hourlyRate)} an hour`;
  if (model.hourlyRate !== undefined) return `${model.name}: ${money(model.hourlyRate)} an hour`;
  if (model.unitRate !== undefined) return `${model.name}: ${money(model.unitRate)} each`;
  return model.name;
}

function feeText(definition: SchemeDefinition): string | null {
  const fee = definition.fee;
  if (!fee) return 'No fee';
  const amount = fee.percent !== undefined ? `${formatNumber(fee.percent)}% of the delivered cost` : `${money(fee.fixed ?? 0)} fixed`;
  return fee.label ? `${fee.label}: ${amount}` : amount;
}

function costLineText(line: NonNullable<SchemeDefinition['costModel']>['base'][number]): string {
  if (line.amount !== undefined) return `${line.label}: ${money(line.amount)}`;
  return line.quantity !== undefined && line.quantity !== 1 ? `${line.label}: ${formatNumber(line.quantity)} at ${money(line.unitCost ?? 0)}` : `${line.label}: ${money(line.unitCost ?? 0)}`;
}

/** The cost shared over several years and the funding set against it, as terms: none when the scheme has no cost model. */
function costRows(definition: SchemeDefinition) {
  const model = definition.costModel;
  if (!model) return [];
  const years = definition.period.financialYears ?? [];
  const list = (items: string[]) => (
    <ul className="nhsuk-list">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
  return [
    { key: 'Cost in the first year', value: list(model.base.map(costLineText)) },
    { key: 'Annual uplift', value: model.annualUpliftPercent ? `${formatNumber(model.annualUpliftPercent)}% a year from the second year` : 'None' },
    { key: 'Fixed costs each year', value: model.fixedLines.length ? list(model.fixedLines.map(costLineText)) : 'None' },
    {
      key: 'Funding',
      value: definition.fundingSources.length ? list(definition.fundingSources.map((f) => `${f.source}: ${f.amounts.map((a, i) => `${money(a)} in ${years[i] ?? `year ${i + 1}`}`).join(', ')}`)) : 'None',
    },
  ];
}

/** The terms of a version and who approved it, as the statements and workbook name them. */
export function SchemeOverview({ definition, version }: { definition: SchemeDefinition; version: VersionSummary }) {
  return (
    <SummaryRows
      rows={[
        { key: 'Funder', value: definition.funder },
        { key: 'Period', value: periodText(definition) },
        { key: 'Basis', value: basisText[definition.apportionment.basis] },
        { key: 'Shared', value: sharedText(definition) },
        {
          key: 'Delivery models',
          value: definition.deliveryModels.length ? (
            <ul className="nhsuk-list">
              {definition.deliveryModels.map((m) => (
                <li key={m.id}>{modelText(m, definition)}</li>
              ))}
            </ul>
          ) : (
            'None'
          ),
        },
        { key: 'Fee', value: feeText(definition) },
        ...costRows(definition),
        {
          key: 'Version',
          value: (
            <>
              {version.version} <SchemeStatusTag status={version.status} />
            </>
          ),
        },
        { key: 'Approved', value: version.approvedAt ? `By ${version.approvedBy ? actorName(version.approvedBy) : 'unknown'} on ${formatDateTime(version.approvedAt)}` : 'Not yet approved' },
        { key: 'List-size snapshot used', value: version.listSnapshotDate ? `${formatDate(version.listSnapshotDate)}${definition.listSnapshot?.name ? ` (${definition.listSnapshot.name})` : ''}` : 'List sizes as given in the scheme' },
      ]}
    />
  );
}
