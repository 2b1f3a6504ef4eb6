import { Heading } from 'nhsuk-react-components';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { type Crumb, PageBreadcrumb } from '../../components/page-breadcrumb.js';
import { usePageTitle } from '../../components/page-states.js';
import './governance.css';

const sections = [
  { to: '/governance/risks', text: 'Risks' },
  { to: '/governance/actions', text: 'Board actions' },
  { to: '/governance/meetings', text: 'Meetings' },
  { to: '/governance/policies', text: 'Policies and documents' },
  { to: '/governance/people', text: 'People' },
];

/** The governance pages' own menu, under the one "Governance" item of the header. */
function GovernanceNav() {
  const { pathname } = useLocation();
  return (
    <nav className="app-sub-nav" aria-label="Governance">
      <ul>
        {sections.map((s) => (
          <li key={s.to}>
            <Link to={s.to} aria-current={pathname === s.to || pathname.startsWith(`${s.to}/`) ? 'page' : undefined}>
              {s.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A governance page: breadcrumb, the section menu, the heading and the content. */
export function GovernancePage({ title, crumbs = [], children }: { title: string; crumbs?: Crumb[]; children: ReactNode }) {
  usePageTitle(title);
  return (
    <>
      <PageBreadcrumb items={[{ to: '/governance/risks', text: 'Governance' }, ...crumbs]} />
      <GovernanceNav />
      <Heading headingLevel="h1">{title}</Heading>
      {children}
    </>
  );
}

/** Multi-line text as written, with " | " (how the seed registers separate points) as line breaks. */
export function Lines({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  const lines = text.split(/\s+\|\s+|\n/);
  if (lines.length === 1) return <>{text}</>;
  return (
    <ul className="nhsuk-list nhsuk-list--bullet nhsuk-u-margin-bottom-0">
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}
