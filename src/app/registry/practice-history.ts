import type { BulkColumn } from '../../db/bulk.js';

export interface HistoryRow {
  odsCode: string;
  validFrom: string;
  changedFields: string[];
  snapshot: Record<string, unknown>;
}

export const historyColumns: BulkColumn<HistoryRow>[] = [
  { name: 'ods_code', type: 'text', value: (r) => r.odsCode },
  { name: 'valid_from', type: 'date', value: (r) => r.validFrom },
  { name: 'changed_fields', type: 'jsonb', value: (r) => r.changedFields },
  { name: 'snapshot', type: 'jsonb', value: (r) => r.snapshot },
];
