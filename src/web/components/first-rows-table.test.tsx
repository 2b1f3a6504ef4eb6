import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FirstRowsTable } from './first-rows-table.js';

const rows = Array.from({ length: 250 }, (_, i) => ({ code: `P${i}` }));
const columns = [{ key: 'code', header: 'Practice', cell: (r: { code: string }) => r.code }];
const bodyRows = (html: string) => (html.match(/<tr/g) ?? []).length - 1;

describe('a table of thousands of practices', () => {
  it('shows the first rows and offers the rest', () => {
    const html = renderToString(<FirstRowsTable caption="250 practices" columns={columns} rows={rows} rowKey={(r) => r.code} first={200} />);
    expect(bodyRows(html)).toBe(200);
    expect(html).toContain('Showing the first 200 of 250 rows.');
    expect(html).toMatch(/<button[^>]*aria-pressed="false"[^>]*>Show all 250<\/button>/);
  });

  it('shows every row, with no button, when there are no more than the first', () => {
    const html = renderToString(<FirstRowsTable caption="3 practices" columns={columns} rows={rows.slice(0, 3)} rowKey={(r) => r.code} />);
    expect(bodyRows(html)).toBe(3);
    expect(html).not.toContain('<button');
  });
});
