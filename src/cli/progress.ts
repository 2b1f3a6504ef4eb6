import cliProgress from 'cli-progress';

/** A progress bar on a terminal; plain phase lines when output goes to a file or CI log. */
export function progressReporter(label: string) {
  const tty = process.stderr.isTTY;
  const bar = tty ? new cliProgress.SingleBar({ format: `${label} {phase} [{bar}] {percentage}% {value}/{total}`, stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic) : undefined;
  let started = false;
  let lastPhase = '';
  return {
    update(done: number, total: number, phase: string) {
      if (bar) {
        if (!started) bar.start(Math.max(total, 1), done, { phase });
        started = true;
        bar.setTotal(Math.max(total, 1));
        bar.update(done, { phase });
      } else if (phase !== lastPhase) process.stderr.write(`${label}: ${phase}${total ? ` (${total.toLocaleString('en-GB')} ${total === 1 ? 'row' : 'rows'})` : ''}\n`);
      lastPhase = phase;
    },
    stop() {
      if (started) bar?.stop();
    },
  };
}
