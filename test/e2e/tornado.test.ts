// The tornado chart in a real browser: the built app (dist/ui) served statically and driven in Debian's
// Chromium. For design A (full cycle, unchanged, 36 months) and extra jobs, the page ranks the uncertain
// assumptions in its workers; its rows are exactly `pendamping sensitivity --assumptions
// scenarios/full-cycle.json --output jobs.effect` (the same experiment, runs and estimators), the bars are
// in that order with lengths in proportion to μ*, no label overlaps another or a bar, nothing scrolls
// sideways at 390×844, and the chart exports as SVG and as sensitivity's CSV. Screenshots at 1440×900 and
// 390×844 go to test-results/screenshots/.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/program.js';
import { memoryIo } from '../../cli/io.js';
import { browserAvailability, launch, serveStatic } from './browser.js';

const SCREENSHOTS = join('test-results', 'screenshots');
const browserCheck = browserAvailability();
const STATE = {
  locale: 'en',
  designs: [
    { id: 'A', name: 'Design A', base: 'full-cycle', levers: {} },
    { id: 'B', name: 'Design B', base: 'training-only', levers: {} },
  ],
  replicates: 2,
  seed: 1,
  months: 36,
  mainChart: 'tornado',
};

interface Row {
  base: string;
  rank: number;
  parameter: string;
  n: number;
  mu: number | null;
  mu_star: number | null;
  mu_star_low: number | null;
  mu_star_high: number | null;
  sigma: number | null;
}

describe.skipIf(!browserCheck.path)('the tornado chart in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'pendamping-tornado-'));
    const served = await serveStatic(join(process.cwd(), 'dist', 'ui'));
    server = served.server;
    browser = await launch(browserCheck.path!);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    await page.goto(served.url + '#s=' + Buffer.from(JSON.stringify(STATE)).toString('base64url'));
    await page.waitForFunction(() => (window as unknown as { __pendamping?: unknown }).__pendamping !== undefined, null, { timeout: 30_000 });
    await page.evaluate(() => (window as unknown as { __pendamping: { ready: Promise<void> } }).__pendamping.ready);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  it('ranks the assumptions in the workers exactly as `sensitivity --assumptions` does, bars in its order and proportion', async () => {
    await page.waitForSelector('[data-testid="run-status"][data-state="done"]', { timeout: 90_000 });
    expect(await page.getByTestId('main-chart').getAttribute('data-chart')).toBe('tornado');
    const button = page.getByTestId('tornado-run');
    expect((await button.textContent())!.trim()).toBe('Rank the assumptions (140 runs)');
    await page.getByTestId('tornado-output').selectOption('jobs.effect');
    await button.click();
    // Progress while it runs, and the page answers meanwhile (a setting can be opened).
    await page.waitForSelector('[data-testid="tornado-status"][data-state="running"]', { timeout: 10_000 });
    await page.getByTestId('simulation-settings').locator('summary').click();
    expect(await page.getByTestId('uncertainty-toggle').isVisible()).toBe(true);
    await page.waitForSelector('[data-testid="tornado-status"][data-state="done"]', { timeout: 240_000 });
    const shown = (await page.evaluate(() => (window as unknown as { __pendamping: { lastTornado: unknown } }).__pendamping.lastTornado)) as { runs: number; output: string; rows: Row[] };
    expect(shown.runs).toBe(140);
    expect(shown.output).toBe('jobs.effect');

    const io = memoryIo();
    const out = join(dir, 'full-cycle-assumptions');
    expect(await main(['sensitivity', '--assumptions', 'scenarios/full-cycle.json', '--output', 'jobs.effect', '--out', out, '--workers', '2', '--format', 'json'], io)).toBe(0);
    const cli = JSON.parse(io.out) as { rows: Row[]; csvFile: string };
    expect(shown.rows).toEqual(cli.rows);
    expect(cli.rows.length).toBe(6);

    // The bars: in rank order, each as long as its μ* (relative to the longest), pointing the way μ says.
    const card = page.getByTestId('main-tornado');
    const bars = await card.locator('pendamping-tornado-chart').evaluate((el) =>
      [...el.shadowRoot!.querySelectorAll('[data-testid="tornado-bar"]')].map((b) => ({ parameter: b.getAttribute('data-parameter'), direction: b.getAttribute('data-direction'), width: Number(b.getAttribute('width')) })),
    );
    expect(bars.map((b) => b.parameter)).toEqual(cli.rows.map((r) => r.parameter));
    expect(bars.map((b) => b.direction)).toEqual(cli.rows.map((r) => (r.mu! < 0 ? 'falls' : 'rises')));
    const longest = cli.rows[0].mu_star!;
    for (const [i, b] of bars.entries()) expect(b.width / bars[0].width, b.parameter!).toBeCloseTo(cli.rows[i].mu_star! / longest, 6);

    // Exports: sensitivity's CSV, byte for byte, and an SVG that names the design and the figure.
    const [csv] = await Promise.all([page.waitForEvent('download'), card.getByTestId('chart-card-export-csv').click()]);
    const csvFile = join(dir, 'tornado.csv');
    await csv.saveAs(csvFile);
    expect(readFileSync(csvFile, 'utf8')).toBe(readFileSync(cli.csvFile, 'utf8'));
    const [svg] = await Promise.all([page.waitForEvent('download'), card.getByTestId('chart-card-export-svg').click()]);
    const svgFile = join(dir, 'tornado.svg');
    await svg.saveAs(svgFile);
    const svgText = readFileSync(svgFile, 'utf8');
    for (const words of ['Which assumption matters for extra jobs: Design A', 'Customers taken from other local shops', 'Region: Town (kota)']) expect(svgText).toContain(words);
    const [png] = await Promise.all([page.waitForEvent('download'), card.getByTestId('chart-card-export-png').click()]);
    expect(png.suggestedFilename()).toBe('pendamping-tornado-town.png');
  }, 400_000);

  it('lays out without overlaps or sideways scroll at 1440×900 and 390×844, in both languages', async () => {
    for (const locale of ['en', 'id'] as const) {
      await page.getByTestId('language').selectOption(locale);
      for (const [width, height] of [[1440, 900], [390, 844]] as const) {
        await page.setViewportSize({ width, height });
        await page.getByTestId('main-chart').scrollIntoViewIfNeeded();
        await page.waitForTimeout(400);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${locale} ${width}`).toBeLessThanOrEqual(width);
        const overlaps = await page.getByTestId('main-tornado').locator('pendamping-tornado-chart').evaluate((el) => {
          const root = el.shadowRoot!;
          const svgBox = root.querySelector('svg')!.getBoundingClientRect();
          const texts = [...root.querySelectorAll('[data-testid="tornado-label"], [data-testid="tornado-value"]')].map((t) => t.getBoundingClientRect());
          const bars = [...root.querySelectorAll('[data-testid="tornado-bar"]')].map((b) => b.getBoundingClientRect());
          const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
          const outside = texts.filter((t) => t.left < svgBox.left - 1 || t.right > svgBox.right + 1).length;
          return { overlaps: texts.flatMap((a, i) => [...texts.filter((b, j) => j !== i && hit(a, b)), ...bars.filter((b) => hit(a, b))]).length, outside, labels: texts.length };
        });
        expect(overlaps.labels).toBe(12);
        // The title names the design as it is named now (its default name follows the language).
        expect(await page.getByTestId('main-tornado').locator('h3').textContent()).toContain(locale === 'id' ? 'Asumsi mana yang penting untuk pekerjaan tambahan: Rancangan A' : 'for extra jobs: Design A');
        expect(overlaps.overlaps, `${locale} ${width}`).toBe(0);
        expect(overlaps.outside, `${locale} ${width}`).toBe(0);
        if (locale === 'en') await page.getByTestId('main-chart').screenshot({ path: join(SCREENSHOTS, `app-tornado-${width}.png`) });
        else await page.getByTestId('main-chart').screenshot({ path: join(SCREENSHOTS, `app-tornado-id-${width}.png`) });
      }
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 120_000);

  it('keeps the chosen design and figure in the link: a reload shows them chosen', async () => {
    await page.getByTestId('tornado-design').selectOption('B');
    await page.getByTestId('tornado-output').selectOption('localGdpGained');
    await page.waitForFunction(() => {
      const m = /#s=([A-Za-z0-9_-]+)/.exec(location.hash);
      if (!m) return false;
      const json = new TextDecoder().decode(Uint8Array.from(atob(m[1].replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
      const s = JSON.parse(json);
      return s.tornadoDesign === 'B' && s.tornadoOutput === 'localGdpGained';
    }, null, { timeout: 10_000 });
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __pendamping?: unknown }).__pendamping !== undefined, null, { timeout: 30_000 });
    await page.waitForSelector('[data-testid="tornado-design"]', { timeout: 60_000 });
    expect(await page.getByTestId('tornado-design').inputValue()).toBe('B');
    expect(await page.getByTestId('tornado-output').inputValue()).toBe('localGdpGained');
    // Design B (training only) sets none of the six assumptions either: the same 140 runs, in the page's language.
    expect(await page.getByTestId('tornado-run').textContent()).toMatch(/\(140 /);
  }, 120_000);
});
