import { boardActionRecord } from '../governance/board-action-record.js';
import { meetingRecord } from '../governance/meeting-record.js';
import { policyRecord } from '../governance/policy-record.js';
import { riskRecord } from '../governance/risk-record.js';
import { costSavingRecord, ieLineRecord, runningCostRecord } from '../finance/budget-records.js';
import { financeYearRecord, incomeStreamRecord, incomeStreamYearRecord } from '../finance/stream-records.js';
import { contractRecord } from '../contracts/contract-record.js';
import { subContractRecord } from '../contracts/sub-contract-record.js';
import { fundRecord } from '../funds/fund-record.js';
import { groupRecord } from '../groups/group-record.js';
import { membershipRecord } from '../groups/membership-record.js';
import { personRecord } from '../people/person-record.js';
import { planTaskRecord } from '../programme/plan-task-record.js';
import { planSectionRecord, stpActionRecord, stpDeliverableRecord, stpMilestoneRecord, stpOutcomeRecord, workPlanRecord } from '../programme/programme-records.js';
import { practiceRecord } from '../registry/practice-record.js';
import { thresholdRecord } from '../quality/threshold-record.js';
import { schemeRecord } from '../schemes/scheme-record.js';
import { userRecord } from '../users/user-record.js';
import type { AnyRecordType } from './record-type.js';

/** Every record type that the generic list/get/edit/export/import routes serve, by URL name. */
export const recordTypes: Record<string, AnyRecordType> = {
  practices: practiceRecord,
  groups: groupRecord,
  memberships: membershipRecord,
  users: userRecord,
  people: personRecord,
  schemes: schemeRecord,
  'work-plans': workPlanRecord,
  'plan-sections': planSectionRecord,
  'plan-tasks': planTaskRecord,
  'stp-deliverables': stpDeliverableRecord,
  'stp-actions': stpActionRecord,
  'stp-milestones': stpMilestoneRecord,
  'stp-outcomes': stpOutcomeRecord,
  risks: riskRecord,
  meetings: meetingRecord,
  'board-actions': boardActionRecord,
  policies: policyRecord,
  'finance-years': financeYearRecord,
  'income-streams': incomeStreamRecord,
  'income-stream-years': incomeStreamYearRecord,
  'ie-lines': ieLineRecord,
  'running-costs': runningCostRecord,
  'cost-savings': costSavingRecord,
  contracts: contractRecord,
  'sub-contracts': subContractRecord,
  funds: fundRecord,
  thresholds: thresholdRecord,
};

/** A record type by its URL name ("risks"); unknown names are refused. */
export function recordTypeNamed(plural: string): AnyRecordType {
  const type = recordTypes[plural];
  if (!type) throw new Error(`atscale has no record type "${plural}"`);
  return type;
}
