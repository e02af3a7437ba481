// Progress on stderr: a cli-progress bar (completed/total, ETA, failures) when stderr is a terminal;
// otherwise a plain line every 5 s or every 10% of the runs, whichever comes first, so logs stay short.
import cliProgress from 'cli-progress';
import type { Io } from '../io.js';

export interface Progress {
  /** Runs finished (completed or failed, counting those found on --resume) and failed, of the whole batch. */
  update(finished: number, failed: number): void;
  stop(): void;
}

export const PLAIN_INTERVAL_MS = 5000;

export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  const t = Math.max(0, Math.round(s));
  if (t < 60) return `${t}s`;
  if (t < 3600) return `${Math.floor(t / 60)}m${String(t % 60).padStart(2, '0')}s`;
  return `${Math.floor(t / 3600)}h${String(Math.floor((t % 3600) / 60)).padStart(2, '0')}m`;
}

/** Plain lines for logs and pipes: `batch: 120/200 runs (60%), 1 failed, 14.2 runs/s, ETA 6s`. */
export function plainProgress(write: (text: string) => void, total: number, startFinished: number, now: () => number = Date.now): Progress {
  const start = now();
  let lastTime = start;
  let lastDecile = Math.floor((startFinished / Math.max(1, total)) * 10);
  let lastFinished = startFinished;
  let lastFailed = -1;
  const line = (finished: number, failed: number) => {
    const elapsed = (now() - start) / 1000;
    const rate = elapsed > 0 ? (finished - startFinished) / elapsed : NaN;
    const eta = rate > 0 ? (total - finished) / rate : NaN;
    const pct = total > 0 ? Math.floor((finished / total) * 100) : 100;
    write(`batch: ${finished}/${total} runs (${pct}%), ${failed} failed, ${Number.isFinite(rate) ? rate.toFixed(1) : '?'} runs/s, ETA ${finished >= total ? '0s' : formatSeconds(eta)}\n`);
  };
  return {
    update(finished, failed) {
      const t = now();
      const decile = Math.floor((finished / Math.max(1, total)) * 10);
      if (finished === lastFinished && failed === lastFailed) return;
      if (t - lastTime >= PLAIN_INTERVAL_MS || decile > lastDecile) {
        line(finished, failed);
        lastTime = t;
        lastDecile = decile;
        lastFinished = finished;
        lastFailed = failed;
      }
    },
    stop() {},
  };
}

/** The terminal bar (cli-progress), drawn on process.stderr — the only stream that is ever a TTY here. */
export function barProgress(total: number, startFinished: number): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      // Our own ETA (runs finished by this invocation / time so far): cli-progress prints "INF" until the
      // first run ends.
      format: 'batch |{bar}| {value}/{total} runs | {percentage}% | ETA {remaining} | {failed} failed',
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  const eta = (finished: number) => {
    const done = finished - startFinished;
    if (finished >= total) return '0s';
    if (done <= 0) return '…';
    return formatSeconds(((Date.now() - started) / 1000 / done) * (total - finished));
  };
  bar.start(total, startFinished, { failed: 0, remaining: eta(startFinished) });
  return {
    update: (finished, failed) => bar.update(finished, { failed, remaining: eta(finished) }),
    stop: () => bar.stop(),
  };
}

export function createProgress(io: Io, total: number, startFinished: number): Progress {
  return io.stderrIsTTY ? barProgress(total, startFinished) : plainProgress((text) => io.stderr(text), total, startFinished);
}
