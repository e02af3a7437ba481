// End to end in Chromium: the lever boxes read amounts as people type them (issue 15, point 2). Each accepted
// form typed into the budget box sets the design's budget to the value it means and the box then shows it
// grouped (`750 juta` → 750.000.000); text that cannot be read, or a budget beyond the lever's range, shows
// an inline error and leaves the budget as it was. Screenshots at a laptop's and a phone's size.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launch, serveStatic } from './browser.js';

const SCREENSHOTS = join('test-results', 'screenshots');
const browserCheck = browserAvailability();

/** The base scenario's budget: the design's budget when it has no override. */
const BASE_BUDGET = JSON.parse(readFileSync('scenarios/full-cycle.json', 'utf8')).program.budgetRupiah as number;

// A light comparison (2 replicates, 12 months) so each typed budget re-runs quickly.
const STATE = {
  locale: 'id',
  designs: [
    { id: 'A', name: 'Desain A', base: 'full-cycle', levers: {} },
    { id: 'B', name: 'Desain B', base: 'mentoring-only', levers: {} },
  ],
  replicates: 2,
  seed: 1,
  months: 12,
  stage: 'mentoring',
};

/** Typed text, the budget it must give, what the box shows afterwards, the value in words beside it. */
const ACCEPTED_ID: [string, number, string, string][] = [
  ['1.000.000.000', 1e9, '1.000.000.000', 'Rp 1 miliar'],
  ['750 juta', 750e6, '750.000.000', 'Rp 750 juta'],
  ['1 miliar', 1e9, '1.000.000.000', 'Rp 1 miliar'],
  ['Rp 600.000.000', 600e6, '600.000.000', 'Rp 600 juta'],
  ['Rp450.000.000', 450e6, '450.000.000', 'Rp 450 juta'],
  ['500 ribu', 500e3, '500.000', 'Rp 500 ribu'],
  ['1,5 miliar', 1.5e9, '1.500.000.000', 'Rp 1,5 miliar'],
  ['2,000,000,000', 2e9, '2.000.000.000', 'Rp 2 miliar'],
  ['750 million', 750e6, '750.000.000', 'Rp 750 juta'],
  ['2.5 billion', 2.5e9, '2.500.000.000', 'Rp 2,5 miliar'],
  ['300 thousand', 300e3, '300.000', 'Rp 300 ribu'],
  ['1000000', 1e6, '1.000.000', 'Rp 1 juta'],
  ['300000000', 300e6, '300.000.000', 'Rp 300 juta'],
  ['2 jt', 2e6, '2.000.000', 'Rp 2 juta'],
  ['250 rb', 250e3, '250.000', 'Rp 250 ribu'],
  ['1,2 M', 1.2e9, '1.200.000.000', 'Rp 1,2 miliar'],
  ['1 miliar 250 juta', 1.25e9, '1.250.000.000', 'Rp 1,3 miliar'],
  ['RP 4,75 MILIAR', 4.75e9, '4.750.000.000', 'Rp 4,8 miliar'],
  ['Rp 500.000.000,-', 500e6, '500.000.000', 'Rp 500 juta'],
  ['0', 0, '0', 'Rp 0'],
  ['5 miliar', 5e9, '5.000.000.000', 'Rp 5 miliar'],
];

interface Hook {
  store: { state: { active: number; designs: { levers: Record<string, unknown> }[] } };
}

describe.skipIf(!browserCheck.path)('lever boxes in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const served = await serveStatic(join(process.cwd(), 'dist', 'ui'));
    server = served.server;
    browser = await launch(browserCheck.path!);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(served.url + '#s=' + Buffer.from(JSON.stringify(STATE)).toString('base64url'));
    await page.waitForFunction(() => (window as unknown as { __pendamping?: unknown }).__pendamping !== undefined, null, { timeout: 30_000 });
    await page.evaluate(() => (window as unknown as { __pendamping: { ready: Promise<void> } }).__pendamping.ready);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  /** The active design's budget in the app's state (its override, else the base scenario's). */
  const budget = () =>
    page.evaluate((base) => {
      const app = document.querySelector('pendamping-app') as unknown as Hook;
      const s = app.store.state;
      const v = s.designs[s.active].levers.budget;
      return v === undefined ? base : v;
    }, BASE_BUDGET);
  const box = () => page.getByTestId('lever-budget-number');
  const error = (id = 'budget') => page.getByTestId(`lever-${id}-error`);
  const hint = () => page.getByTestId('lever-budget-hint');
  const type = async (input: Locator, text: string, key: 'Enter' | 'Tab' = 'Enter') => {
    await input.fill(text);
    await input.press(key);
  };

  it('shows the budget grouped, with the value in words once and no second "Rp"', async () => {
    expect(await budget()).toBe(500e6);
    expect(await box().inputValue()).toBe('500.000.000');
    expect(await box().getAttribute('type')).toBe('text');
    expect(await box().getAttribute('inputmode')).toBe('text');
    expect(await hint().textContent()).toBe('Rp 500 juta');
    const row = await page.getByTestId('lever-budget').evaluate((el) => el.shadowRoot!.querySelector('.row')!.textContent!.replace(/\s+/g, ' ').trim());
    expect(row).toBe('Rp 500 juta');
    expect(await page.getByTestId('lever-budget').evaluate((el) => el.shadowRoot!.querySelector('.unit'))).toBeNull();
  });

  it.each(ACCEPTED_ID)('takes %j as the budget %d, shown as %j and %j', async (text, value, shown, words) => {
    await type(box(), text);
    await expect.poll(budget).toBe(value);
    await expect.poll(() => box().inputValue()).toBe(shown);
    expect(await hint().textContent()).toBe(words);
    expect(await error().count()).toBe(0);
    expect(await box().getAttribute('aria-invalid')).toBeNull();
  });

  it('refuses text it cannot read and a budget over the maximum, with an inline error, keeping the budget', async () => {
    await type(box(), '800 juta');
    await expect.poll(budget).toBe(800e6);

    await type(box(), 'abc');
    await expect.poll(() => error().count()).toBe(1);
    expect(await error().textContent()).toBe('Tidak terbaca. Tulis misalnya 750.000.000, 750 juta atau 1 miliar. Nilai tetap Rp 800 juta.');
    expect(await error().getAttribute('role')).toBe('alert');
    expect(await box().getAttribute('aria-invalid')).toBe('true');
    expect(await box().inputValue()).toBe('abc'); // left for the user to correct
    expect(await budget()).toBe(800e6);
    expect(await hint().count()).toBe(0); // the value in words would sit beside the refused text: the error names it

    await type(box(), '9 miliar');
    await expect.poll(() => error().textContent()).toBe('Di luar rentang Rp 0 – Rp 5 miliar. Nilai tetap Rp 800 juta.');
    expect(await budget()).toBe(800e6);

    for (const [text, message] of [
      ['1 triliun', 'Di luar rentang Rp 0 – Rp 5 miliar.'],
      ['-5 juta', 'Di luar rentang Rp 0 – Rp 5 miliar.'],
      ['1.234,567', 'Tidak terbaca. Tulis misalnya 750.000.000, 750 juta atau 1 miliar.'],
      ['1 juta juta', 'Tidak terbaca. Tulis misalnya 750.000.000, 750 juta atau 1 miliar.'],
      ['1..2', 'Tidak terbaca. Tulis misalnya 750.000.000, 750 juta atau 1 miliar.'],
      ['', 'Tidak terbaca. Tulis misalnya 750.000.000, 750 juta atau 1 miliar.'],
      ['1,5', 'Harus bilangan bulat, misalnya 2.'],
    ]) {
      await type(box(), text);
      await expect.poll(() => error().textContent(), { message: text }).toBe(`${message} Nilai tetap Rp 800 juta.`);
      expect(await budget(), text).toBe(800e6);
    }

    // A phone's size, with the error showing.
    await type(box(), '9 miliar');
    await expect.poll(() => error().textContent()).toBe('Di luar rentang Rp 0 – Rp 5 miliar. Nilai tetap Rp 800 juta.');
    const centre = () => page.getByTestId('lever-budget').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await centre();
    await page.screenshot({ path: join(SCREENSHOTS, 'inputs-1440.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await centre();
    await page.screenshot({ path: join(SCREENSHOTS, 'inputs-390.png') });
    await page.setViewportSize({ width: 1440, height: 900 });

    // Escape puts the design's value back; a valid entry by leaving the box (Tab) clears the error.
    await box().press('Escape');
    await expect.poll(() => box().inputValue()).toBe('800.000.000');
    expect(await error().count()).toBe(0);
    await type(box(), 'abc');
    await expect.poll(() => error().count()).toBe(1);
    await type(box(), '900 juta', 'Tab');
    await expect.poll(budget).toBe(900e6);
    expect(await error().count()).toBe(0);
    expect(await box().inputValue()).toBe('900.000.000');
    expect(await box().getAttribute('aria-invalid')).toBeNull();
  });

  it('a refused entry is replaced when the slider moves the budget', async () => {
    await type(box(), 'abc');
    await expect.poll(() => error().count()).toBe(1);
    await page.getByTestId('lever-budget-range').focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(budget).toBe(890e6);
    expect(await error().count()).toBe(0);
    expect(await box().inputValue()).toBe('890.000.000');
  });

  it('reads other levers the same way: mentor visits take 2,5 and refuse 1,5 juta as out of range', async () => {
    const visits = page.getByTestId('lever-mentoring.visits-number');
    const value = () =>
      page.getByTestId('lever-mentoring.visits').evaluate((el) => (el as unknown as { value: number }).value);
    await type(visits, '2,5');
    await expect.poll(value).toBe(2.5);
    expect(await visits.inputValue()).toBe('2,5');
    await type(visits, '1,5 juta');
    await expect.poll(() => error('mentoring.visits').textContent()).toBe('Di luar rentang 0 – 8 kunjungan/bulan. Nilai tetap 2,5 kunjungan/bulan.');
    expect(await value()).toBe(2.5);
  });

  it('in English shows 900,000,000, reads English forms and refuses a bare M as ambiguous', async () => {
    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => box().inputValue()).toBe('890,000,000');
    expect(await hint().textContent()).toBe('Rp 890 million');
    await type(box(), '1.5 billion');
    await expect.poll(budget).toBe(1.5e9);
    await expect.poll(() => box().inputValue()).toBe('1,500,000,000');
    await type(box(), '750 juta');
    await expect.poll(budget).toBe(750e6);
    await type(box(), '1,5 M');
    await expect.poll(() => error().textContent()).toBe('“M” can mean million or miliar (Indonesian for billion). Write the word, for example 750 million or 1 billion. The value stays Rp 750 million.');
    expect(await budget()).toBe(750e6);
    await type(box(), '9 billion');
    await expect.poll(() => error().textContent()).toBe('Outside the range Rp 0 – Rp 5 billion. The value stays Rp 750 million.');
    await type(box(), 'abc');
    await expect.poll(() => error().textContent()).toBe('Could not read this. Write for example 750,000,000, 750 million or 1 billion. The value stays Rp 750 million.');
    expect(await budget()).toBe(750e6);
    await page.getByTestId('language').selectOption('id');
    await expect.poll(() => box().inputValue()).toBe('750.000.000');
    expect(await error().count()).toBe(0);
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
