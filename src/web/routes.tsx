import { type ComponentType, lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireRole, RequireSession } from './auth/session.js';
import { AppLayout } from './components/app-layout.js';
import { NotFoundPage } from './components/page-states.js';

/** Each page is its own chunk, loaded when first visited. */
function page(load: () => Promise<unknown>, name: string) {
  const Page = lazy(async () => ({ default: ((await load()) as Record<string, ComponentType>)[name]! }));
  return <Page />;
}

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { path: '/sign-in', element: page(() => import('./pages/sign-in-page.js'), 'SignInPage') },
      {
        element: <RequireSession />,
        children: [
          { path: '/', element: page(() => import('./pages/overview/federation-overview-page.js'), 'FederationOverviewPage') },
          { path: '/practices', element: page(() => import('./pages/practices/practices-list-page.js'), 'PracticesListPage') },
          { path: '/practices/:code', element: page(() => import('./pages/practices/practice-page.js'), 'PracticePage') },
          { path: '/groups', element: page(() => import('./pages/groups/groups-list-page.js'), 'GroupsListPage') },
          { path: '/groups/:id', element: page(() => import('./pages/groups/group-page.js'), 'GroupPage') },
          { path: '/schemes', element: page(() => import('./pages/schemes/schemes-list-page.js'), 'SchemesListPage') },
          { path: '/schemes/:id', element: page(() => import('./pages/schemes/scheme-page.js'), 'SchemePage') },
          { path: '/contracts', element: page(() => import('./pages/contracts/contracts-list-page.js'), 'ContractsListPage') },
          { path: '/contracts/:id', element: page(() => import('./pages/contracts/contract-page.js'), 'ContractPage') },
          { path: '/funds', element: page(() => import('./pages/funds/funds-list-page.js'), 'FundsListPage') },
          { path: '/funds/:id', element: page(() => import('./pages/funds/fund-page.js'), 'FundPage') },
          { path: '/fund-applications/:id', element: page(() => import('./pages/funds/application-page.js'), 'ApplicationPage') },
          {
            element: <RequireRole roles={['admin', 'practice_manager']} />,
            children: [{ path: '/funds/:id/apply', element: page(() => import('./pages/funds/apply-page.js'), 'ApplyPage') }],
          },
          {
            element: <RequireRole roles={['admin']} />,
            children: [
              { path: '/groups/new', element: page(() => import('./pages/groups/new-group-page.js'), 'NewGroupPage') },
              { path: '/schemes/new', element: page(() => import('./pages/schemes/scheme-form-page.js'), 'NewSchemePage') },
              { path: '/contracts/new', element: page(() => import('./pages/contracts/new-contract-page.js'), 'NewContractPage') },
              { path: '/schemes/:id/edit', element: page(() => import('./pages/schemes/scheme-form-page.js'), 'EditSchemePage') },
              { path: '/imports', element: page(() => import('./pages/imports/imports-page.js'), 'ImportsPage') },
              { path: '/users', element: page(() => import('./pages/users/users-page.js'), 'UsersPage') },
              { path: '/audit', element: page(() => import('./pages/audit/audit-page.js'), 'AuditPage') },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
