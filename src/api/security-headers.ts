import type { FastifyInstance } from 'fastify';

/**
 * What every page may load: its own scripts, styles and images only (styles may be set inline, as the
 * charts set them), and no other site may frame it (clickjacking an admin's Users page). An SVG chart
 * or an uploaded file opened on its own runs no script either.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The headers every answer carries. API answers hold personal data (names, applications, the audit
 * log): no browser or proxy keeps a copy (no-store), so the next person at a shared practice PC
 * cannot page back to them. Over HTTPS (secure cookies), browsers are told to keep to HTTPS.
 */
export function addSecurityHeaders(app: FastifyInstance, overHttps: boolean): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header('Content-Security-Policy', contentSecurityPolicy);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'same-origin');
    if (overHttps) reply.header('Strict-Transport-Security', 'max-age=31536000');
    if (request.url.startsWith('/api/') && !reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
  });
}
