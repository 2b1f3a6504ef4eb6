import type { FastifyReply } from 'fastify';
import { aboutSheet, producedWords, sheetTitle, toCsvFile, toXlsx, type Column } from '../../app/export/tabular.js';
import { AppError } from '../../domain/errors.js';
import { todayInEngland } from '../../domain/iso-date.js';
import { formatCount } from '../../domain/schemes/format-money.js';
import { sendFile, xlsxType } from './send-file.js';
import { downloadFileName } from '../../app/downloads.js';

export interface TableFile {
  /** The file's name before its date ("risks" → risks-2026-11-25.csv), and the data sheet's key. */
  name: string;
  /** What the file holds, in words ("Risks", an indicator's name); by default the name's words. */
  title?: string;
  /** The filters the list was cut by, in words ("Status: Open"); none means every record the reader may see. */
  filters?: string[];
}

/**
 * A list as a CSV (for programs and spreadsheets: the rows alone) or a workbook, whose second tab
 * says what the file is for someone reading it later, or pasting it into a board paper: what it
 * holds, which filters cut it, who produced it and when, and how many rows.
 */
export async function sendTable<T>(reply: FastifyReply, file: TableFile, format: 'csv' | 'xlsx', rows: readonly T[], columns: readonly Column<T>[]) {
  const today = todayInEngland();
  if (format === 'csv') {
    return sendFile(reply, 'text/csv; charset=utf-8', { fileName: downloadFileName(file.name, 'csv', today), content: toCsvFile(rows, columns) });
  }
  if (format === 'xlsx') {
    const title = file.title ?? sheetTitle({ name: file.name });
    const about = aboutSheet([
      ['What', title],
      ['Filtered by', file.filters?.length ? file.filters.join('; ') : 'Nothing: every record you may see'],
      ['Rows', formatCount(rows.length)],
      ['Produced', producedWords(reply.request.actor?.label)],
    ]);
    const content = await toXlsx([{ name: file.name, title: file.title, rows, columns }, about], { title });
    return sendFile(reply, xlsxType, { fileName: downloadFileName(file.name, 'xlsx', today), content });
  }
  throw new AppError('invalid', 'Choose csv or xlsx');
}
