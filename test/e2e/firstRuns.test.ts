// The built app's first comparison comes from the runs computed at build time (dist/ui/first-runs.json,
// ui/runner/firstRuns.ts): in Chromium it makes no run in the page's workers and shows what the same page
// shows when the file is missing and its workers compute every run: the cards word for word, every rupiah,
// job and ratio figure exactly. Quantities in units (participants' production) may differ in the last
// binary digit, as Node's and Chromium's V8 do (the ledger rounds every rupiah, so money figures do not).
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

/** Every number in `a` and `b` at the same place, equal within `rel` of its size (anything else equal). */
function closeTo(a: unknown, b: unknown, rel: number, path = ''): string[] {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) ? [] : [`${path}: ${a} vs ${b}`];
  if (Array.isArray(a) && Array.isArray(b)) return a.length !== b.length ? [`${path}: length`] : a.flatMap((x, i) => closeTo(x, b[i], rel, `${path}[${i}]`));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => closeTo((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], rel, `${path}.${k}`));
  }
  return a === b ? [] : [`${path}: ${String(a)} vs ${String(b)}`];
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
    for (const part of ['headline', 'estimates', 'cea', 'designs']) expect(fromFile.comparison[part], part).toEqual(computed.comparison[part]);
    expect(closeTo(fromFile.comparison, computed.comparison, 1e-12)).toEqual([]);
  }, 240_000);
});
