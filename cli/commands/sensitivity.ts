// `pendamping sensitivity <experiment.json>`: run (or finish) the experiment's batch, then rank its
// parameters for one output — Morris elementary effects (μ*, σ) or Sobol first-order and total indices,
// with bootstrap 95% CIs — as a table (or JSON) and OUT/sensitivity-<output>.csv. Sobol indices too
// unstable to read (sobolStability) come with a warning, in the table and as `warning` in the JSON.
// `--assumptions <design.json>` first writes the experiment over the model's uncertain assumptions.
import { COMMANDS } from '../commandCatalog.js';
import { mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { pointMeans, summariseExperiment, type ResultRow } from '../../sim/experiment/summarise.js';
import {
  SOBOL_MAX_CI_WIDTH,
  SOBOL_RANGE_TOLERANCE,
  sensitivityIndices,
  sobolStability,
  type SensitivityIndexRow,
  type SobolIndexRef,
} from '../../sim/sensitivity/analyse.js';
import type { Io } from '../io.js';
import { availableParallelism } from 'node:os';
import { integerParser, threadsFor } from '../options.js';
import { readResultRows } from '../batch/assemble.js';
import { RUNS } from '../batch/files.js';
import { loadBatchPlan, type BatchPlan } from '../batch/plan.js';
import { readRunStates } from '../batch/store.js';
import { toCsv } from '../format/csv.js';
import { NOT_AVAILABLE, reportNumber } from '../format/number.js';
import { renderTable, wrapText, type Row } from '../format/table.js';
import { writeFileAtomic } from '../writeOutput.js';
import { explicitFieldsOf, loadScenarioFile } from '../loadScenario.js';
import { DEFAULT_ASSUMPTIONS_OUTPUT, assumptionsExperimentInput } from '../../sim/uncertainty/assumptionsExperiment.js';
import { defaultOutFolder } from '../batch/folder.js';
import { MAX_WORKERS, batchCommand } from './batch.js';

export interface SensitivityCommandOptions {
  output?: string;
  month?: number;
  workers?: number;
  out?: string;
  resume?: boolean;
  resamples?: number;
  format?: 'table' | 'json';
  io?: Io;
}

export interface SensitivityResult {
  output: string;
  design: 'morris' | 'sobol';
  rows: SensitivityIndexRow[];
  /** Why these Sobol indices are not stable enough to read (sobolWarning); null when they are, and for Morris. */
  warning: string | null;
  csvFile: string;
  table: string;
}

/** Width the table's notes are wrapped to. */
const NOTE_WIDTH = 100;

/** Every value the batch recorded, read back from OUT/runs. */
function recordedRows(plan: BatchPlan, out: string): ResultRow[] {
  const runsDir = join(out, RUNS);
  return readResultRows(runsDir, plan, readRunStates(runsDir));
}

const show = (x: number | null) => (x === null ? NOT_AVAILABLE : reportNumber(x, Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 1 ? 2 : 3));
const withCi = (x: number | null, low: number | null, high: number | null) => (x === null ? NOT_AVAILABLE : `${show(x)} [${show(low)}, ${show(high)}]`);

/**
 * Why Sobol indices are not stable enough to read, in one sentence or two (null when they are): the rows
 * behind them, the index furthest outside [0, 1], the widest 95% CI and the rows that would narrow it to
 * SOBOL_MAX_CI_WIDTH. The rule and its sources: sobolStability in sim/sensitivity/analyse.ts.
 */
export function sobolWarning(rows: readonly SensitivityIndexRow[]): string | null {
  const s = sobolStability(rows);
  if (s.stable) return null;
  const bases = new Set(rows.map((r) => r.base)).size;
  const name = (r: SobolIndexRef) => `the ${r.index === 'total' ? 'total' : 'first-order'} index of ${r.parameter}${bases > 1 ? ` (${r.base})` : ''}`;
  const parts: string[] = [];
  if (s.unknown.length > 0) {
    parts.push(`${s.unknown.length} ${s.unknown.length === 1 ? 'index' : 'indices'} could not be estimated (fewer than 2 complete rows, or an output that does not vary)`);
  }
  if (s.outside.length > 0) {
    const more = s.outside.length - 1;
    parts.push(`${name(s.outside[0])} is ${show(s.outside[0].value)}${more > 0 ? ` (and ${more} more ${more === 1 ? 'is' : 'are'})` : ''}, outside [0, 1], where a share of variance must lie`);
  }
  if (s.widest) {
    parts.push(`the widest 95% CI, of ${name(s.widest)}, spans ${show(s.widest.width)} (stable: at most ${SOBOL_MAX_CI_WIDTH})`);
  }
  let text = `these Sobol indices are not stable at N = ${s.rows} complete Saltelli rows: ${parts.join('; ')}.`;
  if (s.rowsNeeded !== null) {
    // Two significant digits: a guess from the bootstrap at this N, not a computation.
    text += ` CIs narrow about as 1/√N, so roughly N = ${reportNumber(Number(s.rowsNeeded.toPrecision(2)), 0)} would be needed: raise design.samples before reading a ranking from these numbers.`;
  }
  return text;
}

export function sensitivityTable(output: string, design: 'morris' | 'sobol', rows: readonly SensitivityIndexRow[]): string {
  const morris = design === 'morris';
  const body: Row[] = rows.map((r) =>
    morris
      ? [r.base, String(r.rank), r.parameter, withCi(r.mu_star, r.mu_star_low, r.mu_star_high), show(r.sigma), show(r.mu), String(r.n)]
      : [r.base, String(r.rank), r.parameter, withCi(r.first_order, r.first_order_low, r.first_order_high), withCi(r.total, r.total_low, r.total_high), String(r.n)],
  );
  const head = morris
    ? ['base', 'rank', 'parameter', 'μ* [95% CI]', 'σ', 'μ', 'effects']
    : ['base', 'rank', 'parameter', 'first order [95% CI]', 'total [95% CI]', 'rows'];
  const warning = morris ? null : sobolWarning(rows);
  return [
    `Sensitivity of ${output} (${morris ? 'Morris elementary effects, ranked by μ*: effect of moving a parameter across its whole range' : 'Sobol indices, ranked by the total index: share of the output\'s variance'}; bootstrap 95% CIs)`,
    '',
    renderTable(head.map((h, i) => ({ header: h, align: i < 3 ? ('left' as const) : ('right' as const) })), body),
    ...(warning ? [wrapText(`warning: ${warning}`, NOTE_WIDTH).join('\n') + '\n'] : []),
  ].join('\n') + '\n';
}

/** The JSON document of `sensitivity --format json`: the rows (as in the CSV) and the warning (null when none). */
export function sensitivityJson(r: SensitivityResult, month: number | undefined): string {
  const doc = { output: r.output, design: r.design, month: month ?? null, warning: r.warning, rows: r.rows, csvFile: r.csvFile };
  return JSON.stringify(doc, null, 2) + '\n';
}

export async function sensitivityCommand(file: string, options: SensitivityCommandOptions = {}): Promise<SensitivityResult> {
  const plan = await loadBatchPlan(file);
  const design = plan.experiment.design.type;
  if (design !== 'morris' && design !== 'sobol') {
    throw new Error(`${file}: sensitivity needs a "morris" or "sobol" design (design.type is "${design}")`);
  }
  const output = options.output ?? plan.experiment.metrics[0];
  if (!plan.experiment.metrics.includes(output)) {
    throw new Error(`--output ${output} is not recorded by ${file}; choose one of its metrics: ${plan.experiment.metrics.join(', ')}`);
  }
  const out = options.out ?? defaultOutFolder(file);
  const batch = await batchCommand(file, { workers: options.workers, out, resume: options.resume, io: options.io });
  if (batch.failures.length > 0) options.io?.stderr(`${batch.failures.length} runs failed; their design points count as missing in the estimators\n`);
  const summary = summariseExperiment(plan.experiment, plan.points, recordedRows(plan, out));
  const means = pointMeans(summary.points, plan.points, output, options.month);
  const rows = sensitivityIndices(plan.experiment, plan.points, means, { resamples: options.resamples });
  const csvFile = join(out, `sensitivity-${output.replace(/[^A-Za-z0-9._-]/g, '_')}.csv`);
  const columns = Object.keys(rows[0] ?? { base: '', rank: 0, parameter: '' }) as (keyof SensitivityIndexRow)[];
  await writeFileAtomic(csvFile, toCsv(['output', ...columns], rows.map((r) => [output, ...columns.map((c) => r[c])])));
  return { output, design, rows, warning: design === 'sobol' ? sobolWarning(rows) : null, csvFile, table: sensitivityTable(output, design, rows) };
}

export { DEFAULT_ASSUMPTIONS_OUTPUT };

/**
 * `sensitivity --assumptions <design.json>`: the experiment that ranks the uncertain assumptions
 * (sim/uncertainty/parameters.ts) for one design — sim/uncertainty/assumptionsExperiment.ts, the web app's
 * tornado chart's too — written to `file` as an ordinary experiment, which `batch` and `sensitivity` can run again.
 */
export async function writeAssumptionsExperiment(design: string, file: string, method: 'morris' | 'sobol', output: string): Promise<void> {
  const scenario = await loadScenarioFile(design);
  const experiment = assumptionsExperimentInput({ name: scenario.name, base: resolve(design), explicit: explicitFieldsOf(scenario), method, output, shown: design });
  await writeFileAtomic(file, JSON.stringify(experiment, null, 2) + '\n');
}

export function registerSensitivity(program: Command, io: Io): void {
  program
    .command('sensitivity')
    .description(COMMANDS.sensitivity.description)
    .argument('<file>', 'experiment file with a "morris" or "sobol" design; with --assumptions, a design (scenario) file')
    .addOption(new Option('--assumptions', 'rank the uncertain assumptions for the design <file> instead (docs/uncertainty.md): the experiment is written to OUT.experiment.json and run'))
    .addOption(new Option('--method <method>', 'with --assumptions: Morris (fast ranking) or Sobol (shares of variance)').choices(['morris', 'sobol']).default('morris'))
    .addOption(new Option('--output <metric>', 'the output to explain: one of the experiment\'s metrics (default: its first)'))
    .addOption(new Option('--month <n>', 'for a monthly series metric, the month (default: the last recorded)').argParser(integerParser(1, 600)))
    .addOption(new Option('--workers <n>', `worker threads, 1..${MAX_WORKERS}`).argParser(integerParser(1, MAX_WORKERS)))
    .addOption(new Option('--out <dir>', 'batch output folder (default: out/<experiment name>); the table is also written there as CSV'))
    .addOption(new Option('--resume', 'reuse the runs already in --out'))
    .addOption(new Option('--resamples <n>', 'bootstrap resamples for the CIs').argParser(integerParser(50, 100_000)))
    .addOption(new Option('--format <format>', 'output format: the table, or JSON { output, design, month, warning, rows, csvFile }').choices(['table', 'json']).default('table'))
    .addHelpText(
      'after',
      `
Runs the experiment's batch first (see pendamping batch --help; --resume reuses finished runs), then
computes the indices from each design point's mean over replicates. Writes OUT/sensitivity-<output>.csv.

Sobol indices come with a warning (below the table; "warning" in the JSON, null when none) when they are
not stable enough to read: an index further than ${SOBOL_RANGE_TOLERANCE} outside [0, 1], where a share of variance must
lie, or a 95% CI wider than ${SOBOL_MAX_CI_WIDTH}. It says roughly what N (design.samples) would do. See docs/reliability.md.

With --assumptions, <file> is a design: the command writes an experiment over the uncertain assumptions
(every one the design file does not set itself, each uniform over its documented range) to
OUT.experiment.json (OUT defaults to out/<design>-assumptions), runs it and ranks the assumptions for
--output (default ${DEFAULT_ASSUMPTIONS_OUTPUT}). Morris: 10 trajectories × 2 replicates; --method sobol: 128 samples.

Examples:
  pendamping sensitivity scenarios/experiments/multiplier-sensitivity.json --output spendingMultiplier.program --workers 2
  pendamping sensitivity --assumptions scenarios/full-cycle.json --output jobs.effect`,
    )
    .action(async (file: string, opts: SensitivityCommandOptions & { assumptions?: boolean; method: 'morris' | 'sobol' }) => {
      opts.workers = threadsFor('--workers', opts.workers, availableParallelism(), io.stderr);
      if (opts.assumptions) {
        // The experiment is written beside its output folder, so it can be read, edited and run again.
        const name = basename(file).replace(/\.json$/i, '');
        opts.out ??= join('out', `${name}-assumptions`);
        const experimentFile = `${opts.out.replace(/[\\/]+$/, '')}.experiment.json`;
        mkdirSync(resolve(experimentFile, '..'), { recursive: true });
        opts.output ??= DEFAULT_ASSUMPTIONS_OUTPUT;
        await writeAssumptionsExperiment(file, experimentFile, opts.method, opts.output);
        io.stderr(`wrote ${experimentFile}\n`);
        file = experimentFile;
      }
      const r = await sensitivityCommand(file, { ...opts, io });
      if (opts.format === 'json') {
        io.stdout(sensitivityJson(r, opts.month));
        io.stderr(`wrote ${r.csvFile}\n`);
      } else io.stdout(r.table + `wrote ${r.csvFile}\n`);
    });
}
