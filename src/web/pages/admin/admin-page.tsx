import { Card, Heading } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { usePageTitle } from '../../components/page-states.js';

const sections = [
  { to: '/imports', title: 'Imports', description: 'Load NHS Digital files (practices, list sizes, PCNs, QOF prevalence) and your own indicators, and follow each import’s progress.' },
  { to: '/users', title: 'Users', description: 'Who can sign in, their role and, for practice managers, their practices.' },
  { to: '/governance/people', title: 'People', description: 'The people plans, risks and actions name as owners and leads, and their initials.' },
  { to: '/audit', title: 'Audit log', description: 'Every change to stored data: who made it, when, and the values before and after.' },
];

/** The federation admin's tools, in one place so the menu stays short. */
export function AdminPage() {
  usePageTitle('Admin');
  return (
    <>
      <Heading headingLevel="h1">Admin</Heading>
      <ul className="nhsuk-grid-row nhsuk-card-group">
        {sections.map((s) => (
          <li key={s.to} className="nhsuk-grid-column-one-half nhsuk-card-group__item">
            <Card clickable>

                <Card.Heading className="nhsuk-heading-m">
                  <Card.Link asElement={Link} to={s.to}>
                    {s.title}
                  </Card.Link>
                </Card.Heading>
                <Card.Description>{s.description}</Card.Description>

            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
