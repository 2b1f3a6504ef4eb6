import { eq } from 'drizzle-orm';
import { funds, users } from '../../db/schema/index.js';
import type { Actor, AppContext } from '../context.js';
import { decideApplication, recordDrawdown, submitApplication } from '../funds/fund-applications.js';
import { fundRecord } from '../funds/fund-record.js';
import { fundReport } from '../funds/fund-report.js';
import { insertPrepared } from '../records/records.js';
import { groupIdByName } from './load-demo-contracts.js';
import { readDemoCsv } from './read-demo-csv.js';

const transformationFund = 'ELR transformation fund (place based integrated services)';
const demoCommissionerEmail = 'commissioner@elr-ccg.example';


/**
 * Each locality applies for its 2018/19 share of the transformation fund with its plan from the
 * seed, one costed line a theme (the seed gives no costs: the share is split equally between the
 * themes). The demo commissioner then decides three of them and one drawdown is made.
 */
async function loadTransformationApplications(ctx: AppContext, fundId: number) {
  const report = await fundReport(ctx, fundId);
  const plans = readDemoCsv('funds/locality-transformation-plans.csv');
  const applications = new Map<string, { id: number; lines: number[] }>();
  for (const position of report.positions) {
    const themes = plans.filter((p) => p.locality === position.name);
    const share = report.calculation.localities.find((l) => l.name === position.name)!.byYearPence[1]!;
    const each = Math.floor(share / themes.length);
    const amounts = themes.map((_, i) => (i === 0 ? share - each * (themes.length - 1) : each));
    const application = await submitApplication(ctx, fundId, {
      // The plans give no dates: an illustrative day early in 2018/19, before the decisions below.
      submittedOn: '2018-05-01',
      localityGroupId: position.localityId!,
      title: `${position.name} locality transformation plan 2018/19`,
      purpose: `The ${position.name} locality hub’s transformation plan: ${themes.map((t) => t.theme).join('; ')}.`,
      milestones: 'Plan agreed by the locality; project manager in post; first services running by Q3 2018/19; review at the ELR Out of Hospital board.',
      lines: themes.map((t, i) => ({ description: `${t.theme}: ${t.summary}`.slice(0, 300), amount: amounts[i]! })),
    });
    applications.set(position.name, { id: application.id, lines: amounts });
  }
  const [commissionerUser] = await ctx.db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, demoCommissionerEmail));
  // Labelled as a signed-in commissioner's decisions are: "Name <email>", which pages show as the name.
  const commissioner: Actor = { userId: commissionerUser?.id ?? null, label: commissionerUser ? `${commissionerUser.name} <${demoCommissionerEmail}>` : demoCommissionerEmail, role: 'commissioner', practiceCodes: [] };
  const asCommissioner = { ...ctx, actor: commissioner };
  // The plans give no decision day: an illustrative one early in 2018/19, before the drawdown below.
  const decidedOn = '2018-06-01';
  const ow = applications.get('Oadby & Wigston')!;
  await decideApplication(asCommissioner, ow.id, { outcome: 'approve', decidedOn, rowVersion: 1 });
  await recordDrawdown(ctx, ow.id, { amount: ow.lines[0]!, drawnOn: '2018-07-16', evidence: 'Invoice OW-0718: locality para-medical team, April to June 2018' });
  const nb = applications.get('North Blaby')!;
  await decideApplication(asCommissioner, nb.id, {
    outcome: 'part_approve',
    approvedAmount: nb.lines.slice(0, 3).reduce((a, b) => a + b, 0),
    reason: 'Approved for para-medical staff, integration and back office; bring the visiting service and in-hours urgent care back with costed options.',
    decidedOn,
    rowVersion: 1,
  });
  await decideApplication(asCommissioner, applications.get('Rutland')!.id, { outcome: 'approve', decidedOn, rowVersion: 1 });
  return applications.size;
}

/** The per-head funds of the ELR seeds, and the localities' transformation fund applications. Loading twice changes nothing. */
export async function loadDemoFunds(ctx: AppContext): Promise<string[]> {
  const [any] = await ctx.db.select({ id: funds.id }).from(funds).limit(1);
  if (any) return [];
  const loaded: string[] = [];
  for (const { footprint, ...row } of readDemoCsv('funds/funds.csv')) {
    const [fund] = await insertPrepared(ctx, fundRecord, [fundRecord.createSchema.parse({ ...row, footprintGroupId: await groupIdByName(ctx, footprint!) })]);
    if (row.name === transformationFund) loaded.push(`${row.name} with ${await loadTransformationApplications(ctx, fund!.id as number)} locality applications`);
    else loaded.push(row.name!);
  }
  return loaded;
}
