import { Link } from 'react-router';

const pages = [
  { key: 'dashboard', to: '/quality', text: 'Dashboard' },
  { key: 'evaluation', to: '/quality/evaluation', text: 'Scheme evaluation' },
  { key: 'review-pack', to: '/quality/review-pack', text: 'Peer review pack' },
] as const;

/** Links between the quality pages. */
export function QualityNav({ current }: { current: (typeof pages)[number]['key'] }) {
  return (
    <nav aria-label="Quality pages">
      <ul className="nhsuk-list app-inline-list">
        {pages.map((p) => (
          <li key={p.key} style={{ display: 'inline-block', marginRight: 24 }}>
            {p.key === current ? <strong aria-current="page">{p.text}</strong> : <Link to={p.to}>{p.text}</Link>}
          </li>
        ))}
      </ul>
    </nav>
  );
}
