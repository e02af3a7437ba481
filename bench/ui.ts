// Slider-to-chart time in Chromium: the built app, three pinned designs × 10 replicates × 500 businesses
// × 36 months against the no-program baseline; a slider is moved by one keyboard step and the time from
// the keydown until the comparison is recomputed and the charts have painted is measured in the page
// (median of several moves), for the budget and for mentor visits. The same interval seen from the test
// driver (its round trips and polling included) is printed beside it.
// Run: npm run bench:ui (builds the app first). Prints a table and writes bench/results/ui-*.json.
import { cpus } from 'node:os';
import { withAppPage } from './browser.js';
import { saveResults } from './shared.js';

const moves = Number(process.env.BENCH_MOVES ?? 7);
/** The sliders moved, in this order (BENCH_LEVERS=mentoring.visits,budget measures visits first). */
const levers = (process.env.BENCH_LEVERS ?? 'budget,mentoring.visits').split(',');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

type Hook = { __pendamping: { ready: Promise<void>; lastComparison: { elapsedMs: number; lines: unknown; computed: { runs: number; workerMs: number } } } };

async function main(): Promise<void> {
  await withAppPage({ width: 1400, height: 1000 }, async (page, url) => {
    await page.goto(url);
    await page.waitForFunction(() => (globalThis as unknown as Partial<Hook>).__pendamping !== undefined);
    await page.evaluate(() => (globalThis as unknown as Hook).__pendamping.ready);
    await page.getByTestId('pin-design').click(); // three designs
    await page.waitForSelector('[data-testid="run-status"][data-state="done"]', { timeout: 120_000 });
    // The time a person sees, measured in the page: from the key's keydown to the second animation frame
    // after the new comparison arrives (the charts have painted). The driver's own view (Playwright's round
    // trips and polling included) is reported beside it.
    await page.evaluate(() => {
      // (The bench compiles without the DOM's types: the page's globals are described here.)
      type Target = { addEventListener(type: string, f: () => void, capture?: boolean): void };
      const g = globalThis as unknown as {
        __key: number; __painted: number | null; requestAnimationFrame: (f: () => void) => void;
        document: Target & { querySelector(selector: string): Target };
      };
      g.__painted = null;
      g.document.addEventListener('keydown', () => (g.__key = performance.now()), true);
      g.document.querySelector('pendamping-app').addEventListener('comparison', () => {
        g.requestAnimationFrame(() => g.requestAnimationFrame(() => (g.__painted = performance.now() - g.__key)));
      });
    });
    // Two sliders: the budget (changes who is enrolled) and mentor visits (the same participants).
    const rows = [];
    for (const lever of levers) {
      const slider = page.getByTestId(`lever-${lever}-range`);
      const totals: number[] = [];
      const drivers: number[] = [];
      const computes: number[] = [];
      const perRun: number[] = [];
      for (let i = 0; i < moves + 1; i++) {
        // Remember the comparison on screen; a new one (a new object) means the move was computed.
        await page.evaluate(() => {
          const g = globalThis as unknown as Hook & { __before?: unknown; __painted: number | null };
          g.__before = g.__pendamping.lastComparison;
          g.__painted = null;
        });
        await slider.focus();
        const value = await slider.inputValue();
        const t0 = Date.now();
        await page.keyboard.press(lever === 'budget' ? 'ArrowLeft' : 'ArrowRight'); // always a new value: no cached run
        if ((await slider.inputValue()) === value) throw new Error(`the ${lever} slider is at its bound (${value}) after ${i} moves: run with fewer BENCH_MOVES`);
        await page.waitForFunction(() => {
          const g = globalThis as unknown as Hook & { __before?: unknown };
          return g.__pendamping.lastComparison !== g.__before;
        }, null, { timeout: 120_000 });
        await page.waitForSelector('[data-testid="run-status"][data-state="done"]');
        await page.waitForFunction(() => (globalThis as unknown as { __painted: number | null }).__painted !== null);
        const driver = Date.now() - t0;
        const total = Math.round(await page.evaluate(() => (globalThis as unknown as { __painted: number }).__painted));
        const { compute, runs, workerMs } = await page.evaluate(() => {
          const c = (globalThis as unknown as Hook).__pendamping.lastComparison;
          return { compute: c.elapsedMs, runs: c.computed.runs, workerMs: c.computed.workerMs };
        });
        if (i > 0) {
          if (runs > 0) perRun.push(workerMs / runs);
          totals.push(total); // the first move warms the workers' JIT
          drivers.push(driver);
          computes.push(compute);
        }
      }
      rows.push({
        lever, designs: 3, replicates: 10, businesses: 500, months: 36, moves,
        medianSliderToChartMs: median(totals), medianComputeMs: Math.round(median(computes)), medianWorkerMsPerRun: Math.round(median(perRun) * 10) / 10,
        minMs: Math.min(...totals), maxMs: Math.max(...totals), medianDriverMs: median(drivers), targetMs: 250,
      });
    }
    console.log(`Pendamping web app bench — Chromium, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'cpu'}); 3 designs × 10 replicates × 500 businesses × 36 months`);
    console.log('slider             moves   slider→chart median ms   min–max ms   compute median ms   worker ms per run   as the driver sees it ms   target');
    for (const row of rows) {
      console.log(`${row.lever.padEnd(17)}  ${String(moves).padStart(5)}   ${String(row.medianSliderToChartMs).padStart(22)}   ${`${row.minMs}–${row.maxMs}`.padStart(10)}   ${String(row.medianComputeMs).padStart(17)}   ${String(row.medianWorkerMsPerRun).padStart(17)}   ${String(row.medianDriverMs).padStart(24)}   ≤ 250`);
    }
    const out = { bench: 'ui', date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, rows };
    saveResults('ui', out);
  });
}

await main();
