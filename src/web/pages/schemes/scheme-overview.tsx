import { approvalTerms, schemeTerms, type SchemeTerm } from '../../../domain/schemes/scheme-terms.js';
import type { SchemeDefinition } from '../../../domain/schemes/scheme-definition.js';
import { SummaryRows } from '../../components/summary-rows.js';
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

/** The terms of a version and who approved it, as the statements, workbook and `atscale scheme show` name them. */
export function SchemeOverview({ definition, version }: { definition: SchemeDefinition; version: VersionSummary }) {
  return (
    <SummaryRows
      rows={[
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
