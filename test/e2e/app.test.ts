// End to end in a real browser: the built app (dist/ui) served statically and driven in Debian's
// Chromium. Pins designs, moves a slider by keyboard and sees the charts change, checks a figure against
// the CLI for the same seed, exports a chart's CSV, switches language, chooses the rural region (its numbers
// equal `pendamping compare` on the same designs with "region": "rural"), and saves screenshots.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareFiles } from '../../cli/commands/compare.js';
import { runCommand } from '../../cli/commands/run.js';
import { browserAvailability, launch, serveStatic } from './browser.js';

const SCREENSHOTS = join('test-results', 'screenshots');
const browserCheck = browserAvailability();

/** `pendamping compare` of full-cycle and training-only in the rural region (3 replicates, seed 2, 12 months): what the page's rural comparison must equal. */
async function ruralCompare(): Promise<Awaited<ReturnType<typeof compareFiles>>> {
  const dir = mkdtempSync(join(tmpdir(), 'pendamping-rural-'));
  try {
    const files = ['full-cycle', 'training-only'].map((name) => {
      const file = join(dir, `${name}.json`);
      const json = JSON.parse(readFileSync(join('scenarios', `${name}.json`), 'utf8'));
      delete json.$schema;
      writeFileSync(file, JSON.stringify({ ...json, region: 'rural' }));
      return file;
    });
    return await compareFiles(files, { replicates: 3, seed: 2, months: 12 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!browserCheck.path)('web app in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const served = await serveStatic(join(process.cwd(), 'dist', 'ui'));
    server = served.server;
    browser = await launch(browserCheck.path!);
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(served.url);
    await page.waitForFunction(() => (window as unknown as { __pendamping?: unknown }).__pendamping !== undefined, null, { timeout: 30_000 });
    await page.evaluate(() => (window as unknown as { __pendamping: { ready: Promise<void> } }).__pendamping.ready);
    expect(errors).toEqual([]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  const waitDone = () => page.waitForSelector('[data-testid="run-status"][data-state="done"]', { timeout: 60_000 });
  /** The pinned designs as the page's shareable URL holds them (#s=<base64url JSON>). */
  const designsInUrl = () => JSON.stringify(JSON.parse(Buffer.from(new URL(page.url()).hash.replace(/^#s=/, ''), 'base64url').toString('utf8')).designs);
  const lastElapsedStamp = () => page.evaluate(() => JSON.stringify((window as unknown as { __pendamping: { lastComparison: { lines: unknown } } }).__pendamping.lastComparison.lines));

  it('starts in Bahasa Indonesia with two pinned designs compared against the baseline, charts drawn', async () => {
    await waitDone();
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await expect(page.getByTestId('design-A').count()).resolves.toBe(1);
    await expect(page.getByTestId('design-B').count()).resolves.toBe(1);
    const lines = await page.getByTestId('chart-turnover').getByTestId('line-chart-line').count();
    expect(lines).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: join(SCREENSHOTS, 'app-id.png'), fullPage: true });
  });

  it('gives the answer on the first screen: a card per design with jobs, local GDP, cost, cost per job and GDP per rupiah, intervals in words', async () => {
    await waitDone();
    for (const [width, height] of [[1440, 900], [1280, 720], [390, 844]] as const) {
      await page.setViewportSize({ width, height });
      await page.evaluate(() => scrollTo(0, 0));
      const card = page.getByTestId('card-A');
      const box = (await card.boundingBox())!;
      // The first card's top is on the first screen; on a laptop its jobs figure too.
      expect(box.y, `${width}×${height}`).toBeLessThan(height);
      if (width >= 1280) expect((await page.getByTestId('card-A-jobs').boundingBox())!.y + 40).toBeLessThan(height);
      // Nothing scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width}`).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(SCREENSHOTS, `app-answer-${width}.png`) });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    const cards = await page.evaluate(() => (window as unknown as { __pendamping: { lastComparison: unknown } }).__pendamping.lastComparison);
    const a = (cards as unknown as { headline: { id: string; jobs: { mean: number; low: number; high: number }; programCost: { mean: number } }[] }).headline[0];
    expect(a.id).toBe('A');
    expect(a.jobs.low).toBeLessThanOrEqual(a.jobs.mean);
    expect(a.jobs.mean).toBeLessThanOrEqual(a.jobs.high);
    // The interval in words, with the numbers the comparison computed.
    const words = (await page.getByTestId('card-A-jobs-interval').textContent())!;
    expect(words).toMatch(/^antara .+ dan .+ pekerjaan$/);
    expect(words).toContain(String(Math.round(a.jobs.low)));
    expect(await page.getByTestId('card-A-programCost-value').textContent()).toMatch(/^Rp /);
    // The main chart is the one picked, and the pick is part of the shareable state.
    await page.getByTestId('main-chart-select').selectOption('localGdp');
    await expect.poll(() => page.getByTestId('main-chart').getAttribute('data-chart')).toBe('localGdp');
    expect(await page.getByTestId('main-localGdp').getByTestId('line-chart-line').count()).toBeGreaterThanOrEqual(2);
    // The levers stay in view while the results scroll (the design column scrolls on its own).
    await page.evaluate(() => scrollTo(0, 2500));
    const aside = await page.evaluate(() => {
      const el = document.querySelector('pendamping-app')!.shadowRoot!.querySelector('aside')!.getBoundingClientRect();
      return { top: el.top, bottom: el.bottom };
    });
    expect(aside.top).toBeGreaterThanOrEqual(0);
    expect(aside.top).toBeLessThan(100);
    await page.getByTestId('main-chart-select').selectOption('jobs');
    await page.evaluate(() => scrollTo(0, 0));
    // Equal cost: design B (mentoring only, Rp 132 juta at 100 places) runs on A's budget, so both cost about the same.
    type Cards = { headline: { id: string; programCost: { mean: number } }[] };
    const costs = async () => ((await page.evaluate(() => (window as unknown as { __pendamping: { lastComparison: unknown } }).__pendamping.lastComparison)) as Cards).headline.map((c) => c.programCost.mean);
    const [costA, costB] = await costs();
    expect(costB / costA).toBeLessThan(0.5);
    await page.getByTestId('equal-cost').check();
    await expect.poll(async () => (await costs())[1] / (await costs())[0], { timeout: 60_000 }).toBeGreaterThan(0.9);
    await waitDone();
    const [equalA, equalB] = await costs();
    expect(equalB).toBeLessThanOrEqual(equalA * 1.02);
    await page.screenshot({ path: join(SCREENSHOTS, 'app-equal-cost.png') });
    await page.getByTestId('equal-cost').uncheck();
    await waitDone();
    await page.setViewportSize({ width: 1400, height: 1000 });
  }, 240_000);

  it('prints a one-page A4 decision memo: cards, the main chart, the designs\' settings, assumptions and what the ranges mean', async () => {
    await waitDone();
    expect((await page.getByTestId('print-summary').textContent())!.trim()).toBe('Cetak ringkasan');
    await page.setViewportSize({ width: 718, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    try {
      const memo = page.getByTestId('memo');
      await expect.poll(() => memo.isVisible()).toBe(true);
      const text = (await memo.textContent())!.replace(/\s+/g, ' ');
      expect(text).toContain('Ringkasan keputusan');
      expect(text).toContain('Rancangan A: Siklus penuh (tanpa perubahan)');
      expect(text).toContain('Wilayah: Kota kecil · 36 bulan disimulasikan · 10 ulangan');
      expect(text).toContain('bukan ketidakpastian asumsi model');
      // The levers, the toolbar and the detailed charts are not printed; the cards and the main chart are.
      expect(await page.getByTestId('design-panel').isVisible()).toBe(false);
      expect(await page.getByTestId('trainer-mode').isVisible()).toBe(false);
      expect(await page.getByTestId('chart-turnover').isVisible()).toBe(false);
      expect(await page.getByTestId('card-A').isVisible()).toBe(true);
      expect(await page.getByTestId('main-jobs').isVisible()).toBe(true);
      await page.waitForTimeout(1500); // the chart's transition to its print width
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      writeFileSync(join(SCREENSHOTS, 'memo.pdf'), pdf);
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).toHaveLength(1);
      await page.screenshot({ path: join(SCREENSHOTS, 'memo-print.png'), fullPage: true });
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1400, height: 1000 });
    }
  }, 120_000);

  it('pins a third design, then a slider moved by keyboard re-runs the comparison and changes the charts', async () => {
    await page.getByTestId('pin-design').click();
    await expect(page.getByTestId('design-C').count()).resolves.toBe(1);
    await waitDone();
    const before = await lastElapsedStamp();
    const pathBefore = await page.getByTestId('chart-turnover').getByTestId('line-chart-line').first().getAttribute('d');
    const slider = page.getByTestId('lever-budget-range');
    await slider.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((prev) => JSON.stringify((window as unknown as { __pendamping: { lastComparison: { lines: unknown } } }).__pendamping.lastComparison.lines) !== prev, before, { timeout: 60_000 });
    await waitDone();
    const after = await lastElapsedStamp();
    expect(after).not.toBe(before);
    const paths = await page.getByTestId('chart-turnover').getByTestId('line-chart-line').evaluateAll((els) => els.map((e) => e.getAttribute('d')));
    expect(paths.some((d) => d !== pathBefore)).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'after-slider.png'), fullPage: true });
  });

  it('computes exactly what the CLI computes for the same scenario and seed', async () => {
    const cli = JSON.parse(await runCommand('scenarios/full-cycle.json', { seed: 7, months: 12, format: 'json' }));
    const page_ = await page.evaluate(async () => {
      const r = await (window as unknown as { __pendamping: { runOne: (n: string, s: number, m: number) => Promise<{ summary: { jobs: { effect: number }; turnover: { effect: number }; localGdpGained: number }; accounting: { maxImbalance: number } }> } }).__pendamping.runOne('full-cycle', 7, 12);
      return { jobs: r.summary.jobs.effect, turnover: r.summary.turnover.effect, income: r.summary.localGdpGained, imbalance: r.accounting.maxImbalance };
    });
    expect(page_.jobs).toBe(cli.summary.jobs.effect);
    expect(page_.turnover).toBe(cli.summary.turnover.effect);
    expect(page_.income).toBe(cli.summary.localGdpGained);
    expect(page_.imbalance).toBe(0);
  });

  it('exports a chart\'s data as tidy CSV with the CLI\'s columns and the numbers shown', async () => {
    // The raw replicate rows (the second CSV button; the default CSV, the effects shown, is checked in exports.test.ts).
    const card = page.getByTestId('chart-turnover');
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('chart-card-export-csv-raw').click()]);
    const file = join('test-results', 'turnover.csv');
    await download.saveAs(file);
    const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe('design,scenario,region,seed,month,arm,group,metric,value');
    expect(lines[1].split(',')[2]).toBe('town');
    expect(download.suggestedFilename()).toBe('pendamping-turnover-town-replicates.csv');
    expect(lines.length).toBeGreaterThan(10);
    // The file holds exactly the rows behind the chart, values at full precision.
    const expected = await page.evaluate(
      () => (window as unknown as { __pendamping: { lastComparison: { rows: Record<string, { value: number | null }[]> } } }).__pendamping.lastComparison.rows.turnover.map((r) => r.value),
    );
    expect(lines.length - 1).toBe(expected.length);
    const values = lines.slice(1).map((l) => Number(l.split(',').at(-1)));
    expect(values).toEqual(expected);
  });

  it('exports a chart as PNG with the region written under it', async () => {
    const card = page.getByTestId('chart-jobs');
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('chart-card-export-png').click()]);
    expect(download.suggestedFilename()).toBe('pendamping-jobs-town.png');
    const [svg] = await Promise.all([page.waitForEvent('download'), card.getByTestId('chart-card-export-svg').click()]);
    const file = join('test-results', 'jobs-town.svg');
    await svg.saveAs(file);
    expect(readFileSync(file, 'utf8')).toContain('Wilayah: Kota kecil');
  });

  it('choosing a stage of the cycle opens its settings and changes nothing; its checkbox switches it, and undo reverts that', async () => {
    await waitDone();
    const stage = page.getByTestId('stage-reflection');
    const before = await stage.getAttribute('data-on');
    const comparisonBefore = await lastElapsedStamp();
    const designsBefore = designsInUrl();
    // Reach the stage with Tab from the one before it, as a keyboard user does.
    await page.getByTestId('stage-monitoring').focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      return el?.getAttribute('data-testid') ?? el?.tagName ?? null;
    });
    expect(focused).toBe('stage-reflection');
    expect(await stage.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
    // The focus ring: the stage's box gets a dashed black outline stroke.
    const ring = await stage.evaluate((el) => getComputedStyle(el.querySelector('rect')!).strokeDasharray);
    expect(ring).not.toBe('none');
    // Enter, Space and a click only select: the panel shows the stage, the design is unchanged.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('stage-levers').getAttribute('data-stage')).toBe('reflection');
    await page.keyboard.press(' ');
    await page.getByTestId('stage-training').click();
    await expect.poll(() => page.getByTestId('stage-levers').getAttribute('data-stage')).toBe('training');
    await page.getByTestId('stage-reflection').click();
    await expect.poll(() => page.getByTestId('stage-levers').getAttribute('data-stage')).toBe('reflection');
    expect(await stage.getAttribute('data-on')).toBe(before);
    expect(await page.getByTestId('stage-training').getAttribute('data-on')).toBe('true');
    expect(designsInUrl()).toBe(designsBefore);
    await page.waitForTimeout(400);
    expect(await lastElapsedStamp()).toBe(comparisonBefore);
    // The stage's own labelled checkbox switches it; undo switches it back.
    const box = page.getByTestId('lever-reflection.enabled-checkbox');
    await box.click();
    await expect.poll(() => stage.getAttribute('data-on')).not.toBe(before);
    await page.getByTestId('undo').click();
    await expect.poll(() => stage.getAttribute('data-on')).toBe(before);
    await waitDone();
    // On a phone the ring's text would be 7–8 px: the stages are a list of buttons in the page's text
    // size, and choosing one still only selects it.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.getByTestId('stage-training').evaluate((el) => el.tagName)).toBe('BUTTON');
    const sizes = await page.locator('[data-testid^="stage-"]').evaluateAll((els) =>
      els.filter((el) => el.tagName === 'BUTTON').map((el) => parseFloat(getComputedStyle(el).fontSize)),
    );
    expect(sizes).toHaveLength(6);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);
    const trainingOn = await page.getByTestId('stage-training').getAttribute('data-on');
    const phoneDesigns = designsInUrl();
    const phoneComparison = await lastElapsedStamp();
    await page.getByTestId('stage-training').click();
    await expect.poll(() => page.getByTestId('stage-levers').getAttribute('data-stage')).toBe('training');
    expect(await page.getByTestId('stage-training').getAttribute('data-on')).toBe(trainingOn);
    await page.getByTestId('stage-reflection').click();
    await expect.poll(() => page.getByTestId('stage-levers').getAttribute('data-stage')).toBe('reflection');
    expect(await stage.getAttribute('data-on')).toBe(before);
    expect(designsInUrl()).toBe(phoneDesigns);
    await page.waitForTimeout(400);
    expect(await lastElapsedStamp()).toBe(phoneComparison);
    await expect(page.getByTestId('run-status').getAttribute('data-state')).resolves.toBe('done');
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
    // The stage's checkbox, on screen and tappable on the phone, switches it; undo switches it back.
    const phoneBox = page.getByTestId('lever-reflection.enabled-checkbox');
    await phoneBox.scrollIntoViewIfNeeded();
    const boxRect = (await phoneBox.boundingBox())!;
    expect(boxRect.x).toBeGreaterThanOrEqual(0);
    expect(boxRect.x + boxRect.width).toBeLessThanOrEqual(390);
    await phoneBox.click();
    await expect.poll(() => stage.getAttribute('data-on')).not.toBe(before);
    expect(designsInUrl()).not.toBe(phoneDesigns);
    await page.getByTestId('undo').click();
    await expect.poll(() => stage.getAttribute('data-on')).toBe(before);
    expect(designsInUrl()).toBe(phoneDesigns);
    await waitDone();
    await page.getByTestId('stage-training').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'app-cycle-390.png') });
    await page.setViewportSize({ width: 1400, height: 1000 });
  });

  it('while a slider is dragged the charts dim and a progress bar is in view until the new numbers come (1400×1000 and 390×844)', async () => {
    for (const [width, height, start] of [[1400, 1000, 1e9], [390, 844, 2e9]] as const) {
      await page.setViewportSize({ width, height });
      // Each drag starts from its own budget (typed), so it always reaches a value not computed before.
      const amount = page.getByTestId('lever-budget-number');
      await amount.fill(String(start));
      await amount.press('Enter');
      await expect.poll(() => page.getByTestId('lever-budget-range').inputValue()).toBe(String(start));
      await waitDone();
      // From the top of the page, where the answer is (on a wide screen the levers stay beside it).
      await page.evaluate(() => scrollTo(0, 0));
      const slider = page.getByTestId('lever-budget-range');
      await slider.scrollIntoViewIfNeeded();
      const designsBefore = designsInUrl();
      // Every frame from the drag on: the view's stale mark, the main chart's opacity, and whether a progress
      // bar is inside the screen (the status line's beside the levers; on a phone the bar at the bottom).
      await page.evaluate(() => {
        type Frame = { stale: boolean; opacity: number; progressInView: boolean; state: string };
        const g = window as unknown as { __frames: Frame[]; __finals: number };
        g.__frames = [];
        g.__finals = 0;
        document.querySelector('pendamping-app')!.addEventListener('comparison', () => g.__finals++);
        const view = document.querySelector('pendamping-app')!.shadowRoot!.querySelector('pendamping-comparison-view')!;
        const inView = (el: Element | null | undefined) => {
          if (!el) return false;
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
        };
        const frame = () => {
          const main = view.shadowRoot!.querySelector('.main-chart');
          const app = document.querySelector('pendamping-app')!.shadowRoot!;
          const state = view.shadowRoot!.querySelector('[data-testid="run-status"]')?.getAttribute('data-state') ?? '';
          g.__frames.push({
            stale: view.hasAttribute('stale'),
            opacity: main ? Number(getComputedStyle(main).opacity) : 1,
            progressInView: inView(view.shadowRoot!.querySelector('[data-testid="run-progress"]')) || inView(app.querySelector('[data-testid="phone-status"] progress')),
            state,
          });
          if (g.__frames.length < 2000 && !(state === 'done' && g.__frames.some((f) => f.state === 'running'))) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      const box = (await slider.boundingBox())!;
      const [min, max] = await slider.evaluate((e) => [Number(e.getAttribute('min')), Number(e.getAttribute('max'))]);
      // Press on the thumb (its centre runs from 8 px inside either end), then move right.
      const x = box.x + 8 + ((start - min) / (max - min)) * (box.width - 16);
      const y = box.y + box.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      for (let i = 1; i <= 6; i++) {
        await page.mouse.move(x + i * 3, y);
        await page.waitForTimeout(60);
      }
      await page.screenshot({ path: join(SCREENSHOTS, `app-drag-${width}.png`) });
      await page.mouse.up();
      expect(Number(await slider.inputValue())).toBeGreaterThan(start);
      await page.waitForFunction(() => {
        const f = (window as unknown as { __frames: { state: string }[] }).__frames;
        return f.some((x) => x.state === 'running') && f.at(-1)!.state === 'done';
      }, null, { timeout: 120_000 });
      const frames = await page.evaluate(() => (window as unknown as { __frames: { stale: boolean; opacity: number; progressInView: boolean; state: string }[] }).__frames);
      const running = frames.filter((f) => f.state === 'running');
      // Stale numbers were dimmed (towards 0.45) while the drag went on, and a progress bar was on screen.
      const at = `${width}×${height}`;
      expect(frames.some((f) => f.stale), at).toBe(true);
      expect(Math.min(...frames.filter((f) => f.stale).map((f) => f.opacity)), at).toBeLessThan(0.75);
      expect(running.length, at).toBeGreaterThan(0);
      expect(running.filter((f) => !f.progressInView).length, at).toBe(0);
      // Then the new numbers: not stale, no progress bar, full strength again.
      expect(frames.at(-1)!.stale, at).toBe(false);
      // (Above the places' cost the budget changes no number, so what is checked is that the new design was computed.)
      expect(designsInUrl()).not.toBe(designsBefore);
      expect(await page.evaluate(() => (window as unknown as { __finals: number }).__finals), at).toBeGreaterThan(0);
      await expect.poll(() => page.getByTestId('main-chart').evaluate((el) => Number(getComputedStyle(el).opacity))).toBe(1);
      expect(await page.getByTestId('run-progress').count()).toBe(0);
      expect(await page.getByTestId('phone-status').count()).toBe(0);
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(width);
    }
    await page.setViewportSize({ width: 1400, height: 1000 });
  }, 240_000);

  it('opens the glossary of the numbers from beside the estimates, offline from the build, and closes it', async () => {
    await expect(page.getByTestId('chart-localGdpPerRupiah').count()).resolves.toBe(1);
    await expect(page.getByTestId('chart-spendingMultiplier').count()).resolves.toBe(1);
    await page.getByTestId('glossary-open').click();
    const dialog = page.getByTestId('glossary-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const text = (await page.getByTestId('glossary-body').textContent())!;
    for (const name of ['localGdpPerRupiah', 'spendingMultiplier', 'lm3', 'costPerJob', 'nonParticipantTurnover']) expect(text).toContain(name);
    await page.screenshot({ path: join(SCREENSHOTS, 'app-glossary.png') });
    await page.getByTestId('glossary-close').click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  it('switches to English and back without losing the state', async () => {
    const url = page.url();
    await page.getByTestId('language').selectOption('en');
    expect(page.url()).not.toBe(url); // the language is part of the shareable state
    await expect(page.getByText('Design micro-business mentoring programs').count()).resolves.toBeGreaterThan(0);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.screenshot({ path: join(SCREENSHOTS, 'app-en.png'), fullPage: true });
    await page.getByTestId('language').selectOption('id');
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    expect(page.url()).toBe(url);
  });

  const comparisonOf = () =>
    page.evaluate(() => (window as unknown as { __pendamping: { lastComparison: { lines: unknown; rows: Record<string, { region?: string }[]> } } }).__pendamping.lastComparison);

  it('chooses the rural region: the numbers change, undo / redo step through it, and a reload of the URL restores it', async () => {
    await waitDone();
    const select = page.getByTestId('setting-region');
    expect(await select.inputValue()).toBe('town');
    const options = await select.locator('option').evaluateAll((els) => els.map((e) => [(e as HTMLOptionElement).value, e.textContent!.trim()]));
    expect(options).toEqual([
      ['town', 'Kota kecil'],
      ['periurban', 'Kabupaten pinggiran kota'],
      ['rural', 'Kabupaten perdesaan'],
    ]);
    const townLines = JSON.stringify((await comparisonOf()).lines);
    const townUrl = page.url();
    await select.selectOption('rural');
    await page.waitForFunction((prev) => JSON.stringify((window as unknown as { __pendamping: { lastComparison: { lines: unknown } } }).__pendamping.lastComparison.lines) !== prev, townLines, { timeout: 60_000 });
    await waitDone();
    const rural = await comparisonOf();
    expect(rural.rows.turnover.every((r) => r.region === 'rural')).toBe(true);
    expect(page.url()).not.toBe(townUrl);
    expect(await page.getByTestId('region-description').textContent()).toContain('Grobogan');
    expect(await page.getByTestId('design-A').textContent()).toContain('Kabupaten perdesaan');
    // The control at a laptop's and a phone's size.
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, 'app-rural.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('setting-region').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'app-rural-mobile.png') });
    await page.setViewportSize({ width: 1400, height: 1000 });
    // The docs' meaning of a region profile, offline in a dialog.
    await page.getByTestId('region-about').click();
    await expect.poll(() => page.getByTestId('region-dialog').isVisible()).toBe(true);
    expect(await page.getByTestId('region-dialog-body').textContent()).toContain('Kabupaten Grobogan');
    await page.getByTestId('region-dialog-close').click();
    await expect.poll(() => page.getByTestId('region-dialog').isVisible()).toBe(false);
    // Undo goes back to town, redo to rural.
    await page.getByTestId('undo').click();
    await expect.poll(() => select.inputValue()).toBe('town');
    expect(page.url()).toBe(townUrl);
    await page.getByTestId('redo').click();
    await expect.poll(() => select.inputValue()).toBe('rural');
    await waitDone();
    const ruralUrl = page.url();
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __pendamping?: unknown }).__pendamping !== undefined, null, { timeout: 30_000 });
    await page.evaluate(() => (window as unknown as { __pendamping: { ready: Promise<void> } }).__pendamping.ready);
    await waitDone();
    expect(page.url()).toBe(ruralUrl);
    expect(await page.getByTestId('setting-region').inputValue()).toBe('rural');
    expect(JSON.stringify((await comparisonOf()).lines)).toBe(JSON.stringify(rural.lines));
  }, 180_000);

  it('in the rural region computes exactly what `pendamping compare` computes on the same designs with "region": "rural"', async () => {
    const state = {
      locale: 'en',
      designs: [
        { id: 'A', name: 'Design A', base: 'full-cycle', levers: {} },
        { id: 'B', name: 'Design B', base: 'training-only', levers: {} },
      ],
      region: 'rural',
      replicates: 3,
      seed: 2,
      months: 12,
    };
    const hash = '#s=' + Buffer.from(JSON.stringify(state)).toString('base64url');
    await page.goto(page.url().replace(/#.*$/, '') + hash);
    await page.waitForFunction(
      () => {
        const c = (window as unknown as { __pendamping: { lastComparison?: { replicates: number; months: number; rows: Record<string, { region?: string }[]> } } }).__pendamping.lastComparison;
        return c && c.replicates === 3 && c.months === 12 && c.rows.turnover[0]?.region === 'rural';
      },
      null,
      { timeout: 60_000 },
    );
    await waitDone();
    const estimates = await page.evaluate(
      () => (window as unknown as { __pendamping: { lastComparison: { estimates: { id: string; estimates: { id: string; mean: number | null }[] }[] } } }).__pendamping.lastComparison.estimates,
    );
    const cli = await ruralCompare();
    const pairs = [
      ['localGdpPerRupiah', 'localGdpPerRupiah'],
      ['spendingMultiplier', 'spendingMultiplier.program'],
      ['lm3', 'lm3.program'],
    ] as const;
    for (const [pageId, cliId] of pairs) {
      const spec = estimates.find((e) => e.id === pageId)!;
      ['A', 'B'].forEach((designId, i) => {
        const mine = spec.estimates.find((e) => e.id === designId)!.mean;
        const theirs = cli.designs[i].quantities[cliId].mean;
        expect(mine, `${pageId} ${designId}`).not.toBeNull();
        expect(mine! / theirs!, `${pageId} ${designId}`).toBeCloseTo(1, 12);
      });
    }
    // The headline cards: the same five numbers as the CLI's compare, design by design.
    const cards = await page.evaluate(
      () => (window as unknown as { __pendamping: { lastComparison: { headline: Record<string, { mean: number | null } | string>[] } } }).__pendamping.lastComparison.headline,
    );
    expect(cards.map((c) => c.id)).toEqual(['A', 'B']);
    const cardPairs = [
      ['jobs', 'jobs.effect'],
      ['localGdpGained', 'localGdpGained'],
      ['programCost', 'programCost'],
      ['costPerJob', 'costPerJob'],
      ['localGdpPerRupiah', 'localGdpPerRupiah'],
    ] as const;
    cards.forEach((card, i) => {
      for (const [mine, theirs] of cardPairs) {
        const a = (card[mine] as { mean: number | null }).mean;
        const b = cli.designs[i].quantities[theirs].mean;
        expect(a, `${mine} ${card.id}`).not.toBeNull();
        expect(a! / b!, `${mine} ${card.id}`).toBeCloseTo(1, 12);
      }
    });
    // And the rural numbers are not the town's.
    const town = await compareFiles(['scenarios/full-cycle.json'], { replicates: 3, seed: 2, months: 12 });
    expect(town.designs[0].quantities.localGdpPerRupiah.mean).not.toBe(cli.designs[0].quantities.localGdpPerRupiah.mean);
  }, 180_000);

  it('draws the cost-effectiveness plane and the acceptability curve with the numbers of `pendamping compare` (rural, same designs, seed, replicates, months)', async () => {
    // The page still shows the rural comparison of the test before: A full cycle, B training only, 3 replicates, seed 2, 12 months.
    await waitDone();
    type Cea = { results: { effect: string; designs: { design: string; status: string; icer?: number }[]; acceptability: { value: number; probability: Record<string, number> }[] }[]; curves: { id: string; series: { id: string; months: number[]; mean: number[] }[] }[] };
    const ceaOf = async () => ((await page.evaluate(() => (window as unknown as { __pendamping: { lastComparison: { cea: unknown; replicates: number; months: number } } }).__pendamping.lastComparison)) as { cea: Cea; replicates: number; months: number });
    const shown = await ceaOf();
    expect([shown.replicates, shown.months]).toEqual([3, 12]);
    const cli = await ruralCompare();
    const cliKey = new Map(cli.costEffectiveness[0].designs.map((d, i) => [d.design, ['A', 'B'][i]]));
    const select = page.getByTestId('main-chart-select');
    await page.getByTestId('language').selectOption('id');
    await select.selectOption('plane-jobs');
    await expect.poll(() => page.getByTestId('main-chart').getAttribute('data-chart')).toBe('plane-jobs');
    const main = page.getByTestId('main-plane-jobs');
    // A dot per replicate of every pinned design (the no-program baseline is the origin, not a design).
    expect(await main.getByTestId('plane-dot').count()).toBe(3 * 2);
    expect(await main.getByTestId('plane-mean').count()).toBe(2);
    expect(await main.getByTestId('plane-origin').count()).toBe(1);
    // The frontier statuses and incremental ratios are the CLI's, effect by effect.
    for (const [k, r] of cli.costEffectiveness.entries()) {
      const mine = shown.cea.results[k];
      expect(mine.effect).toBe(r.effect);
      expect(mine.designs.map((d) => [d.design, d.status, d.icer])).toEqual(r.designs.map((d) => [cliKey.get(d.design), d.status, d.icer]));
    }
    const statuses = await main.getByTestId('plane-mean').evaluateAll((els) => els.map((e) => [e.getAttribute('data-series-id'), e.getAttribute('data-status')]));
    expect(statuses).toEqual(cli.costEffectiveness[0].designs.map((d) => [cliKey.get(d.design), d.status]));
    for (const d of cli.costEffectiveness[0].designs) expect(await page.getByTestId(`ce-status-${cliKey.get(d.design)}`).getAttribute('data-status')).toBe(d.status);
    // No label lies over a marker or another label (the boxes the chart drew them in).
    const overlapping = await main.locator('pendamping-plane-chart').evaluate((el) => {
      const root = el.shadowRoot!;
      const boxes = [...root.querySelectorAll('[data-testid="plane-label"]')].map((t) => t.getBoundingClientRect());
      const marks = [...root.querySelectorAll('[data-testid="plane-mean"], [data-testid="plane-origin"]')].map((m) => m.getBoundingClientRect());
      const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
      return boxes.flatMap((b, i) => [...boxes.filter((c, j) => j !== i && hit(b, c)), ...marks.filter((m) => hit(b, m))]).length;
    });
    expect(overlapping).toBe(0);
    for (const [width, height] of [[1440, 900], [390, 844]] as const) {
      await page.setViewportSize({ width, height });
      await page.getByTestId('main-chart').scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `plane ${width}`).toBeLessThanOrEqual(width);
      await main.screenshot({ path: join(SCREENSHOTS, `app-plane-${width}.png`) });
      await page.getByTestId('main-chart').screenshot({ path: join(SCREENSHOTS, `app-plane-status-${width}.png`) });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    // Exports like every chart: the plane's CSV has each design's status.
    const [download] = await Promise.all([page.waitForEvent('download'), main.getByTestId('chart-card-export-csv').click()]);
    const csvFile = join('test-results', 'plane-jobs.csv');
    await download.saveAs(csvFile);
    const csv = readFileSync(csvFile, 'utf8').trim().split('\n');
    expect(csv[0]).toBe('chart,design,seed,cost,effect,status,icer,previous,effectUnit');
    expect(csv.length).toBe(1 + 2 + 6);
    // The image names what it shows: the title, no program at the origin, the design labels and the run.
    const [image] = await Promise.all([page.waitForEvent('download'), main.getByTestId('chart-card-export-svg').click()]);
    expect(image.suggestedFilename()).toBe('pendamping-plane-jobs-rural.svg');
    const svgFile = join('test-results', 'plane-jobs-rural.svg');
    await image.saveAs(svgFile);
    const svgText = readFileSync(svgFile, 'utf8');
    for (const words of ['bidang efektivitas biaya', 'Tanpa program', 'Rancangan A', 'Biaya program total (rupiah)', 'Wilayah: Kabupaten perdesaan']) expect(svgText).toContain(words);
    // The acceptability curve: a line per design and one for no program; its values at the CLI's grid are the CLI's.
    await select.selectOption('curve-jobs');
    await expect.poll(() => page.getByTestId('main-chart').getAttribute('data-chart')).toBe('curve-jobs');
    const curveCard = page.getByTestId('main-curve-jobs');
    expect(await curveCard.getByTestId('line-chart-line').count()).toBe(3);
    const curve = shown.cea.curves.find((c) => c.id === 'curve-jobs')!;
    for (const point of cli.costEffectiveness[0].acceptability) {
      for (const [id, share] of Object.entries(point.probability)) {
        const series = curve.series.find((s) => s.id === (id === 'none' ? 'baseline' : cliKey.get(id)))!;
        const i = series.months.indexOf(point.value);
        expect(i, `value ${point.value}`).toBeGreaterThanOrEqual(0);
        expect(series.mean[i], `${id} at ${point.value}`).toBe(share);
      }
    }
    for (const [width, height] of [[1440, 900], [390, 844]] as const) {
      await page.setViewportSize({ width, height });
      await page.getByTestId('main-chart').scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `curve ${width}`).toBeLessThanOrEqual(width);
      await page.getByTestId('main-chart').screenshot({ path: join(SCREENSHOTS, `app-curve-${width}.png`) });
    }
    await page.setViewportSize({ width: 1400, height: 1000 });
    await select.selectOption('jobs');
  }, 180_000);
});
