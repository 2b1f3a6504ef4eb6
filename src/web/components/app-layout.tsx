import { Footer, Header, SkipLink } from 'nhsuk-react-components';
import { Suspense, useEffect, useLayoutEffect, useRef } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import type { Role, SessionUser } from '../api/types.js';
import { useSession } from '../auth/session.js';
import { LoadingPanel } from './page-states.js';

interface NavigationEntry {
  to: string;
  text: string;
  /** Shown to these roles only; everyone when absent. */
  roles?: Role[];
  /** Other paths that belong under this entry (it is marked as the current page on them too). */
  also?: string[];
}

const navigation: NavigationEntry[] = [
  { to: '/', text: 'Overview' },
  { to: '/practices', text: 'Practices' },
  { to: '/groups', text: 'Groups' },
  { to: '/schemes', text: 'Schemes' },
  { to: '/programme', text: 'Programme' },
  { to: '/governance', text: 'Governance' },
  { to: '/finance', text: 'Finance', also: ['/contracts', '/funds', '/fund-applications'] },
  { to: '/quality', text: 'Quality' },
  { to: '/admin', text: 'Admin', roles: ['admin'], also: ['/imports', '/users', '/audit', '/governance/people'] },
];

const under = (to: string, pathname: string) => (to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`));
/** How closely an entry holds the path: the length of its longest path the page is under, −1 for none. */
const closeness = (entry: NavigationEntry, pathname: string) => Math.max(...[entry.to, ...(entry.also ?? [])].map((to) => (under(to, pathname) ? to.length : -1)));

/**
 * The one entry the page belongs under (the closest, so /governance/people is Admin's, not Governance's):
 * `current` on the entry's own page (aria-current="page"), `active` on a page under it (aria-current="true").
 */
function menuState(entries: readonly NavigationEntry[], entry: NavigationEntry, pathname: string): { current?: boolean; active?: boolean } {
  const mine = closeness(entry, pathname);
  if (mine < 0 || entries.some((other) => closeness(other, pathname) > mine)) return {};
  return pathname === entry.to ? { current: true } : { active: true };
}

/** "Jo Walker <jo@example>" → "Jo Walker". */
const displayName = (user: SessionUser) => user.label.replace(/\s*<[^>]*>\s*$/, '');

function SiteHeader() {
  const { user, signOut } = useSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const entries = navigation.filter((entry) => user && (!entry.roles || entry.roles.includes(user.role)));
  return (
    // The design system's header script measures the menu once, when it starts: start it again
    // whenever the menu changes (after sign-in, or for another role), or it never folds into "More".
    <Header key={entries.map((entry) => entry.to).join(' ')} service={{ text: 'atscale', href: '/' }}>
      {user ? (
        <Header.Account>
          <Header.AccountItem icon>
            {displayName(user)} ({user.roleLabel})
          </Header.AccountItem>
          <Header.AccountItem href="/my-items" asElement={Link} to="/my-items">
            My items
          </Header.AccountItem>
          <Header.AccountItem href="/account/password" asElement={Link} to="/account/password">
            Change password
          </Header.AccountItem>
          <Header.AccountItem
            formProps={{
              onSubmit: (event) => {
                event.preventDefault();
                void signOut().then(() => navigate('/sign-in'));
              },
            }}
            type="submit"
          >
            Sign out
          </Header.AccountItem>
        </Header.Account>
      ) : null}
      {user ? (
        <Header.Navigation aria-label="Menu">
          {entries.map((entry) => (
            <Header.NavigationItem key={entry.to} asElement={Link} to={entry.to} {...menuState(entries, entry, pathname)}>
              {entry.text}
            </Header.NavigationItem>
          ))}
        </Header.Navigation>
      ) : null}
    </Header>
  );
}

/**
 * When the app moves to another page, focus goes back to the top, as a new page load would put it,
 * and the next Tab reaches the skip link. A page that has already put focus inside itself (a success
 * banner, an error summary) keeps it. Screen readers hear the new page's name from a live region
 * once the page has set its title: a page whose code or data is still loading sets it late, and
 * the name is said when it has settled, not the page before's.
 */
function usePageChangeFocus() {
  const { pathname, hash, state } = useLocation();
  const top = useRef<HTMLParagraphElement>(null);
  const first = useRef(true);
  // The title as the last page left it: read before this page's effects can set its own.
  const leftBehind = useRef(document.title);
  useLayoutEffect(() => {
    leftBehind.current = document.title;
  }, [pathname]);
  useEffect(() => {
    // A page opened from the address bar starts at the top anyway; the first page after signing in is a page change.
    if (first.current) {
      first.current = false;
      if (!(state as { signedIn?: boolean } | null)?.signedIn) return;
    }
    const focusedInPage = () => document.getElementById('maincontent')?.contains(document.activeElement);
    if (top.current) top.current.textContent = '';
    let settled: ReturnType<typeof setTimeout> | undefined;
    const announce = () => {
      if (top.current) top.current.textContent = document.title;
    };
    const titleChanged = (waitMs = titleSettlesMs) => {
      clearTimeout(settled);
      settled = setTimeout(announce, waitMs);
    };
    const observer = new MutationObserver(() => titleChanged());
    const title = document.querySelector('title');
    if (title) observer.observe(title, { childList: true, characterData: true, subtree: true });
    // Still the last page's title: the new page has not set its own yet (its code is loading), so wait
    // for it, and say it as it is only if none comes (two pages of one name).
    titleChanged(document.title === leftBehind.current ? unchangedTitleMs : titleSettlesMs);
    const stopWatching = setTimeout(() => observer.disconnect(), 5_000);
    // Focus moves once the page has rendered, unless it took focus itself.
    const focusTimer = setTimeout(() => {
      if (!top.current || focusedInPage()) return;
      // A link to a part of the page (#return) keeps the page where that part is.
      top.current.focus({ preventScroll: Boolean(hash) });
    }, 50);
    return () => {
      observer.disconnect();
      clearTimeout(settled);
      clearTimeout(stopWatching);
      clearTimeout(focusTimer);
    };
  }, [pathname]);
  return top;
}

/** How long a page's title must stay unchanged before it is taken as the page's name. */
const titleSettlesMs = 300;
/** How long to wait for a new page to set a title of its own before saying the one there is. */
const unchangedTitleMs = 2_000;

/** Every page: skip link, NHS header with the service name and menu, the page, the footer. */
export function AppLayout() {
  const top = usePageChangeFocus();
  return (
    <>
      <p ref={top} tabIndex={-1} className="nhsuk-u-visually-hidden" aria-live="polite" />
      <SkipLink />
      <SiteHeader />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent" role="main">
          <Suspense fallback={<LoadingPanel />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
      <Footer>
        <Footer.Meta>
          <Footer.ListItem href="/api/openapi.json">API description (OpenAPI)</Footer.ListItem>
          <Footer.Copyright>atscale: software for GP federations and primary care networks</Footer.Copyright>
        </Footer.Meta>
      </Footer>
    </>
  );
}
