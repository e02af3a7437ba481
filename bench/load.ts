// First visit to the web app in Chromium: from navigation to the answer cards on screen and to the full
// first comparison (status "done"), each load in a fresh browser context (no cache), at 1440×900. Two ways,
// alternated: with the runs the build computed (dist/ui/first-runs.json, ui/runner/firstRuns.ts) and with
// that file missing (404), when the page's workers compute all 30 runs. Also the runs the page computed.
// Run: npm run bench:load (builds the app first). BENCH_TRIALS sets the loads per way (default 7).
// Prints a table and writes bench/results/load-*.json.
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { browserAvailability, launch, serveStatic } from '../test/e2e/browser.js';
import { root, saveResults } from './shared.js';

const trials = Number(process.env.BENCH_TRIALS ?? 7);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
type Hook = { __pendamping: { lastComparison: { computed: { runs: number } } } };

async function main(): Promise<void> {
  const { path } = browserAvailability();
  if (!path) throw new Error('no Chromium: install it (apt-get install -y chromium) or set CHROMIUM_PATH');
  const { server, url } = await serveStatic(join(root.pathname, 'dist', 'ui'));
  const browser = await launch(path);
  const ways = ['with the build\'s first runs', 'without them (computed in the page)'] as const;
  const times = ways.map(() => ({ cards: [] as number[], done: [] as number[], runs: [] as number[] }));
  try {
    for (let t = 0; t < trials; t++) {
      for (const w of t % 2 ? [1, 0] : [0, 1]) {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const page = await context.newPage();
        if (w === 1) await page.route('**/first-runs.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
        const start = Date.now();
        await page.goto(url);
        await page.waitForSelector('[data-testid="headline-cards"] article', { timeout: 120_000 });
        times[w].cards.push(Date.now() - start);
        await page.waitForSelector('[data-testid="run-status"][data-state="done"]', { timeout: 120_000 });
        times[w].done.push(Date.now() - start);
        times[w].runs.push(await page.evaluate(() => (globalThis as unknown as Hook).__pendamping.lastComparison.computed.runs));
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  const load = loadavg()[0].toFixed(2);
  console.log(`Pendamping web app, first visit — Chromium, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'cpu'}), load average ${load}; default designs, 10 replicates; ${trials} loads each, alternated`);
  console.log('first comparison                       answer cards: median [min–max] ms   full comparison: median [min–max] ms   runs computed in the page');
  const rows = ways.map((way, w) => {
    const { cards, done, runs } = times[w];
    console.log(`${way.padEnd(38)} ${`${median(cards)} [${Math.min(...cards)}–${Math.max(...cards)}]`.padStart(33)} ${`${median(done)} [${Math.min(...done)}–${Math.max(...done)}]`.padStart(38)} ${String(median(runs)).padStart(27)}`);
    return { way, cardsMedianMs: median(cards), doneMedianMs: median(done), cardsMs: cards, doneMs: done, runsComputed: median(runs) };
  });
  console.log(`ratio with / without: cards ${(rows[0].cardsMedianMs / rows[1].cardsMedianMs).toFixed(2)}×, full comparison ${(rows[0].doneMedianMs / rows[1].doneMedianMs).toFixed(2)}×`);
  const out = { bench: 'load', date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, cpus: cpus().length, loadAverage: Number(load), trialsPerWay: trials, rows };
  saveResults('load', out);
}

await main();
