/** The shapes the scheme pages read from the API (src/api/routes/schemes.ts, src/app/schemes/scheme-presenters.ts). */
import type { ReportTable } from '../../../domain/schemes/report-columns.js';
import type { ReturnsState } from '../../../domain/schemes/returns-due.js';
import type { SchemeDefinition } from '../../../domain/schemes/scheme-definition.js';
import type { Settlement } from '../../../domain/schemes/settlement.js';

export type SchemeStatus = 'draft' | 'approved' | 'superseded';

export interface Scheme {
  id: number;
  slug: string;
  name: string;
  funder: string;
  groupId: number | null;
  status: SchemeStatus;
  currentVersion: number;
  returnsDueOn: string | null;
  rowVersion: number;
  createdAt: string;
  updatedAt: string;
}

/** Each version says whether its payments were invoiced to the commissioner and paid to practices (null: not yet). */
export interface VersionSummary extends Settlement {
  version: number;
  /** The version's own name and funder: a draft's may differ from the scheme's, which are the approved version in force's. */
  name: string;
  funder: string;
  status: SchemeStatus;
  listSnapshotDate: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface SchemeVersion extends VersionSummary {
  definition: SchemeDefinition;
}

export interface SchemeVersions {
  scheme: Scheme;
  items: SchemeVersion[];
}

/** GET /api/schemes/:id/run, without the engine's raw result (the pages show the report tables). */
export interface StoredSchemeRun {
  scheme: Scheme;
  version: VersionSummary;
  tables: ReportTable[];
  footingNotes: string[];
}

/** A version's delivered activity, row by row (a practice manager's own practices only). */
export interface DeliveredList {
  items: { practiceCode: string; modelId: string; week: number | null; quantity: number | null; takesPart: string | null }[];
  /** Sent back with a replacement so that figures someone changed meanwhile are not overwritten. */
  revision: string;
  practiceRevisions: Record<string, string>;
  /** The day activity returns are due (one date for the scheme), on the latest version and the approved version in force; null on any other, or when none is set. */
  returnsDueOn: string | null;
  /** How many practices are asked for a return, and those with nothing returned yet (a practice manager: their own). */
  asked: number;
  awaited: { odsCode: string; name: string }[];
  /** The due date has passed: returns are closed to practice managers; the federation still records them. */
  returnsClosed: boolean;
  /** The practices that have returned, with the day each return was first received, whether that was after the due date, and when it was last changed and by whom (an actor label). */
  received: { odsCode: string; name: string; receivedOn: string | null; late: boolean; lastSent: { at: string; by: string } | null }[];
}

/** GET /api/schemes/practices-on: the scheme builder's practices and list sizes on the snapshot date, and the one message saving would give. */
export interface SchemePracticesOn {
  onDate: string;
  practices: { odsCode: string; displayName: string; locality: string | null; listSize: number | null }[];
  problem: string | null;
}

/** GET /api/schemes/overview: beside each scheme, the version the reader reads and where its activity returns stand. */
export interface SchemeOverviews {
  today: string;
  /** `payments`: whether the version in force was invoiced and paid; null with none in force, or for a scheme that pays for no activity. */
  items: { id: number; version: VersionSummary | null; inForce: number | null; returns: ReturnsState; payments: (Settlement & { version: number }) | null }[];
}

export interface DeliveredResult {
  scheme: string;
  returns: number;
  figures: number;
  changed: boolean;
  /** From an upload: practices with returns the file did not hold, which kept them. */
  keptNotInFile?: { odsCode: string; name: string }[];
}

export const schemePath = (id: number | string) => `/api/schemes/${id}`;
