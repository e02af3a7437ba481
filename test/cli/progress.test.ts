// The batch's progress lines and ETA on a fake clock: the ETA is measured from the first finished run (the
// time before it is worker start-up) and shown only once enough runs and time have followed it (issue 13:
// a 19 s batch's first ETA said 4m57s).
import { describe, expect, it } from 'vitest';
import { ETA_MIN_MS, ETA_MIN_RUNS, barEta, etaEstimator, plainProgress } from '../../cli/batch/progress.js';

/**
 * A 128-run batch like multiplier-sobol on 2 threads: 2.3 s of start-up before the first run finishes,
 * then 7.5 runs/s (the pool reports every 200 ms), done after about 19 s.
 */
const STARTUP_MS = 2300;
const finishedAt = (ms: number) => (ms < STARTUP_MS ? 0 : Math.min(128, 1 + Math.floor(((ms - STARTUP_MS) / 1000) * 7.5)));
const endMs = STARTUP_MS + Math.ceil((127 / 7.5) * 1000);

describe('batch ETA (etaEstimator)', () => {
  it('says nothing until 5 runs and 3 s have followed the first finished run, then is close to the time left', () => {
    expect([ETA_MIN_RUNS, ETA_MIN_MS]).toEqual([5, 3000]);
    const pace = etaEstimator(128, 0);
    const shown: { ms: number; eta: string; left: number }[] = [];
    for (let ms = 0; ms <= endMs + 200; ms += 200) {
      const eta = barEta(pace.observe(finishedAt(ms), ms));
      if (eta !== '…') shown.push({ ms, eta, left: Math.max(0, endMs - ms) / 1000 });
    }
    // The old estimate, time since the start / runs finished, at the first report after the first run:
    // 2.4 s × 127 runs to go = 5m05s for a batch that had 17 s left.
    expect(finishedAt(2400)).toBe(1);
    // Now: the first ETA once 3 s have passed since the first run (and > 5 runs) …
    expect(shown[0].ms).toBe(5400);
    expect(shown[0].eta).toBe('14s');
    expect(shown[0].left).toBeCloseTo(13.8, 1);
    // … and every ETA after it within 1.5 s of the time actually left.
    for (const s of shown) {
      const seconds = s.eta.endsWith('s') && !s.eta.includes('m') ? Number(s.eta.slice(0, -1)) : NaN;
      expect(Math.abs(seconds - s.left)).toBeLessThanOrEqual(1.5);
    }
    expect(shown[shown.length - 1].eta).toBe('0s');
  });

  it('counts from the first run finished by this invocation on --resume, and gives no ETA while nothing finishes', () => {
    const pace = etaEstimator(100, 40);
    expect(pace.observe(40, 0)).toEqual({ rate: null, eta: null });
    expect(pace.observe(40, 10_000)).toEqual({ rate: null, eta: null }); // start-up
    expect(pace.observe(42, 12_000)).toEqual({ rate: null, eta: null }); // the first runs of this invocation
    expect(pace.observe(46, 14_000)).toEqual({ rate: null, eta: null }); // 4 runs since: too few
    expect(pace.observe(48, 14_500)).toEqual({ rate: null, eta: null }); // 6 runs but 2.5 s: too soon
    expect(pace.observe(50, 15_000)).toEqual({ rate: 8 / 3, eta: 50 / (8 / 3) }); // 8 runs in 3 s
    expect(pace.observe(100, 30_000)).toEqual({ rate: 58 / 18, eta: 0 });
    // A batch that ends before the ETA is meaningful still ends with ETA 0.
    const quick = etaEstimator(3, 0);
    expect(quick.observe(1, 500)).toEqual({ rate: null, eta: null });
    expect(quick.observe(3, 700)).toEqual({ rate: 10, eta: 0 });
  });
});

describe('plain progress lines (logs, CI, pipes)', () => {
  it('the 19 s batch: no rate or ETA in the first line (1.6 s after the first run), then the completed-run rate', () => {
    let now = 0;
    const lines: string[] = [];
    const p = plainProgress((t) => lines.push(t), 128, 0, () => now);
    for (now = 200; now <= endMs + 200; now += 200) p.update(finishedAt(now), 0);
    // Before: 3.3 runs/s, ETA 35s and 4.7 runs/s, ETA 22s, start-up included, for 15 s and 13 s left.
    expect(lines.slice(0, 4)).toEqual([
      'batch: 13/128 runs (10%), 0 failed\n',
      'batch: 27/128 runs (21%), 0 failed, 7.6 runs/s, ETA 13s\n',
      'batch: 39/128 runs (30%), 0 failed, 7.6 runs/s, ETA 12s\n',
      'batch: 52/128 runs (40%), 0 failed, 7.5 runs/s, ETA 10s\n',
    ]);
    expect(lines[lines.length - 1]).toBe('batch: 128/128 runs (100%), 0 failed, 7.5 runs/s, ETA 0s\n');
  });

  it('a line every 10% or 5 s, not more', () => {
    let now = 0;
    const lines: string[] = [];
    const p = plainProgress((t) => lines.push(t), 100, 0, () => now);
    for (let i = 1; i <= 100; i++) {
      now += 10;
      p.update(i, 0);
    }
    expect(lines).toHaveLength(10);
    // A 1 s batch: never 3 s after its first run, so no ETA until the end, and the rate measured then.
    expect(lines[0]).toBe('batch: 10/100 runs (10%), 0 failed\n');
    expect(lines[9]).toBe('batch: 100/100 runs (100%), 0 failed, 100.0 runs/s, ETA 0s\n');
    const slow: string[] = [];
    now = 0;
    const q = plainProgress((t) => slow.push(t), 1000, 0, () => now);
    for (let i = 1; i <= 20; i++) {
      now += 1000;
      q.update(i, 1);
    }
    expect(slow).toHaveLength(4); // every 5 s
    expect(slow[0]).toBe('batch: 5/1000 runs (0%), 1 failed\n'); // 4 runs since the first: too few
    expect(slow[1]).toBe('batch: 10/1000 runs (1%), 1 failed, 1.0 runs/s, ETA 16m30s\n');
  });
});
