import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { ServiceProblemPage } from './page-states.js';

// Server rendering has no error boundaries, so the fault comes from the route's loader: the router hands it to errorElement the same way.
const broken = () => {
  throw new TypeError("Cannot read properties of null (reading 'value')");
};

describe('ServiceProblemPage', () => {
  it('replaces a page that fails while drawing with the NHS problem page, keeping the way back', async () => {
    const routes = [{ path: '/schemes/:id', loader: broken, element: <p>never drawn</p>, errorElement: <ServiceProblemPage /> }];
    const handler = createStaticHandler(routes);
    const context = await handler.query(new Request('http://localhost/schemes/1'));
    if (context instanceof Response) throw new Error('expected a render, not a redirect');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const html = renderToString(<StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} hydrate={false} />);
    expect(html).toContain('Sorry, there is a problem with the service');
    expect(html).toContain('href="/schemes/1"');
    expect(html).not.toContain('never drawn');
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining('reading') }));
    logged.mockRestore();
  });
});
