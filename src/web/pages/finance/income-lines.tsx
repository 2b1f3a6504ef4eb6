import type { Page } from '../../api/types.js';
import { useApiQuery } from '../../api/use-api.js';
import type { FormField } from '../../components/record-form.js';
import { formatPence } from '../../../domain/schemes/format-money.js';
import type { IncomeStream } from '../../../domain/finance/types.js';
import { streamStatusLabels } from '../../../domain/finance/types.js';
import { AddBudgetLine } from './budget-lines.js';
import { BudgetLineList, type BudgetLineRecord } from './budget-line-list.js';
import { ieLineFields } from './finance-fields.js';
import { LinkedScheme, schemeLinkField, useSchemes } from './scheme-links.js';

interface IeLineRecord extends BudgetLineRecord {
  section: string;
  streamId: number | null;
  schemeId: number | null;
}

type StreamChoice = Pick<IncomeStream, 'id' | 'name' | 'funder' | 'status'>;

/** "H Pylori (ELR CCG, potential)": a stream as a choice names its funder and status, since names repeat. */
const streamLabel = (s: StreamChoice) => `${s.name} (${[s.funder, streamStatusLabels[s.status].toLowerCase()].filter(Boolean).join(', ')})`;

/** The income line's inputs: section, line, amount, comment, then the stream it is the federation's share of and the scheme whose fee it is. */
function useIeLineFields(): { fields: FormField[]; streams: StreamChoice[]; schemes: ReturnType<typeof useSchemes> } {
  const streams = useApiQuery<Page<StreamChoice>>('/api/income-streams?pageSize=1000&sort=name').data?.items ?? [];
  const schemes = useSchemes();
  const streamField: FormField = {
    name: 'streamId',
    label: 'Income stream it comes from (optional)',
    hint: 'The federation’s share of that stream: a scenario that wins or loses the stream moves or drops this line',
    kind: 'select',
    options: [{ value: '', label: 'None' }, ...streams.map((s) => ({ value: String(s.id), label: streamLabel(s) }))],
  };
  const schemeField = schemeLinkField(schemes, 'Scheme whose fee it is (optional)', 'The I&E then shows the fee the schemes engine works out from delivered activity beside the planned figure');
  return { fields: [...ieLineFields, streamField, schemeField], streams, schemes };
}

/**
 * The year's income lines (admins): change one (its section, name, amount, comment, the stream it
 * comes from and the scheme whose fee it is), remove one, or add one below. A line someone else
 * changed since the page loaded is not changed; the page says so.
 */
export function IncomeLines({ year }: { year: string }) {
  const { fields, streams, schemes } = useIeLineFields();
  const streamOf = (l: IeLineRecord) => streams.find((s) => s.id === l.streamId);
  return (
    <>
      <BudgetLineList<IeLineRecord>
        id="income-lines-heading"
        resource="ie-lines"
        year={year}
        sort="position"
        heading={`Change the income lines for ${year}`}
        caption={`Income lines ${year}, the stream each comes from and the scheme whose fee each is`}
        empty="No income lines this year."
        columns={[{ key: 'section', header: 'Section', cell: (l) => (l.section === 'secured' ? 'Secured' : 'Potential') }]}
        after={[
          { key: 'stream', header: 'From stream', cell: (l) => (streamOf(l) ? streamLabel(streamOf(l)!) : '') },
          { key: 'scheme', header: 'Fee of the scheme', cell: (l) => <LinkedScheme schemeId={l.schemeId} schemes={schemes} /> },
        ]}
        fields={fields}
        consequence={(l) => `Its ${formatPence(l.amountPence)} of ${l.section} income comes out of ${year} at once: the I&E changes with it (the cash flow, which counts the income streams, does not).`}
      />
      <AddBudgetLine resource="ie-lines" id="add-income" year={year} noun="an income line" fields={fields} />
    </>
  );
}
