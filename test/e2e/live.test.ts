// The live economy view end to end in Chromium: the built app (dist/ui) opened on the classroom page from a shared link; step, play, pause
// and reset; the jobs and other numbers shown equal the live run computed in Node for the same scenario
// and seed; the page's pause-animation toggle stops playing; a highlight lights businesses up; screenshots
// in test-results/screenshots/live-*.png.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveRun, parseScenario, type LiveRunNumbers } from '../../sim/index.js';
import { browserAvailability, launch, serveStatic } from './browser.js';

const SCREENSHOTS = join('test-results', 'screenshots');
/** The web app, built once for all test files by test/globalSetup.ts. */
const OUT = join('dist', 'ui');
const browserCheck = browserAvailability();
const SEED = 3;

const hash = (state: unknown) => '#s=' + Buffer.from(JSON.stringify(state)).toString('base64url');

/** The live run in Node for the same design, seed and number of months. */
function nodeNumbers(months: number): LiveRunNumbers {
  const run = createLiveRun(parseScenario(JSON.parse(readFileSync('scenarios/full-cycle.json', 'utf8')), 'full-cycle'), SEED);
  for (let m = 0; m < months; m++) run.step();
  return run.numbers()!;
}

interface ViewHandle {
  month: number;
  status: string;
  playing: boolean;
  numbers: LiveRunNumbers | null;
  highlight: unknown;
  spotlight: boolean;
  drawing: { arm: string | null; dimmed: boolean; businessAlpha: number; tieStroke: string } | null;
  frameStats: { frames: number };
  shownArm: string | null;
}

describe.skipIf(!browserCheck.path)('live economy view in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let startUrl = '';
  const errors: string[] = [];

  /** Evaluate on the economy view element (inside the app's and the classroom page's shadow roots). */
  const view = <T>(f: (el: ViewHandle) => T): Promise<T> =>
    page.evaluate(`(${f.toString()})(document.querySelector('pendamping-app').shadowRoot.querySelector('pendamping-classroom').shadowRoot.querySelector('pendamping-economy-view'))`) as Promise<T>;
  const month = () => view((el) => el.month);
  const shownNumber = async (testid: string) => Number(await page.getByTestId(testid).getAttribute('data-value'));

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const served = await serveStatic(join(process.cwd(), OUT));
    server = served.server;
    browser = await launch(browserCheck.path!);
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', (e) => errors.push(e.message));
    const state = { designs: [{ id: 'A', name: 'Siklus penuh', base: 'full-cycle', levers: {} }], seed: SEED, view: 'classroom' };
    startUrl = served.url + hash(state);
    await page.goto(startUrl);
    await page.getByTestId('economy-view').waitFor({ timeout: 30_000 });
    await page.waitForFunction(
      () => (document.querySelector('pendamping-app')?.shadowRoot?.querySelector('pendamping-classroom')?.shadowRoot?.querySelector('pendamping-economy-view') as unknown as { status?: string } | null)?.status === 'ready',
      null,
      { timeout: 60_000 },
    );
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  it('opens on the classroom page at month 0 with the network drawn, a legend, and play/step enabled', async () => {
    expect(await month()).toBe(0);
    expect(await page.getByTestId('live-month').textContent()).toContain('Bulan 0 dari 36');
    expect(await page.getByTestId('live-play').isEnabled()).toBe(true);
    expect(await page.getByTestId('live-step').isEnabled()).toBe(true);
    expect(await page.getByTestId('live-legend').locator('li').count()).toBe(7);
    // The canvas has pixels drawn in the state colours (not blank).
    const coloured = await page.getByTestId('live-canvas').evaluate((c) => {
      const canvas = c as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && !(data[i] > 240 && data[i + 1] > 240 && data[i + 2] > 240)) n++;
      return n;
    });
    expect(coloured).toBeGreaterThan(5000);
    await page.screenshot({ path: join(SCREENSHOTS, 'live-start.png') });
  });

  it('steps month by month; the numbers shown are the live run\'s in Node for the same scenario and seed', async () => {
    for (let m = 1; m <= 3; m++) {
      await page.getByTestId('live-step').click();
      await expect.poll(month).toBe(m);
    }
    await expect.poll(() => page.getByTestId('live-month').getAttribute('data-value')).toBe('3');
    const expected = nodeNumbers(3);
    expect(await shownNumber('live-jobs')).toBe(expected.jobs);
    expect(await shownNumber('live-jobs-effect')).toBe(expected.jobsEffect);
    expect(await shownNumber('live-local-gdp')).toBe(expected.localGdp);
    expect(await shownNumber('live-local-gdp-per-rupiah')).toBe(expected.localGdpPerRupiah);
    expect(await view((el) => el.numbers)).toEqual(expected);
    // The text shown is the formatted value (Bahasa Indonesia: dot groups, comma decimals).
    expect((await page.getByTestId('live-jobs').textContent())!.trim()).toMatch(/^\d{1,3}(\.\d{3})*(,\d)?$/);
    expect((await page.getByTestId('live-local-gdp').textContent())!.trim()).toMatch(/^Rp [\d,]+ (juta|miliar)$/);
    // Step announces the month to screen readers.
    expect(await page.getByTestId('live-announcement').textContent()).toContain('Bulan 3');
    await page.screenshot({ path: join(SCREENSHOTS, 'live-step.png') });
  });

  it('play runs the months with step disabled; pause stops them and re-enables step', async () => {
    await page.getByTestId('live-speed').selectOption('4');
    const before = await month();
    await page.getByTestId('live-play').click();
    expect(await page.getByTestId('live-play').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('live-step').isDisabled()).toBe(true);
    await expect.poll(month, { timeout: 20_000 }).toBeGreaterThanOrEqual(before + 4);
    await page.screenshot({ path: join(SCREENSHOTS, 'live-playing.png') });
    await page.getByTestId('live-play').click();
    expect(await page.getByTestId('live-play').getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => page.getByTestId('live-step').isEnabled()).toBe(true);
    const paused = await month();
    await page.waitForTimeout(1200);
    expect(await month()).toBe(paused); // no month passes while paused
    // Played months are the same months: the numbers still match Node's at the month shown.
    expect(await view((el) => el.numbers)).toEqual(nodeNumbers(paused));
    expect(await view((el) => el.frameStats.frames)).toBeGreaterThan(10);
  });

  it('the app\'s pause-animation toggle stops playing', async () => {
    await page.getByTestId('live-play').click();
    await expect.poll(() => view((el) => el.playing)).toBe(true);
    await page.getByTestId('pause-animation').click();
    await expect.poll(() => view((el) => el.playing)).toBe(false);
    expect(await page.getByTestId('live-play').getAttribute('aria-pressed')).toBe('false');
    await page.getByTestId('pause-animation').click(); // animation back on for the rest
  });

  it('lights up the businesses, households and suppliers of a highlight (follow the rupiah) only when asked, and dims the rest in both arms alike', async () => {
    /** Canvas pixels within 14 of an RGB colour. */
    const pixels = (rgb: [number, number, number]) => page.getByTestId('live-canvas').evaluate((c, [r, g, b]) => {
      const canvas = c as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - r) < 14 && Math.abs(data[i + 1] - g) < 14 && Math.abs(data[i + 2] - b) < 14) n++;
      return n;
    }, rgb);
    const skyBlue: [number, number, number] = [0x56, 0xb4, 0xe9];
    const orange: [number, number, number] = [0xe6, 0x9f, 0x00];
    expect(await pixels(skyBlue)).toBe(0); // no household is drawn without a highlight
    expect(await pixels(orange)).toBe(0);
    await view((el) => {
      el.highlight = { round: 1, businesses: [0, 5, 10, 15, 20, 25, 30, 35, 40, 45], households: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], suppliers: [0, 1] };
    });
    // A highlight arriving (the rupiah view sends one as soon as its run is there) dims nothing by itself.
    await page.getByTestId('live-spotlight').waitFor();
    await page.waitForTimeout(300);
    expect(await page.getByTestId('live-highlight').count()).toBe(0);
    expect(await view((el) => el.drawing?.businessAlpha)).toBe(1);
    expect(await pixels([0xf0, 0xe4, 0x42])).toBe(0);
    await page.getByTestId('live-spotlight').click();
    await expect.poll(() => page.getByTestId('live-highlight').count()).toBe(1);
    await expect.poll(() => view((el) => el.drawing?.businessAlpha)).toBe(0.3);
    expect(await page.getByTestId('live-highlight').textContent()).toContain('10 usaha menyala');
    // The highlight's yellow (Okabe–Ito #F0E442) is on the canvas, and so are the households (sky blue,
    // beside the business each owns or works at) and the suppliers (orange diamonds), in the economy view.
    await expect.poll(() => pixels([0xf0, 0xe4, 0x42])).toBeGreaterThan(50);
    await expect.poll(() => pixels(skyBlue)).toBeGreaterThan(12 * 8);
    await expect.poll(() => pixels(orange)).toBeGreaterThan(2 * 8);
    await page.getByTestId('economy-view').screenshot({ path: join(SCREENSHOTS, 'live-highlight.png') });
    // The economy without the program is dimmed exactly alike, with the same businesses lit.
    const withProgram = await view((el) => el.drawing);
    await page.getByTestId('live-arm-counterfactual').click();
    await expect.poll(() => view((el) => el.drawing?.arm)).toBe('counterfactual');
    const { arm: _a, ...without } = (await view((el) => el.drawing))!;
    const { arm: _b, ...withP } = withProgram!;
    expect(without).toEqual(withP);
    await expect.poll(() => pixels([0xf0, 0xe4, 0x42])).toBeGreaterThan(50);
    await page.getByTestId('live-arm-program').click();
    await expect.poll(() => view((el) => el.drawing?.arm)).toBe('program');
    await view((el) => {
      el.highlight = null;
      el.spotlight = false;
    });
  });

  it('shows the same economy without the program, its numbers the Node run\'s counterfactual, and back', async () => {
    const m = await month();
    const graphed = () => page.evaluate(`document.querySelector('pendamping-app').shadowRoot.querySelector('pendamping-classroom').history.map((h) => h.month).join(',')`) as Promise<string>;
    const before = await graphed();
    expect(before.split(',').at(-1)).toBe(String(m));
    // The previous test switched its highlight off: wait for the picture to be redrawn without it (on a
    // busy machine the redraw can come after this test starts).
    await expect.poll(() => view((el) => el.drawing?.dimmed)).toBe(false);
    const programDrawing = await view((el) => el.drawing);
    await page.getByTestId('live-arm-counterfactual').click();
    await expect.poll(() => view((el) => el.shownArm)).toBe('counterfactual');
    // Both pictures styled alike, neither dimmed.
    await expect.poll(() => view((el) => el.drawing?.arm)).toBe('counterfactual');
    expect(programDrawing).toEqual({ arm: 'program', dimmed: false, businessAlpha: 1, tieStroke: 'rgba(60, 70, 80, 0.15)' });
    expect(await view((el) => el.drawing)).toEqual({ ...programDrawing, arm: 'counterfactual' });
    expect(await page.getByTestId('live-arm-counterfactual').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('live-without').textContent()).toContain('tanpa program');
    const expected = nodeNumbers(m);
    expect(await month()).toBe(m);
    expect(await shownNumber('live-jobs')).toBe(expected.counterfactualJobs);
    expect(await shownNumber('live-local-gdp')).toBe(expected.counterfactualLocalGdp);
    expect(await shownNumber('live-open')).toBe(expected.counterfactualOpen);
    expect(await shownNumber('live-jobs-effect')).toBe(expected.jobsEffect);
    // Nobody is mentored in this economy: the legend counts no ring.
    expect((await page.getByTestId('live-legend').locator('[data-key="mentored"] .count').textContent())!.trim()).toBe('0');
    expect(await page.getByTestId('live-canvas').getAttribute('aria-label')).toMatch(/^Tanpa program\./);
    await page.getByTestId('live-arm-counterfactual').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'live-without.png') });
    // The page's live graphs keep their months: a switch is not a new month, nor a restarted run.
    expect(await graphed()).toBe(before);
    // The run goes on in both economies: a step here is the counterfactual's next month.
    await page.getByTestId('live-step').click();
    await expect.poll(month).toBe(m + 1);
    expect(await shownNumber('live-jobs')).toBe(nodeNumbers(m + 1).counterfactualJobs);
    // W (the trainer's shortcut) switches back.
    await page.keyboard.press('w');
    await expect.poll(() => view((el) => el.shownArm)).toBe('program');
    expect(await page.getByTestId('live-arm-program').getAttribute('aria-pressed')).toBe('true');
    expect(await graphed()).toBe(`${before},${m + 1}`);
    expect(await shownNumber('live-jobs')).toBe(nodeNumbers(m + 1).jobs);
    expect(Number((await page.getByTestId('live-legend').locator('[data-key="mentored"] .count').textContent())!.trim().replace(/\./g, ''))).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('trainer mode (projector) and English', async () => {
    await page.getByTestId('trainer-mode').click();
    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => page.getByTestId('live-month').textContent()).toContain('Month');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SCREENSHOTS, 'live-trainer-en.png') });
    await page.getByTestId('language').selectOption('id');
    await page.getByTestId('trainer-mode').click();
  });

  it('works from the keyboard: Tab reaches step with a visible focus ring, Enter steps, Space plays and pauses', async () => {
    const before = await month();
    await page.getByTestId('live-play').focus();
    await page.keyboard.press('Tab');
    const step = page.getByTestId('live-step');
    expect(await step.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
    expect(await step.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    await expect.poll(month).toBe(before + 1);
    await page.getByTestId('live-play').focus();
    await page.keyboard.press(' ');
    await expect.poll(() => view((el) => el.playing)).toBe(true);
    await page.keyboard.press(' ');
    await expect.poll(() => view((el) => el.playing)).toBe(false);
  });

  it('reset goes back to month 0 with no numbers', async () => {
    await page.getByTestId('live-reset').click();
    await expect.poll(month).toBe(0);
    await expect.poll(() => page.getByTestId('live-jobs').getAttribute('data-value')).toBe('');
    expect(await page.getByTestId('live-step').isEnabled()).toBe(true);
    // After a reset the run is the same run again: one step gives month 1's numbers.
    await page.getByTestId('live-step').click();
    await expect.poll(month).toBe(1);
    expect(await view((el) => el.numbers)).toEqual(nodeNumbers(1));
    expect(errors).toEqual([]);
  });

  it('is sharp on a HiDPI screen and follows its container\'s size', async () => {
    const hidpi = await browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 2 });
    try {
      await hidpi.goto(startUrl);
      // The classroom's code loads after the page's: a null on the way means "not yet".
      const el = `document.querySelector('pendamping-app')?.shadowRoot?.querySelector('pendamping-classroom')?.shadowRoot?.querySelector('pendamping-economy-view')`;
      await hidpi.waitForFunction(`(${el})?.status === 'ready'`, null, { timeout: 60_000 });
      const size = () => hidpi.getByTestId('live-canvas').evaluate((c) => {
        const canvas = c as HTMLCanvasElement;
        const box = canvas.getBoundingClientRect();
        return { width: canvas.width, height: canvas.height, cssWidth: Math.round(box.width), cssHeight: Math.round(box.height) };
      });
      const wide = await size();
      expect(wide.width).toBe(wide.cssWidth * 2);
      expect(wide.height).toBe(wide.cssHeight * 2);
      await hidpi.setViewportSize({ width: 700, height: 900 });
      await expect.poll(async () => (await size()).cssWidth).toBeLessThan(wide.cssWidth);
      await expect.poll(async () => { const s = await size(); return s.width === s.cssWidth * 2; }).toBe(true);
      await hidpi.screenshot({ path: join(SCREENSHOTS, 'live-narrow-hidpi.png') });
    } finally {
      await hidpi.close();
    }
  });

  it('with reduced motion asked for, the app starts paused and a step jumps without gliding', async () => {
    const reduced = await browser.newPage({ viewport: { width: 1200, height: 900 }, reducedMotion: 'reduce' });
    try {
      await reduced.goto(startUrl); // the link does not say whether animation is paused: the preference decides
      // The classroom's code loads after the page's: a null on the way means "not yet".
      const el = `document.querySelector('pendamping-app')?.shadowRoot?.querySelector('pendamping-classroom')?.shadowRoot?.querySelector('pendamping-economy-view')`;
      await reduced.waitForFunction(`(${el})?.status === 'ready'`, null, { timeout: 60_000 });
      expect(await reduced.evaluate(`(${el}).paused`)).toBe(true);
      await reduced.evaluate(`(${el}).resetFrameStats()`);
      await reduced.getByTestId('live-step').click();
      await reduced.waitForFunction(`(${el}).month === 1`);
      await reduced.waitForTimeout(700);
      // Drawn once for the new month, never as a moving animation.
      expect(await reduced.evaluate(`(${el}).frameStats.intervals.length`)).toBe(0);
      expect(await reduced.evaluate(`(${el}).frameStats.frames`)).toBeGreaterThanOrEqual(1);
    } finally {
      await reduced.close();
    }
  });
});
