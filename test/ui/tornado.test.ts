// The tornado chart's pieces without a browser: the run count of `sensitivity --assumptions`'s Morris
// experiment for a design, the layout (each bar from zero the way μ points, as long as μ*, its label on its
// own line above it, every text inside the chart at a phone's width) and sensitivity's CSV columns.
import { describe, expect, it } from 'vitest';
import { tornadoChart, tornadoRunCount, type TornadoResult } from '../../ui/runner/tornado.js';
import { layoutTornado } from '../../ui/charts/tornadoLayout.js';
import { tornadoCsv } from '../../ui/charts/csv.js';
import { LINE_HEIGHT } from '../../ui/charts/lineLayout.js';
import type { TornadoChartSpec } from '../../ui/charts/types.js';

const bar = (rank: number, parameter: string, muStar: number, mu: number) => ({
  parameter,
  label: `Assumption number ${rank} with a rather long name`,
  range: '0.5–0.9',
  rank,
  muStar,
  low: muStar * 0.6,
  high: muStar * 1.4,
  mu,
  sigma: 1,
  n: 10,
});

const spec: TornadoChartSpec = {
  id: 'tornado',
  title: 'T',
  xLabel: 'How far extra jobs move across the range (μ*, workers)',
  kind: 'count',
  output: 'jobs.effect',
  design: 'A',
  runs: 140,
  bars: [bar(1, 'a', 8.7, -8.7), bar(2, 'b', 6.5, 6.5), bar(3, 'c', 1, 0.9)],
  rows: [{ output: 'jobs.effect', base: 'full-cycle', rank: 1, parameter: 'a', mu_star: 8.7, sigma: null }],
  words: { rises: 'rises', falls: 'falls', assumption: 'a', muStar: 'm', interval: 'i', direction: 'd' },
};

describe('the tornado chart', () => {
  it('costs 10 trajectories × (assumptions not set + 1) × 2 replicates', () => {
    expect(tornadoRunCount([])).toBe(140);
    expect(tornadoRunCount(['businessStealingShare', 'program.budgetRupiah'])).toBe(120);
  });

  for (const width of [260, 358, 640]) {
    it(`lays out at ${width} px: bars from zero the way μ points, lengths in proportion to μ*, labels above bars, texts inside`, () => {
      const L = layoutTornado(spec, width, 'en');
      expect(L.rows.map((r) => r.parameter)).toEqual(['a', 'b', 'c']);
      const [a, b, c] = L.rows;
      expect(a.x1).toBeCloseTo(L.zero, 9);
      expect(b.x0).toBeCloseTo(L.zero, 9);
      expect([a.rises, b.rises, c.rises]).toEqual([false, true, true]);
      expect((b.x1 - b.x0) / (a.x1 - a.x0)).toBeCloseTo(6.5 / 8.7, 9);
      expect((c.x1 - c.x0) / (a.x1 - a.x0)).toBeCloseTo(1 / 8.7, 9);
      let previousBottom = -Infinity;
      for (const r of L.rows) {
        expect(r.labelY).toBeGreaterThanOrEqual(previousBottom);
        expect(r.labelY + r.lines.length * LINE_HEIGHT).toBeLessThanOrEqual(r.y);
        const left = r.value.anchor === 'start' ? r.value.x : r.value.x - r.value.width;
        expect(left).toBeGreaterThanOrEqual(0);
        expect(left + r.value.width).toBeLessThanOrEqual(width);
        // The value is beyond the whisker, not on it.
        if (r.whisker) expect(r.rises ? left >= r.whisker.x1 : left + r.value.width <= r.whisker.x0).toBe(true);
        previousBottom = r.y + 16;
      }
      expect(L.axisY).toBeGreaterThanOrEqual(previousBottom);
    });
  }

  it('writes each range in the page\'s language and keeps sensitivity\'s rows for the CSV', () => {
    const row = (rank: number, parameter: string) => ({ base: 'full-cycle', rank, parameter, method: 'morris' as const, n: 10, mu: -1, mu_star: 1, mu_star_low: 0.5, mu_star_high: 1.5, sigma: 1, first_order: null, first_order_low: null, first_order_high: null, total: null, total_low: null, total_high: null });
    const result: TornadoResult = { design: { id: 'A', name: 'Design A' }, output: 'jobs.effect', months: 36, runs: 140, rows: [row(1, 'businessStealingShare'), row(2, 'performance.marketExpansionPerMonth')], values: [] };
    const label = (k: string) => k;
    expect(tornadoChart(result, label, 'full-cycle', 'id').spec.bars.map((b) => b.range)).toEqual(['0,5–0,9', '0,05–0,125']);
    const en = tornadoChart(result, label, 'full-cycle', 'en').spec;
    expect(en.bars.map((b) => b.range)).toEqual(['0.5–0.9', '0.05–0.125']);
    expect(en.rows[0]).toEqual({ output: 'jobs.effect', ...result.rows[0] });
  });

  it("exports sensitivity's CSV columns", () => {
    expect(tornadoCsv(spec)).toBe('output,base,rank,parameter,mu_star,sigma\njobs.effect,full-cycle,1,a,8.7,\n');
  });
});
