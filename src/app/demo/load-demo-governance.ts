import { todayInEngland, addDays } from '../../domain/iso-date.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { people, policies, users } from '../../db/schema/index.js';
import type { AppContext } from '../context.js';
import { boardActionRecord } from '../governance/board-action-record.js';
import { uploadPolicyFile } from '../governance/policy-files.js';
import { policyRecord } from '../governance/policy-record.js';
import { renderPdf } from '../export/pdf.js';
import { riskRecord } from '../governance/risk-record.js';
import { importRecordsCsv } from '../records/import-csv.js';
import { insertPrepared } from '../records/records.js';
import { personRecord } from '../people/person-record.js';

const folder = (demoFolder: string) => join(demoFolder, 'governance');

/** A document the demo library holds so policies, uploads and acknowledgements have something to show (not from the seeds). */
const demoPolicy = {
  title: 'Data protection (GDPR) policy for member practices',
  kind: 'policy',
  description: 'How member practices meet their GDPR obligations: lawful basis, subject access requests, breaches and retention. Offered by the federation after the April 2018 board (action 4).',
  version: '1.0',
  ownerText: 'JW',
} as const;

/**
 * The ELR risk register and board action log (demo/governance/, copies of the seeds), with Jo
 * Walker ("JW", the demo admin) as the person the actions name. Imports are keyed by ref, so
 * running this again changes nothing. Returns what it added, for the demo message.
 */
export async function loadDemoGovernance(ctx: AppContext, demoFolder: string): Promise<string[]> {
  const added: string[] = [];
  const [jo] = await ctx.db.select({ id: people.id }).from(people).where(eq(people.initials, 'JW'));
  if (!jo) {
    const [admin] = await ctx.db.select({ id: users.id, email: users.email }).from(users).where(eq(users.name, 'Jo Walker'));
    await insertPrepared(ctx, personRecord, [{ name: 'Jo Walker', initials: 'JW', jobTitle: 'Chief operating officer', organisation: 'ELR GP Federation', email: admin?.email ?? null, userId: admin?.id ?? null }]);
    added.push('1 person');
  }
  for (const [type, file, noun] of [
    [riskRecord, 'risks.csv', 'risks'],
    [boardActionRecord, 'board-actions.csv', 'board actions'],
  ] as const) {
    const report = await importRecordsCsv(ctx, type, { name: file, content: readFileSync(join(folder(demoFolder), file)) });
    if (report.inserted) added.push(`${report.inserted} ${noun}`);
  }
  const [policy] = await ctx.db.select({ id: policies.id }).from(policies).where(eq(policies.title, demoPolicy.title));
  if (!policy) {
    const today = todayInEngland();
    await insertPrepared(ctx, policyRecord, [{ ...demoPolicy, approvedOn: today, reviewDate: addDays(today, 365), acknowledgeBy: addDays(today, 7), practiceCodes: ['C82001', 'C82009'] }]);
    const [stored] = await ctx.db.select({ id: policies.id }).from(policies).where(eq(policies.title, demoPolicy.title));
    // Practices acknowledge a version once its document is there to read: the demo's comes with one.
    await uploadPolicyFile(ctx, stored!.id, { name: 'gdpr-policy-for-member-practices.pdf', content: await demoPolicyDocument() });
    added.push('1 policy');
  }
  return added;
}

/** A short PDF standing in for the demo policy's document (illustrative, not a real policy). */
function demoPolicyDocument(): Promise<Buffer> {
  return renderPdf({
    content: [
      { text: demoPolicy.title, fontSize: 16, bold: true, margin: [0, 0, 0, 8] },
      { text: `Version ${demoPolicy.version}. An illustrative document for the atscale demo, not a policy to follow.`, italics: true, margin: [0, 0, 0, 8] },
      { text: demoPolicy.description },
    ],
  });
}
