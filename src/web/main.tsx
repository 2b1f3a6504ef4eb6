import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { createQueryClient } from './api/use-api.js';
import { SessionProvider } from './auth/session.js';
import { router } from './routes.js';
import { z } from 'zod';
import './styles.scss';

// zod checks whether it may compile parsers with Function(), which the pages' Content-Security-Policy refuses (script-src 'self', no eval): it need not ask.
z.config({ jitless: true });

const queryClient = createQueryClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </QueryClientProvider>
  </StrictMode>,
);
