import { keepPreviousData, type MutateOptions, QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { ApiError, apiGet, apiRequest } from './client.js';
import { changeKey, RepeatGuard } from './repeat-guard.js';

/** One query client for the app: no retries for answers the server meant (4xx), one for the rest. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 1,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
    },
  });
}

const keyOf = (path: string) => ['api', path] as const;

interface QueryOptions<T> {
  /** Keep showing the previous answer while the next loads (paging and filtering a list). */
  keepPrevious?: boolean;
  refetchInterval?: number | false | ((data: T | undefined) => number | false);
}

/** Reads a GET endpoint; `null` waits. */
export function useApiQuery<T>(path: string | null, options: QueryOptions<T> = {}) {
  const { refetchInterval, keepPrevious } = options;
  return useQuery<T, ApiError>({
    queryKey: keyOf(path ?? ''),
    queryFn: () => apiGet<T>(path!),
    enabled: path !== null,
    placeholderData: keepPrevious ? keepPreviousData : undefined,
    refetchInterval: typeof refetchInterval === 'function' ? (query) => refetchInterval(query.state.data) : refetchInterval,
  });
}

/**
 * Reads again every query whose path starts with one of `prefixes` (e.g. '/api/practices' refreshes
 * lists and details), except those in `keep`; resolves when the ones on screen have reloaded.
 */
export function useRefresh() {
  const queryClient = useQueryClient();
  return useCallback(
    (prefixes: string[], keep: string[] = []) =>
      queryClient.invalidateQueries({
        predicate: (query) => {
          const path = String(query.queryKey[1] ?? '');
          return query.queryKey[0] === 'api' && prefixes.some((prefix) => path.startsWith(prefix)) && !keep.includes(path);
        },
      }),
    [queryClient],
  );
}

/**
 * Sends a change (POST, PATCH, DELETE) and, when it succeeds, refreshes the queries under `invalidates`.
 * A second `mutate` while one is on its way is ignored: a double click saves once (the flag is set at
 * once, where a disabled button would only follow on the next render). So is the same change sent
 * again moments after it succeeded, while the page is still moving on to the record it made
 * (`RepeatGuard`): a double click slower than the server made two contracts.
 *
 * The callbacks given to `mutate` always run, even when the refreshed page no longer shows the form
 * that sent the change (a decision form that disappears once the decision is made): TanStack runs
 * its own per-call callbacks only while the component is on the page, so they are kept here and
 * called from the mutation's callbacks instead.
 */
export function useApiMutation<TVariables, TResult = unknown>(send: (variables: TVariables) => { method: string; path: string; body?: unknown }, invalidates: string[] = []) {
  const refresh = useRefresh();
  const inFlight = useRef(false);
  const repeats = useRef(new RepeatGuard());
  // The latest `send`, for the guard to key a change by, without making `mutate` new on every render.
  const sendNow = useRef(send);
  sendNow.current = send;
  const callbacks = useRef<MutateOptions<TResult, ApiError, TVariables> | undefined>(undefined);
  const mutation = useMutation<TResult, ApiError, TVariables>({
    mutationFn: (variables) => {
      const { method, path, body } = send(variables);
      return apiRequest<TResult>(method, path, body);
    },
    onSuccess: async (...args) => {
      repeats.current.succeeded(changeKey(send(args[1])));
      await refresh(invalidates);
      await callbacks.current?.onSuccess?.(...args);
    },
    onError: (...args) => callbacks.current?.onError?.(...args),
    onSettled: () => {
      inFlight.current = false;
    },
  });
  const { mutate: mutateNow } = mutation;
  const mutate = useCallback(
    (variables: TVariables, options?: MutateOptions<TResult, ApiError, TVariables>) => {
      if (inFlight.current || repeats.current.isRepeat(changeKey(sendNow.current(variables)))) return;
      inFlight.current = true;
      callbacks.current = options;
      mutateNow(variables);
    },
    [mutateNow],
  );
  return { ...mutation, mutate };
}
