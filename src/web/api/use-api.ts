import { keepPreviousData, QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, apiGet, apiRequest } from './client.js';

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

/** Sends a change (POST, PATCH, DELETE) and, when it succeeds, refreshes the queries under `invalidates`. */
export function useApiMutation<TVariables, TResult = unknown>(send: (variables: TVariables) => { method: string; path: string; body?: unknown }, invalidates: string[] = []) {
  const refresh = useRefresh();
  return useMutation<TResult, ApiError, TVariables>({
    mutationFn: (variables) => {
      const { method, path, body } = send(variables);
      return apiRequest<TResult>(method, path, body);
    },
    onSuccess: () => refresh(invalidates),
  });
}
