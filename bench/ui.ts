// Slider-to-chart times in Chromium: the built app, three pinned designs × 10 replicates × 500 businesses
// × 36 months against the no-program baseline, the budget slider moved in four ways, each timed in the
// page (median of several trials):
//   - one arrow press → the first updated chart (the preview, or the final comparison if no preview came)
//     and → the final chart (the comparison of the new value, all replicates);
//   - five arrow presses 100 ms apart → the final chart, from the last press;
//   - a 1-second mouse drag along the slider → the final chart, from the release.
// A chart counts as shown at the second animation frame after its comparison arrived (it has painted).
// The slider always moves right, so every value is new (no run comes from the cache); each drag starts from
// its own typed budget above the presses' values, so no two drags cover the same values either (a drag over
// cached values could show its final chart before the release, which then never gets one of its own).
// Run: npm run bench:ui (builds the app first). BENCH_TRIALS sets the trials per kind (default 7),
// BENCH_CASES picks the cases (one,five,drag). Prints a table with the targets and writes bench/results/ui-*.json.
import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { withAppPage } from './browser.js';
import { saveResults } from './shared.js';

const trials = Number(process.env.BENCH_TRIALS ?? 7);
/** Which cases run (BENCH_CASES=one,five,drag; all by default). */
const cases = new Set((process.env.BENCH_CASES ?? 'one,five,drag').split(','));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** How far a drag moves the pointer: about 40 budget steps on the bench's 1400-pixel-wide page. */
const DRAG_PX = 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Hook = { __pendamping: { ready: Promise<void>; lastComparison: { elapsedMs: number; computed: { runs: number; workerMs: number } } } };
/** What the page records (the bench compiles without the DOM's types: the page's globals are described here). */
type Probe = { __t0: number; __first: { t0: number; ms: number } | null; __final: { t0: number; ms: number } | null };

/** Install the page's timers: t0 at every keydown and at the mouse's release; first / final chart painted after t0. */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    type Target = { addEventListener(type: string, f: () => void, capture?: boolean): void };
    const g = globalThis as unknown as Probe & {
      requestAnimationFrame: (f: () => void) => void;
      document: Target & { querySelector(selector: string): Target & { status: { state: string } } };
    };
    g.__t0 = 0;
    g.__first = null;
    g.__final = null;
    g.document.addEventListener('keydown', () => (g.__t0 = performance.now()), true);
    g.document.addEventListener('mouseup', () => (g.__t0 = performance.now()), true);
    const app = g.document.querySelector('pendamping-app');
    const painted = (f: () => void) => g.requestAnimationFrame(() => g.requestAnimationFrame(f));
    // A preview (the first replicates of every design) or the final comparison, whichever comes first.
    const first = () => {
      const t0 = g.__t0;
      painted(() => {
        if (g.__first?.t0 !== t0 && g.__t0 === t0) g.__first = { t0, ms: performance.now() - t0 };
      });
    };
    app.addEventListener('comparison-preview', first);
    app.addEventListener('comparison', () => {
      first();
      // Final: the comparison of the inputs now on screen (the status is then done, not running).
      if (app.status.state !== 'done') return;
      const t0 = g.__t0;
      painted(() => {
        if (g.__final?.t0 !== t0 && g.__t0 === t0) g.__final = { t0, ms: performance.now() - t0 };
      });
    });
  });
}

async function reset(page: Page): Promise<void> {
  await page.evaluate(() => {
    const g = globalThis as unknown as Probe;
    g.__first = null;
    g.__final = null;
  });
}

async function waitFinal(page: Page): Promise<{ first: number; final: number }> {
  // The final chart of the last press or release (one that came between two presses has an older t0).
  await page.waitForFunction(() => {
    const g = globalThis as unknown as Probe;
    return g.__final !== null && g.__final.t0 === g.__t0;
  }, null, { timeout: 180_000, polling: 20 });
  await page.waitForSelector('[data-testid="run-status"][data-state="done"]');
  const { first, final } = await page.evaluate(() => {
    const g = globalThis as unknown as Probe;
    const final = g.__final!.ms;
    return { first: g.__first?.t0 === g.__t0 ? g.__first.ms : final, final };
  });
  return { first: Math.round(Math.min(first, final)), final: Math.round(final) };
}

async function main(): Promise<void> {
  await withAppPage({ width: 1400, height: 1000 }, async (page, url) => {
    await page.goto(url);
    await page.waitForFunction(() => (globalThis as unknown as Partial<Hook>).__pendamping !== undefined);
    await page.evaluate(() => (globalThis as unknown as Hook).__pendamping.ready);
    await page.getByTestId('pin-design').click(); // three designs
    await page.waitForSelector('[data-testid="run-status"][data-state="done"]', { timeout: 120_000 });
    await instrument(page);
    const slider = page.getByTestId('lever-budget-range');
    let lastValue = await slider.inputValue();
    const moved = async (what: string) => {
      const value = await slider.inputValue();
      if (Number(value) <= Number(lastValue)) throw new Error(`${what}: the budget slider did not move right (${lastValue} → ${value}); run with fewer BENCH_TRIALS`);
      lastValue = value;
    };
    const press = async (n: number, gapMs: number) => {
      await slider.focus();
      for (let i = 0; i < n; i++) {
        if (i > 0) await sleep(gapMs);
        await page.keyboard.press('ArrowRight');
      }
      await moved(`${n} presses`);
    };

    const one = { first: [] as number[], final: [] as number[], compute: [] as number[], perRun: [] as number[] };
    for (let i = 0; i < (cases.has('one') ? trials + 1 : 0); i++) {
      await reset(page);
      await press(1, 0);
      const r = await waitFinal(page);
      if (i === 0) continue; // the first move warms the workers' JIT
      one.first.push(r.first);
      one.final.push(r.final);
      // The comparison's own time (first run asked → aggregated) and the workers' time per run it simulated.
      // Only the two figures: returning the whole comparison (every replicate's digest) costs the page's main
      // thread seconds of serialisation and garbage that would land in the next trial.
      const c = await page.evaluate(() => {
        const { elapsedMs, computed } = (globalThis as unknown as Hook).__pendamping.lastComparison;
        return { elapsedMs, computed: { runs: computed.runs, workerMs: computed.workerMs } };
      });
      one.compute.push(Math.round(c.elapsedMs));
      if (c.computed.runs > 0) one.perRun.push(Math.round((c.computed.workerMs / c.computed.runs) * 10) / 10);
    }

    const five: number[] = [];
    for (let i = 0; i < (cases.has('five') ? trials : 0); i++) {
      await reset(page);
      await press(5, 100);
      five.push((await waitFinal(page)).final);
    }

    // A drag: press on the thumb, move right steadily for a second (about every 33 ms), release.
    const drag: number[] = [];
    const box = (await slider.boundingBox())!;
    const [min, max] = await slider.evaluate((e) => [Number(e.getAttribute('min')), Number(e.getAttribute('max'))]);
    const thumb = 8; // half the thumb's width: the thumb's centre runs from box.x + 8 to box.x + width − 8
    for (let i = 0; i < (cases.has('drag') ? trials : 0); i++) {
      // Drag i starts from Rp 1.1 miliar + i × 500 juta (typed, then computed): above the presses' values,
      // each drag's ~400 juta apart from the others', and the slider never reaches its end.
      const box_ = page.getByTestId('lever-budget-number');
      await box_.fill(String(1_100_000_000 + i * 500_000_000));
      await box_.press('Enter');
      await sleep(300);
      await page.waitForSelector('[data-testid="run-status"][data-state="done"]', { timeout: 180_000 });
      lastValue = await slider.inputValue();
      await reset(page);
      const v = Number(await slider.inputValue());
      const x = box.x + thumb + ((v - min) / (max - min)) * (box.width - 2 * thumb);
      const y = box.y + box.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      // The pointer's place follows the clock (a loaded machine makes fewer moves, not a shorter drag).
      const start = Date.now();
      for (let elapsed = 0; elapsed < 1000; elapsed = Date.now() - start) {
        await page.mouse.move(x + (DRAG_PX * elapsed) / 1000, y);
        await sleep(33);
      }
      await page.mouse.move(x + DRAG_PX, y);
      await page.mouse.up();
      await moved('a drag');
      drag.push((await waitFinal(page)).final);
    }

    const rows = [
      { case: 'one press → first chart', median: median(one.first), min: Math.min(...one.first), max: Math.max(...one.first), targetMs: 150, trials: one.first },
      { case: 'one press → final chart', median: median(one.final), min: Math.min(...one.final), max: Math.max(...one.final), targetMs: 400, trials: one.final },
      { case: '5 presses 100 ms apart → final', median: median(five), min: Math.min(...five), max: Math.max(...five), targetMs: 600, trials: five },
      { case: '1 s drag → final after release', median: median(drag), min: Math.min(...drag), max: Math.max(...drag), targetMs: 600, trials: drag },
    ].filter((r) => r.trials.length > 0);
    const load = loadavg()[0].toFixed(2);
    const detail = { onePressComputeMs: median(one.compute), workerMsPerRun: median(one.perRun) };
    console.log(`Pendamping web app bench — Chromium, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'cpu'}), load average ${load}; 3 designs + baseline × 10 replicates × 500 businesses × 36 months; budget slider`);
    console.log('case                               median ms   min–max ms   target ms');
    for (const r of rows) console.log(`${r.case.padEnd(33)}  ${String(r.median).padStart(9)}   ${`${r.min}–${r.max}`.padStart(10)}   ${`≤ ${r.targetMs}`.padStart(9)}`);
    console.log(`one press: the comparison itself took ${detail.onePressComputeMs} ms (median; first run asked → aggregated), ${detail.workerMsPerRun} ms of worker time per run`);
    const out = { bench: 'ui', date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, cpus: cpus().length, loadAverage: Number(load), trialsPerCase: trials, rows, ...detail };
    saveResults('ui', out);
  });
}

await main();
