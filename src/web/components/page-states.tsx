import { type UseQueryResult } from '@tanstack/react-query';
import { BodyText, Heading, WarningCallout } from 'nhsuk-react-components';
import { type ReactNode, useEffect } from 'react';
import { Link, useLocation, useRouteError } from 'react-router';
import { unplacedProblemSentence } from '../../domain/problem-sentence.js';
import type { ApiError } from '../api/client.js';

/** Sets the browser tab title the way NHS services do: "Page – service". */
export function usePageTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} – atscale` : 'atscale';
  }, [title]);
}

export function LoadingPanel({ what = 'page' }: { what?: string }) {
  return (
    <p className="nhsuk-body" role="status" aria-live="polite">
      Loading the {what}…
    </p>
  );
}

export function ForbiddenPage({ message }: { message?: string }) {
  usePageTitle('You do not have permission');
  return (
    <>
      <Heading headingLevel="h1">You do not have permission</Heading>
      <BodyText>{message ?? 'Your account cannot see this page. If you think it should, ask your federation administrator.'}</BodyText>
      <BodyText>
        <Link to="/">Go to the federation overview</Link>
      </BodyText>
    </>
  );
}

export function NotFoundPage({ message }: { message?: string }) {
  usePageTitle('Page not found');
  return (
    <>
      <Heading headingLevel="h1">Page not found</Heading>
      <BodyText>{message ?? 'If you typed the web address, check it is correct. If you pasted the web address, check you copied the entire address.'}</BodyText>
      <BodyText>
        <Link to="/">Go to the federation overview</Link>
      </BodyText>
    </>
  );
}

/**
 * What a page shows when it fails while drawing (a fault in atscale, not in what the user did):
 * the NHS "problem with the service" page inside the usual header, never the router's own page.
 */
export function ServiceProblemPage() {
  const error = useRouteError();
  const { pathname } = useLocation();
  usePageTitle('Sorry, there is a problem with the service');
  console.error(error);
  return (
    <>
      <Heading headingLevel="h1">Sorry, there is a problem with the service</Heading>
      <BodyText>Try again later. Anything you had saved is still saved; anything you were typing on this page was not sent.</BodyText>
      <BodyText>
        <a href={pathname}>Reload this page</a> or <Link to="/">go to the federation overview</Link>.
      </BodyText>
    </>
  );
}

/** What a page shows when its data could not be read: the 403 and 404 pages, or the server's message. */
export function ApiErrorPanel({ error }: { error: ApiError }) {
  if (error.status === 403) return <ForbiddenPage message={error.message} />;
  if (error.status === 404) return <NotFoundPage message={error.message} />;
  return (
    <WarningCallout>
      <WarningCallout.Heading>Important</WarningCallout.Heading>
      <p>{error.message}</p>
      {error.problems.length ? (
        <ul>
          {error.problems.map((problem, i) => (
            <li key={i}>{problem.field ? unplacedProblemSentence(problem.field, problem.message) : problem.message}</li>
          ))}
        </ul>
      ) : null}
    </WarningCallout>
  );
}

/** Renders a query's data, or loading text, or the error page. */
export function Loaded<T>({ query, what, children }: { query: UseQueryResult<T, ApiError>; what?: string; children: (data: T) => ReactNode }) {
  if (query.error && !query.data) return <ApiErrorPanel error={query.error} />;
  if (query.data === undefined) return <LoadingPanel what={what} />;
  return <>{children(query.data)}</>;
}
