// The built app's first comparison comes from the runs computed at build time (dist/ui/first-runs.json,
// ui/runner/firstRuns.ts): in Chromium it makes no run in the page's workers and shows what the same page
// shows when the file is missing and its workers compute every run: the cards word for word and every
// number of the comparison to the last binary digit. Node (which computed the file) and Chromium agree
// because the simulation's exp, log, pow and cos are its own (sim/math/elementary.ts): with V8's, they
// differed in the last digit of local GDP gained and participants' production.
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launch, serveStatic } from './browser.js';

const browserCheck = browserAvailability();

interface Shown {
  runs: number;
  status: string;
  statusTitle: string | null;
  comparison: Record<string, unknown>;
  cards: string;
}

describe.skipIf(!browserCheck.path)('first comparison from the build', () => {
  let server: Server;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, url } = await serveStatic(join(process.cwd(), 'dist', 'ui')));
    browser = await launch(browserCheck.path!);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  async function firstComparison(withFile: boolean): Promise<Shown> {
    const page: Page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    try {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      if (!withFile) await page.route('**/first-runs.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
      await page.goto(url);
      await page.waitForSelector('[data-testid="run-status"][data-state="done"]', { timeout: 120_000 });
      const shown = await page.evaluate(() => {
        const c = (window as unknown as { __pendamping: { lastComparison: { computed: { runs: number }; elapsedMs: number } } }).__pendamping.lastComparison;
        return { runs: c.computed.runs, comparison: JSON.parse(JSON.stringify({ ...c, elapsedMs: 0, computed: null })) as Record<string, unknown> };
      });
      const cards = ((await page.getByTestId('headline-cards').textContent()) ?? '').replace(/\s+/g, ' ');
      const status = (await page.getByTestId('run-status').textContent()) ?? '';
      const statusTitle = await page.getByTestId('run-status').getAttribute('title');
      expect(errors).toEqual([]);
      return { ...shown, cards, status, statusTitle };
    } finally {
      await page.close();
    }
  }

  it('no run in the workers, and the words and figures of a page that computed every run', async () => {
    const fromFile = await firstComparison(true);
    const computed = await firstComparison(false);
    expect(fromFile.runs).toBe(0);
    expect(computed.runs).toBe(30); // 2 designs and the baseline × 10 replicates
    expect(fromFile.cards).toMatch(/pekerjaan/);
    // The status line says where the numbers came from.
    expect(fromFile.status).toMatch(/^30 simulasi tersimpan, 10 ulangan, tampil dalam \d+ ms$/);
    expect(fromFile.statusTitle).toBe('Dihitung saat aplikasi dibuat, dengan model dan benih acak yang sama; setiap perubahan dihitung di sini.');
    expect(computed.statusTitle).toBeNull();
    expect(computed.status).toMatch(/^30 simulasi, 10 ulangan, selesai dalam \d+ ms$/);
    expect(fromFile.cards).toBe(computed.cards);
    for (const part of ['headline', 'estimates', 'cea', 'designs']) expect(fromFile.comparison[part], part).toStrictEqual(computed.comparison[part]);
    expect(fromFile.comparison).toStrictEqual(computed.comparison);
  }, 240_000);
});
