// `pendamping sensitivity <experiment.json>`: run (or finish) the experiment's batch, then rank its
// parameters for one output — Morris elementary effects (μ*, σ) or Sobol first-order and total indices,
// with bootstrap 95% CIs — as a table and OUT/sensitivity-<output>.csv.
import { COMMANDS } from '../commandCatalog.js';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { pointMeans, sensitivityIndices, summariseExperiment, type ResultRow, type SensitivityIndexRow } from '../../sim/index.js';
import type { Io } from '../io.js';
import { availableParallelism } from 'node:os';
import { integerParser, threadsFor } from '../options.js';
import { readResultRows } from '../batch/assemble.js';
import { RUNS } from '../batch/files.js';
import { loadBatchPlan, type BatchPlan } from '../batch/plan.js';
import { readRunStates } from '../batch/store.js';
import { toCsv } from '../format/csv.js';
import { NOT_AVAILABLE, reportNumber } from '../format/number.js';
import { renderTable, type Row } from '../format/table.js';
import { writeFileAtomic } from '../writeOutput.js';
import { MAX_WORKERS, batchCommand, defaultOutFolder } from './batch.js';

export interface SensitivityCommandOptions {
  output?: string;
  month?: number;
  workers?: number;
  out?: string;
  resume?: boolean;
  resamples?: number;
  io?: Io;
}

export interface SensitivityResult {
  output: string;
  design: 'morris' | 'sobol';
  rows: SensitivityIndexRow[];
  csvFile: string;
  table: string;
}

/** Every value the batch recorded, read back from OUT/runs. */
function recordedRows(plan: BatchPlan, out: string): ResultRow[] {
  const runsDir = join(out, RUNS);
  return readResultRows(runsDir, plan, readRunStates(runsDir));
}

const show = (x: number | null) => (x === null ? NOT_AVAILABLE : reportNumber(x, Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 1 ? 2 : 3));
const withCi = (x: number | null, low: number | null, high: number | null) => (x === null ? NOT_AVAILABLE : `${show(x)} [${show(low)}, ${show(high)}]`);

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
  return [
    `Sensitivity of ${output} (${morris ? 'Morris elementary effects, ranked by μ*: effect of moving a parameter across its whole range' : 'Sobol indices, ranked by the total index: share of the output\'s variance'}; bootstrap 95% CIs)`,
    '',
    renderTable(head.map((h, i) => ({ header: h, align: i < 3 ? ('left' as const) : ('right' as const) })), body),
  ].join('\n') + '\n';
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
  return { output, design, rows, csvFile, table: sensitivityTable(output, design, rows) };
}

export function registerSensitivity(program: Command, io: Io): void {
  program
    .command('sensitivity')
    .description(COMMANDS.sensitivity.description)
    .argument('<experiment.json>', 'experiment file with a "morris" or "sobol" design')
    .addOption(new Option('--output <metric>', 'the output to explain: one of the experiment\'s metrics (default: its first)'))
    .addOption(new Option('--month <n>', 'for a monthly series metric, the month (default: the last recorded)').argParser(integerParser(1, 600)))
    .addOption(new Option('--workers <n>', `worker threads, 1..${MAX_WORKERS}`).argParser(integerParser(1, MAX_WORKERS)))
    .addOption(new Option('--out <dir>', 'batch output folder (default: out/<experiment name>); the table is also written there as CSV'))
    .addOption(new Option('--resume', 'reuse the runs already in --out'))
    .addOption(new Option('--resamples <n>', 'bootstrap resamples for the CIs').argParser(integerParser(50, 100_000)))
    .addHelpText(
      'after',
      `
Runs the experiment's batch first (see pendamping batch --help; --resume reuses finished runs), then
computes the indices from each design point's mean over replicates. Writes OUT/sensitivity-<output>.csv.

Example:
  pendamping sensitivity scenarios/experiments/multiplier-sensitivity.json --output spendingMultiplier.program --workers 2`,
    )
    .action(async (file: string, opts: SensitivityCommandOptions) => {
      opts.workers = threadsFor('--workers', opts.workers, availableParallelism(), io.stderr);
      const r = await sensitivityCommand(file, { ...opts, io });
      io.stdout(r.table + `wrote ${r.csvFile}\n`);
    });
}
