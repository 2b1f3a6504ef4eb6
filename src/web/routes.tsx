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
          { path: '/quality', element: page(() => import('./pages/quality/quality-dashboard-page.js'), 'QualityDashboardPage') },
          { path: '/quality/practices/:code', element: page(() => import('./pages/quality/practice-quality-page.js'), 'PracticeQualityPage') },
          { path: '/quality/evaluation', element: page(() => import('./pages/quality/scheme-evaluation-page.js'), 'SchemeEvaluationPage') },
          { path: '/quality/review-pack', element: page(() => import('./pages/quality/review-pack-page.js'), 'ReviewPackPage') },
          {
            element: <RequireRole roles={['admin']} />,
            children: [
              { path: '/groups/new', element: page(() => import('./pages/groups/new-group-page.js'), 'NewGroupPage') },
              { path: '/schemes/new', element: page(() => import('./pages/schemes/scheme-form-page.js'), 'NewSchemePage') },
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
