import { approvalTerms, schemeTerms, type SchemeTerm } from '../../../domain/schemes/scheme-terms.js';
import type { SchemeDefinition } from '../../../domain/schemes/scheme-definition.js';
import { SummaryRows } from '../../components/summary-rows.js';
import { useApiQuery } from '../../api/use-api.js';
import { SchemeStatusTag } from './scheme-status.js';
import type { VersionSummary } from './types.js';

/** A term as a summary list row: a list of lines as an NHS list. */
const termRow = ({ key, value }: SchemeTerm) => ({
  key,
  value: Array.isArray(value) ? (
    <ul className="nhsuk-list">
      {value.map((item, i) => (
        <li key={`${i}-${item}`}>{item}</li>
      ))}
    </ul>
  ) : (
    value
  ),
});

/** The group a scheme is for, by name: one atscale may keep several federations' schemes. */
function ForGroup({ groupId }: { groupId: number | null }) {
  const group = useApiQuery<{ name: string }>(groupId === null ? null : `/api/groups/${groupId}`);
  return <>{group.data?.name ?? (groupId === null ? 'The practices the scheme names' : '')}</>;
}

/** The terms of a version and who approved it, as the statements, workbook and `atscale scheme show` name them. */
export function SchemeOverview({ definition, version, groupId }: { definition: SchemeDefinition; version: VersionSummary; groupId: number | null }) {
  return (
    <SummaryRows
      rows={[
        { key: 'Participating group', value: <ForGroup groupId={groupId} /> },
        ...schemeTerms(definition).map(termRow),
        {
          key: 'Version',
          value: (
            <>
              {version.version} <SchemeStatusTag status={version.status} />
            </>
          ),
        },
        ...approvalTerms(version, definition).map(termRow),
      ]}
    />
  );
}
