import { useState } from 'react';
import { ApiError } from '../api/client.js';
import { useApiMutation } from '../api/use-api.js';
import { errorsFromApi, type FieldError, type FieldMap, useFormErrors } from './form-errors.js';

interface ApiFormOptions<TResult> {
  /** Paths whose queries refresh after success. */
  invalidates?: string[];
  /** API field names → form inputs, so errors link to the right box. */
  fields?: FieldMap;
  /** Where errors that name no field point (e.g. an upload's file input). */
  defaultField?: string;
  onSuccess?(result: TResult): void;
}

/**
 * A form that sends one request: checks done in the browser first (`check` returns errors), then
 * the API's own refusals shown the same way. `conflict` is set when the server said someone else
 * changed the record first (409), so the form can offer to reload.
 */
export function useApiForm<TVariables, TResult = unknown>(send: (variables: TVariables) => { method: string; path: string; body?: unknown }, options: ApiFormOptions<TResult> = {}) {
  const form = useFormErrors();
  const [successes, setSuccesses] = useState(0);
  const mutation = useApiMutation<TVariables, TResult>(send, options.invalidates);
  const conflict = mutation.error instanceof ApiError && mutation.error.status === 409;

  function submit(variables: TVariables, check: () => FieldError[] = () => []) {
    const problems = check();
    if (problems.length) return form.show(problems);
    mutation.mutate(variables, {
      onSuccess: (result) => {
        form.clear();
        setSuccesses((n) => n + 1);
        options.onSuccess?.(result);
      },
      onError: (error) => form.show(errorsFromApi(error, options.fields, options.defaultField)),
    });
  }

  // A past success is not news once the next attempt has problems: its banner gives way to them.
  return { ...form, submit, pending: mutation.isPending, conflict, error: mutation.error, successes: form.errors.length ? 0 : successes, result: mutation.data, reset: mutation.reset };
}
