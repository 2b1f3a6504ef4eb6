import { InsetText, WarningCallout } from 'nhsuk-react-components';
import type { ReportTable } from '../../../domain/schemes/report-columns.js';
import { formatPence } from '../../../domain/schemes/format-money.js';
import { invoiceTerms } from '../../../domain/schemes/scheme-terms.js';
import { settledMessage, settlementRows, type Settlement } from '../../../domain/schemes/settlement.js';
import { Link } from 'react-router';
import { SummaryRows } from '../../components/summary-rows.js';
import { formatDate } from '../../format/format.js';
import type { SchemeVersion } from './types.js';
import { versionParam } from './versions-section.js';

/**
 * What the funder is invoiced (the delivered cost, the fee and the total, as the scheme's terms word
 * them) and whether the version's payments have been invoiced and paid to practices.
 */
export function InvoiceSummary({ summary, definition, version }: { summary: ReportTable; definition: SchemeVersion['definition']; version: Settlement }) {
  const rows = invoiceTerms(summary, definition);
  if (!rows.length) return null;
  return (
    <SummaryRows
      rows={[...rows, ...settlementRows(version)]}
    />
  );
}

/**
 * Said at the top of a version that has not been invoiced when an earlier one was: the COO
 * reads that the figures invoiced were version 1's, and this version's are still to be settled.
 */
export function EarlierInvoice({ schemeId, versions, shown }: { schemeId: number; versions: readonly SchemeVersion[]; shown: SchemeVersion }) {
  const earlier = versions.filter((v) => v.version < shown.version && v.invoiced).at(-1);
  if (shown.invoiced || !earlier?.invoiced) return null;
  return (
    <InsetText>
      <p>
        Version {earlier.version} was invoiced to the commissioner on {formatDate(earlier.invoiced.on)}
        {earlier.invoiced.reference ? ` (ref ${earlier.invoiced.reference})` : ''}
        {earlier.invoiced.amount ? ` for ${formatPence(earlier.invoiced.amount.totalPence)}` : ''}
        {earlier.paid ? ` and paid to practices on ${formatDate(earlier.paid.on)}` : ''}. Version {shown.version} {shown.status === 'draft' ? 'is a draft' : 'replaced it'} and has not been invoiced: its payments on this page are
        not what was invoiced. <Link to={`/schemes/${schemeId}?${versionParam}=${earlier.version}#payments`}>See version {earlier.version}’s payments</Link>
      </p>
    </InsetText>
  );
}

/** In place of a form that would change a settled version's returns or hand schedule: why it is not offered. */
export function SettledNotice({ version }: { version: SchemeVersion }) {
  if (!version.invoiced) return null;
  return (
    <WarningCallout>
      <WarningCallout.Heading>Payments invoiced</WarningCallout.Heading>
      <p>{settledMessage(version.version, version.invoiced.on)}</p>
    </WarningCallout>
  );
}
