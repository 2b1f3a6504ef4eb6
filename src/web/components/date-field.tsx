import { DateInput } from 'nhsuk-react-components';
import { isSensibleDate, sensibleYearsMessage } from '../../domain/iso-date.js';
import { formatList } from '../../domain/words.js';

/** What the three boxes of an NHS date input hold. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const emptyDate: DateParts = { day: '', month: '', year: '' };

export function isoToParts(iso: string | null | undefined): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return match ? { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1]! } : emptyDate;
}

const isBlank = (parts: DateParts) => !parts.day.trim() && !parts.month.trim() && !parts.year.trim();

/** YYYY-MM-DD for a real calendar date, else null. */
export function partsToIso(parts: DateParts): string | null {
  const [day, month, year] = [parts.day, parts.month, parts.year].map((p) => p.trim());
  if (!/^\d{1,2}$/.test(day!) || !/^\d{1,2}$/.test(month!) || !/^\d{4}$/.test(year!)) return null;
  const iso = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

/**
 * Checks a date the way NHS forms word it, saying what is wrong: "Enter the start date", "Start date
 * must include a month", "Year must include 4 numbers", "Start date must be a real date", or a year
 * outside the sensible ones. Returns the message, or undefined when the date is fine (or blank and optional).
 */
export function dateProblem(parts: DateParts, label: string, required: boolean): string | undefined {
  if (isBlank(parts)) return required ? `Enter the ${label.toLowerCase()}` : undefined;
  const missing = (['day', 'month', 'year'] as const).filter((part) => !parts[part].trim());
  if (missing.length) return `${label} must include a ${formatList([...missing])}`;
  if (!/^\d{4}$/.test(parts.year.trim())) return 'Year must include 4 numbers';
  const iso = partsToIso(parts);
  if (!iso) return `${label} must be a real date`;
  return isSensibleDate(iso) ? undefined : `${label} ${sensibleYearsMessage}`;
}

/** The value to send: an ISO date, null when left blank. Call after dateProblem has passed. */
export const isoOrNull = (parts: DateParts) => (isBlank(parts) ? null : partsToIso(parts));

interface DateFieldProps {
  id: string;
  legend: string;
  hint?: string;
  value: DateParts;
  onChange(value: DateParts): void;
  error?: string;
}

const PARTS = ['day', 'month', 'year'] as const;

/**
 * Which boxes an error is about, so only those turn red (as the NHS design system asks): the
 * missing ones when some are filled, the year when it is not 4 numbers, otherwise all three.
 */
export function partsAtFault(parts: DateParts): readonly (keyof DateParts)[] {
  const missing = PARTS.filter((part) => !parts[part].trim());
  if (missing.length && missing.length < PARTS.length) return missing;
  if (!missing.length && !/^\d{4}$/.test(parts.year.trim()) && partsToIso({ ...parts, year: '2000' })) return ['year'];
  return PARTS;
}

/** The NHS date input (day, month, year boxes in a fieldset). Its error link target is `${id}-day`. */
export function DateField({ id, legend, hint = 'For example, 1 4 2024', value, onChange, error }: DateFieldProps) {
  const atFault = error ? partsAtFault(value) : [];
  return (
    <DateInput id={id} name={id} legend={legend} legendProps={{ size: 's' }} hint={hint} error={error} value={value} onChange={(event) => onChange({ ...emptyDate, ...event.target.value })}>
      <DateInput.Day error={atFault.includes('day') && error} />
      <DateInput.Month error={atFault.includes('month') && error} />
      <DateInput.Year error={atFault.includes('year') && error} />
    </DateInput>
  );
}

/** The id an error summary links to for a date field. */
export const dateFieldTarget = (id: string) => `${id}-day`;
