import { shareOf } from '../finance/money.js';
import { AppError } from '../errors.js';

/** A share in basis points: 9,500 is 95%. A practice's share and the federation's fee make the whole tariff. */
export const wholeShareBp = 10_000;

export interface SubContractRow {
  practiceCode: string;
  signedDate: string | null;
  shareBp: number;
}

/** Practices that hold a sub-contract under the head contract but have not signed it yet. */
export function unsignedPractices<T extends SubContractRow>(subContracts: readonly T[]): T[] {
  return subContracts.filter((s) => !s.signedDate);
}

/** Refuses a sub-contract for a practice outside the contract’s footprint, naming it. */
export function checkInFootprint(practiceCode: string, footprint: ReadonlySet<string>, footprintName: string): void {
  if (!footprint.has(practiceCode)) {
    throw new AppError('invalid', `${practiceCode} is not a member of ${footprintName}, the contract’s footprint`, {
      problems: [{ field: 'practiceCode', message: `${practiceCode} is outside the contract’s footprint (${footprintName})` }],
    });
  }
}

/** Refuses a practice share that, with the federation's fee, does not make the whole tariff. */
export function checkShareWithFee(shareBp: number, federationFeeBp: number): void {
  if (shareBp + federationFeeBp !== wholeShareBp) {
    throw new AppError('invalid', `The practice share (${formatBp(shareBp)}) and the federation fee (${formatBp(federationFeeBp)}) must add up to 100%`, {
      problems: [{ field: 'sharePercent', message: `must be ${formatBp(wholeShareBp - federationFeeBp)} with a federation fee of ${formatBp(federationFeeBp)}` }],
    });
  }
}

/** Splits a payment at tariff between the practice and the federation: the practice's part is `shareOf` it (half up to the penny), the fee takes the rest. */
export function splitTariffPayment(amountPence: number, shareBp: number): { practicePence: number; federationPence: number } {
  const practicePence = shareOf(amountPence, shareBp);
  return { practicePence, federationPence: amountPence - practicePence };
}

/** 9500 → "95%", 250 → "2.5%". */
export function formatBp(bp: number): string {
  return `${(bp / 100).toLocaleString('en-GB', { maximumFractionDigits: 2 })}%`;
}
