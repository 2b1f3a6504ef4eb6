/** The shapes the scheme pages read from the API (src/api/routes/schemes.ts, src/app/schemes/scheme-presenters.ts). */
import type { ReportTable } from '../../../domain/schemes/report-columns.js';
import type { SchemeDefinition } from '../../../domain/schemes/scheme-definition.js';

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

export interface VersionSummary {
  version: number;
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
  /** The day activity returns are due (the latest version only), or null. */
  returnsDueOn: string | null;
  /** How many practices are asked for a return, and those with nothing returned yet (a practice manager: their own). */
  asked: number;
  awaited: { odsCode: string; name: string }[];
}

export interface DeliveredResult {
  scheme: string;
  returns: number;
  figures: number;
  changed: boolean;
}

export const schemePath = (id: number | string) => `/api/schemes/${id}`;
