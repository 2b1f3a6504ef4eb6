import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/**
 * A small SMTP client over node:net (smtp://host:port) or node:tls (smtps://host:465), with AUTH
 * PLAIN when the URL has a user and password. Enough for a daily plain-text digest without a
 * mail library; a relay that needs STARTTLS should be reached via its smtps port.
 */
export async function sendMail(smtpUrl: string, message: MailMessage): Promise<void> {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const port = Number(url.port) || (secure ? 465 : 25);
  const socket: Socket = secure ? connectTls({ host: url.hostname, port, servername: url.hostname }) : connectTcp({ host: url.hostname, port });
  socket.setEncoding('utf8');
  socket.setTimeout(15_000, () => socket.destroy(new Error(`The mail server at ${url.host} did not answer in time`)));
  const replies = replyReader(socket);
  const expect = async (code: number, command?: string) => {
    if (command !== undefined) socket.write(`${command}\r\n`);
    const reply = await replies.next();
    if (!reply.startsWith(String(code))) throw new Error(`The mail server refused ${command?.split(' ')[0] ?? 'the connection'}: ${reply.trim()}`);
  };
  try {
    await expect(220);
    await expect(250, `EHLO atscale`);
    if (url.username) await expect(235, `AUTH PLAIN ${Buffer.from(`\0${decodeURIComponent(url.username)}\0${decodeURIComponent(url.password)}`).toString('base64')}`);
    await expect(250, `MAIL FROM:<${addressOf(message.from)}>`);
    await expect(250, `RCPT TO:<${addressOf(message.to)}>`);
    await expect(354, 'DATA');
    await expect(250, `${formatMessage(message)}\r\n.`);
    await expect(221, 'QUIT');
  } finally {
    socket.end();
  }
}

/** "atscale <a@b>" → "a@b". */
const addressOf = (mailbox: string) => /<([^>]+)>/.exec(mailbox)?.[1] ?? mailbox.trim();

/** Headers and body; lines starting with "." are doubled (RFC 5321 dot-stuffing). */
export function formatMessage(message: MailMessage): string {
  const subject = /^[\x20-\x7e]*$/.test(message.subject) ? message.subject : `=?UTF-8?B?${Buffer.from(message.subject).toString('base64')}?=`;
  const headers = [`From: ${message.from}`, `To: ${message.to}`, `Subject: ${subject}`, `Date: ${new Date().toUTCString()}`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit'];
  const body = message.text.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
  return `${headers.join('\r\n')}\r\n\r\n${body}`;
}

/** Complete SMTP replies (the last line of a multi-line reply has a space after the code). */
function replyReader(socket: Socket) {
  let buffer = '';
  const waiting: { resolve(reply: string): void; reject(error: Error): void }[] = [];
  let failure: Error | undefined;
  const pump = () => {
    for (;;) {
      const match = /^(?:\d{3}-[^\n]*\n)*\d{3}(?: [^\n]*)?\r?\n/.exec(buffer);
      if (!match || !waiting.length) return;
      buffer = buffer.slice(match[0].length);
      waiting.shift()!.resolve(match[0].split('\n').at(-2) ?? match[0]);
    }
  };
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    pump();
  });
  const fail = (error: Error) => {
    failure = error;
    while (waiting.length) waiting.shift()!.reject(error);
  };
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('The mail server closed the connection')));
  return {
    next: () =>
      new Promise<string>((resolve, reject) => {
        if (failure) return reject(failure);
        waiting.push({ resolve, reject });
        pump();
      }),
  };
}
