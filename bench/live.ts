// Frame rate of the classroom's live economy view in Chromium: the built app opened on the classroom page
// with the full-cycle design at 2,000 businesses (a 1920×1080 projector-sized window), played from month 0
// at a fixed speed for about 10 seconds (or to the horizon). Reports the frame rate while the view moves
// (median and 95th percentile of the interval between consecutive animation frames), the main thread's
// time per draw, the months per second actually shown, and the layout time (the worker's first force
// layout, and the wall time from opening the page until the view is ready).
// Run: npm run bench:live (builds the app first). Env: BENCH_BUSINESSES (2000), BENCH_SECONDS (10),
// BENCH_SPEEDS (comma-separated months per second, default "2,8"). Prints a table and writes
// bench/results/live-<stamp>.json and live-latest.json.
import { mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { withAppPage } from './browser.js';
import { root, saveResults } from './shared.js';
import type { FrameStats } from '../ui/classroom/frame-stats.js';

const businesses = Number(process.env.BENCH_BUSINESSES ?? 2000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const speeds = (process.env.BENCH_SPEEDS ?? '2,8').split(',').map(Number);
const VIEW = `document.querySelector('pendamping-app').shadowRoot.querySelector('pendamping-classroom').shadowRoot.querySelector('pendamping-economy-view')`;

const quantile = (xs: number[], q: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

type Stats = FrameStats;

/** Evaluate an expression on the economy view element. */
const onView = <T>(page: Page, body: string): Promise<T> => page.evaluate(`((el) => ${body})(${VIEW})`) as Promise<T>;

async function main(): Promise<void> {
  await withAppPage({ width: 1920, height: 1080 }, async (page, url) => {
    const state = { designs: [{ id: 'A', name: 'A', base: 'full-cycle', levers: { businesses } }], view: 'classroom' };
    const t0 = Date.now();
    await page.goto(url + '#s=' + Buffer.from(JSON.stringify(state)).toString('base64url'));
    await page.waitForFunction(`(${VIEW})?.status === 'ready'`, null, { timeout: 120_000, polling: 50 });
    const readyMs = Date.now() - t0;
    const firstLayoutMs = await onView<number>(page, 'el.frameStats.firstLayoutMs');
    const horizon = await onView<number>(page, 'el.horizon');
    mkdirSync(join(root.pathname, 'test-results', 'screenshots'), { recursive: true });
    const rows = [];
    for (const speed of speeds) {
      await onView(page, 'el.reset()');
      await page.waitForFunction(`(${VIEW}).month === 0 && (${VIEW}).status === 'ready'`, null, { polling: 50 });
      await page.getByTestId('live-speed').selectOption(String(speed));
      await page.waitForTimeout(500);
      await onView(page, 'el.resetFrameStats()');
      const start = Date.now();
      await page.getByTestId('live-play').click();
      const limit = Math.min(seconds * 1000, (horizon / speed) * 1000 + 1500);
      await page.waitForFunction(`!(${VIEW}).playing`, null, { timeout: limit, polling: 100 }).catch(() => undefined);
      await onView(page, 'el.pause()');
      const playedMs = Date.now() - start;
      await page.waitForTimeout(300);
      const stats = await onView<Stats>(page, 'el.frameStats');
      const month = await onView<number>(page, 'el.month');
      const at = stats.monthsAt;
      const monthsPerSecond = at.length > 1 ? ((at.length - 1) / (at[at.length - 1] - at[0])) * 1000 : NaN;
      const medianInterval = quantile(stats.intervals, 0.5);
      rows.push({
        businesses,
        speed,
        playedSeconds: round(playedMs / 1000),
        monthsShown: month,
        monthsPerSecond: round(monthsPerSecond, 2),
        framesDrawn: stats.frames,
        fpsMedian: round(1000 / medianInterval),
        frameIntervalMedianMs: round(medianInterval),
        frameIntervalP95Ms: round(quantile(stats.intervals, 0.95)),
        drawMedianMs: round(quantile(stats.drawMs, 0.5), 2),
        drawP95Ms: round(quantile(stats.drawMs, 0.95), 2),
        workerMsLastMonth: round(stats.lastStepMs),
      });
      await page.screenshot({ path: join(root.pathname, 'test-results', 'screenshots', `live-bench-${speed}.png`) }).catch(() => undefined);
    }
    const load = loadavg().map((x) => round(x, 2));
    console.log(`Pendamping live view bench — Chromium (headless, software canvas), ${cpus().length} CPUs (${cpus()[0]?.model ?? 'cpu'}), load ${load.join(' ')}; full-cycle, ${businesses} businesses, 1920×1080`);
    console.log(`layout: first force layout in the worker ${round(firstLayoutMs)} ms; page open → view ready ${readyMs} ms`);
    console.log('speed (months/s)   played s   months   months/s shown   frames   fps (median)   frame ms median   p95   draw ms median   p95   worker ms/month');
    for (const r of rows) {
      console.log(
        `${String(r.speed).padStart(16)}   ${String(r.playedSeconds).padStart(8)}   ${String(r.monthsShown).padStart(6)}   ${String(r.monthsPerSecond).padStart(14)}   ${String(r.framesDrawn).padStart(6)}   ${String(r.fpsMedian).padStart(12)}   ${String(r.frameIntervalMedianMs).padStart(15)}   ${String(r.frameIntervalP95Ms).padStart(3)}   ${String(r.drawMedianMs).padStart(14)}   ${String(r.drawP95Ms).padStart(3)}   ${String(r.workerMsLastMonth).padStart(15)}`,
      );
    }
    const out = {
      bench: 'live',
      date: new Date().toISOString(),
      node: process.version,
      cpu: cpus()[0]?.model,
      cpus: cpus().length,
      loadavg: load,
      viewport: '1920x1080',
      businesses,
      firstLayoutMs: round(firstLayoutMs),
      pageToReadyMs: readyMs,
      targetFps: 30,
      rows,
    };
    saveResults('live', out);
  });
}

await main();
