import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { invalid } from '../../domain/errors.js';
import { formatLongDate } from '../../domain/iso-date.js';
import { earliestPolicyDate, implausiblePolicyDates } from '../../domain/governance/policy-dates.js';
import { policies, policyAcknowledgements, policyFiles, practices } from '../../db/schema/index.js';
import { keptInAudit, type RecordType } from '../records/record-type.js';
import { dateText, optionalText, ownersOnPeoplePage, ownerValues, storedIn } from './fields.js';
import { refuseTaken } from '../records/clash.js';
import { checkAll } from '../records/refusals.js';
import type { Db } from '../../db/client.js';
import { GP_PRACTICE_CODE } from '../../domain/registry/ods-codes.js';

export const policyKinds = ['policy', 'protocol', 'template'] as const;

const policyInput = z.object({
  title: z.string().trim().min(1, 'Enter a title').max(200),
  kind: z.enum(policyKinds, { message: 'must be policy, protocol or template' }),
  description: optionalText(4000),
  version: z.string().trim().min(1, 'Enter a version such as 1.0').max(20),
  ownerText: optionalText(200),
  approvedOn: dateText,
  reviewDate: dateText,
  acknowledgeBy: dateText,
  /** ODS codes of the practices that must acknowledge it. */
  practiceCodes: z.array(z.string().trim().toUpperCase().regex(GP_PRACTICE_CODE, 'must be ODS codes such as C82001')).optional(),
});

type PolicyInput = z.infer<typeof policyInput>;

/** Dates before the library could have held the document, and a review before the approval. */
function refuseImplausibleDates(input: Partial<PolicyInput>, existing: Record<string, unknown> | undefined): void {
  const tooEarly = implausiblePolicyDates({ approvedOn: input.approvedOn, reviewDate: input.reviewDate, acknowledgeBy: input.acknowledgeBy });
  if (tooEarly.length) throw invalid(`A policy’s dates must be on or after ${formatLongDate(earliestPolicyDate)}`, tooEarly);
  const approvedOn = input.approvedOn === undefined ? (existing?.approvedOn as string | null | undefined) : input.approvedOn;
  const reviewDate = input.reviewDate === undefined ? (existing?.reviewDate as string | null | undefined) : input.reviewDate;
  if (approvedOn && reviewDate && reviewDate < approvedOn) {
    throw invalid('The review date is before the date the document was approved', [{ field: 'reviewDate', message: `must be on or after the approval date, ${formatLongDate(approvedOn)}` }]);
  }
}

/** The practices asked to acknowledge a document are ones atscale knows, and open. */
async function refusePracticesNotAsked(db: Db, codes: string[], existing: Record<string, unknown> | undefined): Promise<void> {
  if (!codes.length) return;
  const statusOf = new Map((await db.select({ code: practices.odsCode, status: practices.status }).from(practices).where(inArray(practices.odsCode, codes))).map((p) => [p.code, p.status]));
  const unknown = codes.filter((c) => !statusOf.has(c));
  if (unknown.length) throw invalid(`atscale does not know the practices ${unknown.join(', ')}`, [{ field: 'practiceCodes', message: `names practices atscale does not know: ${unknown.join(', ')}` }]);
  // A closed practice has nobody left to read the policy. One that closed after the policy named
  // it may stay on the list (it is no longer asked), so the policy can still be edited.
  const named = new Set((existing?.practiceCodes as string[] | undefined) ?? []);
  const notOpen = codes.filter((c) => statusOf.get(c) !== 'active' && !named.has(c)).map((c) => `${c} (${statusOf.get(c)})`);
  if (notOpen.length) throw invalid(`Only open practices can be asked to acknowledge a document: ${notOpen.join(', ')} ${notOpen.length === 1 ? 'is' : 'are'} not open`, [{ field: 'practiceCodes', message: `names practices that are not open: ${notOpen.join(', ')}. Remove them` }]);
}

/** The policy and protocol library. Files and acknowledgements live beside it (policy-files.ts, acknowledgements.ts). */
export const policyRecord: RecordType<PolicyInput> = {
  name: 'policy',
  label: 'policy',
  ...storedIn(policies),
  fields: {
    id: { header: 'ID', column: policies.id, kind: 'integer', filter: 'exact', sortable: true },
    title: { header: 'Title', column: policies.title, kind: 'text', filter: 'search', sortable: true },
    kind: { header: 'Kind', column: policies.kind, kind: 'text', filter: 'exact', sortable: true, labels: 'words' },
    description: { header: 'Description', column: policies.description, kind: 'text', filter: 'search' },
    version: { header: 'Version', column: policies.version, kind: 'text', sortable: true },
    ownerText: { header: 'Owner', column: policies.ownerText, kind: 'text', filter: 'search', sortable: true },
    approvedOn: { header: 'Approved on', column: policies.approvedOn, kind: 'date', sortable: true },
    reviewDate: { header: 'Review date', column: policies.reviewDate, kind: 'date', sortable: true },
    acknowledgeBy: { header: 'Acknowledge by', column: policies.acknowledgeBy, kind: 'date', sortable: true },
  },
  ...ownersOnPeoplePage,
  defaultSort: 'title',
  // Its files and acknowledgements go with it (ON DELETE CASCADE); the audit keeps them, all but the files' bytes.
  alsoDeleted: keptInAudit({ files: { column: policyFiles.policyId, omit: ['content'] }, acknowledgements: { column: policyAcknowledgements.policyId } }),
  createSchema: policyInput,
  updateSchema: policyInput.partial(),
  async prepare(db, input, existing) {
    const codes = [...new Set(input.practiceCodes ?? [])];
    const [, , , owners] = await checkAll(
      [
        () => refuseTaken(db, { table: policies, id: policies.id, key: policies.title }, input.title, existing, { record: 'document', key: 'title', field: 'title', shown: (title) => `"${title}"` }),
        () => refuseImplausibleDates(input, existing),
        () => refusePracticesNotAsked(db, codes, existing),
        () => ownerValues(db, input, existing),
      ],
      'The document is not valid',
    );
    return { ...input, ...(input.practiceCodes ? { practiceCodes: codes } : {}), ...owners };
  },
  present: (row) => row,
};
