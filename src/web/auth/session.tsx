import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { apiGet, apiRequest, onSignedOut, setCsrfToken } from '../api/client.js';
import type { Role, Session, SessionUser, SignedOut } from '../api/types.js';
import { ForbiddenPage, LoadingPanel } from '../components/page-states.js';

interface SessionState {
  user: SessionUser | null;
  loading: boolean;
  signIn(email: string, password: string): Promise<SessionUser>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);
const sessionKey = ['session'] as const;

/**
 * Who is signed in: asked of GET /api/session on load (which also gives the CSRF token), kept in
 * memory. Nobody signed in is an answer ({ user: null }), not a 401, so the sign-in page loads clean.
 */
async function fetchSession(): Promise<Session | null> {
  const session = await apiGet<Session | SignedOut>('/api/session');
  setCsrfToken(session.csrfToken);
  return session.user ? session : null;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Infinity, retry: false });

  // Any 401 from the API means the session has ended: forget the user, and the guards send them to sign in.
  useEffect(
    () =>
      onSignedOut(() => {
        setCsrfToken(null);
        queryClient.setQueryData(sessionKey, null);
      }),
    [queryClient],
  );

  const signIn = useCallback(
    async (email: string, password: string) => {
      const session = await apiRequest<Session>('POST', '/api/session', { email, password }, { quiet401: true });
      setCsrfToken(session.csrfToken);
      queryClient.removeQueries({ queryKey: ['api'] });
      queryClient.setQueryData(sessionKey, session);
      return session.user;
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    await apiRequest('DELETE', '/api/session').catch(() => undefined);
    setCsrfToken(null);
    queryClient.removeQueries({ queryKey: ['api'] });
    queryClient.setQueryData(sessionKey, null);
  }, [queryClient]);

  const value = useMemo<SessionState>(() => ({ user: query.data?.user ?? null, loading: query.isPending, signIn, signOut }), [query.data, query.isPending, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The signed-in user, for pages behind RequireSession. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser on a page that does not require a session');
  return user;
}

export const isAdmin = (user: SessionUser | null) => user?.role === 'admin';

/** Routes inside need someone signed in; others are sent to sign in and brought back afterwards. */
export function RequireSession() {
  const { user, loading } = useSession();
  const location = useLocation();
  if (loading) return <LoadingPanel />;
  if (!user) return <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return <Outlet />;
}

/** Routes inside are for these roles only (the API refuses the rest anyway). */
export function RequireRole({ roles }: { roles: Role[] }) {
  const user = useUser();
  return roles.includes(user.role) ? <Outlet /> : <ForbiddenPage />;
}
