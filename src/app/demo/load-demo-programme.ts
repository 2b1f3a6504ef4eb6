import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { workPlans } from '../../db/schema/index.js';
import type { AppContext } from '../context.js';
import { importStpFiles } from '../programme/import-stp.js';
import { importWorkPlan } from '../programme/import-work-plan.js';
import { demoFolder } from './load-demo.js';

export const demoWorkPlanName = 'ELR GP Federation work plan';
/** The joint strategy that holds the work plan is dated early 2018 and its positions carry no dates of their own. */
const demoWorkPlanAsOf = '2018-02-01';

const demoFile = (name: string) => ({ name, content: readFileSync(join(demoFolder, 'programme', name)) });

/** The federation's work plan and the LLR STP primary care grid, once; what it added, for the demo message. */
export async function loadDemoProgramme(ctx: AppContext): Promise<string[]> {
  const [plan] = await ctx.db.select({ id: workPlans.id }).from(workPlans).where(eq(workPlans.name, demoWorkPlanName));
  if (plan) return [];
  const work = await importWorkPlan(ctx, demoFile('elr-workplan.csv'), { planName: demoWorkPlanName, asOf: demoWorkPlanAsOf });
  const stp = await importStpFiles(ctx, ['llr-stp-deliverables.csv', 'llr-stp-milestones.csv', 'llr-stp-outcomes.csv'].map(demoFile));
  return [`${demoWorkPlanName} (${work.inserted} records)`, `LLR STP primary care deliverables, milestones and outcomes (${stp.inserted} records)`];
}
