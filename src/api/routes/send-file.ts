import type { FastifyReply } from 'fastify';

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends a file for the browser to download (or, `inline`, to show): its type and its name, with
 * any double quote taken out of the name so an uploaded file's name cannot break the header.
 */
export function sendFile(reply: FastifyReply, type: string, file: { fileName: string; content: Uint8Array | string }, disposition: 'attachment' | 'inline' = 'attachment') {
  const content = typeof file.content === 'string' || Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content);
  return reply.header('content-type', type).header('content-disposition', `${disposition}; filename="${file.fileName.replace(/"/g, '')}"`).send(content);
}
