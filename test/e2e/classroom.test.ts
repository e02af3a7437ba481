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

/** Press Tab (or Shift+Tab) until the element with `testid` has focus (at most `limit` times); fails otherwise. */
async function tabTo(page: Page, testid: string, limit = 60, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if ((await focused(page)).testid === testid) return;
    await page.keyboard.press(key);
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
    expect(csv).toContain(`1,jobs,Rancangan A,3,5,24,guess,${guess}`);
    expect(csv.find((l) => l.startsWith('1,jobs,Rancangan A,3,5,24,model_mean,'))!.split(',').at(-1)).toBe(String(shown));
    await page.getByTestId('predict').screenshot({ path: join(SCREENSHOTS, 'classroom-predict.png') });
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('keeps typed guesses exactly as typed: on the chart, in the verdict and in the CSV; labels clear of the handles; both axes titled', async () => {
    const { page, errors } = await open({ view: 'classroom', seed: 4 });
    const typed: Record<number, string> = { 6: '2', 12: '5', 18: '10', 24: '20' };
    for (const [m, v] of Object.entries(typed)) {
      const input = page.getByTestId(`predict-input-${m}`);
      await input.fill(v);
      await input.press('Tab');
    }
    for (const [m, v] of Object.entries(typed)) {
      expect(await page.getByTestId(`predict-handle-${m}`).getAttribute('aria-valuenow')).toBe(v);
      expect(await page.getByTestId(`predict-input-${m}`).inputValue()).toBe(v);
    }
    // The axes say what they count, with the unit.
    expect(await page.getByTestId('predict-y-title').textContent()).toBe('Tambahan kerja (orang)');
    expect(await page.getByTestId('predict-x-title').textContent()).toBe('Waktu sejak program mulai (bulan)');
    // An arrow key moves the guess by the step from where it is, without snapping it to a multiple.
    await page.getByTestId('predict-handle-12').focus();
    await page.keyboard.press('ArrowUp');
    const stepped = Number(await page.getByTestId('predict-handle-12').getAttribute('aria-valuenow'));
    expect(stepped).toBeGreaterThan(5);
    await page.keyboard.press('ArrowDown');
    expect(await page.getByTestId('predict-handle-12').getAttribute('aria-valuenow')).toBe('5');
    await page.getByTestId('predict-reveal').click();
    await page.getByTestId('predict-model-24').waitFor({ timeout: 90_000 });
    const verdict = await page.getByTestId('predict-verdict').innerText();
    expect(verdict).toMatch(/Tebakan untuk bulan 24: \+20\./);
    // The end labels sit clear of the month-24 handle.
    const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const handle = (await page.getByTestId('predict-handle-24').boundingBox())!;
    for (const label of ['predict-guess-label', 'predict-model-label']) {
      const box = (await page.getByTestId(label).boundingBox())!;
      expect(overlap(box, handle), label).toBe(false);
    }
    const download = page.waitForEvent('download');
    await page.getByTestId('predict-csv').click();
    const csv = readFileSync(await (await download).path(), 'utf8').trim().split('\n');
    for (const [m, v] of Object.entries(typed)) expect(csv).toContain(`1,jobs,Rancangan A,4,5,${m},guess,${v}`);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('shows the keyboard shortcuts with ? and closes them with Escape', async () => {
    const { page } = await open({ view: 'classroom' });
    await page.keyboard.press('?');
    await expect(page.getByTestId('shortcuts-dialog').isVisible()).resolves.toBe(true);
    const rows = await page.getByTestId('shortcuts-dialog').locator('tr').allTextContents();
    expect(rows.some((r) => r.includes('W') && r.includes('tanpa program'))).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'classroom-shortcuts.png') });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('shortcuts-dialog').isVisible()).resolves.toBe(false);
    await page.close();
  }, 180_000);

  it('runs the whole guided lesson with the keyboard only, ending in the sandbox', async () => {
    const { page, errors } = await open({ view: 'classroom', seed: 2 });
    const lessonDone = () => page.getByTestId('lesson-done').innerText();
    const month = () => page.evaluate(() => {
      const app = document.querySelector('pendamping-app')!.shadowRoot!;
      const view = app.querySelector('pendamping-classroom')!.shadowRoot!.querySelector('pendamping-economy-view') as unknown as { month: number };
      return view.month;
    });
    // The parts load their runs in workers; the rupiah view says when it is ready.
    await page.getByTestId('rupiah-lm3').first().waitFor({ timeout: 60_000 });
    await page.getByTestId('live-step').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => {
      const app = document.querySelector('pendamping-app')!.shadowRoot!;
      const step = app.querySelector('pendamping-classroom')!.shadowRoot!.querySelector('pendamping-economy-view')!.shadowRoot!.querySelector('[data-testid="live-step"]') as HTMLButtonElement | null;
      return step !== null && !step.disabled;
    }, null, { timeout: 60_000 });

    await tabTo(page, 'lesson-start');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('lesson-heading').innerText()).resolves.toMatch(/Langkah 1 dari 5/);
    expect((await focused(page)).testid).toBe('lesson-heading');

    // 1. A rupiah spent locally: choose the local buyer, step to round 3.
    await tabTo(page, 'lesson-action-rupiah-local');
    await page.keyboard.press('Enter');
    await tabTo(page, 'lesson-action-rupiah-next');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('rupiah-round').first().innerText()).resolves.toMatch(/3/);
    await page.waitForFunction(() => document.querySelector('pendamping-app')!.shadowRoot!.querySelector('pendamping-classroom')!.shadowRoot!.querySelector('pendamping-lesson')!.shadowRoot!.querySelector('[data-testid="lesson-done"]')!.textContent!.includes('✓'));
    const lmLocal = Number(await page.getByTestId('rupiah-lm3').first().getAttribute('data-value'));
    await page.screenshot({ path: join(SCREENSHOTS, 'classroom-lesson-1.png') });

    // 2. The same amount in the business that buys from outside: a lower LM3.
    await tabTo(page, 'lesson-next');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('lesson-heading').innerText()).resolves.toMatch(/Langkah 2/);
    await tabTo(page, 'lesson-action-rupiah-outside');
    await page.keyboard.press('Enter');
    await tabTo(page, 'lesson-action-rupiah-next');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(lessonDone()).resolves.toMatch(/✓/);
    const lmOutside = Number(await page.getByTestId('rupiah-lm3').first().getAttribute('data-value'));
    expect(lmOutside).toBeLessThan(lmLocal);

    // 3. Predict first: the guess set on the chart by keyboard, then the lesson's button reveals the model.
    await tabTo(page, 'lesson-next');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('lesson-heading').innerText()).resolves.toMatch(/Langkah 3/);
    await tabTo(page, 'predict-handle-24', 120);
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp');
    const lessonGuess = Number(await page.getByTestId('predict-handle-24').getAttribute('aria-valuenow'));
    expect(lessonGuess).toBeGreaterThan(0);
    await tabTo(page, 'lesson-action-predict-reveal', 120, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByTestId('predict-model-24').waitFor({ timeout: 90_000 });
    await expect(lessonDone()).resolves.toMatch(/✓/);

    // 4. Watch the economy move: Space plays (focus is on the lesson's heading, not on a button), again pauses; → steps.
    await tabTo(page, 'lesson-next');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('lesson-heading').innerText()).resolves.toMatch(/Langkah 4/);
    expect((await focused(page)).testid).toBe('lesson-heading');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => {
      const view = document.querySelector('pendamping-app')!.shadowRoot!.querySelector('pendamping-classroom')!.shadowRoot!.querySelector('pendamping-economy-view') as unknown as { month: number };
      return view.month >= 12;
    }, null, { timeout: 60_000 });
    await page.keyboard.press('Space');
    await expect(lessonDone()).resolves.toMatch(/✓/);
    await expect(page.getByTestId('live-play').getAttribute('aria-pressed')).resolves.toBe('false');
    // A month already being computed when Space was pressed may still land: wait until the month holds.
    let paused = await month();
    for (let i = 0; i < 8; i++) {
      await page.waitForTimeout(400);
      const now = await month();
      if (now === paused) break;
      paused = now;
    }
    await page.waitForTimeout(1200);
    expect(await month()).toBe(paused); // Space paused it
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((m) => {
      const view = document.querySelector('pendamping-app')!.shadowRoot!.querySelector('pendamping-classroom')!.shadowRoot!.querySelector('pendamping-economy-view') as unknown as { month: number };
      return view.month === m + 1;
    }, paused, { timeout: 30_000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'classroom-lesson-4.png') });

    // 5. What mentoring changes: the same economy without the program, then the sandbox.
    await tabTo(page, 'lesson-next');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('lesson-heading').innerText()).resolves.toMatch(/Langkah 5/);
    await tabTo(page, 'lesson-action-live-arm');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => {
      const view = document.querySelector('pendamping-app')!.shadowRoot!.querySelector('pendamping-classroom')!.shadowRoot!.querySelector('pendamping-economy-view') as unknown as { shownArm: string | null };
      return view.shownArm === 'counterfactual';
    }, null, { timeout: 30_000 });
    await tabTo(page, 'lesson-action-sandbox');
    await page.keyboard.press('Enter');
    await page.getByTestId('lesson-sandbox').waitFor();
    // The session summary: what the class predicted (exactly), what the model said, the lesson; as PNG.
    const slide = page.getByTestId('summary-slide');
    await slide.waitFor();
    const slideText = (await slide.locator('text').allTextContents()).join(' ');
    expect(slideText).toContain(`setelah 24 bulan: +${lessonGuess}.`);
    // The model's month-24 mean as the predict table writes it.
    expect(slideText).toContain(`${(await page.getByTestId('predict-model-24').innerText()).trim()} (95%:`);
    expect(slideText).toMatch(/Pelajarannya/);
    const png = page.waitForEvent('download');
    await page.getByTestId('summary-png').click();
    const pngFile = await png;
    expect(pngFile.suggestedFilename()).toBe('pendamping-ringkasan-sesi.png');
    expect(readFileSync(await pngFile.path()).subarray(1, 4).toString()).toBe('PNG');
    await slide.screenshot({ path: join(SCREENSHOTS, 'classroom-summary.png') });
    await page.screenshot({ path: join(SCREENSHOTS, 'classroom-lesson-sandbox.png'), fullPage: true });
    // Printed, the page is the slide alone: no toolbar, no lesson panel, no other part, no second heading.
    await page.emulateMedia({ media: 'print' });
    await expect(slide.isVisible()).resolves.toBe(true);
    for (const id of ['lesson-heading', 'rupiah-view', 'summary-print']) await expect(page.getByTestId(id).first().isVisible()).resolves.toBe(false);
    await expect(page.locator('#summary-h').isVisible()).resolves.toBe(false);
    const printed = await page.evaluate(() => {
      const app = document.querySelector('pendamping-app')!.shadowRoot!;
      const header = app.querySelector('header');
      return { header: header ? getComputedStyle(header).display : 'none', height: document.scrollingElement!.scrollHeight };
    });
    expect(printed.header).toBe('none');
    expect(printed.height).toBeLessThanOrEqual(1000 * 1.05);
    await page.screenshot({ path: join(SCREENSHOTS, 'classroom-summary-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('opens the live graphs in their own window, which follow the main window month by month', async () => {
    const { page } = await open({ view: 'classroom', seed: 1, trainer: true });
    const step = page.getByTestId('live-step');
    await page.waitForFunction(() => {
      const el = document.querySelector('pendamping-app')!.shadowRoot!.querySelector('pendamping-classroom')!.shadowRoot!.querySelector('pendamping-economy-view')!.shadowRoot!.querySelector('[data-testid="live-step"]') as HTMLButtonElement | null;
      return el !== null && !el.disabled;
    }, null, { timeout: 60_000 });
    const popupEvent = page.waitForEvent('popup');
    await page.getByTestId('live-popout').click();
    const popup = await popupEvent;
    await popup.getByTestId('popout-title').waitFor();
    for (let i = 0; i < 3; i++) {
      await step.click();
      await page.waitForFunction((m) => {
        const view = document.querySelector('pendamping-app')!.shadowRoot!.querySelector('pendamping-classroom')!.shadowRoot!.querySelector('pendamping-economy-view') as unknown as { month: number };
        return view.month === m;
      }, i + 1, { timeout: 30_000 });
    }
    await popup.waitForFunction(() => document.querySelector('pendamping-popout')!.shadowRoot!.querySelector('[data-testid="popout-month"]')!.textContent!.includes('3'), null, { timeout: 10_000 });
    await expect(popup.getByTestId('popout-live-jobs').getByTestId('line-chart-line').count()).resolves.toBe(1);
    // Every axis says its unit.
    expect(await popup.getByTestId('popout-live-jobs').getByText('Lapangan kerja: selisih dengan tanpa program (orang)').count()).toBeGreaterThan(0);
    expect(await popup.getByTestId('popout-live-local-gdp').getByText('PDRB lokal per bulan (Rp)').count()).toBeGreaterThan(0);
    // The main window's live chart and the pop-out's show the same points.
    const mainLine = await page.getByTestId('chart-live-jobs').getByTestId('line-chart-line').getAttribute('d');
    expect(mainLine).toBeTruthy();
    // The pop-out's text grows with its window (a projector's window is large): the axis title at least
    // 20 px high in a 1600 × 900 window, and larger than in an 800 × 500 one.
    const axisTitleHeight = () => popup.getByTestId('popout-live-jobs').locator('text.x-title').evaluate((el) => el.getBoundingClientRect().height);
    const zoom = () => popup.getByTestId('popout-grid').getAttribute('data-zoom').then(Number);
    await popup.setViewportSize({ width: 800, height: 500 });
    await expect.poll(zoom).toBe(1);
    await popup.waitForTimeout(300);
    const small = await axisTitleHeight();
    await popup.setViewportSize({ width: 1600, height: 900 });
    await expect.poll(zoom).toBeGreaterThan(1.6);
    await popup.waitForTimeout(300);
    const large = await axisTitleHeight();
    expect(large).toBeGreaterThanOrEqual(20);
    expect(large).toBeGreaterThan(small * 1.5);
    // Both charts fit the window's height.
    const bottom = await popup.getByTestId('popout-live-local-gdp').evaluate((el) => el.getBoundingClientRect().bottom);
    expect(bottom).toBeLessThanOrEqual(900);
    await popup.screenshot({ path: join(SCREENSHOTS, 'classroom-popout.png') });
    await page.screenshot({ path: join(SCREENSHOTS, 'classroom-trainer.png') });
    await popup.close();
    await page.close();
  }, 180_000);

  /** A page of the classroom at a size, its parts loaded (the rupiah's run and the live run ready). */
  const openAt = async (width: number, height: number, state: object) => {
    const ctx = await browser.newContext({ viewport: { width, height } });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url + stateHash({ view: 'classroom', seed: 2, ...state }));
    await page.waitForFunction(() => (window as unknown as { __pendamping?: unknown }).__pendamping !== undefined, null, { timeout: 30_000 });
    await page.getByTestId('rupiah-lm3').first().waitFor({ timeout: 60_000 });
    await page.getByTestId('live-step').waitFor({ timeout: 60_000 });
    return { page, ctx, errors };
  };
  const scrollWidth = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth);
  /** Wait until the window stops scrolling (steps scroll smoothly). */
  const settle = async (page: Page) => {
    let last = -1;
    for (let i = 0; i < 30; i++) {
      const y = await page.evaluate(() => window.scrollY);
      if (y === last) return;
      last = y;
      await page.waitForTimeout(150);
    }
  };
  const rect = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  });

  /**
   * Start the lesson and go through its five steps with "Berikutnya": at each, the lesson's heading and its
   * Next button are on screen, and so is the top of the part the step uses (its heading).
   */
  async function walkLesson(page: Page, height: number, shot: string, pictureFirst = false): Promise<void> {
    await page.getByTestId('lesson-start').click();
    const targets = ['rupiah', 'rupiah', 'predict', 'live', 'live'];
    for (let step = 0; step < targets.length; step++) {
      await expect(page.getByTestId('lesson-heading').innerText()).resolves.toMatch(new RegExp(`Langkah ${step + 1} dari 5`));
      await settle(page);
      const heading = await rect(page, '[data-testid="lesson-heading"]');
      const next = await rect(page, '[data-testid="lesson-next"]');
      // On a projector, where the rupiah part is taller than the window, its diagram is what the step
      // brings into view, whole (the lesson's own buttons step its rounds).
      const picture = pictureFirst && targets[step] === 'rupiah';
      const target = await rect(page, picture ? '[data-testid="rupiah-sankey"]' : `#${targets[step]}-h`);
      const lesson = await rect(page, 'pendamping-lesson');
      const where = `step ${step + 1}: heading ${JSON.stringify(heading)}, next ${JSON.stringify(next)}, target ${JSON.stringify(target)}, lesson ${JSON.stringify(lesson)}`;
      expect(heading.top >= 0 && heading.bottom <= height, where).toBe(true);
      expect(next.top >= 0 && next.bottom <= height, where).toBe(true);
      expect(target.top >= 0 && target.bottom <= height, where).toBe(true);
      // The part is not under the lesson: beside it, or below it.
      expect(target.left >= lesson.right || target.top >= lesson.bottom, where).toBe(true);
      if (step === 0 || step === 2 || step === 3) await page.screenshot({ path: join(SCREENSHOTS, `${shot}-step-${step + 1}.png`) });
      if (step < targets.length - 1) await page.getByTestId('lesson-next').click();
    }
  }

  it('at 1280 × 720 in trainer mode (a projector): the lesson stays beside its part at every step, its text at least 20 px high', async () => {
    const { page, ctx, errors } = await openAt(1280, 720, { trainer: true });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(1280);
    await walkLesson(page, 720, 'classroom-1280-trainer', true);
    const px = (selector: string) => page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(await px('[data-testid="lesson-text"]')).toBeGreaterThanOrEqual(20);
    expect(await px('[data-testid="live-month"]')).toBeGreaterThanOrEqual(20);
    // The predict chart's text as drawn: its font size times the chart's scale.
    const predictText = await page.getByTestId('predict-chart').evaluate((svg) => {
      const scale = svg.getBoundingClientRect().width / 640;
      return Math.min(...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
    });
    expect(predictText).toBeGreaterThanOrEqual(20);
    // The follow-the-rupiah diagram's text as drawn (its viewBox scaled into the page), at round 3, where the
    // round on screen is labelled: every label, amount and round heading at least 20 px high.
    await page.getByTestId('rupiah-next').first().click();
    await page.getByTestId('rupiah-next').first().click();
    const sankey = page.getByTestId('rupiah-sankey').first();
    await expect(sankey.getAttribute('data-round')).resolves.toBe('3');
    const sankeyText = await sankey.evaluate((svg) => {
      const s = svg as SVGSVGElement;
      const box = s.getBoundingClientRect();
      const scale = Math.min(box.width / s.viewBox.baseVal.width, box.height / s.viewBox.baseVal.height);
      const sizes = [...s.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
      return { min: Math.min(...sizes), labels: s.querySelectorAll('text[data-node]').length };
    });
    expect(sankeyText.labels).toBeGreaterThan(0);
    expect(sankeyText.min).toBeGreaterThanOrEqual(20);
    await sankey.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'classroom-1280-trainer-rupiah.png') });
    // Every word of the three parts, as drawn (SVG text times its scale), is at least 20 px high: the
    // live numbers, legend and charts included (after a few months, so the charts have lines).
    for (let i = 0; i < 3; i++) await page.getByTestId('live-step').click();
    await expect.poll(() => page.getByTestId('line-chart-line').count()).toBeGreaterThan(0);
    const tooSmall = await page.evaluate(() => {
      const found: string[] = [];
      const walk = (root: ParentNode, part: string) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.shadowRoot) walk(el.shadowRoot, part);
          const own = [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim().length > 0);
          if (!own) continue;
          const cs = getComputedStyle(el);
          const r = el.getBoundingClientRect();
          if (cs.display === 'none' || cs.visibility === 'hidden' || r.width === 0 || r.height === 0) continue;
          let size = parseFloat(cs.fontSize);
          const svg = el.closest('svg');
          if (svg?.viewBox.baseVal?.width) {
            const b = svg.getBoundingClientRect();
            size *= Math.min(b.width / svg.viewBox.baseVal.width, b.height / svg.viewBox.baseVal.height);
          }
          if (size < 19.9) found.push(`${part}: "${(el.textContent ?? '').trim().slice(0, 30)}" ${size.toFixed(1)} px`);
        }
      };
      const page = document.querySelector('pendamping-app')!.shadowRoot!.querySelector('pendamping-classroom')!.shadowRoot!;
      for (const id of ['rupiah', 'predict', 'live']) walk(page.querySelector(`#${id}`)!, id);
      return found;
    });
    expect(tooSmall).toEqual([]);
    await page.locator('pendamping-chart-card').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'classroom-1280-trainer-live-charts.png') });
    await page.screenshot({ path: join(SCREENSHOTS, 'classroom-1280-trainer.png') });
    expect(errors).toEqual([]);
    await ctx.close();
  }, 180_000);

  it('at 1440 × 900: the lesson stays beside its part at every step', async () => {
    const { page, ctx, errors } = await openAt(1440, 900, {});
    expect(await scrollWidth(page)).toBeLessThanOrEqual(1440);
    await page.screenshot({ path: join(SCREENSHOTS, 'classroom-1440.png') });
    await walkLesson(page, 900, 'classroom-1440', true);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 180_000);

  for (const trainer of [false, true]) {
    it(`at 390 × 844${trainer ? ' in trainer mode' : ''} (a phone): no sideways scrolling, the flows as a table, the guesses stacked, the lesson above its part`, async () => {
      const { page, ctx, errors } = await openAt(390, 844, trainer ? { trainer: true } : {});
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
      await expect(page.getByTestId('rupiah-sankey').count()).resolves.toBe(0);
      await expect(page.getByTestId('rupiah-table').count()).resolves.toBeGreaterThan(0);
      expect(await page.getByTestId('rupiah-narrow').innerText()).toMatch(/tabel/);
      // Every guess box and the question picker are on the screen's width.
      for (const id of ['predict-question', 'predict-input-6', 'predict-input-12', 'predict-input-18', 'predict-input-24']) {
        const r = await rect(page, `[data-testid="${id}"]`);
        expect(r.left >= 0 && r.right <= 390, `${id} ${JSON.stringify(r)}`).toBe(true);
      }
      // The predict chart uses its narrow frame: its smallest text at least 11 px as drawn.
      const predictText = await page.getByTestId('predict-chart').evaluate((svg) => {
        const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
        return Math.min(...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
      });
      expect(predictText).toBeGreaterThanOrEqual(11);
      await page.screenshot({ path: join(SCREENSHOTS, `classroom-390${trainer ? '-trainer' : ''}.png`) });
      if (!trainer) {
        await walkLesson(page, 844, 'classroom-390');
        expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
      }
      expect(errors).toEqual([]);
      await ctx.close();
    }, 180_000);
  }
});
