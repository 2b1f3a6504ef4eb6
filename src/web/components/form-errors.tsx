import { ErrorSummary } from 'nhsuk-react-components';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { ApiError, type Problem } from '../api/client.js';
import { problemSentence, unplacedProblemSentence } from '../../domain/problem-sentence.js';
import { formatNumber } from '../format/format.js';

/** One error on a form: the id of the field it belongs to (for the summary link and the inline message), or none. */
export interface FieldError {
  field?: string;
  message: string;
}

/** How an API field name maps onto the form: the id of its input and the words that name it. */
export type FieldMap = Record<string, { id: string; label: string }>;

/** "epraccur.csv, line 2, column 11: open date '20181301' is not a date". */
export function describeProblem(problem: Problem): string {
  const where = [problem.file, problem.line !== undefined ? `line ${problem.line}` : undefined, problem.column !== undefined ? `column ${problem.column}` : undefined].filter(Boolean).join(', ');
  return where ? `${where}: ${problem.message}` : problem.message;
}

/**
 * Turns an API error into form errors: field problems point at their inputs, the rest are listed as
 * they are (or point at `defaultField`, e.g. the file input of an upload refused for its type or size).
 */
export function errorsFromApi(error: unknown, fields: FieldMap = {}, defaultField?: string): FieldError[] {
  const items = apiErrorItems(error, fields);
  return defaultField ? items.map((item) => (item.field ? item : { ...item, field: defaultField })) : items;
}

function apiErrorItems(error: unknown, fields: FieldMap): FieldError[] {
  if (!(error instanceof ApiError)) return [{ message: 'Something went wrong. Try again.' }];
  if (error.status === 429) return [{ message: error.message || 'Too many attempts. Wait a minute and try again.' }];
  const items = error.problems.map((problem): FieldError => {
    const path = problem.field?.replace(/^body\./, '').split('.') ?? [];
    const name = path[0];
    // The most precise name the form maps: "entries.0.units.nurse", then "entries.0.units", … then "entries".
    const mapped = path.map((_, i) => path.slice(0, path.length - i).join('.')).find((key) => fields[key]);
    const field = mapped ? fields[mapped] : undefined;
    if (field) return { field: field.id, message: problemSentence(field.label, problem.message) };
    if (problem.line !== undefined || problem.file) return { message: describeProblem(problem) };
    return { message: name ? unplacedProblemSentence(name, problem.message) : problem.message };
  });
  return items.length ? items : [{ message: error.message }];
}

/**
 * The form's own errors with the server's, as one list in the order of the form's fields (`order`,
 * their input ids; errors naming no field last): the browser's word on a field it checked stands,
 * so a field is named once.
 */
export function mergeFieldErrors(own: readonly FieldError[], server: readonly FieldError[], order: readonly string[]): FieldError[] {
  const checked = new Set(own.map((e) => e.field).filter(Boolean));
  const all = [...own, ...server.filter((e) => !e.field || !checked.has(e.field))];
  const place = (e: FieldError) => {
    const at = e.field ? order.indexOf(e.field) : -1;
    return at < 0 ? order.length : at;
  };
  return all.map((error, index) => ({ error, index })).sort((a, b) => place(a.error) - place(b.error) || a.index - b.index).map((e) => e.error);
}

/** Form error state: the list for the summary and a lookup for inline messages. Each new set re-focuses the summary. */
export function useFormErrors() {
  const [state, setState] = useState<{ items: FieldError[]; attempt: number }>({ items: [], attempt: 0 });
  const show = useCallback((items: FieldError[]) => setState((s) => ({ items, attempt: s.attempt + 1 })), []);
  const clear = useCallback(() => setState((s) => ({ items: [], attempt: s.attempt })), []);
  const fieldError = useCallback((id: string) => state.items.find((e) => e.field === id)?.message, [state.items]);
  return { errors: state.items, attempt: state.attempt, show, clear, fieldError };
}

interface FormErrorSummaryProps {
  errors: FieldError[];
  /** Changes on every submit, so the summary takes focus again. */
  attempt?: number | string;
  title?: string;
  /** Show at most this many, then "and N more". */
  limit?: number;
  /** Where the whole list can be downloaded when not all of it is shown: "and 70 more: download all 120 problems (CSV)". */
  everything?: { href: string; text: string };
}

/** The NHS error summary at the top of a form: each error links to its field; focus moves here when it appears. */
export function FormErrorSummary({ errors, attempt = 0, title = 'There is a problem', limit = 50, everything }: FormErrorSummaryProps) {
  if (!errors.length) return null;
  return <FocusedSummary key={attempt} errors={errors} title={title} limit={limit} everything={everything} />;
}

const errorPrefix = 'Error: ';

function FocusedSummary({ errors, title, limit, everything }: Required<Omit<FormErrorSummaryProps, 'attempt' | 'everything'>> & Pick<FormErrorSummaryProps, 'everything'>) {
  const ref = useRef<HTMLDivElement>(null);
  // Focused before the browser paints, so nothing typed after the summary shows can lose the focus to it.
  useLayoutEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView?.({ block: 'start' });
  }, []);
  // The page's title starts "Error: " while there is a problem, as GOV.UK and NHS pages do, for screen-reader users.
  useLayoutEffect(() => {
    if (!document.title.startsWith(errorPrefix)) document.title = `${errorPrefix}${document.title}`;
    return () => {
      if (document.title.startsWith(errorPrefix)) document.title = document.title.slice(errorPrefix.length);
    };
  }, []);
  const shown = errors.slice(0, limit);
  const more = errors.length - shown.length;
  return (
    <ErrorSummary ref={ref} tabIndex={-1}>
      <ErrorSummary.Title>{title}</ErrorSummary.Title>
      <ErrorSummary.List>
        {shown.map((error, index) => (
          <ErrorSummary.ListItem key={index} href={error.field ? `#${error.field}` : undefined}>
            {error.message}
          </ErrorSummary.ListItem>
        ))}
        {more > 0 ? (
          <ErrorSummary.ListItem>
            and {formatNumber(more)} more
            {everything ? (
              <>
                :{' '}
                <a href={everything.href} download>
                  {everything.text}
                </a>
              </>
            ) : null}
          </ErrorSummary.ListItem>
        ) : null}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
