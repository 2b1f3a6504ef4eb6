/**
 * Parsers for NHS England open-data files about GP practices. Pure: each takes the file's
 * text or bytes and its name (for problems), and returns records plus every problem found.
 */
export { decodeText, textOf } from './decode-text.js';
export { csvText, noRowsProblem } from './csv-text.js';
export { parseNhsDate } from './nhs-dates.js';
export { isGpPracticeSetting, isSpecialAllocationScheme, parsePracticeStatus, type PracticeStatus } from './practice-status.js';
export { parseEpraccur, type EpraccurParseOptions, type EpraccurParseResult, type OdsPracticeRecord } from './parse-epraccur.js';
export { parsePatientsRegistered, type PatientsRegisteredParseResult, type PatientsRegisteredRow } from './parse-patients-registered.js';
export { parsePracticeMap, type PracticeMapParseResult, type PracticeMapRow } from './parse-practice-map.js';
export { parseEpcnWorkbook, type EpcnMembership, type EpcnParseResult, type EpcnPcn } from './parse-epcn.js';
export { describeNhsFileKind, detectNhsFile, wrongNhsFileProblem, type NhsFileKind } from './detect-nhs-file.js';
