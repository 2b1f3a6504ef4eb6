import { Tag, type TagProps } from 'nhsuk-react-components';
import { Link, useLocation } from 'react-router';

export const statusLabels: Record<string, string> = { not_started: 'Not started', in_progress: 'In progress', done: 'Done', stopped: 'Stopped' };
const statusColours: Record<string, TagProps['modifier']> = { not_started: 'grey', in_progress: 'blue', done: 'green', stopped: 'white' };
const ragColours: Record<string, TagProps['modifier']> = { red: 'red', amber: 'orange', green: 'green' };

export function TaskStatusTag({ status }: { status: string }) {
  return <Tag modifier={statusColours[status] ?? 'white'}>{statusLabels[status] ?? status}</Tag>;
}

export function RagTag({ rag }: { rag: string | null }) {
  if (!rag) return null;
  return <Tag modifier={ragColours[rag]}>{rag.charAt(0).toUpperCase() + rag.slice(1)}</Tag>;
}

export const OverdueTag = () => <Tag modifier="red">Overdue</Tag>;

const sections = [
  { to: '/programme', text: 'Work plan' },
  { to: '/programme/stp', text: 'STP milestone grid' },
  { to: '/programme/outcomes', text: 'STP outcomes' },
];

/** Links between the programme's pages; the current one is plain text. */
export function ProgrammeNav() {
  const { pathname } = useLocation();
  return (
    <nav aria-label="Programme" className="app-subnav">
      <ul className="nhsuk-list app-subnav__list">
        {sections.map((s) => (
          <li key={s.to}>{pathname === s.to ? <strong aria-current="page">{s.text}</strong> : <Link to={s.to}>{s.text}</Link>}</li>
        ))}
      </ul>
    </nav>
  );
}
