/**
 * How the server's log writes an error: its type, message, stack, code and causes, and nothing else.
 * A failed query's error carries the values it was given ("params: admin@…", a new password's hash) and
 * PostgreSQL's detail can hold a whole row ("Failing row contains (…)"): those are personal data and
 * secrets, and stay out of the log. The query itself is kept: it says what failed.
 */
export type LoggedError = {
  type: string;
  message: string;
  stack: string;
  code?: string;
  cause?: LoggedError;
};

const withoutValues = (text: string) => text.replace(/\nparams: .*?(?=\n +at |$)/s, '\nparams: (not logged)');

export function loggedError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: '(not an Error: not logged)', stack: '' };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.constructor.name,
    message: withoutValues(error.message),
    stack: withoutValues(error.stack ?? error.message),
    ...(typeof code === 'string' ? { code } : {}),
    ...(error.cause !== undefined && depth < 4 ? { cause: loggedError(error.cause, depth + 1) } : {}),
  };
}
