import { type Actor, type AppContext, systemActor } from '../../src/app/context.js';
import type { Database } from '../../src/db/client.js';
import type { CreateSchemeRequest } from '../../src/app/schemes/scheme-requests.js';
import { practices } from '../../src/db/schema/index.js';
import type { SchemeDefinitionInput } from '../../src/domain/schemes/scheme-definition.js';

export const adminActor: Actor = { userId: null, label: 'test admin', role: 'admin', practiceCodes: [] };
export const managerOf = (...codes: string[]): Actor => ({ userId: null, label: `manager of ${codes.join(',')}`, role: 'practice_manager', practiceCodes: codes });
export const commissionerActor: Actor = { userId: null, label: 'test commissioner', role: 'commissioner', practiceCodes: [] };

export const contextFor = (database: Database, actor: Actor = systemActor): AppContext => ({ db: database.db, actor });

let counter = 0;
/** A practice row as an ODS import would store it; override what the test cares about. */
export function makePractice(overrides: Partial<typeof practices.$inferInsert> = {}): typeof practices.$inferInsert {
  counter++;
  return {
    odsCode: `Z${String(90000 + counter).padStart(5, '0')}`,
    name: `TEST PRACTICE ${counter}`,
    status: 'active',
    statusRaw: 'A',
    prescribingSetting: '4',
    isGpPractice: true,
    commissionerCode: '03W',
    sourceDate: '2018-06-01',
    ...overrides,
  };
}

/** An epraccur row: 27 quoted fields, as ODS publishes them. */
export function epraccurRow(fields: Partial<Record<number, string>> = {}): string {
  const base: Record<number, string> = { 1: 'C99001', 2: 'TEST SURGERY', 3: 'Y60', 4: 'Q78', 5: '1 HIGH STREET', 8: 'LEICESTER', 10: 'LE1 1AA', 11: '19740401', 13: 'A', 14: 'B', 15: '03W', 16: '20130401', 22: '0', 24: '03W', 26: '4' };
  const merged = { ...base, ...fields };
  return Array.from({ length: 27 }, (_, i) => `"${merged[i + 1] ?? ''}"`).join(',');
}

/** A "Patients Registered at a GP Practice" totals file: its header, and a row giving a practice's list on 1 April 2025. */
export const listSizeHeader = 'PUBLICATION,EXTRACT_DATE,TYPE,SUB_ICB_LOCATION_CODE,ONS_SUB_ICB_LOCATION_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS';
export const listSizeRow = (code: string, patients: string) => `GP_PRAC_PAT_LIST,2025-04-01,GP,03W,E38000051,${code},LE8 0LG,ALL,ALL,${patients}`;

/** A small scheme over three demo practices whose list sizes the demo registry holds at 2018-01-01; override any field of the definition. */
export function makeSchemeRequest(overrides: Partial<SchemeDefinitionInput> = {}, groupId?: number): CreateSchemeRequest {
  counter++;
  return {
    definition: {
      version: 1,
      id: `test-scheme-${counter}`,
      name: `Test scheme ${counter}`,
      funder: 'East Leicestershire and Rutland CCG',
      period: { weeks: 8 },
      listSnapshot: { date: '2018-01-01' },
      practices: [
        { name: 'Kibworth Medical Centre', odsCode: 'C82001' },
        { name: 'Countesthorpe Health Centre', odsCode: 'C82002' },
        { name: 'Market Harborough Medical Centre', odsCode: 'C82009' },
      ],
      apportionment: { basis: 'list_size' },
      shared: { unit: 'appointments', quantity: 600 },
      deliveryModels: [
        { id: 'nurse', name: 'Nurse', unitsPerHour: 4, hourlyRate: 50 },
        { id: 'gp', name: 'GP', unitsPerHour: 6, hourlyRate: 95 },
      ],
      fee: { percent: 5 },
      ...overrides,
    },
    ...(groupId ? { groupId } : {}),
  };
}
