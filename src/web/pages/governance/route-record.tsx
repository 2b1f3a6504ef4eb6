import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { useApiQuery } from '../../api/use-api.js';
import { Loaded } from '../../components/page-states.js';

/** Loads the record the address names (/governance/<area>/:id) from /api/<resource>/:id, then shows it. */
export function RouteRecord<T>({ resource, what, children }: { resource: string; what: string; children: (record: T) => ReactNode }) {
  const { id } = useParams();
  const query = useApiQuery<T>(`/api/${resource}/${id}`);
  return (
    <Loaded query={query} what={what}>
      {children}
    </Loaded>
  );
}
