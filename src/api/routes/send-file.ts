import type { FastifyReply } from 'fastify';

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The Content-Disposition header for a file's name, whatever it holds (an uploaded "contrat signé –
 * v2.pdf"): the name in UTF-8 (RFC 6266's filename*), and beside it a plain-ASCII one for old
 * clients, with anything else, quotes and control characters made "_". A header may only carry
 * Latin-1, and a name from a user must not be able to break it.
 */
export function contentDisposition(disposition: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const utf8 = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return ascii === fileName ? `${disposition}; filename="${fileName}"` : `${disposition}; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/** Sends a file for the browser to download (or, `inline`, to show): its type and its name. */
export function sendFile(reply: FastifyReply, type: string, file: { fileName: string; content: Uint8Array | string }, disposition: 'attachment' | 'inline' = 'attachment') {
  const content = typeof file.content === 'string' || Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content);
  return reply.header('content-type', type).header('content-disposition', contentDisposition(disposition, file.fileName)).send(content);
}
