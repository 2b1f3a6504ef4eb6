import { Footer, Header, SkipLink } from 'nhsuk-react-components';
import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import type { Role, SessionUser } from '../api/types.js';
import { useSession } from '../auth/session.js';
import { LoadingPanel } from './page-states.js';

interface NavigationEntry {
  to: string;
  text: string;
  /** Shown to these roles only; everyone when absent. */
  roles?: Role[];
}

const navigation: NavigationEntry[] = [
  { to: '/', text: 'Overview' },
  { to: '/practices', text: 'Practices' },
  { to: '/groups', text: 'Groups' },
  { to: '/schemes', text: 'Schemes' },
  { to: '/programme', text: 'Programme' },
  { to: '/governance', text: 'Governance' },
  { to: '/my-items', text: 'My items' },
  { to: '/finance', text: 'Finance' },
  { to: '/contracts', text: 'Contracts', roles: ['admin', 'commissioner', 'practice_manager'] },
  { to: '/funds', text: 'Funds', roles: ['admin', 'commissioner', 'practice_manager'] },
  { to: '/quality', text: 'Quality' },
  { to: '/imports', text: 'Imports', roles: ['admin'] },
  { to: '/users', text: 'Users', roles: ['admin'] },
  { to: '/audit', text: 'Audit log', roles: ['admin'] },
];

const isCurrent = (to: string, pathname: string) => (to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`));

/** "Jo Walker <jo@example>" → "Jo Walker". */
const displayName = (user: SessionUser) => user.label.replace(/\s*<[^>]*>\s*$/, '');

function SiteHeader() {
  const { user, signOut } = useSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const entries = navigation.filter((entry) => user && (!entry.roles || entry.roles.includes(user.role)));
  return (
    <Header service={{ text: 'atscale', href: '/' }}>
      {user ? (
        <Header.Account>
          <Header.AccountItem icon>
            {displayName(user)} ({user.roleLabel})
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
            <Header.NavigationItem key={entry.to} asElement={Link} to={entry.to} current={isCurrent(entry.to, pathname)}>
              {entry.text}
            </Header.NavigationItem>
          ))}
        </Header.Navigation>
      ) : null}
    </Header>
  );
}

/** Every page: skip link, NHS header with the service name and menu, the page, the footer. */
export function AppLayout() {
  return (
    <>
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
