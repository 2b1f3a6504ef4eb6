import { practiceLabels } from '../../../domain/registry/practice-labels.js';
import { formatDate } from '../../format/format.js';

/**
 * Beside a practice's own fields: the PCN a PCN import saw it leave, the first row of a practice new
 * to the registry, and the day a practice joined a new commissioner, as the ODS file dated it.
 */
const fieldNames: Record<string, string> = { ...practiceLabels, previousPcnCode: 'Previous PCN code', created: 'Added to the registry', joinedCommissionerOn: 'Joined it on' };

/** A practice history field as people see it named elsewhere ("commissionerCode" is "Sub-ICB code"). */
export const historyFieldName = (key: string) => fieldNames[key] ?? key;

const statusWords: Record<string, string> = { active: 'Active', closed: 'Closed', dormant: 'Dormant', proposed: 'Proposed' };

function shownValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (key === 'status') return statusWords[String(value)] ?? String(value);
  return /date/i.test(key) || key === 'joinedCommissionerOn' ? formatDate(String(value)) : String(value);
}

/**
 * The values an NHS file gave a practice at one change, each changed value followed by what it was
 * before: "Name: SOUTH LEICESTERSHIRE MEDICAL GROUP (was SOUTH LEICESTERSHIRE MEDICAL PARTNERSHIP);
 * Status: Active; Close date: none; Commissioner: 03W". An ODS import keeps the earlier values under
 * `before`, which must be read field by field, not printed as one value.
 */
export function describeHistoryValues(snapshot: Record<string, unknown> | null): string {
  const { before, ...values } = snapshot ?? {};
  const was = before !== null && typeof before === 'object' ? (before as Record<string, unknown>) : {};
  return Object.entries(values)
    .map(([key, value]) => `${historyFieldName(key)}: ${shownValue(key, value)}${key in was ? ` (was ${shownValue(key, was[key])})` : ''}`)
    .join('; ');
}
