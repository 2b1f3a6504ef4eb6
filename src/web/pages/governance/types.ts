/** Governance records as the API returns them (see src/app/governance/*-record.ts). */
export interface Versioned {
  id: number;
  rowVersion: number;
}

export interface Risk extends Versioned {
  ref: string;
  risk: string;
  causeEffect: string | null;
  context: string | null;
  ownerText: string | null;
  likelihood: number | null;
  likelihoodRaw: string | null;
  impact: number | null;
  targetScore: number | null;
  mitigation: string | null;
  reviewDate: string | null;
  status: 'open' | 'closed';
  /** The day it was closed; none while open. */
  closedOn: string | null;
  score: number | null;
  rating: 'low' | 'moderate' | 'high' | 'extreme' | null;
}

export interface RiskScore {
  id: number;
  likelihood: number | null;
  impact: number | null;
  score: number | null;
  recordedOn: string;
  recordedBy: string;
}

export interface HeatMapCell {
  likelihood: number;
  impact: number;
  score: number;
  rating: 'low' | 'moderate' | 'high' | 'extreme';
  refs: string[];
}

export interface BoardAction extends Versioned {
  ref: string;
  action: string;
  ownerText: string | null;
  dueDate: string | null;
  status: 'open' | 'carried_forward' | 'closed';
  outcome: string | null;
  /** The day it was closed; none while open or carried forward. */
  closedOn: string | null;
  meetingId: number | null;
  /** Its newest dated update, worked out from the updates. */
  latestUpdate: string | null;
  latestUpdateOn: string | null;
}

export interface ActionUpdate {
  id: number;
  enteredOn: string;
  text: string;
  enteredBy: string;
}

export interface Meeting extends Versioned {
  title: string;
  heldOn: string | null;
  agenda: string | null;
  attendees: string | null;
  decisions: string | null;
}

export interface Policy extends Versioned {
  title: string;
  kind: 'policy' | 'protocol' | 'template';
  description: string | null;
  version: string;
  ownerText: string | null;
  approvedOn: string | null;
  reviewDate: string | null;
  acknowledgeBy: string | null;
  practiceCodes: string[];
}

export interface Person extends Versioned {
  name: string;
  initials: string | null;
  jobTitle: string | null;
  organisation: string | null;
  email: string | null;
  userId: number | null;
}

export interface MyItem {
  kind: string;
  ref: string;
  title: string;
  dueDate: string;
  href: string;
  waitingSince?: boolean;
}

export const actionStatusLabels: Record<BoardAction['status'], string> = { open: 'Open', carried_forward: 'Carried forward', closed: 'Closed' };
export { impactLabels, likelihoodLabels } from '../../../domain/governance/risk-score.js';
export { itemKindLabels } from '../../../domain/governance/digest.js';
