// Exports that explain themselves, in a real browser: the built app (dist/ui) served statically and driven
// in Debian's Chromium with two designs whose settings were changed (one with a long name). Downloads a
// chart's PNG, SVG and both CSVs; checks the SVG's title, subtitle, designs with their settings, run,
// version and source line, and — measured by Chromium with its own fonts — that no text passes the image's
// edges and that textWidth.ts's per-character bounds are at least the measured widths; checks the effects
// CSV against the chart's numbers and the raw CSV's rows; saves the PNGs to test-results/screenshots/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textWidth } from '../../ui/charts/textWidth.js';
import { browserAvailability, launch, serveStatic } from './browser.js';

const SCREENSHOTS = join('test-results', 'screenshots');
const browserCheck = browserAvailability();
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

const LONG_NAME = 'Perempuan didahulukan, pendampingan intensif';
const STATE = {
  locale: 'id',
  designs: [
    { id: 'A', name: 'Rancangan A', base: 'full-cycle', levers: { budget: 750e6, 'mentoring.visits': 3 } },
    { id: 'B', name: LONG_NAME, base: 'mentoring-only', levers: { targeting: 'womenFirst', 'mentoring.months': 18 } },
  ],
  region: 'town',
  replicates: 3,
  seed: 5,
  months: 12,
};

interface Series {
  id: string;
  label: string;
  months: number[];
  mean: number[];
  low: number[];
  high: number[];
}
interface Comparison {
  replicates: number;
  seed: number;
  months: number;
  lines: { id: string; title: string; yLabel: string; series: Series[] }[];
  rows: Record<string, unknown[]>;
}

/** A text of the exported SVG as Chromium lays it out: where it is, its runs and their weight. */
interface MeasuredText {
  kind: string | null;
  text: string;
  left: number;
  right: number;
  top: number;
  width: number;
  size: number;
  runs: { text: string; bold: boolean }[];
  /** Lines drawn as <tspan x=…>: each measured on its own. */
  lines: { text: string; width: number; bold: boolean }[];
}

describe.skipIf(!browserCheck.path)('chart exports in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let viewer: Page;
  let comparison: Comparison;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const served = await serveStatic(join(process.cwd(), 'dist', 'ui'));
    server = served.server;
    browser = await launch(browserCheck.path!);
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    viewer = await browser.newPage({ viewport: { width: 1000, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(served.url + '#s=' + Buffer.from(JSON.stringify(STATE)).toString('base64url'));
    await page.waitForFunction(() => (window as unknown as { __pendamping?: unknown }).__pendamping !== undefined, null, { timeout: 30_000 });
    await page.waitForFunction(
      () => {
        const c = (window as unknown as { __pendamping: { lastComparison?: { replicates: number; months: number; seed: number } } }).__pendamping.lastComparison;
        return c && c.replicates === 3 && c.months === 12 && c.seed === 5;
      },
      null,
      { timeout: 90_000 },
    );
    await page.waitForSelector('[data-testid="run-status"][data-state="done"]', { timeout: 60_000 });
    comparison = await page.evaluate(() => (window as unknown as { __pendamping: { lastComparison: Comparison } }).__pendamping.lastComparison);
    expect(errors).toEqual([]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  async function download(chart: string, format: string): Promise<{ file: string; name: string }> {
    const card = page.getByTestId(`chart-${chart}`);
    await card.scrollIntoViewIfNeeded();
    const [d] = await Promise.all([page.waitForEvent('download'), card.getByTestId(`chart-card-export-${format}`).click()]);
    const file = join('test-results', `export-${chart}-${format}-${d.suggestedFilename()}`);
    await d.saveAs(file);
    return { file, name: d.suggestedFilename() };
  }

  /** The SVG shown on its own in a page, every <text> measured by Chromium. */
  async function measure(svgText: string): Promise<{ width: number; height: number; texts: MeasuredText[] }> {
    await viewer.setContent(`<!doctype html><body style="margin:0">${svgText.replace(/^<\?xml[^>]*>\s*/, '')}</body>`);
    return viewer.evaluate(() => {
      const root = document.querySelector('body > svg') as SVGSVGElement;
      const isBold = (el: Element) => Number(getComputedStyle(el).fontWeight) >= 600;
      const texts = [...root.querySelectorAll('text')].map((t) => {
        const rect = t.getBoundingClientRect();
        const runs = [...t.childNodes]
          .filter((n) => n.nodeName !== 'title')
          .map((n) => ({ text: n.textContent ?? '', bold: isBold(n.nodeType === 1 ? (n as Element) : t) }));
        const lines = [...t.querySelectorAll('tspan[x]')].map((s) => ({ text: s.textContent!.trimEnd(), width: s.getBoundingClientRect().width, bold: isBold(s) }));
        return {
          kind: t.getAttribute('data-export'),
          text: runs.map((r) => r.text).join(''),
          left: rect.left,
          right: rect.right,
          top: rect.top,
          width: rect.width,
          size: parseFloat(getComputedStyle(t).fontSize),
          runs,
          lines,
        };
      });
      return { width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')), texts };
    });
  }

  const linesOf = (texts: MeasuredText[], kind: string) => texts.filter((t) => t.kind === kind).map((t) => t.text);

  it('exports the turnover chart as an SVG that names the title, the designs and their settings, the run, the version and the source', async () => {
    const turnover = comparison.lines.find((l) => l.id === 'turnover')!;
    const { file, name } = await download('turnover', 'svg');
    expect(name).toBe('pendamping-turnover-town.svg');
    const svg = readFileSync(file, 'utf8');
    const { width, height, texts } = await measure(svg);
    // Drawn at least 640 px wide whatever the card's width on screen, and the card's chart back as it was.
    const onScreen = await page.getByTestId('chart-turnover').locator('pendamping-line-chart').evaluate((c) => Number(c.shadowRoot!.querySelector('svg')!.getAttribute('width')));
    expect(width).toBe(Math.max(640, onScreen));
    expect(linesOf(texts, 'title').join(' ')).toBe('Omzet');
    expect(linesOf(texts, 'subtitle').join(' ')).toBe(turnover.yLabel);
    expect(turnover.yLabel).toBe('Omzet per peserta per bulan: perubahan vs tanpa program');
    const designs = linesOf(texts, 'design').join(' ');
    expect(designs).toContain('Rancangan A: Siklus penuh, Anggaran program Rp 750 juta, Kunjungan per bulan 3');
    expect(designs).toContain(`${LONG_NAME}: Pendampingan saja, Sasaran peserta: Perempuan didahulukan, Lama pendampingan 18 bulan`);
    expect(designs).toContain('Tanpa program');
    expect(designs).not.toContain('Tanpa program:');
    const notes = linesOf(texts, 'note').join(' ');
    expect(notes).toContain('Wilayah: Kota kecil · 3 ulangan, seed 5 (ulangan r memakai seed + r) · 12 bulan disimulasikan');
    expect(notes).toContain(`Pendamping ${VERSION} — simulasi berbasis agen; pita dan garis = selang kepercayaan 95% atas variasi acak antar-ulangan`);
    // The long design's line-end label is wrapped onto at most two lines of whole words, ending in "…" when
    // the card is too narrow for the rest (the full name is above, in the designs' lines), never cut at the edge.
    const label = texts.find((t) => t.text.startsWith('Perempuan') && t.kind === null)!;
    expect(label.lines.length).toBeLessThanOrEqual(2);
    const drawn = label.lines.length ? label.lines.map((l) => l.text).join(' ') : label.text;
    expect(LONG_NAME.startsWith(drawn.replace(/…$/, '')), drawn).toBe(true);
    if (width >= 700) expect(drawn).toBe(LONG_NAME);
    checkFits(width, height, texts);
  });

  /** Chromium's measurements: nothing past the image's edges, and the per-character bounds hold. */
  function checkFits(width: number, height: number, texts: MeasuredText[]) {
    expect(texts.length).toBeGreaterThan(15);
    for (const t of texts) {
      if (!t.text.trim()) continue;
      expect(t.left, `"${t.text}" starts left of the image`).toBeGreaterThanOrEqual(-0.5);
      expect(t.right, `"${t.text}" ends past the image (${width} px)`).toBeLessThanOrEqual(width + 0.5);
      // textWidth bounds what Chromium draws, per line.
      if (t.lines.length) for (const l of t.lines) expect(textWidth(l.text, t.size, l.bold), `bound of "${l.text}"`).toBeGreaterThanOrEqual(l.width - 0.5);
      else expect(t.runs.reduce((w, r) => w + textWidth(r.text, t.size, r.bold), 0), `bound of "${t.text}"`).toBeGreaterThanOrEqual(t.width - 0.5);
    }
    expect(height).toBeGreaterThan(300);
    // Texts side by side on one row (axis ticks, a label and its value) do not run into each other.
    const drawn = texts.filter((t) => t.text.trim());
    for (const a of drawn)
      for (const b of drawn) {
        if (a === b || Math.abs(a.top - b.top) > 1 || a.left > b.left) continue;
        expect(a.right, `"${a.text}" runs into "${b.text}"`).toBeLessThanOrEqual(b.left + 0.5);
      }
  }

  it('exports an estimate chart the same way, its labels and values inside the image', async () => {
    const { file } = await download('costPerJob', 'svg');
    const { width, height, texts } = await measure(readFileSync(file, 'utf8'));
    expect(linesOf(texts, 'title').join(' ')).toBe('Biaya per lapangan kerja');
    expect(linesOf(texts, 'subtitle').join(' ')).toBe('Titik: rata-rata antar-ulangan; garis: selang kepercayaan 95%; garis tegak: tanpa efek');
    expect(linesOf(texts, 'design').join(' ')).toContain('Rancangan A: Siklus penuh, Anggaran program Rp 750 juta');
    checkFits(width, height, texts);
    const png = await download('costPerJob', 'png');
    writeFileSync(join(SCREENSHOTS, 'export-costPerJob.png'), readFileSync(png.file));
  });

  it('exports the PNG at twice the SVG\'s size and saves it as a figure', async () => {
    const svg = await download('turnover', 'svg');
    const size = await measure(readFileSync(svg.file, 'utf8'));
    const { file, name } = await download('turnover', 'png');
    expect(name).toBe('pendamping-turnover-town.png');
    const bytes = readFileSync(file);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(2 * size.width);
    expect(bytes.readUInt32BE(20)).toBe(2 * size.height);
    // Saved for a person to look at as a figure pasted in a report.
    writeFileSync(join(SCREENSHOTS, 'export-turnover.png'), bytes);
  });

  it('at a phone\'s width the image is still drawn at the export width, everything inside it', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      const chart = page.getByTestId('chart-turnover').locator('pendamping-line-chart');
      await expect.poll(() => chart.evaluate((c) => Number(c.shadowRoot!.querySelector('svg')!.getAttribute('width'))), { timeout: 10_000 }).toBeLessThan(390);
      const { file } = await download('turnover', 'svg');
      const { width, height, texts } = await measure(readFileSync(file, 'utf8'));
      expect(width).toBe(640);
      expect(linesOf(texts, 'design').join(' ')).toContain('Rancangan A: Siklus penuh, Anggaran program Rp 750 juta, Kunjungan per bulan 3');
      checkFits(width, height, texts);
      const png = await download('turnover', 'png');
      writeFileSync(join(SCREENSHOTS, 'export-turnover-phone.png'), readFileSync(png.file));
    } finally {
      await page.setViewportSize({ width: 1400, height: 1000 });
    }
  });

  it('the on-screen line labels stay inside their chart', async () => {
    const inside = await page.getByTestId('chart-turnover').locator('pendamping-line-chart').evaluate((chart) => {
      const svg = chart.shadowRoot!.querySelector('svg')!.getBoundingClientRect();
      return [...chart.shadowRoot!.querySelectorAll('[data-testid="line-chart-label"]')].map((l) => {
        const r = l.getBoundingClientRect();
        return { text: l.textContent, inside: r.right <= svg.right + 0.5 && r.left >= svg.left - 0.5 };
      });
    });
    expect(inside.length).toBe(3);
    for (const l of inside) expect(l.inside, l.text ?? '').toBe(true);
  });

  it('downloads the effects CSV by default: a row per design × month, the numbers the chart draws', async () => {
    const turnover = comparison.lines.find((l) => l.id === 'turnover')!;
    const { file, name } = await download('turnover', 'csv');
    expect(name).toBe('pendamping-turnover-town.csv');
    const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(header).toBe('chart,design,comparison,month,mean,low,high,unit');
    expect(rows).toHaveLength(3 * 12);
    const num = (s: string) => (s === '' ? Number.NaN : Number(s));
    let k = 0;
    for (const s of turnover.series) {
      s.months.forEach((month, i) => {
        const f = rows[k++].split(',');
        // The long name holds a comma: the field is quoted.
        const design = f[1].startsWith('"') ? `${f[1]},${f[2]}`.replace(/^"|"$/g, '') : f[1];
        const rest = f[1].startsWith('"') ? f.slice(3) : f.slice(2);
        expect(design).toBe(s.label);
        const [comparisonKind, m, mean, low, high, unit] = rest;
        expect([comparisonKind, Number(m), unit]).toEqual(['none', month, 'rupiah/month per participant']);
        expect(num(mean)).toBe(s.mean[i]);
        expect(num(low)).toBe(s.low[i]);
        expect(num(high)).toBe(s.high[i]);
        expect(num(low)).toBeLessThanOrEqual(num(mean));
        expect(num(mean)).toBeLessThanOrEqual(num(high));
      });
    }
    expect(turnover.series.map((s) => s.label)).toEqual(['Rancangan A', LONG_NAME, 'Tanpa program']);
    // At month 12 design A's effect is a real, positive number (full-cycle with Rp 750 juta).
    expect(turnover.series[0].mean[11]).toBeGreaterThan(0);
  });

  it('under equal cost, names what each design ran: design A\'s budget, places limited only by it', async () => {
    const before = JSON.stringify(comparison.lines);
    await page.getByTestId('equal-cost').check();
    try {
      await page.waitForFunction((prev) => JSON.stringify((window as unknown as { __pendamping: { lastComparison: { lines: unknown } } }).__pendamping.lastComparison.lines) !== prev, before, { timeout: 60_000 });
      await page.waitForSelector('[data-testid="run-status"][data-state="done"]', { timeout: 60_000 });
      const { file } = await download('turnover', 'svg');
      const { texts } = await measure(readFileSync(file, 'utf8'));
      const designs = linesOf(texts, 'design').join(' ');
      expect(designs).toContain('Rancangan A: Siklus penuh, Anggaran program Rp 750 juta, Kunjungan per bulan 3, biaya sama: anggaran rancangan A, peserta dibatasi anggaran saja');
      expect(designs).toContain(`${LONG_NAME}: Pendampingan saja, Anggaran program Rp 750 juta, Sasaran peserta: Perempuan didahulukan, Lama pendampingan 18 bulan, biaya sama`);
      expect(designs).toContain('Tanpa program');
      expect(designs).not.toContain('Tanpa program:');
    } finally {
      await page.getByTestId('equal-cost').uncheck();
      await page.waitForSelector('[data-testid="run-status"][data-state="done"]', { timeout: 60_000 });
    }
  });

  it('downloads the raw replicate rows as the second CSV', async () => {
    const { file, name } = await download('turnover', 'csv-raw');
    expect(name).toBe('pendamping-turnover-town-replicates.csv');
    const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(header).toBe('design,scenario,region,seed,month,arm,group,metric,value');
    // 3 designs × 3 replicates × 2 arms × 12 months.
    expect(rows).toHaveLength(3 * 3 * 2 * 12);
    expect(rows.length).toBe(comparison.rows.turnover.length);
    expect(new Set(rows.map((r) => r.split(',').at(-6)))).toEqual(new Set(['5', '6', '7']));
  });
});

