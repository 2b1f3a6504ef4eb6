import { Breadcrumb } from 'nhsuk-react-components';
import { Link } from 'react-router';

export interface Crumb {
  to: string;
  text: string;
}

/** The NHS breadcrumb for the pages above this one; on small screens it shows as a back link to the nearest. */
export function PageBreadcrumb({ items }: { items: Crumb[] }) {
  const parent = items.at(-1);
  return (
    <Breadcrumb>
      {items.map((item) => (
        <Breadcrumb.Item key={item.to} asElement={Link} to={item.to}>
          {item.text}
        </Breadcrumb.Item>
      ))}
      {parent ? (
        <Breadcrumb.Back asElement={Link} to={parent.to}>
          {parent.text}
        </Breadcrumb.Back>
      ) : null}
    </Breadcrumb>
  );
}
