/**
 * ODS changed the epraccur values in 2026: status letters became words and the numeric
 * prescribing setting became an ODS role code. Both generations map to one vocabulary here so
 * nothing downstream needs to know which release a record came from.
 */
export const practiceStatuses = ['active', 'closed', 'dormant', 'proposed'] as const;
export type PracticeStatus = (typeof practiceStatuses)[number];

const STATUS_BY_RAW: Readonly<Record<string, PracticeStatus>> = {
  A: 'active',
  C: 'closed',
  D: 'dormant',
  P: 'proposed',
  ACTIVE: 'active',
  // ODS 2026 says INACTIVE for what classic files called closed (C).
  INACTIVE: 'closed',
  DORMANT: 'dormant',
};

/** The status for an epraccur field 13 value, or null when ODS has never used that value. */
export function parsePracticeStatus(raw: string): PracticeStatus | null {
  // Files already hold clean capitals; look those up before normalising.
  return STATUS_BY_RAW[raw] ?? STATUS_BY_RAW[raw.trim().toUpperCase()] ?? null;
}

/** Classic prescribing setting 4 means "GP practice"; from 2026 the same thing is role RO76. */
const GP_PRACTICE_SETTING = '4';
const GP_PRACTICE_ROLE = 'RO76';

/**
 * Whether epraccur field 26 marks a GP practice. A 2026 record can hold several roles
 * (`RO76|RO268`), and a GP practice with a second role is still a GP practice.
 */
export function isGpPracticeSetting(raw: string): boolean {
  // Most rows of a national file hold one clean value: compare it without splitting.
  if (raw === GP_PRACTICE_SETTING || raw === GP_PRACTICE_ROLE) return true;
  const value = raw.trim().toUpperCase();
  if (value === GP_PRACTICE_SETTING) return true;
  if (!value.includes('|')) return value === GP_PRACTICE_ROLE;
  return value.split('|').some((role) => role.trim() === GP_PRACTICE_ROLE);
}

/**
 * Whether a GP "practice" is a special allocation scheme (SAS): the service for patients removed
 * from a practice's list after violence or threats, which ODS lists with the GP practice role
 * ("LLR SAS PROVIDER", "HERTFORDSHIRE SPECIAL ALLOCATION SCHEME"). It is not a member practice of
 * a federation or PCN, so choosing a commissioner's practices leaves it out. Known by its name.
 */
export const isSpecialAllocationScheme = (name: string): boolean => /\bSAS\b|\bSPECIAL ALLOCATION\b/i.test(name);
