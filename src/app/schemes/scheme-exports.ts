import { eq } from 'drizzle-orm';
import { practiceGroups } from '../../db/schema/index.js';
import { moneyColumnFormat } from '../../domain/schemes/format-money.js';
import { settlementWords } from '../../domain/schemes/settlement.js';
import { renderPdf } from '../export/pdf.js';
import { reportTableColumns } from '../export/report-table-columns.js';
import { producedWords, toXlsx, type Sheet } from '../export/tabular.js';
import type { AppContext } from '../context.js';
import { runStoredScheme, schemeStatement, type RunOptions } from './run-stored-scheme.js';
import { statementFacts, statementPractice } from './scheme-presenters.js';
import { dayInEngland, formatLongDate } from '../../domain/iso-date.js';
import { actorName, humanise } from '../../domain/words.js';

/**
 * A scheme run as a workbook: an "about" sheet naming the scheme, its version, the list-size
 * snapshot used and what each sheet is, then one sheet per report table (allocation, payments, statements, schedule,
 * differences… as the scheme has them), exactly as the engine's report tables give them.
 */
export async function schemeWorkbook(ctx: AppContext, schemeId: number, options: RunOptions = {}): Promise<{ fileName: string; content: Buffer }> {
  const result = await runStoredScheme(ctx, schemeId, options);
  const about: [string, string | number | null][] = [
    // The version's own name and funder: an admin's export of a draft names the draft's.
    ['Scheme', result.version.name],
    ['Funder', result.version.funder],
    ...(result.version.period ? [['Period', result.version.period] as [string, string]] : []),
    ['Version', result.version.version],
    ['Status', humanise(result.version.status)],
    ['Approved', result.version.approvedAt ? `${formatLongDate(dayInEngland(new Date(result.version.approvedAt)))} by ${actorName(result.version.approvedBy)}` : 'Not yet'],
    ['List sizes', result.version.listSnapshotDate ? `registry snapshot at ${formatLongDate(result.version.listSnapshotDate)}` : 'as given in the scheme'],
    ...(result.run.payments ? [['Invoiced and paid', settlementWords(result.version)] as [string, string]] : []),
    ['Produced', producedWords(ctx.actor.label)],
    // A practice manager's workbook holds their own practices' rows: say so, and say where there are none.
    ...(ctx.actor.role === 'practice_manager'
      ? [['Rows', result.run.allocation.rows.length ? 'your practices’ rows, and the totals of every practice in the scheme' : 'none: your practices take no part in this scheme, so the sheets hold only its totals'] as [string, string]]
      : []),
    // A sheet has no room for its table's title, which says what it is (which contributions schedule, for one).
    ...result.tables.map((t): [string, string] => [`Sheet ${t.name}`, t.title]),
    ...result.footingNotes.map((note): [string, string] => ['Footing note', note]),
  ];
  const sheets: Sheet<any>[] = [
    { name: 'about', rows: about, columns: [{ header: 'Item', value: (r: [string, unknown]) => r[0] }, { header: 'Value', value: (r: [string, string | number | null]) => r[1] }] },
    ...result.tables.map((t) => ({ name: t.name, rows: t.rows, columns: reportTableColumns(t, 'xlsx') })),
  ];
  return { fileName: `${result.scheme.slug}-v${result.version.version}.xlsx`, content: await toXlsx(sheets) };
}

/** One practice's statement as a PDF, naming the scheme, its version, the list-size snapshot and the practice. */
export async function schemeStatementPdf(ctx: AppContext, schemeId: number, practiceCode: string, options: RunOptions = {}): Promise<{ fileName: string; content: Buffer }> {
  const stored = await schemeStatement(ctx, schemeId, practiceCode, options);
  const { scheme, version, statement } = stored;
  // Who the statement is from: the federation (or PCN) whose scheme it is.
  const [from] = scheme.groupId ? await ctx.db.select({ name: practiceGroups.name }).from(practiceGroups).where(eq(practiceGroups.id, scheme.groupId)) : [];
  // One column of money: pence on every row where any line has them (£3,539.00 under £2,739.17, not £3,539).
  const amount = moneyColumnFormat([...statement.lines.map((l) => l.amountPence), ...statement.totals.map((t) => t.amountPence)]);
  const content = await renderPdf({
    pageSize: 'A4',
    pageMargins: [40, 48, 40, 48],
    info: { title: statement.title },
    content: [
      { text: version.name, style: 'title' },
      { text: `Statement for ${statementPractice(statement)}`, style: 'subtitle' },
      {
        table: {
          widths: [110, '*'],
          body: statementFacts(stored),
        },
        layout: 'noBorders',
        margin: [0, 0, 0, 12],
      },
      {
        table: {
          headerRows: 1,
          widths: [160, '*', 70],
          body: [
            [{ text: 'Line', bold: true }, { text: 'Detail', bold: true }, { text: 'Amount', bold: true, alignment: 'right' }],
            ...statement.lines.map((l) => [l.label, l.detail, { text: l.amountPence === null ? '' : amount(l.amountPence), alignment: 'right' as const }]),
            ...statement.totals.map((t) => [{ text: t.label, bold: true }, { text: t.rule, italics: true }, { text: amount(t.amountPence), bold: true, alignment: 'right' as const }]),
          ],
        },
        layout: 'lightHorizontalLines',
      },
      ...statement.warnings.map((w) => ({ text: `Note: ${w}`, margin: [0, 6, 0, 0] as [number, number, number, number], italics: true })),
      { text: `${from ? `From ${from.name}. ` : ''}Produced on ${producedWords(ctx.actor.label)}. Figures are worked from unrounded values and rounded once, by the rule shown.`, style: 'footnote' },
    ],
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 12, margin: [0, 0, 0, 12] },
      footnote: { fontSize: 8, color: '#555555', margin: [0, 16, 0, 0] },
    },
  });
  const code = statement.odsCode ?? statement.practiceKey;
  return { fileName: `${scheme.slug}-v${version.version}-${code}.pdf`, content };
}
