// @vitest-environment happy-dom
// The chart components as rendered: paths, bands and labels per series, the card's table and buttons.
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../ui/charts/index.js';
import { serializeSvg, svgSize } from '../../ui/charts/export.js';
import type { ChartCard, EstimateChart, LineChart } from '../../ui/charts/index.js';
import { textWidth } from '../../ui/charts/textWidth.js';
import type { BandSeries, EstimateChartSpec, ExportContext, LineChartSpec, TidyRow } from '../../ui/charts/types.js';

const band = (id: string, label: string, mean: number[], spread: number): BandSeries => ({
  id,
  label,
  months: mean.map((_, i) => i + 1),
  mean,
  low: mean.map((m) => m - spread),
  high: mean.map((m) => m + spread),
});

const lineSpec: LineChartSpec = {
  id: 'turnover',
  title: 'Turnover',
  yLabel: 'Change vs without program',
  kind: 'rupiah',
  series: [
    band('no-program', 'No program', [0, 0, 0, 0], 2e5),
    band('full-cycle', 'Full cycle', [1e5, 2e6, 4e6, 6.3e6], 1.5e6),
    band('training-only', 'Training only', [0, 5e5, 3e6, 6.1e6], 1e6),
  ],
};

const estimateSpec: EstimateChartSpec = {
  id: 'multiplier',
  title: 'Income multiplier',
  kind: 'ratio',
  estimates: [
    { id: 'full-cycle', label: 'Full cycle', mean: 1.45, low: 1.3, high: 1.6 },
    { id: 'cash-transfer', label: 'Cash transfer', mean: 1.2, low: 1.1, high: 1.35 },
  ],
};

async function mount<T extends HTMLElement & { updateComplete: Promise<boolean> }>(el: T): Promise<T> {
  document.body.append(el);
  await el.updateComplete;
  return el;
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('<pendamping-line-chart>', () => {
  it('draws one line, one band and one end label per series, with the series label', async () => {
    const chart = document.createElement('pendamping-line-chart') as LineChart;
    chart.spec = lineSpec;
    chart.locale = 'en';
    await mount(chart);
    const root = chart.shadowRoot!;
    expect(root.querySelectorAll('path.line')).toHaveLength(3);
    expect(root.querySelectorAll('path.band')).toHaveLength(3);
    const labels = [...root.querySelectorAll('[data-testid="line-chart-label"]')];
    expect(labels.map((t) => t.textContent?.trim()).sort()).toEqual(['Full cycle', 'No program', 'Training only']);
    for (const p of root.querySelectorAll('path')) expect(p.getAttribute('d')).toMatch(/^M/);
    expect(root.querySelector('[data-testid="line-chart-zero"]')).not.toBeNull();
  });

  it('is a focusable image with a summary and a title', async () => {
    const chart = document.createElement('pendamping-line-chart') as LineChart;
    chart.spec = lineSpec;
    chart.locale = 'id';
    await mount(chart);
    const figure = chart.shadowRoot!.querySelector('figure')!;
    expect(figure.getAttribute('role')).toBe('img');
    expect(figure.getAttribute('tabindex')).toBe('0');
    expect(figure.getAttribute('aria-label')).toContain('Full cycle: Rp 6,3 juta pada bulan 4');
    expect(chart.shadowRoot!.querySelector('svg > title')?.textContent).toBe('Turnover');
    expect(chart.shadowRoot!.querySelector('.x-title')?.textContent).toBe('Bulan');
  });
});

describe('<pendamping-estimate-chart>', () => {
  it('puts each whisker over its interval and the dot at its mean', async () => {
    const chart = document.createElement('pendamping-estimate-chart') as EstimateChart;
    chart.spec = estimateSpec;
    chart.locale = 'en';
    await mount(chart);
    const root = chart.shadowRoot!;
    const whiskers = [...root.querySelectorAll('[data-testid="estimate-chart-whisker"]')];
    const dots = [...root.querySelectorAll('[data-testid="estimate-chart-dot"]')];
    expect(whiskers).toHaveLength(2);
    const num = (el: Element, a: string) => Number(el.getAttribute(a));
    for (let i = 0; i < 2; i++) {
      expect(num(whiskers[i], 'x1')).toBeLessThan(num(dots[i], 'cx'));
      expect(num(dots[i], 'cx')).toBeLessThan(num(whiskers[i], 'x2'));
    }
    // Full cycle's interval (1.3–1.6) lies right of cash transfer's mean (1.2).
    expect(num(whiskers[0], 'x1')).toBeGreaterThan(num(dots[1], 'cx'));
    const reference = num(root.querySelector('[data-testid="estimate-chart-reference"]')!, 'x1');
    expect(reference).toBeLessThan(num(whiskers[1], 'x1'));
    expect([...root.querySelectorAll('[data-testid="estimate-chart-value"]')].map((t) => t.textContent)).toEqual(['1.45', '1.20']);
  });
});

describe('<pendamping-chart-card>', () => {
  const rows: TidyRow[] = [{ design: 'full-cycle', scenario: 'Full cycle', seed: 1, month: 4, arm: 'effect', group: 'all', metric: 'turnover', value: 6.3e6 }];

  async function card() {
    const c = document.createElement('pendamping-chart-card') as ChartCard;
    c.title = 'Turnover';
    c.locale = 'en';
    c.csvRows = rows;
    c.filename = 'turnover';
    const chart = document.createElement('pendamping-line-chart') as LineChart;
    chart.spec = lineSpec;
    chart.locale = 'en';
    c.append(chart);
    await mount(c);
    await chart.updateComplete;
    return { c, chart };
  }

  it('toggles to a table with the chart’s numbers and intervals, pressed states following', async () => {
    const { c } = await card();
    const root = c.shadowRoot!;
    const chartButton = root.querySelector<HTMLButtonElement>('[data-testid="chart-card-view-chart"]')!;
    const tableButton = root.querySelector<HTMLButtonElement>('[data-testid="chart-card-view-table"]')!;
    expect(chartButton.getAttribute('aria-pressed')).toBe('true');
    expect(root.querySelector('table')).toBeNull();
    tableButton.click();
    await c.updateComplete;
    expect(tableButton.getAttribute('aria-pressed')).toBe('true');
    expect(chartButton.getAttribute('aria-pressed')).toBe('false');
    const table = root.querySelector('[data-testid="chart-card-table"]')!;
    const headings = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
    expect(headings).toEqual(['Month', 'No program', 'Full cycle', 'Training only']);
    const lastRow = [...table.querySelectorAll('tbody tr')].at(-1)!;
    expect(lastRow.querySelectorAll('td')[1].textContent).toContain('Rp 6.3 million');
    expect(lastRow.querySelectorAll('td')[1].textContent).toContain('Rp 4.8 million – Rp 7.8 million');
  });

  it('downloads the CSV through an object URL and an <a download>', async () => {
    const { c } = await card();
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      created.push(b as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    let downloaded = '';
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloaded = this.download;
    });
    // The raw replicate rows, the second choice.
    await c.download('csv-raw');
    expect(downloaded).toBe('turnover-replicates.csv');
    expect(await created[0].text()).toBe('design,scenario,seed,month,arm,group,metric,value\nfull-cycle,Full cycle,1,4,effect,all,turnover,6300000\n');
    // The default: what the chart draws, a row per design × month.
    await c.download('csv');
    expect(downloaded).toBe('turnover.csv');
    const effects = (await created[1].text()).trim().split('\n');
    expect(effects[0]).toBe('chart,design,comparison,month,mean,low,high,unit');
    expect(effects).toHaveLength(1 + 3 * 4);
    expect(effects).toContain('turnover,Full cycle,none,4,6300000,4800000,7800000,');
    expect(c.shadowRoot!.querySelector('[data-testid="chart-card-export-csv-raw"]')?.textContent?.trim()).toBe('CSV (raw replicates)');
    expect(c.shadowRoot!.querySelector('[data-testid="chart-card-export-csv"]')?.textContent?.trim()).toBe('CSV (effects)');
    expect(c.shadowRoot!.querySelector('[data-testid="chart-card-export-png"]')).not.toBeNull();
    expect(c.shadowRoot!.querySelector('[data-testid="chart-card-export-svg"]')).not.toBeNull();
  });

  it('serialises the chart as a standalone SVG document', async () => {
    const { chart } = await card();
    const text = serializeSvg(chart.svgElement()!);
    expect(text).toMatch(/^<\?xml/);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain('Full cycle');
    expect(text).toContain('<title>Turnover</title>');
  });

  it('writes a caption (the region) under an exported image, which grows to hold it', async () => {
    const { chart } = await card();
    const svg = chart.svgElement()!;
    const plain = svgSize(svg);
    expect(svgSize(svg, { caption: 'Wilayah: Kabupaten perdesaan' })).toEqual({ width: plain.width, height: plain.height + 22 });
    const doc = new DOMParser().parseFromString(serializeSvg(svg, { caption: 'Wilayah: Kabupaten perdesaan' }).replace(/^<\?xml[^>]*>\n/, ''), 'image/svg+xml');
    const root = doc.documentElement;
    expect(root.getAttribute('height')).toBe(String(plain.height + 22));
    const caption = root.querySelector('[data-caption]')!;
    expect(caption.textContent).toBe('Wilayah: Kabupaten perdesaan');
    expect(Number(caption.getAttribute('y'))).toBeGreaterThan(plain.height);
    expect(serializeSvg(svg)).not.toContain('data-caption');
  });
});

describe('an exported chart explains itself', () => {
  const context: ExportContext = {
    subtitle: 'Omzet per peserta per bulan: perubahan vs tanpa program',
    unit: 'rupiah/month per participant',
    designs: [
      { name: 'Desain A', colour: '#E69F00', settings: ['full-cycle', 'Anggaran program Rp 750 juta', 'Kunjungan per bulan 3', 'Pendamping dari daerah setempat: ya'] },
      { name: 'Perempuan didahulukan, pendampingan intensif', colour: '#56B4E9', settings: ['mentoring-only', 'Sasaran peserta: Perempuan didahulukan', 'Lama pendampingan 18 bulan'] },
      { name: 'Tanpa program', colour: '#000000', settings: ['no-program'] },
    ],
    replicates: 10,
    seed: 7,
    months: 36,
    region: 'Kota kecil',
    version: '9.8.7',
  };
  const spec: LineChartSpec = {
    ...lineSpec,
    title: 'Omzet',
    yLabel: context.subtitle!,
    series: [band('A', 'Desain A', [1e5, 2e6, 4e6, 6.3e6], 1.5e6), band('B', context.designs[1].name, [0, 5e5, 3e6, 6.1e6], 1e6), band('baseline', 'Tanpa program', [0, 0, 0, 0], 2e5)],
  };

  /** Every <text> of the document with its x, font size and runs (text node or tspan, bold or not). */
  const texts = (root: Element) =>
    [...root.querySelectorAll('text')].map((t) => {
      const size = Number(t.closest('[font-size]')?.getAttribute('font-size') ?? 12);
      const boldOf = (el: Element | null): boolean => {
        for (let e = el; e; e = e.parentElement) {
          const w = e.getAttribute('font-weight');
          if (w) return Number(w) >= 600 || w === 'bold';
        }
        return false;
      };
      const runs = [...t.childNodes]
        .filter((n) => n.nodeName !== 'title')
        .map((n) => ({ text: n.textContent ?? '', bold: boldOf(n.nodeType === 1 ? (n as Element) : t) }));
      return { el: t, x: Number(t.getAttribute('x')), size, runs, text: runs.map((r) => r.text).join('') };
    });

  for (const width of [420, 640]) {
    it(`at ${width} px, writes the title, subtitle, every design's settings, the run, the version and the source, no line wider than the image`, async () => {
      const c = document.createElement('pendamping-chart-card') as ChartCard;
      c.title = 'Omzet';
      c.locale = 'id';
      c.exportContext = context;
      const chart = document.createElement('pendamping-line-chart') as LineChart;
      chart.spec = spec;
      chart.locale = 'id';
      chart.width = width;
      c.append(chart);
      await mount(c);
      await chart.updateComplete;
      // No raw rows given (a single live run, the pop-out): no raw CSV button, the effects one stays.
      expect(c.shadowRoot!.querySelector('[data-testid="chart-card-export-csv-raw"]')).toBeNull();
      expect(c.shadowRoot!.querySelector('[data-testid="chart-card-export-csv"]')).not.toBeNull();
      const svg = chart.svgElement()!;
      const frame = c.exportFrame();
      const doc = new DOMParser().parseFromString(serializeSvg(svg, frame).replace(/^<\?xml[^>]*>\n/, ''), 'image/svg+xml');
      const root = doc.documentElement;
      const size = svgSize(svg, frame);
      expect(Number(root.getAttribute('width'))).toBe(width);
      expect(Number(root.getAttribute('height'))).toBe(size.height);
      const of = (kind: string) => [...root.querySelectorAll(`text[data-export="${kind}"]`)].map((t) => t.textContent).join(' ');
      expect(of('title')).toBe('Omzet');
      expect(of('subtitle')).toBe('Omzet per peserta per bulan: perubahan vs tanpa program');
      const designs = of('design');
      for (const d of context.designs) expect(designs).toContain(`${d.name}: ${d.settings.join(', ')}`);
      expect(root.querySelectorAll('[data-export-swatch]')).toHaveLength(3);
      expect([...root.querySelectorAll('[data-export-swatch]')].map((l) => l.getAttribute('stroke'))).toEqual(['#E69F00', '#56B4E9', '#000000']);
      const notes = of('note');
      expect(notes).toContain('Wilayah: Kota kecil');
      expect(notes).toContain('10 ulangan, seed 7 (ulangan r memakai seed + r)');
      expect(notes).toContain('36 bulan disimulasikan');
      expect(notes).toContain('Pendamping 9.8.7 — simulasi berbasis agen; pita dan garis = selang kepercayaan 95% atas variasi acak antar-ulangan');
      // The chart sits between the header and the notes, without its own copy of the subtitle (its axis
      // title): cut from its top, the rest of the chart as drawn.
      const chartSvg = root.querySelector(':scope > svg')!;
      expect(chartSvg.querySelector('.y-title')).toBeNull();
      expect(svg.querySelector('.y-title')!.textContent!.replace(/\s+/g, ' ').trim()).toBe(context.subtitle);
      const crop = Number(chartSvg.getAttribute('viewBox')!.split(' ')[1]);
      expect(crop).toBeGreaterThan(12);
      expect(Number(chartSvg.getAttribute('height'))).toBe(Number(svg.getAttribute('height')) - crop);
      const chartY = Number(chartSvg.getAttribute('y'));
      const ys = (kind: string) => [...root.querySelectorAll(`text[data-export="${kind}"]`)].map((t) => Number(t.getAttribute('y')));
      expect(Math.max(...ys('design'))).toBeLessThan(chartY);
      expect(Math.min(...ys('note'))).toBeGreaterThan(chartY + Number(chartSvg.getAttribute('height')));
      expect(Math.max(...ys('note'))).toBeLessThanOrEqual(size.height);
      // No line passes the image's right edge: the frame's lines, the axis title and the line-end labels,
      // each bounded per character (textWidth.ts), bold where drawn bold.
      const all = texts(root);
      expect(all.length).toBeGreaterThan(20);
      for (const t of all) {
        if (t.el.getAttribute('text-anchor') === 'middle' || t.el.getAttribute('text-anchor') === 'end') continue;
        const lines = t.el.querySelectorAll('tspan[x]').length ? [...t.el.querySelectorAll('tspan[x]')].map((s) => ({ x: Number(s.getAttribute('x')), runs: [{ text: s.textContent!.trimEnd(), bold: t.runs[0]?.bold ?? false }] })) : [{ x: t.x, runs: t.runs }];
        for (const line of lines) {
          const right = line.x + line.runs.reduce((w, r) => w + textWidth(r.text, t.size, r.bold), 0);
          expect(right, `"${line.runs.map((r) => r.text).join('')}"`).toBeLessThanOrEqual(width);
        }
      }
      // The long design name is on the chart whole or wrapped, never cut at the edge.
      const label = [...root.querySelectorAll('[data-testid="line-chart-label"][data-series-id="B"]')][0];
      expect(label.querySelector('title')?.textContent ?? label.textContent).toContain('Perempuan didahulukan');
    });
  }

  it('draws the downloaded image at least 640 px wide from a narrow card, then puts the chart back', async () => {
    const c = document.createElement('pendamping-chart-card') as ChartCard;
    c.title = 'Omzet';
    c.locale = 'id';
    c.exportContext = context;
    const chart = document.createElement('pendamping-line-chart') as LineChart;
    chart.spec = spec;
    chart.width = 360;
    c.append(chart);
    await mount(c);
    await chart.updateComplete;
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      created.push(b as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await c.download('svg');
    const root = new DOMParser().parseFromString((await created[0].text()).replace(/^<\?xml[^>]*>\n/, ''), 'image/svg+xml').documentElement;
    expect(root.getAttribute('width')).toBe('640');
    expect(root.querySelector(':scope > svg')!.getAttribute('width')).toBe('640');
    await chart.updateComplete;
    expect(chart.width).toBe(360);
    expect(chart.svgElement()!.getAttribute('width')).toBe('360');
  });

  it('in English, with no context, the image still has its title and the caption under it', async () => {
    const c = document.createElement('pendamping-chart-card') as ChartCard;
    c.title = 'Turnover';
    c.locale = 'en';
    c.caption = 'Region: Small town';
    expect(c.exportFrame()).toEqual({ title: 'Turnover', caption: 'Region: Small town' });
    c.exportContext = { ...context, designs: [] };
    const notes = c.exportFrame().notes!;
    expect(notes[0]).toBe('Region: Kota kecil · 10 replicates, seed 7 (replicate r uses seed + r) · 36 months simulated');
    expect(notes[1]).toBe('Pendamping 9.8.7 — agent-based simulation; bands and whiskers = 95% confidence interval over the random variation between replicates');
  });
});
