// The pinned designs' cost-effectiveness (issue 17 item 4), for the main chart: the plane (program cost
// against extra jobs or local GDP gained, every replicate a dot, each design's mean, the efficiency
// frontier) and the acceptability curve (share of replicates in which each option is the best buy at a
// value of one unit). The numbers are the CLI's compare's: sim/stats/costEffectiveness.ts costEffectiveness
// on the same per-replicate values (the runs' summaries, replicate r of every design one draw), the curve
// read at a finer grid over the CLI's range that holds the CLI's values. Pure: no workers, no DOM.
import { CEA_EFFECTS, DO_NOTHING, costEffectiveness, finiteOrNull, type CeaEffectId, type CeaResult } from '../../sim/index.js';
import { assignColours } from '../charts/palette.js';
import type { LineChartSpec, PlaneChartSpec, PlaneDesign, TidyRow } from '../charts/types.js';
import type { DesignRuns, Labeller } from './aggregate.js';

/** The main chart's cost-effectiveness choices: the plane and the curve, for each effect. */
export const CE_CHARTS = [
  { id: 'plane-jobs', kind: 'plane', effect: 'jobs' },
  { id: 'plane-gdp', kind: 'plane', effect: 'localGdp' },
  { id: 'curve-jobs', kind: 'curve', effect: 'jobs' },
  { id: 'curve-gdp', kind: 'curve', effect: 'localGdp' },
] as const satisfies readonly { id: string; kind: 'plane' | 'curve'; effect: CeaEffectId }[];

export type CeChartId = (typeof CE_CHARTS)[number]['id'];

/** Points per curve besides the CLI's own values. */
const CURVE_STEPS = 80;

/** The curve's values for an effect: the CLI's grid and CURVE_STEPS equal steps from 0 to its largest value. */
export function curveValues(effect: CeaEffectId): number[] {
  const grid = CEA_EFFECTS.find((e) => e.id === effect)!.values;
  const top = Math.max(...grid);
  const fine = Array.from({ length: CURVE_STEPS + 1 }, (_, k) => (top * k) / CURVE_STEPS);
  return [...new Set([...grid, ...fine])].sort((a, b) => a - b);
}

/**
 * The values the CLI reads for one design: programCost and the two effects, one per replicate (null where
 * undefined), over `replicates` (a preview may hold fewer of one design than another: the missing ones are
 * null, so they are in no draw).
 */
function designValues(d: DesignRuns, replicates: number): Record<string, (number | null)[]> {
  const each = (f: (r: DesignRuns['runs'][number]) => number) => Array.from({ length: replicates }, (_, i) => (i < d.runs.length ? finiteOrNull(f(d.runs[i])) : null));
  return {
    programCost: each((r) => r.summary.programCost),
    'jobs.effect': each((r) => r.summary.jobs.effect),
    localGdpGained: each((r) => r.summary.localGdpGained),
  };
}

export interface CostEffectivenessCharts {
  /** The shared computation's results, designs keyed by their ids (A, B, …), in CEA_EFFECTS order. */
  results: CeaResult[];
  planes: PlaneChartSpec[];
  curves: LineChartSpec[];
  /** Chart id → the replicate values behind it (the CLI's tidy columns plus the design). */
  rows: Record<string, TidyRow[]>;
}

/**
 * The plane and the curve of every effect. The no-program baseline (id "baseline") is no design here:
 * doing nothing is the origin; so is a design that costs nothing and changes nothing (as in the CLI).
 */
export function costEffectivenessCharts(designs: readonly DesignRuns[], label: Labeller, overAssumptions = false): CostEffectivenessCharts {
  // Each replicate a draw of the assumptions: the dots and the curve's shares are draws (as under `compare --uncertainty`).
  const per = overAssumptions ? '.draws' : '';
  // Colours as the page hands them out (every design of the comparison, the baseline black).
  const colours = assignColours(designs.map((d) => ({ id: d.id })));
  const pinned = designs.filter((d) => d.id !== 'baseline');
  const byId = new Map(pinned.map((d) => [d.id, d]));
  const results = costEffectiveness(
    pinned.map((d) => d.id),
    pinned.map((d) => designValues(d, Math.max(0, ...pinned.map((x) => x.runs.length)))),
    { values: { jobs: curveValues('jobs'), localGdp: curveValues('localGdp') } },
  );
  const nameOf = (id: string | null | undefined) => (id === null || id === undefined || id === DO_NOTHING ? label('ce.nothing') : byId.get(id)?.name ?? id);
  const planes: PlaneChartSpec[] = [];
  const curves: LineChartSpec[] = [];
  const rows: Record<string, TidyRow[]> = {};
  for (const r of results) {
    const chart = CE_CHARTS.find((c) => c.kind === 'plane' && c.effect === r.effect)!;
    const curveChart = CE_CHARTS.find((c) => c.kind === 'curve' && c.effect === r.effect)!;
    const jobs = r.effect === 'jobs';
    const quantity = jobs ? 'jobs.effect' : 'localGdpGained';
    const planeDesigns: PlaneDesign[] = r.designs.map((c) => {
      const d = byId.get(c.design)!;
      const statusText =
        c.status === 'dominated'
          ? label('ce.status.dominated', { by: nameOf(c.dominatedBy) })
          : c.status === 'frontier'
            ? label('ce.status.frontier')
            : label(`ce.status.${c.status}`);
      return {
        id: d.id,
        label: d.name,
        colour: colours.get(d.id) ?? '#000000',
        cost: c.cost,
        effect: c.effect,
        status: c.status,
        statusText,
        ...(c.status === 'frontier' || c.status === 'undefined' ? {} : { mark: label(`ce.mark.${c.status}`) }),
        ...(c.status === 'frontier' && c.icer !== undefined ? { icer: c.icer, previous: nameOf(c.previous) } : {}),
        replicates: d.runs.map((run) => ({
          seed: run.seed,
          cost: finiteOrNull(run.summary.programCost),
          effect: finiteOrNull(jobs ? run.summary.jobs.effect : run.summary.localGdpGained),
        })),
      };
    });
    const frontier = r.designs
      .filter((c) => c.status === 'frontier')
      .sort((a, b) => a.cost! - b.cost! || b.effect! - a.effect!)
      .map((c) => c.design);
    planes.push({
      id: chart.id,
      title: label(`ce.${chart.id}`),
      xLabel: label('ce.axis.cost'),
      yLabel: label(`ce.axis.${r.effect}`),
      effectKind: jobs ? 'count' : 'rupiah',
      effect: r.effect,
      designs: planeDesigns,
      frontier,
      words: {
        nothing: label('ce.nothing'),
        frontier: label('ce.frontier'),
        replicate: label(`ce.replicate${per}`),
        mean: label('ce.mean'),
        cost: label('ce.col.cost'),
        effect: label(`ce.col.${r.effect}`),
        status: label('ce.col.status'),
        icer: label(`ce.col.icer.${r.effect}`),
        icerOver: label(`ce.icer.${r.effect}`),
      },
    });
    const ids = r.acceptability.length ? Object.keys(r.acceptability[0].probability) : [];
    const xs = r.acceptability.map((p) => p.value);
    curves.push({
      id: curveChart.id,
      title: label(`ce.${curveChart.id}`),
      yLabel: label(`ce.curve.y${per}`),
      kind: 'share',
      x: { kind: jobs ? 'rupiah' : 'ratio', label: label(`ce.curve.x.${r.effect}`), csvColumn: jobs ? 'valuePerJob' : 'valuePerRupiahOfLocalGdp' },
      noBand: true,
      // Doing nothing last: the designs keep the page's colours (the curve sets them), it is drawn in black.
      series: [...ids.filter((id) => id !== DO_NOTHING), ...ids.filter((id) => id === DO_NOTHING)].map((id) => {
        const mean = r.acceptability.map((p) => p.probability[id]);
        return {
          id: id === DO_NOTHING ? 'baseline' : id,
          label: nameOf(id),
          ...(id === DO_NOTHING ? { baseline: true } : { colour: colours.get(id) }),
          months: xs,
          mean,
          low: mean,
          high: mean,
        };
      }),
    });
    const tidy: TidyRow[] = pinned.flatMap((d) =>
      d.runs.flatMap((run) =>
        (['programCost', quantity] as const).map((metric) => ({
          design: d.name,
          scenario: d.scenario,
          ...(d.region === undefined ? {} : { region: d.region }),
          seed: run.seed,
          month: '' as const,
          arm: 'summary',
          group: '',
          metric,
          value: finiteOrNull(metric === 'programCost' ? run.summary.programCost : jobs ? run.summary.jobs.effect : run.summary.localGdpGained),
        })),
      ),
    );
    rows[chart.id] = tidy;
    rows[curveChart.id] = tidy;
  }
  return { results, planes, curves, rows };
}
