// The few words the charts show themselves. The app passes its translations through each component's
// `labels` property; these defaults (Indonesian and English) cover a component used on its own.
import type { Locale } from './types.js';

export interface ChartLabels {
  /** The x axis of line charts and the first table column. */
  month: string;
  design: string;
  mean: string;
  /** The 95% confidence interval, short, as a column heading and in summaries. */
  interval: string;
  low: string;
  high: string;
  /** "at month" in the summary read to screen readers: "Full cycle: Rp 6,3 juta at month 36". */
  atMonth: string;
  noData: string;
  /** The Chart/Table toggle and its group. */
  chart: string;
  table: string;
  view: string;
  /** The export buttons and their group. */
  download: string;
  png: string;
  svg: string;
  /** The default CSV: the effects and intervals the chart shows. */
  csv: string;
  /** The second CSV: every replicate's raw values behind the chart. */
  csvRaw: string;
  /**
   * Written under an exported PNG / SVG: how the comparison was run ({region}, {replicates}, {seed},
   * {months}) and where the figure comes from ({version}).
   */
  exportRun: string;
  exportSource: string;
}

export const DEFAULT_LABELS: Record<Locale, ChartLabels> = {
  en: {
    month: 'Month',
    design: 'Design',
    mean: 'Mean',
    interval: '95% CI',
    low: '95% CI low',
    high: '95% CI high',
    atMonth: 'at month',
    noData: 'No data',
    chart: 'Chart',
    table: 'Table',
    view: 'View',
    download: 'Download',
    png: 'PNG',
    svg: 'SVG',
    csv: 'CSV (effects)',
    csvRaw: 'CSV (raw replicates)',
    exportRun: 'Region: {region} · {replicates} replicates, seed {seed} (replicate r uses seed + r) · {months} months simulated',
    exportSource: 'Pendamping {version} — agent-based simulation; bands and whiskers = 95% confidence interval over the random variation between replicates',
  },
  id: {
    month: 'Bulan',
    design: 'Rancangan',
    mean: 'Rata-rata',
    interval: 'SK 95%',
    low: 'Batas bawah SK 95%',
    high: 'Batas atas SK 95%',
    atMonth: 'pada bulan',
    noData: 'Tidak ada data',
    chart: 'Grafik',
    table: 'Tabel',
    view: 'Tampilan',
    download: 'Unduh',
    png: 'PNG',
    svg: 'SVG',
    csv: 'CSV (efek)',
    csvRaw: 'CSV (ulangan mentah)',
    exportRun: 'Wilayah: {region} · {replicates} ulangan, seed {seed} (ulangan r memakai seed + r) · {months} bulan disimulasikan',
    exportSource: 'Pendamping {version} — simulasi berbasis agen; pita dan garis = selang kepercayaan 95% atas variasi acak antar-ulangan',
  },
};

/** A label with its {placeholders} filled in. */
export const fillLabel = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));

/** The defaults for a locale with the app's labels laid over them. */
export const chartLabels = (locale: Locale | undefined, overrides?: Partial<ChartLabels>): ChartLabels => ({
  ...DEFAULT_LABELS[locale ?? 'en'] ?? DEFAULT_LABELS.en,
  ...overrides,
});
