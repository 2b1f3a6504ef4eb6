import { Outlet, useParams } from 'react-router';
import { MAX_INT4 } from '../../domain/record-id.js';
import { NotFoundPage } from './page-states.js';

/** A record's id as an address gives it: a whole number from 1 to the database's limit, written plainly (no sign, point or leading zero). */
export const isRecordIdText = (text: string) => /^[1-9]\d{0,9}$/.test(text) && Number(text) <= MAX_INT4;

/** An organisation's ODS code as an address gives it: 3 to 10 letters or digits (a practice, PCN or cost centre). */
export const isOrganisationCodeText = (text: string) => /^[A-Za-z0-9]{3,10}$/.test(text);

/** Whether the address's `:id` and `:code` could name a record at all; /fund-applications/abc names nothing. */
export function addressCanNameRecord(params: Readonly<Record<string, string | undefined>>): boolean {
  return (params.id === undefined || isRecordIdText(params.id)) && (params.code === undefined || isOrganisationCodeText(params.code));
}

/**
 * Around every page of the app: an address whose id or code cannot name a record shows the NHS
 * "Page not found" page, as an unknown record does, rather than the server's refusal of the request.
 */
export function RecordAddress() {
  return addressCanNameRecord(useParams()) ? <Outlet /> : <NotFoundPage />;
}
