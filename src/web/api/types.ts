/** The shapes the web app reads from the API (see src/api/routes and the OpenAPI document at /api/openapi.json). */

import type { Problem } from './client.js';
import type { MembershipChange } from '../../domain/registry/membership-changes.js';

export type Role = 'admin' | 'practice_manager' | 'commissioner' | 'clinician';

export interface SessionUser {
  id: number | null;
  label: string;
  role: Role;
  roleLabel: string;
  practiceCodes: string[];
}

export interface Session {
  user: SessionUser;
  csrfToken: string | null;
}

/** GET /api/session when nobody is signed in. */
export interface SignedOut {
  user: null;
  csrfToken: null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A row of the practice_overview view. Dates are ISO (YYYY-MM-DD). */
export interface PracticeOverview {
  odsCode: string;
  displayName: string;
  name: string;
  localName: string | null;
  status: string;
  isGpPractice: boolean;
  commissionerCode: string | null;
  commissionerName: string | null;
  pcnCode: string | null;
  pcnName: string | null;
  icbCode: string | null;
  icbName: string | null;
  postcode: string | null;
  address: string | null;
  openDate: string | null;
  closeDate: string | null;
  phone: string | null;
  notes: string | null;
  sourceDate: string | null;
  listSize: number | null;
  listSizeDate: string | null;
  locality: string | null;
  rowVersion: number;
}

export type GroupKind = 'federation' | 'pcn' | 'icb_footprint' | 'locality' | 'peer_group';

export interface Group {
  id: number;
  name: string;
  kind: GroupKind;
  parentId: number | null;
  commissionerCode: string | null;
  description: string | null;
  rowVersion: number;
}

export interface Membership {
  id: number;
  groupId: number;
  groupName: string;
  groupKind: GroupKind;
  groupParentId: number | null;
  practiceCode: string;
  practiceName: string | null;
  startDate: string;
  endDate: string | null;
  current: boolean;
  rowVersion: number;
}

export interface GroupMember extends PracticeOverview {
  membershipId: number;
  startDate: string;
  endDate: string | null;
  membershipVersion: number;
}

export interface GroupSummary {
  group: Group;
  onDate: string;
  children: Group[];
  practices: GroupMember[];
  formerPractices: { odsCode: string; name: string; closeDate: string | null; membershipId: number; membershipVersion: number; startDate: string; endDate: string | null }[];
  totalListSize: number;
  listSizeDates: string[];
  /** Members with no list size on record, "Name (C82001)": the total leaves them out. */
  withoutListSize: string[];
  /** Members that closed or left between the list-size file the total is read from and the date shown. */
  goneSinceListSizes: string[];
}

export interface PracticeDetails {
  practice: PracticeOverview;
  canEdit: boolean;
  listSizes: { snapshotDate: string; patients: number; commissionerCode: string | null }[];
  /** Changes from the NHS files and the groups the practice joined and left, latest first. */
  history: ({ kind: 'nhs_file'; date: string; changedFields: string[] | null; snapshot: Record<string, unknown> | null } | MembershipChange)[];
  pcnMemberships: { pcnCode: string; pcnName: string | null; startDate: string; endDate: string | null; source: string | null }[];
  groups: Membership[];
}

export interface Organisation {
  code: string;
  name: string;
  kind: 'region' | 'icb' | 'sub_icb' | 'pcn';
  parentCode: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorLabel: string;
  recordType: string;
  recordId: string;
  /** What the record is called ("Kibworth Medical Centre (C82001)", "List size of C82001 at 1 April 2025"), where that says more than its ID. */
  recordName: string | null;
  action: string;
  before: unknown;
  after: unknown;
  /** What the change did, in words: the line it wrote, or one the server worked out from before and after. */
  summary: string;
  /** Whether the record is still there, so its page can be linked. */
  recordStillThere: boolean;
  /** Its before and after, field by field: labelled as the record's pages label them, ids as names, codes as words. */
  changes: { field: string; before: string | null; after: string | null }[];
}

// The import report and job are the server's own types (type-only imports: no server code reaches the bundle).
export type { ImportReport } from '../../app/registry/import-report.js';
export type { AuditSealCheck } from '../../app/audit-seals.js';
import type { ImportReport } from '../../app/registry/import-report.js';
import type { JobView } from '../../app/jobs/jobs.js';

export interface Job extends Omit<JobView, 'result'> {
  /** The import report; or { problems } when the job failed before it could report. */
  result: (Partial<ImportReport> & { problems?: Problem[] }) | null;
}

export interface UserRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  practiceCodes: string[];
  lastSignInAt: string | null;
  createdAt: string;
  rowVersion: number;
}
