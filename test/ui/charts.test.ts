// The charts' pure parts: scales, formatting, palette, CSV, table rows and layouts (no DOM).
import { describe, expect, it } from 'vitest';
import { EFFECTS_HEADER, effectsCsv, tidyCsv } from '../../ui/charts/csv.js';
import { layoutEstimateChart, referenceFor } from '../../ui/charts/estimateLayout.js';
import { formatCount, formatPoints, formatRatio, formatRupiah, formatShare, formatValue, tickFormatter } from '../../ui/format/format.js';
import { DEFAULT_LABELS } from '../../ui/charts/labels.js';
import { layoutLineChart, LABEL_GAP } from '../../ui/charts/lineLayout.js';
import { assignColours, baselineFirst, OKABE_ITO, textColour } from '../../ui/charts/palette.js';
import { dodge, monthTicks, niceAxis, yDomain } from '../../ui/charts/scales.js';
import { estimateChartTable, lineChartTable } from '../../ui/charts/table.js';
import { textWidth, wrapText } from '../../ui/charts/textWidth.js';
import type { BandSeries, EstimateChartSpec, LineChartSpec, TidyRow } from '../../ui/charts/types.js';

const band = (id: string, label: string, mean: number[], spread: number): BandSeries => ({
  id,
  label,
  months: mean.map((_, i) => i + 1),
  mean,
  low: mean.map((m) => m - spread),
  high: mean.map((m) => m + spread),
});

const spec: LineChartSpec = {
  id: 'turnover',
  title: 'Turnover',
  yLabel: 'Change vs without program',
  kind: 'rupiah',
  series: [band('full-cycle', 'Full cycle', [1e5, 2e6, 6.3e6], 1.5e6), band('training-only', 'Training only', [0, 5e5, 6.1e6], 4e6)],
};

describe('scales', () => {
  it('the y domain covers every band end, every mean and zero', () => {
    expect(yDomain(spec.series)).toEqual([-4e6, 10.1e6]);
    const positive = [band('a', 'A', [5, 6, 7], 1)];
    expect(yDomain(positive)[0]).toBe(0);
    expect(yDomain([band('a', 'A', [-5, -6], 1)])[1]).toBe(0);
    expect(yDomain([])).toEqual([0, 1]);
  });

  it('nice axes extend the domain to round ticks at 1, 2 or 5 × 10^k steps', () => {
    const axis = niceAxis([-3.5e6, 10.1e6], 5);
    expect(axis.domain[0]).toBeLessThanOrEqual(-3.5e6);
    expect(axis.domain[1]).toBeGreaterThanOrEqual(10.1e6);
    expect(axis.ticks).toContain(0);
    const step = axis.ticks[1] - axis.ticks[0];
    const mantissa = step / 10 ** Math.floor(Math.log10(step));
    expect([1, 2, 5]).toContain(Math.round(mantissa));
    for (let i = 1; i < axis.ticks.length; i++) expect(axis.ticks[i] - axis.ticks[i - 1]).toBeCloseTo(step, 6);
  });

  it('month ticks fall on calendar steps and start at the first month', () => {
    expect(monthTicks([1, 36], 8)).toEqual([1, 6, 12, 18, 24, 30, 36]);
    expect(monthTicks([1, 12], 12)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(monthTicks([0, 60], 6)).toEqual([0, 12, 24, 36, 48, 60]);
    expect(monthTicks([1, 24], 3)).toEqual([1, 12, 24]);
  });

  it('dodged labels keep their order, stay in bounds and are at least the gap apart', () => {
    const ys = dodge([100, 101, 99, 300, 398], 14, 20, 400);
    const sorted = [...ys].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i] - sorted[i - 1]).toBeGreaterThanOrEqual(14 - 1e-9);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...ys)).toBeLessThanOrEqual(400);
    expect(ys[3]).toBe(300);
    expect(dodge([395, 396, 397], 14, 0, 400)).toEqual([372, 386, 400]);
  });
});

describe('formatting', () => {
  it('writes rupiah compactly in juta, miliar and triliun (id) and million, billion, trillion (en)', () => {
    expect(formatRupiah(0, 'id')).toBe('Rp 0');
    expect(formatRupiah(0, 'en')).toBe('Rp 0');
    expect(formatRupiah(6.3e6, 'id')).toBe('Rp 6,3 juta');
    expect(formatRupiah(6.3e6, 'en')).toBe('Rp 6.3 million');
    expect(formatRupiah(1.2e9, 'id')).toBe('Rp 1,2 miliar');
    expect(formatRupiah(1.2e9, 'en')).toBe('Rp 1.2 billion');
    expect(formatRupiah(3e12, 'id')).toBe('Rp 3 triliun');
    expect(formatRupiah(3e12, 'en')).toBe('Rp 3 trillion');
    expect(formatRupiah(-6.3e6, 'id')).toBe('-Rp 6,3 juta');
    expect(formatRupiah(-1.2e9, 'en')).toBe('-Rp 1.2 billion');
    expect(formatRupiah(295_993, 'id')).toBe('Rp 296 ribu');
    expect(formatRupiah(999_960, 'id')).toBe('Rp 1 juta');
    expect(formatRupiah(950, 'en')).toBe('Rp 950');
    expect(formatRupiah(1.5e15, 'id')).toBe('Rp 1.500 triliun');
    expect(formatRupiah(5.38e7, 'en', { sign: true })).toBe('+Rp 53.8 million');
  });

  it('writes full rupiah with id-ID or en grouping and no decimals', () => {
    expect(formatRupiah(6_312_450.4, 'id', { compact: false })).toBe('Rp 6.312.450');
    expect(formatRupiah(6_312_450.4, 'en', { compact: false })).toBe('Rp 6,312,450');
    expect(formatRupiah(-1234, 'id', { compact: false })).toBe('-Rp 1.234');
  });

  it('writes shares as percentages, differences as points, counts and ratios per locale', () => {
    expect(formatShare(0.264, 'id')).toBe('26,4%');
    expect(formatShare(0.264, 'en')).toBe('26.4%');
    expect(formatShare(-0.05, 'en')).toBe('-5.0%');
    expect(formatShare(0, 'id')).toBe('0,0%');
    expect(formatPoints(0.099, 'en')).toBe('+9.9 pp');
    expect(formatPoints(-0.02, 'id')).toBe('-2,0 poin');
    expect(formatCount(1234, 'id')).toBe('1.234');
    expect(formatCount(12.34, 'en')).toBe('12.3');
    expect(formatRatio(1.456, 'id')).toBe('1,46');
    expect(formatValue(12.5, 'percent', 'id')).toBe('12,5%');
    expect(formatValue(-0.0001, 'share', 'en')).toBe('0.0%');
  });

  it('shows missing values as a dash, or n/a on request', () => {
    for (const kind of ['rupiah', 'share', 'count', 'percent', 'ratio'] as const) {
      expect(formatValue(null, kind, 'id')).toBe('—');
      expect(formatValue(Number.NaN, kind, 'en', { missing: 'n/a' })).toBe('n/a');
    }
    expect(formatRupiah(Number.POSITIVE_INFINITY, 'en')).toBe('—');
  });

  it('formats an axis in one unit and one number of decimals', () => {
    const ticks = [-2.5e6, 0, 2.5e6, 5e6, 7.5e6];
    expect(ticks.map(tickFormatter('rupiah', 'id', ticks))).toEqual(['-Rp 2,5 juta', 'Rp 0', 'Rp 2,5 juta', 'Rp 5,0 juta', 'Rp 7,5 juta']);
    const big = [0, 2e9, 4e9];
    expect(big.map(tickFormatter('rupiah', 'en', big))).toEqual(['Rp 0', 'Rp 2 billion', 'Rp 4 billion']);
    const shares = [0, 0.05, 0.1];
    expect(shares.map(tickFormatter('share', 'id', shares))).toEqual(['0%', '5%', '10%']);
    const ratios = [1, 1.2, 1.4];
    expect(ratios.map(tickFormatter('ratio', 'en', ratios))).toEqual(['1.0', '1.2', '1.4']);
    const jobs = [0, 50, 100];
    expect(jobs.map(tickFormatter('count', 'id', jobs))).toEqual(['0', '50', '100']);
  });
});

describe('palette', () => {
  it('gives the baseline black and designs Okabe–Ito colours in the order given, the same every time', () => {
    const ids = [{ id: 'full-cycle' }, { id: 'no-program' }, { id: 'training-only' }];
    const a = assignColours(ids);
    expect(a.get('no-program')).toBe(OKABE_ITO.black);
    expect(a.get('full-cycle')).toBe(OKABE_ITO.orange);
    expect(a.get('training-only')).toBe(OKABE_ITO.skyBlue);
    expect([...assignColours(ids)]).toEqual([...a]);
    expect(assignColours([{ id: 'x', baseline: true }]).get('x')).toBe(OKABE_ITO.black);
    expect(baselineFirst(ids).map((s) => s.id)).toEqual(['no-program', 'full-cycle', 'training-only']);
    const many = assignColours(Array.from({ length: 7 }, (_, i) => ({ id: `d${i}` })));
    expect(new Set(many.values()).size).toBe(7);
    expect([...many.values()]).not.toContain(OKABE_ITO.black);
  });

  it('darkens light colours for text to a readable contrast, keeping dark ones', () => {
    expect(textColour(OKABE_ITO.blue)).toBe(OKABE_ITO.blue);
    expect(textColour(OKABE_ITO.yellow)).not.toBe(OKABE_ITO.yellow);
  });
});

describe('CSV export', () => {
  it('writes the tidy header, RFC 4180 quoting and numbers at full precision', () => {
    const rows: TidyRow[] = [
      { design: 'full-cycle', scenario: 'Full cycle', seed: 1, month: 12, arm: 'program', group: 'all', metric: 'turnover', value: 6312450.123456789 },
      { design: 'a,"b"', scenario: 'line\nbreak', seed: '', month: '', arm: 'effect', group: 'women', metric: 'lm3', value: null },
      { design: 'x', scenario: 'x', seed: 2, month: 0, arm: 'counterfactual', group: 'all', metric: 'share', value: 1e-7 },
    ];
    expect(tidyCsv(rows)).toBe(
      'design,scenario,seed,month,arm,group,metric,value\n' +
        'full-cycle,Full cycle,1,12,program,all,turnover,6312450.123456789\n' +
        '"a,""b""","line\nbreak",,,effect,women,lm3,\n' +
        'x,x,2,0,counterfactual,all,share,1e-7\n',
    );
    expect(tidyCsv([])).toBe('design,scenario,seed,month,arm,group,metric,value\n');
  });
});

describe('effects CSV', () => {
  const parse = (text: string) => {
    const [header, ...rows] = text.trimEnd().split('\n');
    return { header, rows: rows.map((r) => r.split(',')) };
  };

  it('holds exactly what a line chart draws: a row per design × month, low ≤ mean ≤ high, at full precision', () => {
    const precise = { ...spec, series: [...spec.series, band('b', 'B', [1 / 3, 2 / 3, 1], 0.1)] };
    const { header, rows } = parse(effectsCsv(precise, { unit: 'rupiah/month per participant' }));
    expect(header).toBe('chart,design,comparison,month,mean,low,high,unit');
    expect(header.split(',')).toEqual([...EFFECTS_HEADER]);
    expect(rows).toHaveLength(3 * 3);
    let k = 0;
    for (const s of precise.series) {
      s.months.forEach((month, i) => {
        const [chart, design, comparison, m, mean, low, high, unit] = rows[k++];
        expect([chart, design, comparison, unit]).toEqual(['turnover', s.label, 'none', 'rupiah/month per participant']);
        expect(Number(m)).toBe(month);
        expect([Number(mean), Number(low), Number(high)]).toEqual([s.mean[i], s.low[i], s.high[i]]);
        expect(Number(low)).toBeLessThanOrEqual(Number(mean));
        expect(Number(mean)).toBeLessThanOrEqual(Number(high));
      });
    }
    expect(rows.at(-3)![4]).toBe('0.3333333333333333');
  });

  it('writes estimates a row per design with an empty month, missing values empty, and the difference view as diffVsFirst', () => {
    const e: EstimateChartSpec = {
      id: 'costPerJob',
      title: 'Cost per job',
      kind: 'rupiah',
      estimates: [
        { id: 'A', label: 'Desain A, "intensif"', mean: 2.5e7, low: 2e7, high: 3.1e7 },
        { id: 'B', label: 'Desain B', mean: 4e7, low: null, high: null },
      ],
    };
    expect(effectsCsv(e, { unit: 'rupiah per job', comparison: 'diffVsFirst' })).toBe(
      'chart,design,comparison,month,mean,low,high,unit\n' +
        'costPerJob,"Desain A, ""intensif""",diffVsFirst,,25000000,20000000,31000000,rupiah per job\n' +
        'costPerJob,Desain B,diffVsFirst,,40000000,,,rupiah per job\n',
    );
  });
});

describe('text widths', () => {
  it('wraps at spaces into lines within the width, losing no word', () => {
    const text = 'Desain A: full-cycle, Anggaran program Rp 750 juta, Kunjungan per bulan 3, Pendamping dari daerah setempat: ya';
    const lines = wrapText(text, 200, 12);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(200);
    expect(lines.join(' ')).toBe(text);
    // A cap on lines ends the last with an ellipsis; a word too long for a line is cut.
    const two = wrapText(text, 200, 12, true, 2);
    expect(two).toHaveLength(2);
    expect(two[1].endsWith('…')).toBe(true);
    for (const l of two) expect(textWidth(l, 12, true)).toBeLessThanOrEqual(200);
    expect(wrapText('Pengusahaperempuandidahulukan', 60, 12)[0]).toMatch(/^Peng.*…$/);
  });

  it('bounds bold wider than regular and wide letters wider than narrow ones', () => {
    expect(textWidth('Omzet', 12, true)).toBeGreaterThan(textWidth('Omzet', 12));
    expect(textWidth('mmm', 12)).toBeGreaterThan(textWidth('iii', 12));
    expect(textWidth('', 12)).toBe(0);
  });
});

describe('table rows', () => {
  it('a line chart table has a row per month and each design’s mean with its interval', () => {
    const t = lineChartTable(spec, 'id', DEFAULT_LABELS.id);
    expect(t.columns).toEqual(['Bulan', 'Full cycle', 'Training only']);
    expect(t.rows).toHaveLength(3);
    expect(t.rows[2][1]).toEqual({ value: 'Rp 6,3 juta', interval: 'Rp 4,8 juta – Rp 7,8 juta' });
  });

  it('an estimate table has a row per design with mean and interval, dashes when missing', () => {
    const e: EstimateChartSpec = {
      id: 'lm3',
      title: 'LM3',
      kind: 'ratio',
      estimates: [
        { id: 'a', label: 'A', mean: 1.8, low: 1.6, high: 2 },
        { id: 'b', label: 'B', mean: null, low: null, high: null },
      ],
    };
    const t = estimateChartTable(e, 'en', DEFAULT_LABELS.en);
    expect(t.rows.map((r) => r.map((c) => c.value))).toEqual([
      ['A', '1.80', '1.60 – 2.00'],
      ['B', '—', '—'],
    ]);
  });
});

describe('layouts', () => {
  it('a line chart lays out a line, a band and an unclipped, non-overlapping label per series', () => {
    const close = { ...spec, series: [...spec.series, band('no-program', 'No program', [0, 0, 6.2e6], 1e5)] };
    const L = layoutLineChart(close, 640, 360, 'en');
    expect(L.series.map((s) => s.id)).toEqual(['no-program', 'full-cycle', 'training-only']);
    for (const s of L.series) {
      expect(s.line).toMatch(/^M/);
      expect(s.band).toMatch(/^M.*Z$/);
      expect(s.end!.x).toBeCloseTo(L.x(3));
    }
    const ys = L.series.map((s) => s.labelY).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(LABEL_GAP - 1e-9);
    expect(L.zeroY).toBeCloseTo(L.y(0));
    expect(L.yTicks.map((t) => t.text)).toContain('Rp 0');
  });

  it('gives the longest line-end label room at the right, wrapping it, and wraps a long axis title, so no text passes the edge', () => {
    const label = 'Perempuan didahulukan, pendampingan intensif';
    const long = {
      ...spec,
      yLabel: 'Omzet per peserta perempuan per bulan: perubahan vs tanpa program',
      series: [...spec.series, band('C', label, [0, 1e6, 2e6], 1e5)],
    };
    for (const width of [420, 640]) {
      const L = layoutLineChart(long, width, 360, 'id');
      for (const s of L.series) {
        expect(s.lines.length).toBeLessThanOrEqual(2);
        for (const line of s.lines) expect(s.end!.x + 10 + textWidth(line, 12, true)).toBeLessThanOrEqual(width);
      }
      const c = L.series.find((s) => s.id === 'C')!;
      // Wrapped onto two lines, whole words; what two lines cannot hold ends in "…".
      expect(label.startsWith(c.lines.join(' ').replace(/…$/, ''))).toBe(true);
      for (const line of L.yTitle) expect(textWidth(line, 12, true)).toBeLessThanOrEqual(width - 4);
      expect(L.yTitle.join(' ')).toBe(long.yLabel);
      // Labels are dodged a whole label apart.
      const gap = Math.max(...L.series.map((s) => s.lines.length)) * LABEL_GAP;
      const ys = L.series.map((s) => s.labelY).sort((a, b) => a - b);
      for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(gap - 1e-9);
    }
    expect(layoutLineChart(long, 420, 360, 'id').series.find((s) => s.id === 'C')!.lines).toEqual(['Perempuan', 'didahulukan…']);
    expect(layoutLineChart(long, 640, 360, 'id').series.find((s) => s.id === 'C')!.lines).toEqual(['Perempuan didahulukan,', 'pendampingan intensif']);
  });

  it('an estimate chart puts the dot at the mean and the whisker over the interval, reference at one for ratios', () => {
    const e: EstimateChartSpec = {
      id: 'mult',
      title: 'Income multiplier',
      kind: 'ratio',
      estimates: [
        { id: 'full-cycle', label: 'Full cycle', mean: 1.45, low: 1.3, high: 1.6 },
        { id: 'cash', label: 'Cash transfer', mean: 1.2, low: null, high: null },
      ],
    };
    expect(referenceFor('ratio')).toBe(1);
    expect(referenceFor('rupiah')).toBe(0);
    const L = layoutEstimateChart(e, 600, 'en');
    const [a, b] = L.rows;
    expect(a.cx).toBeCloseTo(L.x(1.45));
    expect(a.x1).toBeCloseTo(L.x(1.3));
    expect(a.x2).toBeCloseTo(L.x(1.6));
    expect(a.x1!).toBeLessThan(a.cx!);
    expect(a.cx!).toBeLessThan(a.x2!);
    expect(b.x1).toBeNull();
    expect(b.y).toBeGreaterThan(a.y);
    expect(L.referenceX).toBeCloseTo(L.x(1));
    expect(L.ticks[0].value).toBeLessThanOrEqual(1);
  });

  it('an estimate chart takes no more ticks than their labels have room for', () => {
    const e: EstimateChartSpec = {
      id: 'costPerJob',
      title: 'Biaya per lapangan kerja',
      kind: 'rupiah',
      estimates: [
        { id: 'A', label: 'Desain A', mean: 3.17e7, low: 2.1e7, high: 6.2e7 },
        { id: 'B', label: 'Perempuan didahulukan, pendampingan intensif', mean: 1.57e8, low: 1.22e8, high: 2.18e8 },
      ],
    };
    for (const width of [420, 754]) {
      const L = layoutEstimateChart(e, width, 'id');
      const labelled = L.ticks.filter((t) => t.text);
      expect(labelled.length).toBeGreaterThanOrEqual(2);
      expect(labelled[0].text).toBe('Rp 0');
      for (let i = 1; i < labelled.length; i++) {
        const room = labelled[i].at - labelled[i - 1].at;
        expect((textWidth(labelled[i].text, 12) + textWidth(labelled[i - 1].text, 12)) / 2).toBeLessThan(room);
      }
      expect(L.margin.left - 8 - Math.max(...L.rows.flatMap((r) => r.lines).map((l) => textWidth(l, 12)))).toBeGreaterThanOrEqual(0);
    }
  });
});
