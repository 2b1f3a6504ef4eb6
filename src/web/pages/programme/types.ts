// The programme's shapes as the API sends them (type-only imports: no server code reaches the bundle).
import type { getPlanSummary, getTaskDetail } from '../../../app/programme/plan-tasks.js';
import type { StpGrid } from '../../../app/programme/stp-grid.js';
import type { planTasks, stpDeliverables, stpOutcomes, workPlans } from '../../../db/schema/programme.js';

type Json<T> = T extends Date ? string : T extends (infer U)[] ? Json<U>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T;

export type PlanSummary = Json<Awaited<ReturnType<typeof getPlanSummary>>>;
export type TaskDetail = Json<Awaited<ReturnType<typeof getTaskDetail>>>;
export type StpGridData = Json<StpGrid>;

type Row<T extends { $inferSelect: unknown }> = Json<T['$inferSelect']>;

/** A task as lists send it: with whether it is overdue and its newest position update, if any. */
export type PlanTask = Row<typeof planTasks> & { overdue: boolean; latestPosition: string | null; latestPositionOn: string | null };
export type WorkPlan = Row<typeof workPlans>;
export type StpOutcome = Row<typeof stpOutcomes>;
export type StpDeliverable = Row<typeof stpDeliverables>;
