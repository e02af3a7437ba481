// Which assumption matters, in the web app (issue 17 item 3): for one design and one output, the runs of
// `sensitivity --assumptions`'s Morris experiment (sim/uncertainty/assumptionsExperiment.ts: 10 trajectories
// × (assumptions + 1) points × 2 replicates, at most 140 runs) in the worker pool, ranked by the same
// functions from the runs' summaries, as the tornado chart's spec. The page stays responsive: the runs go
// through the pool like a comparison's (a lower priority), with progress, and can be aborted.
import { applyAssignments, type ScenarioInput, type SensitivityIndexRow } from '../../sim/index.js';
import { UNCERTAIN_PARAMETERS } from '../../sim/uncertainty/parameters.js';
import { assumptionsExperimentInput, assumptionsPlan, rankAssumptions } from '../../sim/uncertainty/assumptionsExperiment.js';
import type { Locale, TornadoChartSpec, TidyRow, ValueKind } from '../charts/types.js';
import { formatNumber } from '../format/format.js';
import type { Labeller } from './aggregate.js';
import type { WorkerPool } from './pool.js';

/** The outputs the tornado chart offers: extra jobs and local GDP gained (summary metrics). */
export const TORNADO_OUTPUTS = [
  { id: 'jobs.effect', kind: 'count' },
  { id: 'localGdpGained', kind: 'rupiah' },
] as const satisfies readonly { id: string; kind: ValueKind }[];
export type TornadoOutput = (typeof TORNADO_OUTPUTS)[number]['id'];

export interface TornadoDesign {
  id: string;
  name: string;
  /** The shipped scenario it starts from (the experiment's base name, as the CLI names a file's). */
  base: string;
  scenario: ScenarioInput;
  explicit: readonly string[];
}

export interface TornadoResult {
  design: { id: string; name: string };
  output: TornadoOutput;
  months: number;
  runs: number;
  rows: SensitivityIndexRow[];
  /** Every run's value of the output (the raw CSV). */
  values: { point: number; replicate: number; seed: number; value: number | null }[];
}

/** The runs the tornado needs for a design: 10 trajectories × (assumptions it does not set + 1) × 2 replicates. */
export function tornadoRunCount(explicit: readonly string[]): number {
  const k = UNCERTAIN_PARAMETERS.filter((p) => !explicit.includes(p.path)).length;
  return k === 0 ? 0 : 10 * (k + 1) * 2;
}

export async function tornadoInWorkers(
  pool: WorkerPool,
  design: TornadoDesign,
  options: { output: TornadoOutput; months: number; signal?: AbortSignal; priority?: number; onProgress?: (done: number, total: number) => void },
): Promise<TornadoResult> {
  const input = assumptionsExperimentInput({ name: design.base, base: `${design.base}.json`, explicit: new Set(design.explicit), method: 'morris', output: options.output });
  const plan = assumptionsPlan(input, design.base);
  let done = 0;
  const summaries = await Promise.all(
    plan.runs.map((run) =>
      pool
        .run(applyAssignments(design.scenario, run.point.assignments) as ScenarioInput, run.seed, options.months, { signal: options.signal, priority: options.priority })
        .then(({ digest }) => {
          options.onProgress?.(++done, plan.runs.length);
          return digest.summary;
        }),
    ),
  );
  const rows = rankAssumptions(plan, summaries, options.output, options.months);
  const values = plan.runs.map((run) => ({ point: run.point.index, replicate: run.replicate, seed: run.seed, value: rankValue(summaries[run.runId], options.output) }));
  return { design: { id: design.id, name: design.name }, output: options.output, months: options.months, runs: plan.runs.length, rows, values };
}

const rankValue = (s: { jobs: { effect: number }; localGdpGained: number }, output: TornadoOutput): number | null => {
  const v = output === 'jobs.effect' ? s.jobs.effect : s.localGdpGained;
  return Number.isFinite(v) ? v : null;
};

/** A number of an assumption's range in the page's language: up to three significant digits (0,125 in Indonesian). */
function short(x: number, locale: Locale): string {
  const text = String(Number(x.toPrecision(3)));
  return formatNumber(Number(text), text.split('.')[1]?.length ?? 0, locale);
}

/** The tornado chart's spec and raw rows for a result. */
export function tornadoChart(r: TornadoResult, label: Labeller, scenario: string, locale: Locale): { spec: TornadoChartSpec; rows: TidyRow[] } {
  const kind = TORNADO_OUTPUTS.find((o) => o.id === r.output)!.kind;
  const bars = r.rows.map((row) => {
    const p = UNCERTAIN_PARAMETERS.find((q) => q.path === row.parameter)!;
    return {
      parameter: row.parameter,
      label: label(`tornado.param.${row.parameter}`),
      range: `${short(p.low, locale)}–${short(p.high, locale)}`,
      rank: row.rank,
      muStar: row.mu_star,
      low: row.mu_star_low,
      high: row.mu_star_high,
      mu: row.mu,
      sigma: row.sigma,
      n: row.n,
    };
  });
  const spec: TornadoChartSpec = {
    id: 'tornado',
    title: label('tornado.title', { output: label(`tornado.output.${r.output}`), design: r.design.name }),
    xLabel: label(`tornado.axis.${r.output}`),
    kind,
    output: r.output,
    design: r.design.name,
    runs: r.runs,
    bars,
    // sensitivity's own CSV columns: the output, then each row's fields.
    rows: r.rows.map((row) => ({ output: r.output, ...row })),
    words: {
      rises: label('tornado.rises'),
      falls: label('tornado.falls'),
      assumption: label('tornado.col.assumption'),
      muStar: label('tornado.col.muStar'),
      interval: label('tornado.col.interval'),
      direction: label('tornado.col.direction'),
    },
  };
  const rows: TidyRow[] = r.values.map((v) => ({ design: r.design.name, scenario, seed: v.seed, month: '' as const, arm: 'summary', group: `designPoint ${v.point}`, metric: r.output, value: v.value }));
  return { spec, rows };
}
