// @vitest-environment happy-dom
// The chart components as rendered: paths, bands and labels per series, the card's table and buttons.
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../ui/charts/index.js';
import { serializeSvg, svgSize } from '../../ui/charts/export.js';
import type { ChartCard, EstimateChart, LineChart } from '../../ui/charts/index.js';
import type { BandSeries, EstimateChartSpec, LineChartSpec, TidyRow } from '../../ui/charts/types.js';

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
    await c.download('csv');
    expect(downloaded).toBe('turnover.csv');
    expect(await created[0].text()).toBe('design,scenario,seed,month,arm,group,metric,value\nfull-cycle,Full cycle,1,4,effect,all,turnover,6300000\n');
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
