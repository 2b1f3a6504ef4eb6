import type { ValueBasis } from '../../../domain/contracts/value-basis.js';

/** The contract register as the API sends it (money in pence, shares in basis points, dates YYYY-MM-DD). */

export interface Reminder {
  kind: 'notice' | 'renewal' | 'end';
  date: string;
  daysLeft: number;
  message: string;
}

export interface Contract {
  id: number;
  title: string;
  reference: string | null;
  commissioner: string;
  parties: string;
  footprintGroupId: number;
  footprintName: string;
  startDate: string;
  endDate: string | null;
  renewalDate: string | null;
  noticePeriodDays: number | null;
  noticeDate: string | null;
  ended: boolean;
  valuePence: number | null;
  valueBasis: ValueBasis;
  federationFeeBp: number;
  description: string | null;
  rowVersion: number;
  reminders: Reminder[];
  subContractCount: number;
  signedCount: number;
  unsignedPractices: { practiceCode: string; practiceName: string }[];
}

export interface ContractRegister {
  today: string;
  withinDays: number;
  items: Contract[];
}

export interface SubContract {
  id: number;
  contractId: number;
  practiceCode: string;
  practiceName: string;
  signedDate: string | null;
  shareBp: number;
  notes: string | null;
  rowVersion: number;
}

export interface ContractDocument {
  id: number;
  fileName: string;
  sizeBytes: number;
  uploadedBy: string;
  uploadedAt: string;
}

export interface ContractDetail {
  contract: Contract;
  subContracts: SubContract[];
  documents: ContractDocument[];
  practicesToAdd: { practiceCode: string; practiceName: string }[];
}
