/** The finance plan's facts, as the domain rules take them. Money is integer pence throughout. */
export const streamStatuses = ['secured', 'potential', 'ended'] as const;
/** How pages, exports and forms write a status (a file may use either; reading ignores case). */
export const streamStatusLabels = { secured: 'Secured', potential: 'Potential', ended: 'Ended' } as const;
export type StreamStatus = (typeof streamStatuses)[number];

/** How a funder pays: each month, each quarter, once a year, or when the federation claims (monthly claims). */
export const paymentFrequencies = ['monthly', 'quarterly', 'annually', 'on_claim'] as const;
export type PaymentFrequency = (typeof paymentFrequencies)[number];
/** How pages, exports and the CLI write payment terms: "On claim, 1 month in arrears". */
export const frequencyLabels: Record<PaymentFrequency, string> = { monthly: 'Monthly', quarterly: 'Quarterly', annually: 'Annually', on_claim: 'On claim' };
export const termsLabel = (t: PaymentTerms) => `${frequencyLabels[t.frequency]}${t.arrearsMonths ? `, ${t.arrearsMonths} month${t.arrearsMonths === 1 ? '' : 's'} in arrears` : ''}`;

export const savingBeneficiaries = ['practices', 'federation'] as const;
export type SavingBeneficiary = (typeof savingBeneficiaries)[number];

export const ieSections = ['secured', 'potential'] as const;
export type IeSection = (typeof ieSections)[number];

export interface PaymentTerms {
  frequency: PaymentFrequency;
  /** Months after the end of the period the payment is for (0: paid in the period's last month). */
  arrearsMonths: number;
}

export interface IncomeStream extends PaymentTerms {
  id: number;
  funder: string;
  name: string;
  status: StreamStatus;
  /** The share paid on to practices, in basis points (9500 = 95%); the federation keeps the rest. */
  practicesShareBasisPoints: number;
  contractReference: string | null;
  endDate: string | null;
  /** The scheme this stream pays for, if any: its figures replace the typed ones once activity is recorded. */
  schemeId: number | null;
  amounts: StreamAmount[];
}

/** A stream's amount in a year. `practicesPence`, where known exactly (a scheme's payments), replaces the practices' share. */
export interface StreamAmount {
  financialYear: string;
  amountPence: number;
  practicesPence?: number;
  /** When a linked scheme says the money moves, in place of the whole year by the stream's terms. */
  timing?: SchemeTiming;
}

/**
 * When a linked scheme's money moves: before its version is invoiced, over the months its period
 * runs (null: its period gives no dates, so the whole year); once invoiced to the commissioner, as
 * the stream's terms put it after the invoice date; once paid to practices, in the payment's month.
 */
export interface SchemeTiming {
  months: string[] | null;
  invoicedOn: string | null;
  paidOn: string | null;
}

export interface IeIncomeLine {
  id: number;
  financialYear: string;
  section: IeSection;
  line: string;
  amountPence: number;
  comment: string | null;
  /** The income stream this line is the federation's share of, where there is one (scenarios use it). */
  streamId: number | null;
  /** The scheme whose federation fee this line is, where there is one. */
  schemeId: number | null;
}

export interface RunningCostLine extends PaymentTerms {
  id: number;
  financialYear: string;
  category: string;
  line: string;
  amountPence: number;
  comment: string | null;
}

export interface CostSaving {
  id: number;
  initiative: string;
  financialYear: string;
  expectedPence: number;
  realisedPence: number | null;
  beneficiary: SavingBeneficiary;
}
