// The uncertainty switch in a real browser: the built app (dist/ui) served statically and driven in Debian's
// Chromium with two designs, 3 replicates, seed 1, 12 months and the switch on (from the link). The cards,
// the estimates, the plane's dots and the acceptability curve equal `pendamping compare --uncertainty 3`
// (the same designs, seed and months) over the draws; the page names its ranges as the CLI does. Switched
// off in the settings, the page's numbers are `pendamping compare`'s 95% intervals again.
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareFiles } from '../../cli/commands/compare.js';
import { browserAvailability, launch, serveStatic } from './browser.js';

const SCREENSHOTS = join('test-results', 'screenshots');
const browserCheck = browserAvailability();
const FILES = ['scenarios/full-cycle.json', 'scenarios/training-only.json'];
const STATE = {
  locale: 'en',
  designs: [
    { id: 'A', name: 'Design A', base: 'full-cycle', levers: {} },
    { id: 'B', name: 'Design B', base: 'training-only', levers: {} },
  ],
  replicates: 3,
  seed: 1,
  months: 12,
  uncertainty: true,
};

type Value = { mean: number | null; low: number | null; high: number | null };
interface Shown {
  overAssumptions: boolean;
  replicates: number;
  seed: number;
  months: number;
  headline: (Record<string, Value> & { id: string })[];
  estimates: { id: string; estimates: (Value & { id: string })[] }[];
  cea: { results: { effect: string; designs: { design: string; status: string; cost: number; effect: number }[] }[]; curves: { id: string; series: { id: string; months: number[]; mean: number[] }[] }[] };
}

const CARDS = [
  ['jobs', 'jobs.effect'],
  ['localGdpGained', 'localGdpGained'],
  ['programCost', 'programCost'],
  ['costPerJob', 'costPerJob'],
  ['localGdpPerRupiah', 'localGdpPerRupiah'],
] as const;

describe.skipIf(!browserCheck.path)('the uncertainty switch in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const served = await serveStatic(join(process.cwd(), 'dist', 'ui'));
    server = served.server;
    browser = await launch(browserCheck.path!);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(served.url + '#s=' + Buffer.from(JSON.stringify(STATE)).toString('base64url'));
    await page.waitForFunction(() => (window as unknown as { __pendamping?: unknown }).__pendamping !== undefined, null, { timeout: 30_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  /** The comparison on screen once it is final with the switch as given. */
  async function shown(overAssumptions: boolean): Promise<Shown> {
    await page.waitForFunction(
      (over) => {
        const c = (window as unknown as { __pendamping: { lastComparison?: { replicates: number; months: number; overAssumptions: boolean } } }).__pendamping.lastComparison;
        return c && c.replicates === 3 && c.months === 12 && c.overAssumptions === over;
      },
      overAssumptions,
      { timeout: 90_000 },
    );
    await page.waitForSelector('[data-testid="run-status"][data-state="done"]', { timeout: 60_000 });
    return (await page.evaluate(() => (window as unknown as { __pendamping: { lastComparison: unknown } }).__pendamping.lastComparison)) as Shown;
  }

  it('with the switch on, shows `compare --uncertainty 3`: cards, estimates, the plane and the curve over the draws, named the range over the assumptions', async () => {
    const page_ = await shown(true);
    const cli = await compareFiles(FILES, { replicates: 3, seed: 1, months: 12, uncertainty: 3 });
    const over = cli.overAssumptions!;
    expect(over.draws).toBe(3);
    page_.headline.forEach((card, i) => {
      for (const [mine, theirs] of CARDS) {
        const q = over.designs[i].quantities[theirs];
        expect([card[mine].mean, card[mine].low, card[mine].high], `${mine} ${card.id}`).toEqual([q.mean, q.rangeLow, q.rangeHigh]);
      }
    });
    // Not the replicates' 95% interval: the jobs range differs from the CLI's interval of the undrawn replicates.
    expect(page_.headline[0].jobs.low).not.toBe(cli.designs[0].quantities['jobs.effect'].low);
    for (const [pageId, cliId] of [['localGdpPerRupiah', 'localGdpPerRupiah'], ['spendingMultiplier', 'spendingMultiplier.program'], ['lm3', 'lm3.program'], ['costPerJob', 'costPerJob']] as const) {
      const spec = page_.estimates.find((e) => e.id === pageId)!;
      ['A', 'B'].forEach((id, i) => {
        const e = spec.estimates.find((x) => x.id === id)!;
        const q = over.designs[i].quantities[cliId];
        expect([e.mean, e.low, e.high], `${pageId} ${id}`).toEqual([q.mean, q.rangeLow, q.rangeHigh]);
      });
    }
    // The frontier and the acceptability curve read the draws, as the CLI's under --uncertainty.
    const key = new Map(cli.costEffectiveness[0].designs.map((d, i) => [d.design, ['A', 'B'][i]]));
    for (const [k, r] of cli.costEffectiveness.entries()) {
      expect(page_.cea.results[k].designs.map((d) => [d.design, d.status, d.cost, d.effect])).toEqual(r.designs.map((d) => [key.get(d.design), d.status, d.cost, d.effect]));
      const curve = page_.cea.curves[k];
      for (const point of r.acceptability) {
        for (const [id, share] of Object.entries(point.probability)) {
          const series = curve.series.find((s) => s.id === (id === 'none' ? 'baseline' : key.get(id)))!;
          expect(series.mean[series.months.indexOf(point.value)], `${r.effect} ${id} at ${point.value}`).toBe(share);
        }
      }
    }
    // The page names the range as the CLI and docs/uncertainty.md do, and says it counts draws.
    const note = page.getByTestId('interval-note');
    expect(await note.getAttribute('data-interval')).toBe('overAssumptions');
    expect(await note.textContent()).toContain('range over the assumptions');
    expect(await page.getByTestId('card-A').textContent()).toContain('3 draws of the assumptions');
    await page.getByTestId('main-chart-select').selectOption('plane-jobs');
    const plane = page.getByTestId('main-plane-jobs');
    await expect.poll(() => plane.getByTestId('plane-dot').count()).toBe(3 * 2);
    expect(await page.getByTestId('ce-help').textContent()).toContain('one draw of the assumptions');
    await page.getByTestId('main-chart').screenshot({ path: join(SCREENSHOTS, 'uncertainty-plane-1440.png') });
    await page.getByTestId('main-chart-select').selectOption('jobs');
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, 'uncertainty-on-1440.png') });
    // The switch is shown checked in the simulation settings, in both languages.
    await page.getByTestId('simulation-settings').locator('summary').click();
    expect(await page.getByTestId('uncertainty-toggle').isChecked()).toBe(true);
    expect(await page.getByTestId('simulation-settings').textContent()).toContain('Draw the uncertain assumptions');
    await page.getByTestId('language').selectOption('id');
    await expect.poll(() => page.getByTestId('simulation-settings').textContent()).toContain('Undi asumsi yang belum pasti');
    await shown(true);
    expect(await page.getByTestId('interval-note').textContent()).toContain('rentang atas asumsi');
    await page.getByTestId('language').selectOption('en');
    await shown(true);
  }, 240_000);

  it("switched off, the numbers are `compare`'s 95% intervals again and the link says so", async () => {
    await page.getByTestId('uncertainty-toggle').uncheck();
    const page_ = await shown(false);
    const cli = await compareFiles(FILES, { replicates: 3, seed: 1, months: 12 });
    page_.headline.forEach((card, i) => {
      for (const [mine, theirs] of CARDS) {
        const q = cli.designs[i].quantities[theirs];
        const v = card[mine];
        for (const [a, b] of [[v.mean, q.mean], [v.low, q.low], [v.high, q.high]]) {
          if (b === null) expect(a, `${mine} ${card.id}`).toBeNull();
          else expect(a! / b, `${mine} ${card.id}`).toBeCloseTo(1, 12);
        }
      }
    });
    expect(await page.getByTestId('interval-note').getAttribute('data-interval')).toBe('confidence');
    expect(await page.getByTestId('card-A').textContent()).toContain('3 replicates');
    const state = JSON.parse(Buffer.from(new URL(page.url()).hash.replace(/^#s=/, ''), 'base64url').toString('utf8'));
    expect(state.uncertainty).toBe(false);
  }, 180_000);
});
