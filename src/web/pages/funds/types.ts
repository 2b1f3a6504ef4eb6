import { applicationStatusLabels } from '../../../domain/funds/fund-applications.js';
/** Funds as the API sends them: money in pence, financial years "2018/19". */

export interface FundYear {
  year: string;
  ratePence: number;
  listTotal: number;
  totalPence: number;
}

export interface ShareRow {
  key: string;
  name: string;
  locality?: string | null;
  listSize: number;
  byYearPence: number[];
  totalPence: number;
}

export interface Position {
  name: string;
  localityId: number | null;
  allocatedPence: number;
  requestedPence: number;
  approvedPence: number;
  drawnPence: number;
  remainingPence: number;
}

export type ApplicationStatus = 'submitted' | 'approved' | 'part_approved' | 'rejected' | 'withdrawn';

export interface Application {
  id: number;
  fundId: number;
  localityGroupId: number;
  localityName: string | null;
  practiceCode: string | null;
  /** The practice's name, where a practice applied. */
  practiceName: string | null;
  title: string;
  purpose: string;
  milestones: string | null;
  requestedPence: number;
  approvedPence: number | null;
  status: ApplicationStatus;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  /** The day it was decided, as the decider gave it. */
  decidedOn: string | null;
  withdrawnBy: string | null;
  withdrawnAt: string | null;
  submittedBy: string;
  /** The day it was made, as the applicant gave it (createdAt is when it was recorded); none for one recorded before the day was asked for. */
  submittedOn: string | null;
  createdAt: string;
  drawnPence: number;
  rowVersion: number;
}

export interface FundReport {
  fund: { id: number; name: string; commissioner: string; listSnapshotDate: string; description: string | null; rates: { year: string; ratePence: number }[] };
  footprintName: string;
  calculation: { years: FundYear[]; listTotal: number; totalPence: number; practices: ShareRow[]; localities: ShareRow[] };
  /** Members with no list size on the fund's date, "Name (C82001)": they have no share. */
  withoutListSize: string[];
  /** Practices with a share of a year they closed or left the footprint during or before, a sentence each. */
  departures: string[];
  positions: Position[];
  /** Each practice's own share, for the practices whose applications the reader sees. */
  practicePositions: (Omit<Position, 'localityId'> & { practiceCode: string; went: { on: string; words: string } | null })[];
  /** Localities and practices whose approvals or drawdowns are more than their share now, a sentence each. */
  heldBeyondShare: string[];
  totals: Omit<Position, 'name' | 'localityId'>;
  applications: Application[];
}

export interface FundSummary extends Omit<Position, 'name' | 'localityId'> {
  id: number;
  name: string;
  commissioner: string;
  footprintName: string;
  /** The federation, PCN or ICB footprint the fund is for (a locality's fund: the group the locality is part of). */
  within: { id: number; name: string };
  listSnapshotDate: string;
  listTotal: number;
  years: FundYear[];
}

export interface ApplicationDetail {
  application: Application & { leftToDrawPence: number };
  fund: { id: number; name: string };
  lines: { id: number; lineNo: number; description: string; amountPence: number }[];
  drawdowns: { id: number; amountPence: number; drawnOn: string; evidence: string; recordedBy: string }[];
}

export const statusLabels: Record<ApplicationStatus, string> = applicationStatusLabels;

/** Who applied, by name: "Kibworth Medical Centre (C82001), Harborough locality", or "Harborough locality". */
export function applicantName(application: Pick<Application, 'practiceCode' | 'practiceName' | 'localityName'>): string {
  const locality = application.localityName ? `${application.localityName} locality` : '';
  if (!application.practiceCode) return locality;
  const practice = `${application.practiceName ?? application.practiceCode} (${application.practiceCode})`;
  return locality ? `${practice}, ${locality}` : practice;
}
