import { useApiQuery } from '../../api/use-api.js';
import type { AuditEntry } from '../../api/types.js';
import { isAdmin, useUser } from '../../auth/session.js';
import { Loaded } from '../../components/page-states.js';
import { AuditTable } from '../audit/audit-table.js';

/** Every change to one record (who, when, before and after), for admins. */
export function RecordHistory({ resource, id }: { resource: string; id: number }) {
  const user = useUser();
  const audit = useApiQuery<{ items: AuditEntry[] }>(isAdmin(user) ? `/api/${resource}/${id}/audit` : null);
  if (!isAdmin(user)) return null;
  return (
    <section aria-labelledby="history">
      <h2 id="history">History of changes</h2>
      <Loaded query={audit} what="history">
        {(data) => <AuditTable entries={data.items} caption="History of changes" showRecord={false} />}
      </Loaded>
    </section>
  );
}
