import { Link } from 'react-router';

/** A row of links between views of one thing (pages of an area, open or closed records); the current one is plain bold text. */
export function InlineNav({ label, items, current }: { label: string; items: readonly { key: string; to: string; text: string }[]; current: string }) {
  return (
    <nav aria-label={label}>
      <ul className="nhsuk-list app-inline-list">
        {items.map((item) => (
          <li key={item.key}>{item.key === current ? <strong aria-current="page">{item.text}</strong> : <Link to={item.to}>{item.text}</Link>}</li>
        ))}
      </ul>
    </nav>
  );
}
