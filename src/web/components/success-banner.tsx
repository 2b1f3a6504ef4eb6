import { NotificationBanner } from 'nhsuk-react-components';
import type { ReactNode } from 'react';

/**
 * The NHS success banner after a form has done its job. It takes focus when it appears (so people
 * who submitted from further down hear and see it); give it a new `count` for each success.
 */
export function SuccessBanner({ id, count, children, details }: { id: string; count: number; children: ReactNode; details?: ReactNode }) {
  if (!count) return null;
  return (
    <NotificationBanner key={count} success titleId={`${id}-success`}>
      <p className="nhsuk-notification-banner__heading">{children}</p>
      {details}
    </NotificationBanner>
  );
}
