import { AppError } from '../domain/errors.js';

const passwordOption = '--password (or ATSCALE_NEW_PASSWORD)';

/**
 * Reads a line at the terminal without showing it: raw mode, so nothing typed is echoed (nor kept
 * in the shell's history, as `--password` would be). Backspace takes back a character; Ctrl-C
 * or Ctrl-D gives up.
 */
function askHidden(question: string): Promise<string> {
  const input = process.stdin;
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (done: () => void) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      done();
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return finish(() => resolve(typed));
        if (ch === '\u0003' || ch === '\u0004') return finish(() => reject(new AppError('invalid', 'No password was set.')));
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (ch >= ' ') typed += ch;
      }
    };
    // Unseen before it is asked for: what is typed once the question shows is never echoed.
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
    process.stderr.write(question);
  });
}

/**
 * The new password for `users add` and `users set-password`: `--password`, else ATSCALE_NEW_PASSWORD,
 * else asked for twice at the terminal without showing it. A script with neither is told what to give.
 */
export async function newPassword(given: string | undefined): Promise<string> {
  const chosen = given ?? process.env.ATSCALE_NEW_PASSWORD;
  if (chosen !== undefined) return chosen;
  if (!process.stdin.isTTY) throw new AppError('invalid', 'No password was given', { problems: [{ field: passwordOption, message: 'give the new password (at least 12 characters): not at a terminal, so it cannot be asked for' }] });
  const first = await askHidden('New password (at least 12 characters; not shown): ');
  const again = await askHidden('The same again: ');
  if (first !== again) throw new AppError('invalid', 'The two passwords typed differ; no password was set.');
  return first;
}
