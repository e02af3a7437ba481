// `pendamping compare <a.json> <b.json> ...`: replicates of several designs on common random numbers,
// with confidence intervals and paired differences against the first design; --per-replicate also
// writes every replicate's values.
import { COMMANDS } from '../commandCatalog.js';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { compareDesigns, type CompareResult } from '../compare/compareDesigns.js';
import { availableParallelism } from 'node:os';
import { expressionProblem } from '../errors.js';
import type { Io } from '../io.js';
import { TargetingExpressionError } from '../../sim/program/expressionError.js';
import { explicitFieldsOf, loadScenarioFiles } from '../loadScenario.js';
import { MAX_REPLICATES, MAX_SEED, formatOption, integerParser, monthsOption, outOption, threadsFor, type Format } from '../options.js';
import { compareReplicatesCsv, renderCompare } from '../reports/compareReport.js';
import { checkOutputPath, emit, isStdout } from '../writeOutput.js';

export const DEFAULT_REPLICATES = 10;
export const DEFAULT_SEED = 1;
/** Most worker threads --workers takes (as batch's). */
const MAX_WORKERS = 1024;

export interface CompareCommandOptions {
  replicates?: number;
  seed?: number;
  months?: number;
  format?: Format;
  /** Draws of the uncertain assumptions (0: none). */
  uncertainty?: number;
  /** Worker threads for the runs (default 1: on this thread); the result is the same with any number. */
  workers?: number;
  /** Called before each run of each design (0-based): a replicate, or a draw of the assumptions. */
  onProgress?: (design: number, replicate: number, designs: number, replicates: number, draw?: boolean) => void;
}

/** Validate every file first (all problems reported together), then run the replicates. */
export async function compareFiles(files: readonly string[], options: CompareCommandOptions = {}): Promise<CompareResult> {
  const replicates = options.replicates ?? DEFAULT_REPLICATES;
  const seed = options.seed ?? DEFAULT_SEED;
  if (seed + replicates - 1 > MAX_SEED) throw new Error(`--seed ${seed} with --replicates ${replicates} would need seeds above ${MAX_SEED}`);
  const scenarios = await loadScenarioFiles(files);
  try {
    const draws = options.uncertainty ?? 0;
    if (draws > 0 && seed + draws - 1 > MAX_SEED) throw new Error(`--seed ${seed} with --uncertainty ${draws} would need seeds above ${MAX_SEED}`);
    const designs = scenarios.map((scenario, i) => ({ name: scenario.name, file: files[i], scenario, explicit: explicitFieldsOf(scenario) }));
    const compareOptions = {
      replicates,
      seed,
      months: options.months,
      uncertainty: draws,
      onProgress: (d: number, r: number, draw?: boolean) => options.onProgress?.(d, r, files.length, draw ? draws : replicates, draw),
    };
    const workers = options.workers ?? 1;
    if (workers <= 1) return compareDesigns(designs, compareOptions);
    // The thread pool (piscina) loads only when threads are asked for.
    const { compareDesignsInWorkers } = await import('../compare/parallel.js');
    return await compareDesignsInWorkers(designs, compareOptions, workers);
  } catch (e) {
    // A targeting expression that fails for a business mid-run: the problem of the file that holds it.
    if (!(e instanceof TargetingExpressionError)) throw e;
    const i = scenarios.findIndex((s) => s.program.targeting.rule === 'expression' && s.program.targeting.expression === e.expression);
    throw expressionProblem(files[Math.max(0, i)], e);
  }
}

export async function compareCommand(files: readonly string[], options: CompareCommandOptions = {}): Promise<string> {
  return renderCompare(await compareFiles(files, options), options.format ?? 'table');
}

/** Two outputs that would land in the same place: both stdout, or the same file. */
function sameDestination(a: string | undefined, b: string | undefined): boolean {
  if (isStdout(a) || isStdout(b)) return isStdout(a) && isStdout(b);
  return resolve(a!) === resolve(b!);
}

export function registerCompare(program: Command, io: Io): void {
  program
    .command('compare')
    .description(COMMANDS.compare.description)
    .argument('<scenarios...>', 'scenario files, one column each; the first is the baseline for paired differences')
    .addOption(new Option('--replicates <n>', `replicates per design, 1..${MAX_REPLICATES}`).argParser(integerParser(1, MAX_REPLICATES)).default(DEFAULT_REPLICATES))
    .addOption(new Option('--seed <n>', `seed of the first replicate; replicate r uses seed + r (0..${MAX_SEED})`).argParser(integerParser(0, MAX_SEED)).default(DEFAULT_SEED))
    .addOption(monthsOption())
    .addOption(formatOption())
    .addOption(outOption())
    .addOption(new Option('--per-replicate <file>', "also write every replicate's values to FILE as CSV (below)"))
    .addOption(
      new Option('--uncertainty <n>', `also run n draws of the uncertain assumptions (0..${MAX_REPLICATES}): every quantity gets its range over them`)
        .argParser(integerParser(0, MAX_REPLICATES))
        .default(0),
    )
    .addOption(new Option('--workers <n>', `worker threads for the runs, 1..${MAX_WORKERS} (default: the processors here); the numbers are the same with any number`).argParser(integerParser(1, MAX_WORKERS)))
    .addHelpText(
      'after',
      `
Every design runs with the same seeds, so differences between designs are paired replicate by
replicate; each run also pairs the program with its counterfactual. Progress goes to stderr when it
is a terminal.

Formats: table (one column per design), json, csv (tidy, one row per design x comparison x quantity x
statistic: design,comparison,quantity,statistic,value,unit; comparison none, diffVsFirst,
costEffectiveness or overAssumptions); see docs/output.md.
--uncertainty N: N more runs per design, run r with seed + r and one draw of each uncertain assumption
(sim/uncertainty/parameters.ts; a field the file sets is never drawn), the same draw in every design.
Every quantity then also gets its range over the assumptions (2.5-97.5% of the draws), beside the
replicates' 95% confidence interval of the mean; the cost-effectiveness section reads the draws.
--per-replicate FILE: one row per design x quantity x replicate (design,quantity,replicate,seed,value,
unit), whatever --format is: the values behind every mean, to pair designs by seed yourself. FILE - is
stdout, when --out names a file.
What each quantity means (formula, unit, how to read it, what not to compare it with): docs/metrics.md.
Exit codes: 0 done, 1 bad flag or failure, 2 a bad scenario file (all of them are reported).

Example:
  pendamping compare scenarios/training-only.json scenarios/full-cycle.json --replicates 20
  pendamping compare scenarios/no-program.json scenarios/full-cycle.json --format csv \\
    --out summary.csv --per-replicate replicates.csv`,
    )
    .action(async (files: string[], opts: CompareCommandOptions & { out?: string; perReplicate?: string }) => {
      checkOutputPath(opts.out);
      const perReplicate = opts.perReplicate;
      if (perReplicate !== undefined) {
        checkOutputPath(perReplicate, '--per-replicate');
        if (sameDestination(perReplicate, opts.out)) {
          throw new Error(`--per-replicate and ${opts.out === undefined ? 'the output (no --out)' : '--out'} both go to ${isStdout(perReplicate) ? 'stdout' : perReplicate}; give them different files`);
        }
      }
      const onProgress = io.stderrIsTTY
        ? (d: number, r: number, designs: number, replicates: number, draw?: boolean) =>
            io.stderr(`\rdesign ${d + 1}/${designs} ${draw ? 'draw of the assumptions' : 'replicate'} ${r + 1}/${replicates}\x1b[K`)
        : undefined;
      let result: CompareResult;
      const workers = threadsFor('--workers', opts.workers, availableParallelism(), io.stderr) ?? availableParallelism();
      try {
        result = await compareFiles(files, { ...opts, workers, onProgress });
      } finally {
        if (onProgress) io.stderr('\r\x1b[K');
      }
      if (perReplicate !== undefined) await emit(io, compareReplicatesCsv(result), perReplicate);
      await emit(io, renderCompare(result, opts.format ?? 'table'), opts.out);
    });
}
