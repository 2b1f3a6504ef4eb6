import { groupRecord } from '../groups/group-record.js';
import { membershipRecord } from '../groups/membership-record.js';
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
  schemes: schemeRecord,
  thresholds: thresholdRecord,
};
