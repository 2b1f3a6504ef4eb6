import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { addressCanNameRecord, RecordAddress } from './record-address.js';

describe('addressCanNameRecord: an id or code in an address that could name a record', () => {
  it.each([
    [{ id: '1' }, true],
    [{ id: '2147483647' }, true],
    [{ id: 'abc' }, false],
    [{ id: '0' }, false],
    [{ id: '007' }, false],
    [{ id: '1.5' }, false],
    [{ id: '-3' }, false],
    [{ id: '2147483648' }, false],
    [{ code: 'C82001' }, true],
    [{ code: 'c82001' }, true],
    [{ code: 'Y55' }, true],
    [{ code: '%' }, false],
    [{ code: 'C8' }, false],
    [{ code: 'C82001-OLD' }, false],
    [{}, true],
  ])('%j → %s', (params, expected) => {
    expect(addressCanNameRecord(params)).toBe(expected);
  });
});

async function render(url: string): Promise<string> {
  const routes = [{ element: <RecordAddress />, children: [{ path: '/fund-applications/:id', element: <p>the application</p> }] }];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(`http://localhost${url}`));
  if (context instanceof Response) throw new Error('expected a render, not a redirect');
  return renderToString(<StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} hydrate={false} />);
}

describe('RecordAddress', () => {
  it('shows the NHS page-not-found page for an id that names nothing, and the page for one that may', async () => {
    const bad = await render('/fund-applications/abc');
    expect(bad).toContain('Page not found');
    expect(bad).not.toContain('the application');
    expect(await render('/fund-applications/12')).toContain('the application');
  });
});
