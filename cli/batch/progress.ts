// Progress on stderr: a cli-progress bar (completed/total, ETA, failures) when stderr is a terminal;
// otherwise a plain line every 5 s or every 10% of the runs, whichever comes first, so logs stay short.
// The rate and the ETA are measured from the first run seen to finish, and shown only once enough runs
// and time have followed it (see etaEstimator).
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

/** Runs that must finish after the first one seen before a rate and an ETA are shown … */
export const ETA_MIN_RUNS = 5;
/** … and the time that must pass after it (ms). */
export const ETA_MIN_MS = 3000;

export interface Pace {
  /** Runs per second since the first run seen to finish; null until meaningful. */
  rate: number | null;
  /** Seconds to the end at that rate (0 once every run has finished); null until meaningful. */
  eta: number | null;
}

/**
 * The rate and ETA of a batch, from `observe(finished, t)` calls (runs finished of the whole batch, time in
 * ms). Measured from the first time a run is seen to have finished, not from the start: everything before
 * it is start-up (worker threads loading the simulation and warming up, a cluster worker taking its first
 * chunk), and a 19 s batch once showed `ETA 4m57s` because its first run, start-up included, was taken as
 * the pace of all the others. Until ETA_MIN_RUNS more runs have finished and ETA_MIN_MS have passed since
 * that first one, there is no rate and no ETA; at the end, the ETA is 0 and the rate the one measured.
 */
export function etaEstimator(total: number, startFinished: number): { observe(finished: number, t: number): Pace } {
  let first: { t: number; finished: number } | null = null;
  return {
    observe(finished, t) {
      if (first === null && finished > startFinished) first = { t, finished };
      const done = finished >= total;
      if (first === null) return { rate: null, eta: done ? 0 : null };
      const runs = finished - first.finished;
      const ms = t - first.t;
      const meaningful = runs >= ETA_MIN_RUNS && ms >= ETA_MIN_MS;
      const rate = meaningful || (done && runs > 0 && ms > 0) ? runs / (ms / 1000) : null;
      return { rate, eta: done ? 0 : meaningful && rate !== null ? (total - finished) / rate : null };
    },
  };
}

/**
 * Plain lines for logs and pipes: `batch: 120/200 runs (60%), 1 failed, 14.2 runs/s, ETA 6s`; the rate and
 * the ETA only once etaEstimator has them.
 */
export function plainProgress(write: (text: string) => void, total: number, startFinished: number, now: () => number = Date.now): Progress {
  const start = now();
  const pace = etaEstimator(total, startFinished);
  let lastTime = start;
  let lastDecile = Math.floor((startFinished / Math.max(1, total)) * 10);
  let lastFinished = startFinished;
  let lastFailed = -1;
  const line = (finished: number, failed: number, { rate, eta }: Pace) => {
    const pct = total > 0 ? Math.floor((finished / total) * 100) : 100;
    const speed = rate === null ? '' : `, ${rate.toFixed(1)} runs/s`;
    write(`batch: ${finished}/${total} runs (${pct}%), ${failed} failed${speed}${eta === null ? '' : `, ETA ${formatSeconds(eta)}`}\n`);
  };
  return {
    update(finished, failed) {
      const t = now();
      const p = pace.observe(finished, t);
      const decile = Math.floor((finished / Math.max(1, total)) * 10);
      if (finished === lastFinished && failed === lastFailed) return;
      if (t - lastTime >= PLAIN_INTERVAL_MS || decile > lastDecile) {
        line(finished, failed, p);
        lastTime = t;
        lastDecile = decile;
        lastFinished = finished;
        lastFailed = failed;
      }
    },
    stop() {},
  };
}

/** The bar's ETA field: `…` until etaEstimator has an ETA. */
export const barEta = ({ eta }: Pace) => (eta === null ? '…' : formatSeconds(eta));

/** The terminal bar (cli-progress), drawn on process.stderr — the only stream that is ever a TTY here. */
export function barProgress(total: number, startFinished: number, now: () => number = Date.now): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      // Our own ETA (etaEstimator): cli-progress's would count the start-up in, and prints "INF" until the
      // first run ends.
      format: 'batch |{bar}| {value}/{total} runs | {percentage}% | ETA {remaining} | {failed} failed',
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const pace = etaEstimator(total, startFinished);
  bar.start(total, startFinished, { failed: 0, remaining: barEta(pace.observe(startFinished, now())) });
  return {
    update: (finished, failed) => bar.update(finished, { failed, remaining: barEta(pace.observe(finished, now())) }),
    stop: () => bar.stop(),
  };
}

export function createProgress(io: Io, total: number, startFinished: number): Progress {
  return io.stderrIsTTY ? barProgress(total, startFinished) : plainProgress((text) => io.stderr(text), total, startFinished);
}
