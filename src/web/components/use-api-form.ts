import { useRef, useState } from 'react';
import { ApiError, apiRequest } from '../api/client.js';
import { useApiMutation } from '../api/use-api.js';
import { errorsFromApi, type FieldError, type FieldMap, mergeFieldErrors, useFormErrors } from './form-errors.js';

export interface ApiFormOptions<TResult, TVariables = unknown> {
  /** Paths whose queries refresh after success. */
  invalidates?: string[];
  /** API field names → form inputs, so errors link to the right box. */
  fields?: FieldMap;
  /** Where errors that name no field point (e.g. an upload's file input). */
  defaultField?: string;
  onSuccess?(result: TResult): void;
  /**
   * The same request asking the server only to say what is wrong (`?check=true`), sent while the
   * form has problems of its own, so the person sees every problem at once, not one a submit.
   */
  checkRequest?(variables: TVariables): { method: string; path: string; body?: unknown };
}

/**
 * A form that sends one request: checks done in the browser first (`check` returns errors), then
 * the API's own refusals shown the same way. `conflict` is set when the server said someone else
 * changed the record first (409), so the form can offer to reload.
 */
export function useApiForm<TVariables, TResult = unknown>(send: (variables: TVariables) => { method: string; path: string; body?: unknown }, options: ApiFormOptions<TResult, TVariables> = {}) {
  const form = useFormErrors();
  const [successes, setSuccesses] = useState(0);
  const mutation = useApiMutation<TVariables, TResult>(send, options.invalidates);
  const conflict = mutation.error instanceof ApiError && mutation.error.status === 409;

  const [checking, setChecking] = useState(false);
  const [checkRefusal, setCheckRefusal] = useState<ApiError | null>(null);

  /** The form's own problems, with whatever else the server finds wrong when asked. */
  async function showWithServerProblems(variables: TVariables, own: FieldError[]) {
    const request = options.checkRequest?.(variables);
    if (!request) return form.show(own);
    setChecking(true);
    try {
      await apiRequest(request.method, request.path, request.body);
      form.show(own);
    } catch (error) {
      const refused = error instanceof ApiError && error.status === 400 ? error : null;
      setCheckRefusal(refused);
      const order = Object.values(options.fields ?? {}).map((f) => f.id);
      form.show(refused ? mergeFieldErrors(own, errorsFromApi(refused, options.fields, options.defaultField), order) : own);
    } finally {
      setChecking(false);
    }
  }

  function submit(variables: TVariables, check: () => FieldError[] = () => []) {
    setCheckRefusal(null);
    const problems = check();
    if (problems.length) return void showWithServerProblems(variables, problems);
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
  return { ...form, submit, pending: mutation.isPending || checking, conflict, error: checkRefusal ?? mutation.error, successes: form.errors.length ? 0 : successes, result: mutation.data, reset: mutation.reset };
}

/**
 * A form that sends one chosen file (a multipart body): the file box's ref, the file chosen in it,
 * and the form, which empties the box once the file is sent.
 */
export function useFileForm<TResult = unknown>(path: string, options: ApiFormOptions<TResult, FormData> = {}) {
  const fileRef = useRef<HTMLInputElement>(null);
  const form = useApiForm<FormData, TResult>((body) => ({ method: 'POST', path, body }), {
    ...options,
    onSuccess: (result) => {
      if (fileRef.current) fileRef.current.value = '';
      options.onSuccess?.(result);
    },
  });
  return { fileRef, form, chosenFile: () => fileRef.current?.files?.[0] };
}
