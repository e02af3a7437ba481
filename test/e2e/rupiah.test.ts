// Follow the rupiah in Chromium: the built app (its own build folder, so it does not race app.test.ts's
// build of dist/ui), the classroom page, rounds stepped 1 → 2 → 3; the LM3 shown must equal followRupiah
// run here in Node for the same scenario (the active design's), seed and amount. Screenshots saved.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, type ScenarioInput } from '../../sim/index.js';
import { followRupiah } from '../../sim/classroom/rupiahRun.js';
import { browserAvailability, launch, serveStatic } from './browser.js';

const SCREENSHOTS = join('test-results', 'screenshots');
/** The web app, built once for all test files by test/globalSetup.ts. */
const OUT = join('dist', 'ui');
const browserCheck = browserAvailability();

describe.skipIf(!browserCheck.path)('follow the rupiah in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let scenario: ScenarioInput;
  let seed: number;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const served = await serveStatic(join(process.cwd(), OUT));
    server = served.server;
    browser = await launch(browserCheck.path!);
    page = await browser.newPage({ viewport: { width: 1400, height: 1100 }, acceptDownloads: true });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(served.url);
    await page.waitForFunction(() => (window as unknown as { __pendamping?: unknown }).__pendamping !== undefined, null, { timeout: 30_000 });
    await page.getByTestId('view-classroom').click();
    // Every highlight the view sends (composed, so it reaches the document).
    await page.evaluate(() => {
      const w = window as unknown as { __highlights: unknown[] };
      w.__highlights = [];
      document.addEventListener('rupiah-highlight', (e) => w.__highlights.push((e as CustomEvent).detail));
    });
    await page.waitForSelector('[data-testid="rupiah-lm3"]', { timeout: 60_000 });
    // The design the page teaches, exactly as the view received it.
    const inputs = await page.evaluate(() => {
      const app = document.querySelector('pendamping-app')!;
      const classroom = app.shadowRoot!.querySelector('pendamping-classroom')!;
      const view = classroom.shadowRoot!.querySelector('pendamping-rupiah-view') as unknown as { scenario: unknown; seed: number };
      return { scenario: JSON.parse(JSON.stringify(view.scenario)), seed: view.seed };
    });
    scenario = inputs.scenario as ScenarioInput;
    seed = inputs.seed;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  const lmValues = () => page.getByTestId('rupiah-lm3').evaluateAll((els) => els.map((e) => ({ business: e.getAttribute('data-business'), round: Number(e.getAttribute('data-round')), value: Number(e.getAttribute('data-value')), text: e.textContent ?? '' })));
  const step = async (testid: string, round: number) => {
    await page.getByTestId(testid).click();
    await page.waitForSelector(`[data-testid="rupiah-round"][data-round="${round}"]`);
  };
  const model = (business: 'local' | 'outside', amount = 1_000_000) => followRupiah(parseScenario(structuredClone(scenario)), { seed, months: 12, business, amount, rounds: 5 });

  it('teaches the default design (full-cycle, seed 1) and starts at round 1 with LM1 = 1', async () => {
    expect(scenario.name).toBe('full-cycle');
    expect(seed).toBe(1);
    const [lm] = await lmValues();
    expect(lm).toMatchObject({ business: 'local', round: 1, value: 1 });
    expect(errors).toEqual([]);
  });

  it('steps 1 → 2 → 3: the LM3 shown is the model\'s for the same scenario, seed and amount; the recipients light up', async () => {
    const expected = model('local');
    await step('rupiah-next', 2);
    let [lm] = await lmValues();
    expect(lm.value).toBe(expected.rounds[1].running);
    await step('rupiah-next', 3);
    [lm] = await lmValues();
    expect(lm.round).toBe(3);
    expect(lm.value).toBe(expected.lm3);
    expect(lm.text).toContain(expected.lm3.toFixed(2).replace('.', ','));
    const sankey = page.getByTestId('rupiah-sankey');
    await expect(sankey.getAttribute('data-round')).resolves.toBe('3');
    const highlights = await page.evaluate(() => (window as unknown as { __highlights: { round: number; businesses: number[]; households: number[]; suppliers: number[] }[] }).__highlights);
    const last = highlights.at(-1)!;
    expect(last.round).toBe(3);
    expect(last.businesses).toEqual(expected.recipients[2].businesses);
    expect(last.households).toEqual(expected.recipients[2].households);
    await page.waitForTimeout(600); // let the new column fade in (the screenshot shows the finished step)
    await page.getByTestId('rupiah-view').screenshot({ path: join(SCREENSHOTS, 'rupiah-local-round3.png') });
  });

  it('switching to the business that buys from outside shows its LM3, the model\'s, lower', async () => {
    const expected = model('outside');
    await page.getByTestId('rupiah-business').selectOption('outside');
    const [lm] = await lmValues();
    expect(lm.business).toBe('outside');
    expect(lm.value).toBe(expected.lm3);
    expect(lm.value).toBeLessThan(model('local').lm3);
    await page.getByTestId('rupiah-view').screenshot({ path: join(SCREENSHOTS, 'rupiah-outside-round3.png') });
  });

  it('side by side with a new amount: both LM3s unchanged, the comparison names both', async () => {
    await page.getByTestId('rupiah-business').selectOption('both');
    await page.getByTestId('rupiah-amount').fill('2500000');
    await page.getByTestId('rupiah-amount').press('Enter');
    await page.getByTestId('rupiah-amount').blur();
    await expect(page.getByTestId('rupiah-amount-hint').textContent()).resolves.toContain('Rp 2.500.000');
    const local = model('local', 2_500_000);
    const outside = model('outside', 2_500_000);
    const lms = await lmValues();
    expect(lms.map((l) => l.business)).toEqual(['local', 'outside']);
    expect(lms[0].value).toBe(local.lm3);
    expect(lms[1].value).toBe(outside.lm3);
    const compare = (await page.getByTestId('rupiah-compare').textContent())!;
    expect(compare).toContain('Rp 2,5 juta');
    expect(compare).toContain(local.lm3.toFixed(2).replace('.', ','));
    expect(compare).toContain(outside.lm3.toFixed(2).replace('.', ','));
    await page.waitForTimeout(600);
    await page.getByTestId('rupiah-view').screenshot({ path: join(SCREENSHOTS, 'rupiah-both-round3.png') });
  });

  it('keyboard: Enter on the focused "next" button steps to round 4; the table lists the rounds; reset clears the highlight', async () => {
    await page.getByTestId('rupiah-next').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="rupiah-round"][data-round="4"]');
    await page.getByTestId('rupiah-table-toggle').click();
    await expect(page.getByTestId('rupiah-table').count()).resolves.toBe(2);
    await expect(page.getByTestId('rupiah-table').first().locator('tbody tr').count()).resolves.toBe(4);
    await page.getByTestId('rupiah-view').screenshot({ path: join(SCREENSHOTS, 'rupiah-table-round4.png') });
    await page.getByTestId('rupiah-table-toggle').click();
    await step('rupiah-reset', 1);
    const last = await page.evaluate(() => (window as unknown as { __highlights: unknown[] }).__highlights.at(-1));
    expect(last).toBeNull();
  });

  it('exports the Sankey as SVG; trainer mode on the projector, in English', async () => {
    await step('rupiah-next', 2);
    await step('rupiah-next', 3);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rupiah-export-svg-local').click()]);
    expect(download.suggestedFilename()).toBe('rupiah-local-round-3.svg');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).toContain('<svg');
    expect(text).toContain('Rp 2,5 juta');
    await page.getByTestId('trainer-mode').click();
    await page.getByTestId('language').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.waitForTimeout(600);
    await page.getByTestId('rupiah-view').screenshot({ path: join(SCREENSHOTS, 'rupiah-trainer-en.png') });
    expect(errors).toEqual([]);
  });
});
