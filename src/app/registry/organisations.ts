import type { BulkColumn } from '../../db/bulk.js';

export interface OrganisationRow {
  code: string;
  name: string;
  kind: 'region' | 'icb' | 'sub_icb' | 'pcn';
  parentCode: string | null;
  openDate?: string | null;
  closeDate?: string | null;
}

export const organisationColumns: BulkColumn<OrganisationRow>[] = [
  { name: 'code', type: 'text', value: (o) => o.code },
  { name: 'name', type: 'text', value: (o) => o.name },
  { name: 'kind', type: 'text', value: (o) => o.kind },
  { name: 'parent_code', type: 'text', value: (o) => o.parentCode },
  { name: 'open_date', type: 'date', value: (o) => o.openDate ?? null },
  { name: 'close_date', type: 'date', value: (o) => o.closeDate ?? null },
];
