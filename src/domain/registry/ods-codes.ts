/**
 * Shapes of the codes the registry keys on. Organisation codes are checked loosely (ODS uses
 * 3 to 10 letters/digits across practices, PCNs, trusts and odd cost centres); commissioners
 * are CCG/sub-ICB codes, 3 characters until 2024 and up to 5 since (e.g. `A3A8R`).
 */
const ORGANISATION_CODE = /^[A-Z0-9]{3,10}$/;
const COMMISSIONER_CODE = /^[A-Z0-9]{3,5}$/;

/** A GP practice's ODS code: one letter and five digits, e.g. C82001. */
export const GP_PRACTICE_CODE = /^[A-Z][0-9]{5}$/;

/** Why `code` is not an organisation code, or null when it is one. `what` names the field for people. */
export function organisationCodeFault(code: string, what: string): string | null {
  if (code === '') return `${what} is empty`;
  return ORGANISATION_CODE.test(code) ? null : `${what} '${code}' is not 3 to 10 capital letters or digits`;
}

/** Why `code` is not a commissioner (CCG or sub-ICB location) code, or null when it is one. */
export function commissionerCodeFault(code: string, what: string): string | null {
  if (code === '') return `${what} is empty`;
  return COMMISSIONER_CODE.test(code) ? null : `${what} '${code}' is not 3 to 5 capital letters or digits`;
}

/**
 * A PCN as someone types it to filter practices: a PCN code (U and five digits, any case) is looked
 * up exactly; anything else is part of a PCN's name ("Rutland"). The CLI and the practices page alike.
 */
export function pcnFilter(typed: string): { pcn: string } | { pcnName: string } {
  const text = typed.trim();
  return /^U\d{5}$/i.test(text) ? { pcn: text.toUpperCase() } : { pcnName: text };
}
