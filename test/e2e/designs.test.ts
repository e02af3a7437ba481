// End to end in Chromium (issue 15 point 6, "designs people can read and keep"): the base-scenario select
// shows titles with a one-line summary, a lever's "what does this mean?" opens, a design is saved by name,
// survives a reload and is loaded back (undoable), and CLI scenario files are opened: a valid one becomes a
// pinned design, an invalid one is refused naming the field. Screenshots at 1440×900 and 390×844.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import helpId from '../../ui/i18n/help.id.json' with { type: 'json' };
import { browserAvailability, launch, serveStatic } from './browser.js';

const SCREENSHOTS = join('test-results', 'screenshots');
const browserCheck = browserAvailability();
const scenario = (name: string) => JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8')) as Record<string, any>;
const designIds = (page: Page) => page.locator('[data-testid^="design-name-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.replace('design-name-', '')));

describe.skipIf(!browserCheck.path)('designs people can read and keep, in Chromium', () => {
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
    await page.goto(served.url);
    await page.waitForFunction(() => (window as unknown as { __pendamping?: unknown }).__pendamping !== undefined, null, { timeout: 30_000 });
    await page.evaluate(() => (window as unknown as { __pendamping: { ready: Promise<void> } }).__pendamping.ready);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  it('the base-scenario select names designs by title, in the current language, with the summary under it; the pinned list too', async () => {
    const select = page.getByTestId('base-scenario');
    const options = await select.locator('option').evaluateAll((els) => els.map((e) => [(e as HTMLOptionElement).value, e.textContent!.trim()]));
    expect(options).toContainEqual(['full-cycle', 'Siklus penuh']);
    expect(options).toContainEqual(['mentoring-only', 'Pendampingan saja']);
    expect(options).toContainEqual(['no-program', 'Tanpa program']);
    expect(options.every(([value, text]) => value !== text)).toBe(true);
    expect(await select.inputValue()).toBe('full-cycle');
    expect(await page.getByTestId('base-summary').textContent()).toBe(scenario('full-cycle').summary.id);
    expect(await page.getByTestId('design-A').locator('small').textContent()).toBe('0 pengaturan diubah dari Siklus penuh · Kota kecil');
    expect(await page.getByTestId('design-B').locator('small').textContent()).toBe('0 pengaturan diubah dari Pendampingan saja · Kota kecil');

    await page.getByTestId('language').selectOption('en');
    expect(await select.locator('option[value="full-cycle"]').textContent()).toBe('Full cycle');
    expect(await page.getByTestId('base-summary').textContent()).toBe(scenario('full-cycle').summary.en);
    expect(await page.getByTestId('design-B').locator('small').textContent()).toBe('0 settings changed from Mentoring only · Town (kota)');
    await page.getByTestId('language').selectOption('id');
    expect(await select.locator('option[value="full-cycle"]').textContent()).toBe('Siklus penuh');
  });

  it('a lever\'s "apa artinya?" opens its help: what it does and where its default comes from', async () => {
    const help = page.getByTestId('lever-mentoring.visits-help');
    expect(await help.locator('summary').textContent()).toBe('Apa artinya?');
    expect(await help.locator('p').isVisible()).toBe(false);
    await help.locator('summary').click();
    expect(await help.locator('p').isVisible()).toBe(true);
    expect(await help.locator('p').textContent()).toBe(helpId['help.mentoring.visits']);
    // Every lever shown has one (the general levers and the open stage's, advanced ones included).
    const shown = await page.locator('pendamping-lever-input').evaluateAll((els) => els.map((e) => e.getAttribute('lever-id')));
    expect(shown.length).toBeGreaterThan(10);
    for (const id of shown) expect(await page.getByTestId(`lever-${id}-help`).count(), id!).toBe(1);
  });

  it('saves the edited design by name, keeps it over a reload and loads it back; loading is undoable', async () => {
    await page.getByTestId('design-edit-B').click();
    await page.getByTestId('lever-targeting-select').selectOption('womenFirst');
    await page.getByTestId('save-name').fill('Pendampingan, perempuan dulu');
    await page.getByTestId('save-design').click();
    expect(await page.getByTestId('save-status').textContent()).toBe('Tersimpan sebagai "Pendampingan, perempuan dulu".');
    expect(await page.getByTestId('saved-design').count()).toBe(1);
    expect(await page.getByTestId('saved-design').locator('small').textContent()).toBe('Pendampingan saja · 1 pengaturan diubah');

    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __pendamping?: unknown }).__pendamping !== undefined, null, { timeout: 30_000 });
    // Start design B afresh from training only, then load the saved design into it.
    await page.getByTestId('design-edit-B').click();
    await page.getByTestId('base-scenario').selectOption('training-only');
    expect(await page.getByTestId('lever-targeting-select').inputValue()).toBe('random');
    expect(await page.getByTestId('saved-design').locator('.name').textContent()).toBe('Pendampingan, perempuan dulu');
    await page.getByTestId('load-design').click();
    expect(await page.getByTestId('base-scenario').inputValue()).toBe('mentoring-only');
    expect(await page.getByTestId('lever-targeting-select').inputValue()).toBe('womenFirst');
    expect(await page.getByTestId('design-name-B').inputValue()).toBe('Pendampingan, perempuan dulu');
    expect(await page.getByTestId('design-B').locator('small').textContent()).toBe('1 pengaturan diubah dari Pendampingan saja · Kota kecil');
    await page.getByTestId('undo').click();
    expect(await page.getByTestId('base-scenario').inputValue()).toBe('training-only');
    expect(await page.getByTestId('design-name-B').inputValue()).toBe('Rancangan B');
    await page.getByTestId('redo').click();
    expect(await page.getByTestId('design-name-B').inputValue()).toBe('Pendampingan, perempuan dulu');
  });

  it('opens a valid CLI scenario file as a new pinned design, naming the fields that do not carry over', async () => {
    const file = scenario('mentoring-only');
    delete file.title;
    file.name = 'kunjungan-ganda';
    file.months = 24;
    file.program.mentoring = { enabled: true, visitsPerMonth: 4, months: 12 };
    await page.getByTestId('open-scenario').setInputFiles({ name: 'kunjungan-ganda.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file, null, 2)) });
    await page.getByTestId('import-result').waitFor();
    expect(await page.getByTestId('import-result').textContent()).toContain('kunjungan-ganda.json dibuka sebagai rancangan C: 2 pengaturan diubah dari Pendampingan saja.');
    expect(await page.getByTestId('import-not-carried').textContent()).toBe(
      'Hanya pengaturan yang ada di panel yang terbawa. Bidang lain di file ini berbeda dari Pendampingan saja dan tidak terbawa: months.',
    );
    expect(await designIds(page)).toEqual(['A', 'B', 'C']);
    expect(await page.getByTestId('design-name-C').inputValue()).toBe('kunjungan-ganda');
    expect(await page.getByTestId('base-scenario').inputValue()).toBe('mentoring-only');
    expect(await page.getByTestId('lever-mentoring.visits-number').inputValue()).toBe('4');
    expect(await page.getByTestId('lever-mentoring.months-number').inputValue()).toBe('12');
    expect(await page.getByTestId('design-C').locator('small').textContent()).toBe('2 pengaturan diubah dari Pendampingan saja · Kota kecil');
  });

  it('refuses an invalid file inline, naming the field as the CLI does, and pins nothing', async () => {
    await page.getByTestId('open-scenario').setInputFiles({ name: 'anggaran.json', mimeType: 'application/json', buffer: Buffer.from('{"program": {"budgetRupiah": "abc"}}') });
    const error = page.getByTestId('import-error');
    await error.waitFor();
    expect(await error.getAttribute('role')).toBe('alert');
    const text = (await error.locator('pre').textContent())!;
    expect(text.split('\n')[0]).toBe('anggaran.json: invalid scenario');
    expect(text).toMatch(/^ {2}- program\.budgetRupiah: found "abc"; expected /m);
    expect(await designIds(page)).toEqual(['A', 'B', 'C']);
    expect(await page.getByTestId('import-result').count()).toBe(0);
  });

  it('a design that pays cash gets a note under the cards on how the model\'s cash figures compare with the evidence; none without cash', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.waitForSelector('[data-testid="run-status"][data-state="done"]', { timeout: 120_000 });
    expect(await page.getByTestId('cash-note').count()).toBe(0);
    await page.getByTestId('design-edit-B').click();
    await page.getByTestId('base-scenario').selectOption('cash-transfer');
    const note = page.getByTestId('cash-note');
    await note.waitFor({ timeout: 120_000 });
    const name = (await page.getByTestId('design-name-B').inputValue()).trim();
    const text = (await note.textContent())!;
    expect(text.startsWith(`Uang tunai (${name}):`)).toBe(true);
    expect(text).toContain('Egger dkk. 2022');
    await page.waitForSelector('[data-testid="run-status"][data-state="done"]', { timeout: 120_000 });
    await note.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'designs-cash-note-1440.png') });
    // On a projector (1280 × 720) the note reads under the cards too.
    await page.setViewportSize({ width: 1280, height: 720 });
    await note.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: join(SCREENSHOTS, 'designs-cash-note-1280.png') });
    // On a phone the note wraps under the cards without pushing the page sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await note.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SCREENSHOTS, 'designs-cash-note-390.png') });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId('base-scenario').selectOption('mentoring-only');
    await expect.poll(() => page.getByTestId('cash-note').count(), { timeout: 120_000 }).toBe(0);
  });

  it('reads well at 1440×900 and 390×844 (screenshots), nothing scrolling sideways', async () => {
    const help = page.getByTestId('lever-mentoring.visits-help');
    if (!(await help.locator('p').isVisible())) await help.locator('summary').click();
    for (const [width, height] of [[1440, 900], [390, 844]] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForSelector('[data-testid="run-status"][data-state="done"]', { timeout: 120_000 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width}`).toBeLessThanOrEqual(width);
      // The saved designs and the opened files; then the levers with a help text open.
      await page.getByTestId('design-library').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENSHOTS, `designs-library-${width}.png`) });
      await page.getByTestId('lever-mentoring.months').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENSHOTS, `designs-${width}.png`) });
    }
    expect(errors).toEqual([]);
  });
});
