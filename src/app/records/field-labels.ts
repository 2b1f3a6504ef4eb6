import { auditSummary, type FieldLabels } from '../../domain/audit/summary.js';
import { labelName } from '../../domain/problem-sentence.js';
import { propertyOf } from './column-property.js';
import type { AnyRecordType } from './record-type.js';
import { recordTypes } from './registry.js';

/**
 * What people call each property of a record type: its fields' headings, under the property a row
 * holds them in ("Amount (pence)" as "Amount", "Scheme ID" as "Scheme", as exports name the record it points at), and the labels it declares beside them. Nothing
 * new to keep in step: a heading changed in a list changes here too.
 */
export function fieldLabelsOf(type: AnyRecordType): FieldLabels {
  const headings = Object.entries(type.fields).map(([key, field]) => [propertyOf(type.source, field.column) ?? key, labelName(field.names ? field.header.replace(/ ID$/, '') : field.header)]);
  return { ...Object.fromEntries(headings), ...type.labels };
}

let byName: Map<string, FieldLabels> | undefined;

/** The labels of the record type an audit row names (`practice`); none for what is not a record type (an import). */
export function labelsOfRecordType(name: string): FieldLabels {
  byName ??= new Map(Object.values(recordTypes).map((type) => [type.name, fieldLabelsOf(type)]));
  return byName.get(name) ?? {};
}

/** A change to a record in words, its fields named as its type's pages name them: "Changed status and close date". */
export function changeSummary(recordType: string, before: unknown, after: unknown): string {
  return auditSummary({ action: 'update', before, after, summary: null }, labelsOfRecordType(recordType));
}
