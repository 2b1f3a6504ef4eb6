import { Tag } from 'nhsuk-react-components';
import { formatDate } from '../../format/format.js';
import type { Reminder } from './types.js';

/** Notice due within 30 days is red, anything else within the window orange. */
export function ReminderTags({ reminders }: { reminders: Reminder[] }) {
  if (!reminders.length) return <span className="nhsuk-u-secondary-text-colour">None due</span>;
  return (
    <ul className="nhsuk-list app-reminders">
      {reminders.map((r) => (
        <li key={r.kind}>
          <Tag modifier={r.daysLeft <= 30 ? 'red' : 'orange'} className="app-tag--wraps">{r.message}</Tag> <span className="app-nowrap">{formatDate(r.date)}</span>
        </li>
      ))}
    </ul>
  );
}
