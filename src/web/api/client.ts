/** One problem the API names: a form field, or a line and column of an uploaded file. */
export interface Problem {
  file?: string;
  line?: number;
  column?: number | string;
  field?: string;
  /** The problem is with the file as a whole (its header, its kind, nothing in it), not with one of its rows. */
  wholeFile?: true;
  message: string;
}

/** The one error shape every API route replies with: { error: kind, message, problems }. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly kind: string,
    message: string,
    readonly problems: Problem[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * The session's CSRF token, kept in memory only: every request that changes something sends it
 * in `x-csrf-token`. It is set from the session response (sign in, or GET /api/session on load).
 */
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

/** Listeners told when the API says nobody is signed in (the session expired or was ended). */
const signedOutListeners = new Set<() => void>();
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as { error?: string; message?: string; problems?: Problem[]; details?: Record<string, unknown> } | null;
  const message = body?.message ?? (response.status >= 500 ? 'Something went wrong on the server. Try again later.' : `The request failed (${response.status})`);
  return new ApiError(response.status, body?.error ?? 'internal', message, body?.problems ?? [], body?.details ?? {});
}

export interface RequestOptions {
  /** Do not announce a 401 to the signed-out listeners (used when signing in: a wrong password ends no session). */
  quiet401?: boolean;
}

/** Calls the JSON API. A FormData body is sent as multipart (file uploads). */
export async function apiRequest<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'unavailable', 'atscale could not be reached. Check your connection and try again.');
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401 && !options.quiet401) signedOutListeners.forEach((listener) => listener());
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const apiGet = <T>(path: string, options?: RequestOptions) => apiRequest<T>('GET', path, undefined, options);

/** A query string from values, leaving out empty ones: { q: 'kib', page: 2 } → "?q=kib&page=2". */
export function queryString(values: Record<string, string | number | boolean | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
