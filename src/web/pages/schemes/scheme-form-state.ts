import type { SchemeDefinition, SchemeDefinitionInput, SchemePracticeEntry } from '../../../domain/schemes/scheme-definition.js';
import { type DateParts, dateFieldTarget, dateProblem, isoOrNull, isoToParts } from '../../components/date-field.js';
import type { FieldError } from '../../components/form-errors.js';
import type { SchemePracticesOn } from './types.js';
import { amountOf, blankCostModel, type CostModelState, costModelDefinition, costModelProblems, costModelStateFrom, yearsOf } from './cost-model-fields.js';

/** The scheme form's state, and how it is made from a scheme definition and turned back into one. */
export interface ModelRow {
  name: string;
  unitsPerHour: string;
  hourlyRate: string;
}

export interface FormState {
  name: string;
  funder: string;
  basis: SchemeDefinition['apportionment']['basis'];
  /** Percent per ODS code, for a fixed table of shares. */
  fixedShares: Record<string, string>;
  quantity: string;
  unit: SchemeDefinition['shared']['unit'];
  per: 'scheme' | 'week' | 'patient';
  weeks: string;
  models: ModelRow[];
  feePercent: string;
  snapshot: DateParts;
  groupId: string;
  /** ODS codes left out of the group's members. */
  excluded: string[];
  cost: CostModelState;
}

export const units: { value: FormState['unit']; text: string }[] = [
  { value: 'appointments', text: 'Appointments' },
  { value: 'hours', text: 'Hours' },
  { value: 'sessions', text: 'Sessions' },
  { value: 'wte_days', text: 'WTE days' },
  { value: 'gbp', text: 'Pounds' },
];

export const ids = {
  name: 'scheme-name',
  funder: 'scheme-funder',
  basis: 'scheme-basis',
  quantity: 'scheme-quantity',
  unit: 'scheme-unit',
  per: 'scheme-per',
  weeks: 'scheme-weeks',
  fee: 'scheme-fee',
  snapshot: 'scheme-snapshot',
  group: 'scheme-group',
  model: (i: number, field: keyof ModelRow) => `scheme-model-${i}-${field}`,
};

export const blank: FormState = {
  name: '',
  funder: '',
  basis: 'list_size',
  fixedShares: {},
  quantity: '',
  unit: 'appointments',
  per: 'scheme',
  weeks: '',
  models: [{ name: 'Nurse', unitsPerHour: '4', hourlyRate: '50' }],
  feePercent: '',
  snapshot: { day: '', month: '', year: '' },
  groupId: '',
  excluded: [],
  cost: blankCostModel,
};

export function stateFrom(definition: SchemeDefinition, groupId: number | null): FormState {
  return {
    name: definition.name,
    funder: definition.funder,
    basis: definition.apportionment.basis,
    fixedShares: Object.fromEntries((definition.apportionment.fixedShares ?? []).map((s) => [s.practice, String(s.percent)])),
    quantity: String(definition.shared.quantity),
    unit: definition.shared.unit,
    per: definition.shared.per ?? 'scheme',
    weeks: definition.period.weeks ? String(definition.period.weeks) : '',
    models: definition.deliveryModels.map((m) => ({ name: m.name, unitsPerHour: m.unitsPerHour === undefined ? '' : String(m.unitsPerHour), hourlyRate: m.hourlyRate === undefined ? '' : String(m.hourlyRate) })),
    feePercent: definition.fee?.percent === undefined ? '' : String(definition.fee.percent),
    snapshot: isoToParts(definition.listSnapshot?.date ?? null),
    groupId: groupId === null ? '' : String(groupId),
    excluded: [],
    cost: costModelStateFrom(definition),
  };
}

export const num = amountOf;
const modelId = (name: string, i: number) => name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || `model_${i + 1}`;

/**
 * The practices to send. A new scheme with every member ticked sends none: the registry supplies
 * the group's members at the snapshot date. An edited version keeps its own practices (with the
 * participation its returns said), less those unticked and plus those ticked; practices it named
 * that are not members of the group are kept as they were, unless unticked (the form offers them too).
 */
function practicesOf(state: FormState, members: { odsCode: string; name: string }[] | null, snapshot: string | null, base: SchemeDefinition | null): SchemeDefinitionInput['practices'] {
  const inVersion = Array.isArray(base?.practices) ? base.practices : null;
  // With a snapshot the registry supplies the list sizes again; without one, the version's stay.
  const sized = (p: SchemePracticeEntry) => {
    if (!snapshot) return p;
    const { listSize: _list, ...rest } = p;
    return rest;
  };
  if (!members) return inVersion?.map(sized);
  if (!inVersion && state.excluded.length === 0) return undefined;
  const kept = new Map((inVersion ?? []).map((p) => [p.odsCode, p]));
  const fromMembers = members.filter((m) => !state.excluded.includes(m.odsCode)).map((m) => {
    const earlier = kept.get(m.odsCode);
    return earlier ? sized(earlier) : { name: m.name, odsCode: m.odsCode };
  });
  const memberCodes = new Set(members.map((m) => m.odsCode));
  const keptOutside = (inVersion ?? []).filter((p) => !p.odsCode || (!memberCodes.has(p.odsCode) && !state.excluded.includes(p.odsCode)));
  return [...fromMembers, ...keptOutside.map(sized)];
}

/** The form as a scheme definition (the scheme-file format), on top of the version being edited if any. */
export function definitionOf(state: FormState, members: { odsCode: string; name: string }[] | null, base: SchemeDefinition | null): SchemeDefinitionInput {
  const snapshot = isoOrNull(state.snapshot);
  const weeks = num(state.weeks);
  const fee = num(state.feePercent);
  const practices = practicesOf(state, members, snapshot, base);
  const { practices: _old, listSnapshot: _snapshot, fee: _fee, costModel: _cost, fundingSources: _funding, ...rest } = (base ?? {}) as Partial<SchemeDefinition>;
  const cost = costModelDefinition(state.cost);
  // The financial years stand on their own (a one-year scheme names its year for the finance pages), not only with a cost model.
  const typedYears = yearsOf(state.cost);
  const years = typedYears.length ? typedYears : undefined;
  const fixedShares = state.basis === 'fixed' ? Object.entries(state.fixedShares).filter(([code]) => !state.excluded.includes(code)).map(([practice, percent]) => ({ practice, percent: num(percent) ?? 0 })) : undefined;
  return {
    ...(rest as object),
    version: base?.version ?? 1,
    name: state.name.trim(),
    funder: state.funder.trim(),
    period: { ...(base?.period ?? {}), weeks, financialYears: years },
    apportionment: { basis: state.basis, ...(fixedShares ? { fixedShares } : {}) },
    shared: { ...(base?.shared ?? {}), quantity: num(state.quantity) ?? Number.NaN, unit: state.unit, per: state.per },
    // Money shared per head has no delivery models or fee (the form hides them): none is sent, whatever was typed before.
    deliveryModels: state.models
      .filter((m) => state.unit !== 'gbp' && m.name.trim())
      .map((m, i) => ({ id: modelId(m.name, i), name: m.name.trim(), ...(num(m.unitsPerHour) !== undefined ? { unitsPerHour: num(m.unitsPerHour) } : {}), ...(num(m.hourlyRate) !== undefined ? { hourlyRate: num(m.hourlyRate) } : {}) })),
    // Money shared per head is shared to the penny, and the practices' shares add up to the pot exactly.
    ...(state.unit === 'gbp' ? { rounding: { ...(base?.rounding ?? {}), quantity: 'largest_remainder_2dp' } } : {}),
    ...(fee !== undefined && fee > 0 && state.unit !== 'gbp' ? { fee: { percent: fee, label: `Federation fee (${fee}%)` } } : {}),
    ...(snapshot ? { listSnapshot: { date: snapshot, ...(base?.listSnapshot?.name ? { name: base.listSnapshot.name } : {}) } } : {}),
    ...(practices ? { practices } : {}),
    ...cost,
  } as SchemeDefinitionInput;
}

/** What the form can tell before sending: each problem names the field to go to. */
export function formProblems(state: FormState, members: { odsCode: string }[] | null, base: SchemeDefinition | null): FieldError[] {
  const problems: FieldError[] = [];
  if (!state.name.trim()) problems.push({ field: ids.name, message: 'Enter the scheme’s name' });
  if (!state.funder.trim()) problems.push({ field: ids.funder, message: 'Enter who funds the scheme' });
  const quantity = num(state.quantity);
  if (quantity === undefined || Number.isNaN(quantity) || quantity <= 0) problems.push({ field: ids.quantity, message: 'Enter how much is shared, as a number more than 0' });
  // Money shared per head sends no delivery models or fee, so what the hidden fields hold is not checked.
  const money = state.unit === 'gbp';
  (money ? [] : state.models).forEach((m, i) => {
    for (const field of ['unitsPerHour', 'hourlyRate'] as const) {
      const value = num(m[field]);
      if (value !== undefined && (Number.isNaN(value) || value <= 0)) problems.push({ field: ids.model(i, field), message: `${field === 'unitsPerHour' ? 'Units an hour' : 'Hourly rate'} for ${m.name || `delivery model ${i + 1}`} must be a number more than 0` });
    }
  });
  if (state.per === 'patient' && !money) problems.push({ field: ids.per, message: 'A rate for each registered patient is money: choose Pounds as the unit' });
  if (state.per === 'patient' && state.basis !== 'list_size') problems.push({ field: ids.basis, message: 'A rate for each registered patient is shared by registered list size: choose that, or share a sum' });
  const weeks = num(state.weeks);
  if (weeks !== undefined && (!Number.isInteger(weeks) || weeks <= 0)) problems.push({ field: ids.weeks, message: 'Enter the length in weeks as a whole number more than 0, or leave it blank' });
  const fee = num(state.feePercent);
  if (!money && fee !== undefined && (Number.isNaN(fee) || fee < 0 || fee > 100)) problems.push({ field: ids.fee, message: 'Enter the fee as a percentage from 0 to 100' });
  problems.push(...costModelProblems(state.cost));
  if (state.basis === 'fixed') {
    const shares = (members ?? []).filter((m) => !state.excluded.includes(m.odsCode)).map((m) => num(state.fixedShares[m.odsCode] ?? ''));
    const total = shares.reduce<number>((t, v) => t + (v ?? 0), 0);
    if (shares.some((v) => v === undefined || Number.isNaN(v) || v < 0)) problems.push({ field: 'scheme-fixed-shares', message: 'Give every practice taking part a share between 0 and 100' });
    else if (Math.abs(total - 100) > 1e-9) problems.push({ field: 'scheme-fixed-shares', message: `The fixed shares must add up to 100%; they add up to ${total}%` });
  }
  // Required but for a version whose practices carry their own list sizes (a scheme file's); a scheme started from another's terms has none.
  const dateError = dateProblem(state.snapshot, 'List-size snapshot date', !base || Boolean(base.listSnapshot) || !Array.isArray(base.practices));
  if (dateError) problems.push({ field: dateFieldTarget(ids.snapshot), message: dateError });
  return problems;
}

/**
 * What the snapshot date's check says of the group's practices (no list size then for some), unless
 * every practice it is about has been left out of the scheme, as saving allows.
 */
export function snapshotProblem(summary: Pick<SchemePracticesOn, 'problem' | 'practices'>, excluded: readonly string[]): string | null {
  if (!summary.problem) return null;
  const stillMissing = summary.practices.some((p) => p.listSize === null && !excluded.includes(p.odsCode));
  return stillMissing || !summary.practices.length ? summary.problem : null;
}
