// The web app's cost-effectiveness plane and acceptability curve (ui/runner/costEffectiveness.ts) from
// hand-made run digests: the frontier statuses, incremental ratios and curve values are those of
// sim/stats/costEffectiveness.ts on the same numbers; the no-program baseline is not a design.
import { describe, expect, it } from 'vitest';
import { CEA_EFFECTS, DO_NOTHING, acceptabilityCurve, efficiencyFrontier } from '../../sim/stats/costEffectiveness.js';
import { costEffectivenessCharts, curveValues } from '../../ui/runner/costEffectiveness.js';
import { aggregate, type DesignRuns } from '../../ui/runner/aggregate.js';
import type { RunDigest } from '../../ui/runner/protocol.js';
import { assignColours } from '../../ui/charts/palette.js';
import { planeCsv } from '../../ui/charts/csv.js';
import { layoutPlaneChart } from '../../ui/charts/planeLayout.js';
import { planeChartTable } from '../../ui/charts/planeChart.js';
import { chartLabels } from '../../ui/charts/labels.js';
import { effectsCsv } from '../../ui/charts/csv.js';
import { CHARTED_SERIES } from '../../ui/runner/metrics.js';

const M = 1e6;
/** Per design: cost and jobs per replicate (rupiah, workers); local GDP gained = 1.5 × cost + 2 juta × jobs. */
const DESIGNS: Record<string, { cost: number[]; jobs: number[] }> = {
  A: { cost: [100, 100, 100, 100].map((x) => x * M), jobs: [10, 12, 8, 10] },
  B: { cost: [300, 310, 290, 300].map((x) => x * M), jobs: [14, 16, 15, 15] },
  C: { cost: [250, 250, 250, 250].map((x) => x * M), jobs: [9, 10, 9, 8] },
  E: { cost: [200, 200, 200, 200].map((x) => x * M), jobs: [11, 11, 11, 11] },
  baseline: { cost: [0, 0, 0, 0], jobs: [0, 0, 0, 0] },
};
const gdp = (cost: number, jobs: number) => 1.5 * cost + 2 * M * jobs;

function designRuns(id: string): DesignRuns {
  const d = DESIGNS[id];
  const runs = d.cost.map(
    (cost, r) =>
      ({
        scenario: id,
        seed: 1 + r,
        months: 12,
        participants: 10,
        summary: { programCost: cost, jobs: { effect: d.jobs[r] }, localGdpGained: id === 'baseline' ? 0 : gdp(cost, d.jobs[r]), localGdpPerRupiah: null, costPerJob: null, spendingMultiplier: { program: 1 }, lm3: { program: 1 } },
        series: Object.fromEntries(CHARTED_SERIES.map((m) => [`${m.group}.${m.metric}`, { program: [0], counterfactual: [0] }])),
      }) as unknown as RunDigest,
  );
  return { id, name: id === 'baseline' ? 'No program' : `Design ${id}`, scenario: id, runs };
}

const designs = ['A', 'B', 'C', 'E', 'baseline'].map(designRuns);
const label = (k: string, p?: Record<string, string | number>) => (p ? `${k}(${Object.values(p).join(',')})` : k);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('cost-effectiveness charts of the web app', () => {
  const ce = costEffectivenessCharts(designs, label);
  const pinned = ['A', 'B', 'C', 'E'];

  it('the plane: every design but the baseline, statuses and incremental ratios as efficiencyFrontier gives them', () => {
    const plane = ce.planes.find((p) => p.id === 'plane-jobs')!;
    expect(plane.designs.map((d) => d.id)).toEqual(pinned);
    const expected = efficiencyFrontier(pinned.map((id) => ({ id, cost: mean(DESIGNS[id].cost), effect: mean(DESIGNS[id].jobs) })));
    expect(plane.designs.map((d) => d.status)).toEqual(expected.map((e) => e.status));
    // By hand: A and B on the frontier, C dominated by A, E extendedly dominated (A→E 100 juta/job, E→B 25 juta/job).
    expect(plane.designs.map((d) => d.status)).toEqual(['frontier', 'frontier', 'dominated', 'extendedDominated']);
    expect(plane.designs[0].icer).toBe(expected[0].icer);
    expect(plane.designs[0].icer).toBeCloseTo(10 * M, 6);
    expect(plane.designs[1].icer).toBe(expected[1].icer);
    expect(plane.designs[1].icer).toBeCloseTo(200 * M / 5, 6);
    expect(plane.designs[0].previous).toBe('ce.nothing');
    expect(plane.designs[1].previous).toBe('Design A');
    expect(plane.designs[2].statusText).toBe('ce.status.dominated(Design A)');
    expect(plane.designs[2].mark).toBe('ce.mark.dominated');
    expect(plane.frontier).toEqual(['A', 'B']);
    // Colours as the page hands them out; a dot per replicate.
    const colours = assignColours(designs.map((d) => ({ id: d.id })));
    expect(plane.designs.map((d) => d.colour)).toEqual(pinned.map((id) => colours.get(id)));
    const layout = layoutPlaneChart(plane, 640, 'en');
    expect(layout.dots).toHaveLength(4 * 4);
    expect(layout.means).toHaveLength(4);
    // No label box overlaps a mean marker, the origin, or another label.
    const boxes = [layout.origin.text, ...layout.means.map((m) => m.text)];
    const markers = [layout.origin, ...layout.means].map((m) => ({ x: m.x - 7, y: m.y - 7, width: 14, height: 14 }));
    const hit = (a: { x: number; y: number; width: number; height: number }, b: typeof a) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    boxes.forEach((b, i) => {
      for (const m of markers) expect(hit(b, m)).toBe(false);
      boxes.forEach((c, j) => j !== i && expect(hit(b, c)).toBe(false));
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(640);
    });
    // The table and the CSV say the same.
    const table = planeChartTable(plane, 'en', chartLabels('en'));
    expect(table.rows.map((r) => r[0].value)).toEqual(pinned.map((id) => `Design ${id}`));
    const csv = planeCsv(plane).trim().split('\n');
    expect(csv[0]).toBe('chart,design,seed,cost,effect,status,icer,previous,effectUnit');
    expect(csv[1]).toBe(`plane-jobs,Design A,,${100 * M},10,frontier,${expected[0].icer},ce.nothing,workers`);
    expect(csv).toHaveLength(1 + 4 + 16);
  });

  it('the plane of local GDP is read the same way', () => {
    const plane = ce.planes.find((p) => p.id === 'plane-gdp')!;
    const expected = efficiencyFrontier(pinned.map((id) => ({ id, cost: mean(DESIGNS[id].cost), effect: mean(DESIGNS[id].cost.map((c, r) => gdp(c, DESIGNS[id].jobs[r]))) })));
    expect(plane.designs.map((d) => d.status)).toEqual(expected.map((e) => e.status));
    expect(plane.designs.map((d) => d.icer)).toEqual(expected.map((e) => e.icer));
  });

  it('the curve: acceptabilityCurve over the replicates, at the CLI\'s values and a finer grid over the same range', () => {
    const curve = ce.curves.find((c) => c.id === 'curve-jobs')!;
    const values = curveValues('jobs');
    const grid = CEA_EFFECTS.find((e) => e.id === 'jobs')!.values;
    for (const v of grid) expect(values).toContain(v);
    expect(values[0]).toBe(0);
    expect(values.at(-1)).toBe(Math.max(...grid));
    const draws = [0, 1, 2, 3].map((r) => pinned.map((id) => ({ id, cost: DESIGNS[id].cost[r], effect: DESIGNS[id].jobs[r] })));
    const expected = acceptabilityCurve(draws, values);
    expect(curve.series.map((s) => s.id)).toEqual([...pinned, 'baseline']);
    expect(curve.series.at(-1)!.baseline).toBe(true);
    for (const s of curve.series) {
      expect(s.months).toEqual(values);
      expect(s.mean).toEqual(expected.map((p) => p.probability[s.id === 'baseline' ? DO_NOTHING : s.id]));
    }
    // At 0 rupiah per job doing nothing always wins; at 200 juta per job B (the most jobs) in every replicate.
    expect(curve.series.at(-1)!.mean[0]).toBe(1);
    expect(curve.series[1].mean.at(-1)).toBe(1);
    // The CSV names its x column.
    expect(effectsCsv(curve).split('\n')[0]).toBe('chart,design,comparison,valuePerJob,mean,low,high,unit');
  });

  it('the aggregate carries them, with the raw rows behind each chart', () => {
    const agg = aggregate(designs, { diffVsA: false, label });
    expect(agg.cea.planes.map((p) => p.id)).toEqual(['plane-jobs', 'plane-gdp']);
    expect(agg.cea.curves.map((p) => p.id)).toEqual(['curve-jobs', 'curve-gdp']);
    expect(agg.rows['plane-jobs']).toHaveLength(4 * 4 * 2);
    expect(agg.cea.results[0].designs.map((d) => d.design)).toEqual(pinned);
  });
});
