import { type ComponentType, lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RequireRole, RequireSession } from './auth/session.js';
import { AppLayout } from './components/app-layout.js';
import { NotFoundPage, ServiceProblemPage } from './components/page-states.js';
import { RecordAddress } from './components/record-address.js';

/** Each page is its own chunk, loaded when first visited. */
function page(load: () => Promise<unknown>, name: string) {
  const Page = lazy(async () => ({ default: ((await load()) as Record<string, ComponentType>)[name]! }));
  return <Page />;
}

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { path: '/sign-in', element: page(() => import('./pages/sign-in-page.js'), 'SignInPage'), errorElement: <ServiceProblemPage /> },
      {
        element: <RequireSession />,
        // A page that fails while drawing shows the service's problem page inside the header and navigation.
        errorElement: <ServiceProblemPage />,
        children: [
          {
            // An address whose id or code cannot name a record is a page that does not exist.
            element: <RecordAddress />,
            children: [
              { path: '/', element: page(() => import('./pages/overview/federation-overview-page.js'), 'FederationOverviewPage') },
              { path: '/practices', element: page(() => import('./pages/practices/practices-list-page.js'), 'PracticesListPage') },
              { path: '/practices/:code', element: page(() => import('./pages/practices/practice-page.js'), 'PracticePage') },
              { path: '/groups', element: page(() => import('./pages/groups/groups-list-page.js'), 'GroupsListPage') },
              { path: '/groups/:id', element: page(() => import('./pages/groups/group-page.js'), 'GroupPage') },
              { path: '/schemes', element: page(() => import('./pages/schemes/schemes-list-page.js'), 'SchemesListPage') },
              { path: '/schemes/:id', element: page(() => import('./pages/schemes/scheme-page.js'), 'SchemePage') },
              { path: '/programme', element: page(() => import('./pages/programme/work-plan-page.js'), 'WorkPlanPage') },
              { path: '/programme/tasks/:id', element: page(() => import('./pages/programme/task-page.js'), 'TaskPage') },
              { path: '/programme/stp', element: page(() => import('./pages/programme/stp-grid-page.js'), 'StpGridPage') },
              { path: '/programme/outcomes', element: page(() => import('./pages/programme/outcomes-page.js'), 'OutcomesPage') },
              { path: '/my-items', element: page(() => import('./pages/governance/my-items-page.js'), 'MyItemsPage') },
              { path: '/account/password', element: page(() => import('./pages/account/password-page.js'), 'PasswordPage') },
              { path: '/governance', element: <Navigate to="/governance/risks" replace /> },
              { path: '/governance/risks', element: page(() => import('./pages/governance/risks-page.js'), 'RisksPage') },
              { path: '/governance/risks/:id', element: page(() => import('./pages/governance/risk-page.js'), 'RiskPage') },
              { path: '/governance/actions', element: page(() => import('./pages/governance/actions-page.js'), 'ActionsPage') },
              { path: '/governance/actions/:id', element: page(() => import('./pages/governance/action-page.js'), 'ActionPage') },
              { path: '/governance/meetings', element: page(() => import('./pages/governance/meetings-page.js'), 'MeetingsPage') },
              { path: '/governance/meetings/:id', element: page(() => import('./pages/governance/meetings-page.js'), 'MeetingPage') },
              { path: '/governance/policies', element: page(() => import('./pages/governance/policies-page.js'), 'PoliciesPage') },
              { path: '/governance/policies/:id', element: page(() => import('./pages/governance/policy-page.js'), 'PolicyPage') },
              { path: '/governance/people', element: page(() => import('./pages/governance/people-page.js'), 'PeoplePage') },
              { path: '/governance/people/:id', element: page(() => import('./pages/governance/people-page.js'), 'PersonPage') },
              { path: '/finance', element: page(() => import('./pages/finance/finance-page.js'), 'FinancePage') },
              { path: '/finance/practices/:code', element: page(() => import('./pages/finance/practice-money-page.js'), 'PracticeMoneyPage') },
              {
                element: <RequireRole roles={['admin', 'commissioner', 'clinician']} />,
                children: [
                  { path: '/finance/ie', element: page(() => import('./pages/finance/ie-page.js'), 'IePage') },
                  { path: '/finance/cash-flow', element: page(() => import('./pages/finance/cash-flow-page.js'), 'CashFlowPage') },
                  { path: '/finance/scenarios', element: page(() => import('./pages/finance/scenarios-page.js'), 'ScenariosPage') },
                  { path: '/finance/years', element: page(() => import('./pages/finance/financial-years-page.js'), 'FinancialYearsPage') },
                ],
              },
              { path: '/contracts', element: page(() => import('./pages/contracts/contracts-list-page.js'), 'ContractsListPage') },
              { path: '/contracts/:id', element: page(() => import('./pages/contracts/contract-page.js'), 'ContractPage') },
              { path: '/funds', element: page(() => import('./pages/funds/funds-list-page.js'), 'FundsListPage') },
              { path: '/funds/:id', element: page(() => import('./pages/funds/fund-page.js'), 'FundPage') },
              { path: '/fund-applications/:id', element: page(() => import('./pages/funds/application-page.js'), 'ApplicationPage') },
              {
                element: <RequireRole roles={['admin', 'practice_manager']} />,
                children: [{ path: '/funds/:id/apply', element: page(() => import('./pages/funds/apply-page.js'), 'ApplyPage') }],
              },
              { path: '/quality', element: page(() => import('./pages/quality/quality-dashboard-page.js'), 'QualityDashboardPage') },
              { path: '/quality/practices/:code', element: page(() => import('./pages/quality/practice-quality-page.js'), 'PracticeQualityPage') },
              { path: '/quality/evaluation', element: page(() => import('./pages/quality/scheme-evaluation-page.js'), 'SchemeEvaluationPage') },
              { path: '/quality/review-pack', element: page(() => import('./pages/quality/review-pack-page.js'), 'ReviewPackPage') },
              {
                element: <RequireRole roles={['admin']} />,
                children: [
                  { path: '/groups/new', element: page(() => import('./pages/groups/new-group-page.js'), 'NewGroupPage') },
                  { path: '/schemes/new', element: page(() => import('./pages/schemes/scheme-form-page.js'), 'NewSchemePage') },
                  { path: '/contracts/new', element: page(() => import('./pages/contracts/new-contract-page.js'), 'NewContractPage') },
                  { path: '/finance/streams/:id', element: page(() => import('./pages/finance/stream-page.js'), 'StreamPage') },
                  { path: '/funds/new', element: page(() => import('./pages/funds/fund-form-page.js'), 'NewFundPage') },
                  { path: '/funds/:id/edit', element: page(() => import('./pages/funds/fund-form-page.js'), 'EditFundPage') },
                  { path: '/schemes/:id/edit', element: page(() => import('./pages/schemes/scheme-form-page.js'), 'EditSchemePage') },
                  { path: '/admin', element: page(() => import('./pages/admin/admin-page.js'), 'AdminPage') },
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
    ],
  },
]);
