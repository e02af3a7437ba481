// The fuzzer's oracle: what must hold for every generated file, whatever it holds.
//
// A scenario file given to `pendamping run FILE --format json` (in-process, through `main`) ends either
//   - exit 0 with JSON whose books balance (maxImbalance 0, no local account below 0), whose money and
//     headline figures are finite numbers, and whose size is bounded; or
//   - exit 2 with a message naming the file and, for each problem, a field (`  - <path>: found …; expected …`),
//     or the line and column of a JSON syntax error, or what is wrong with the file as a whole.
// Anything else fails the case: another exit code (1: an unexpected error; 4: books that stopped
// balancing), a stack trace on stderr, a case slower than 10 s, or the process above the memory bound.
// A scenario that is valid but too large to run in a fuzzing budget is only loaded (`loadScenarioFile`,
// everything `run` does before simulating, the memory check included).
//
// An experiment file is planned with `loadBatchPlan` (what `pendamping batch` validates before any run):
// a plan, or an input error (exit 2 class) whose message names the file and a field; a few are run for
// real through `main(['batch', …])`, which must exit 0, 2, or 4 only for runs stopped by a targeting
// expression (named in the message).
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadBatchPlan, type BatchPlan } from '../../cli/batch/plan.js';
import { isInputError } from '../../cli/errors.js';
import { memoryIo } from '../../cli/io.js';
import { loadScenarioFile } from '../../cli/loadScenario.js';
import { main } from '../../cli/program.js';
import { factorialLevels, parseExperiment, type Experiment, type Scenario } from '../../sim/index.js';
import { parseJsonFileText } from '../../cli/readJsonFile.js';
import { writeSpec, type FileSpec } from './documents.js';

/** The longest a case may take. */
export const CASE_TIME_LIMIT_MS = 10_000;
/** The most resident memory the fuzzing process may reach. */
export const RSS_LIMIT_BYTES = 3 * 1024 ** 3;
/** The longest `run --format json` output accepted (a run of at most 120 months writes well under 1 MB). */
export const OUTPUT_LIMIT_CHARS = 8_000_000;
/**
 * Business-months × households above which a valid scenario is only loaded, not run (about 0.4 s of
 * simulation): the fuzzer spends its time on many small documents, not on one large economy.
 */
export const RUN_BUDGET = 40_000;

export type Outcome = 'exit 0' | 'exit 2' | 'accepted, not run';

export interface CaseResult {
  outcome: Outcome;
  ms: number;
  /** The error message of an exit 2. */
  message?: string;
}

/** A broken promise: the message says which and shows what was seen. */
export class FuzzFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FuzzFailure';
  }
}

const fail = (why: string, details: Record<string, unknown> = {}): never => {
  const shown = Object.entries(details).map(([k, v]) => `\n  ${k}: ${typeof v === 'string' ? v.slice(0, 2000) : JSON.stringify(v)?.slice(0, 2000)}`).join('');
  throw new FuzzFailure(why + shown);
};

const STACK_TRACE = /\n\s+at /;

/** Cost of running a scenario, in the unit of RUN_BUDGET. */
export const runCost = (s: Scenario): number => s.economy.businesses * s.months * (1 + s.economy.householdsPerBusiness / 2);

function checkBounds(started: number): number {
  const ms = performance.now() - started;
  if (ms > CASE_TIME_LIMIT_MS) fail(`the case took ${(ms / 1000).toFixed(1)} s (limit ${CASE_TIME_LIMIT_MS / 1000} s)`);
  const rss = process.memoryUsage().rss;
  if (rss > RSS_LIMIT_BYTES) fail(`the process holds ${(rss / 1024 ** 3).toFixed(2)} GiB (limit ${RSS_LIMIT_BYTES / 1024 ** 3} GiB)`);
  return ms;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One problem line of a ScenarioError: a field path (or the top level), the value found, what was expected. */
const PROBLEM_LINE = /^ {2}- (\(top level\)|[^\s:][^\n]*?): found [^\n]*; expected [^\n]+$/;

/**
 * Whether `message` is an input error that names `file` and says where: a problem list naming fields,
 * a JSON syntax error with line and column, or a whole-file problem (missing, empty, UTF-16, nested too deep).
 */
export function namesField(message: string, file: string): boolean {
  const f = escape(file);
  const reasons =
    `(no such file|empty file \\(expected a JSON [a-z ]+ object\\)|the file is not UTF-8 \\(it looks like UTF-16\\); save it as UTF-8 and try again|` +
    `nested (more than 64 levels|too deeply to read)[^\\n]*|is a folder, not [^\\n]+|cannot read \\([^\\n]*\\)|permission denied)`;
  if (new RegExp(`^${f}: ${reasons}$`).test(message)) return true;
  // A base scenario that cannot be read, named by the experiment's field: `x.json: base[1] "b.json": <path>: no such file`.
  if (new RegExp(`^${f}: base(\\[\\d+\\])? "(?:[^"\\\\\\n]|\\\\.)*": [^\\n]+: ${reasons}$`).test(message)) return true;
  // A syntax error: line and column, the parser's words, then a code frame.
  if (new RegExp(`^${f}: invalid JSON at line \\d+, column \\d+: `).test(message)) return true;
  const [head, ...lines] = message.split('\n');
  if (!new RegExp(`^${f}(: design point \\d+ \\([^\\n]*\\))?: invalid (scenario|experiment)$`).test(head)) return false;
  return lines.length > 0 && lines.every((l) => PROBLEM_LINE.test(l));
}

/** The figures of `run --format json` that must be numbers whenever a run finished. */
function checkRunJson(out: string): void {
  if (out.length > OUTPUT_LIMIT_CHARS) fail(`the output is ${out.length} characters (limit ${OUTPUT_LIMIT_CHARS})`);
  let result: {
    months: number;
    program: Record<string, unknown>;
    summary: Record<string, { program?: unknown; counterfactual?: unknown; effect?: unknown } | unknown>;
    accounting: { maxImbalance: unknown; negativeBalances: unknown; injections: unknown; leakages: unknown; transactionFlowMatrix: Record<string, Record<string, unknown>> };
    series: Record<'program' | 'counterfactual', Record<string, Record<string, unknown[]>>>;
  };
  try {
    result = JSON.parse(out);
  } catch (e) {
    return fail('exit 0 but the output is not JSON', { error: (e as Error).message, out: out.slice(0, 500) });
  }
  const isNumber = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
  const a = result.accounting;
  if (a.maxImbalance !== 0) fail('exit 0 but the books do not balance', { maxImbalance: a.maxImbalance });
  if (a.negativeBalances !== 0) fail('exit 0 but local accounts went below zero', { negativeBalances: a.negativeBalances });
  if (!isNumber(a.injections) || !isNumber(a.leakages)) fail('exit 0 but injections or leakages are not numbers', { injections: a.injections, leakages: a.leakages });
  for (const [kind, sectors] of Object.entries(a.transactionFlowMatrix)) {
    for (const [sector, amount] of Object.entries(sectors)) {
      if (!isNumber(amount)) fail('exit 0 but a flow of the transaction-flow matrix is not a number', { flow: `${kind}.${sector}`, amount });
    }
  }
  for (const k of ['participants', 'spent', 'spentLocally', 'injectedLocally']) {
    if (!isNumber(result.program[k])) fail(`exit 0 but program.${k} is not a number`, { value: result.program[k] });
  }
  const s = result.summary as Record<string, Record<string, unknown>>;
  const participants = result.program.participants as number;
  // Economy-wide figures always exist; per-participant ones are undefined (null) without participants.
  for (const key of ['jobs', 'localGdp', 'turnover']) {
    for (const arm of ['program', 'counterfactual', 'effect']) {
      const v = s[key]?.[arm];
      if (!isNumber(v) && !(key === 'turnover' && participants === 0 && v === null)) fail(`exit 0 but summary.${key}.${arm} is not a number`, { value: v, participants });
    }
  }
  for (const k of ['localGdpGained', 'programCost', 'directJobs', 'inducedJobs']) {
    if (!isNumber(s[k])) fail(`exit 0 but summary.${k} is not a number`, { value: s[k] });
  }
  for (const arm of ['program', 'counterfactual'] as const) {
    for (const metric of ['localGdp', 'totalJobs', 'localMoney']) {
      const series = result.series[arm]?.economy?.[metric];
      if (!Array.isArray(series) || series.length !== result.months || !series.every(isNumber)) {
        fail(`exit 0 but series.${arm}.economy.${metric} is not ${result.months} numbers`, { series: series?.slice(0, 20) });
      }
    }
  }
}

/** Write the file, then hold the CLI to its promise. `dir` is a fresh folder of the caller's. */
export async function checkScenario(spec: FileSpec, dir: string): Promise<CaseResult> {
  const file = join(dir, 'scenario.json');
  writeSpec(file, spec);
  const started = performance.now();

  // What `run` does before simulating, to learn whether the file is valid and how large it is.
  let scenario: Scenario | undefined;
  try {
    scenario = await loadScenarioFile(file);
  } catch (e) {
    if (!isInputError(e)) fail('loading the file threw an error that is not an input error (the CLI exits 1)', { error: (e as Error).stack });
  }
  if (scenario && runCost(scenario) > RUN_BUDGET) return { outcome: 'accepted, not run', ms: checkBounds(started) };

  const io = memoryIo();
  const code = await main(['run', file, '--format', 'json'], io);
  const ms = checkBounds(started);
  if (STACK_TRACE.test(io.err) || STACK_TRACE.test(io.out)) fail(`exit ${code} with a stack trace`, { stderr: io.err });
  if (code === 0) {
    checkRunJson(io.out);
    return { outcome: 'exit 0', ms };
  }
  if (code === 2) {
    if (!namesField(io.err.trimEnd(), file)) fail('exit 2 without a message naming the file and a field', { stderr: io.err });
    return { outcome: 'exit 2', ms, message: io.err };
  }
  return fail(`exit ${code} (expected 0 or 2)`, { stderr: io.err, stdout: io.out.slice(0, 300) });
}

/** An experiment file, its base scenarios beside it, and whether to run it for real. */
export interface ExperimentFiles {
  experiment: FileSpec;
  /** File name (relative to the experiment's folder) → content. */
  bases: Record<string, FileSpec>;
  runBatch: boolean;
}

/** The most runs a batch the fuzzer runs for real may have. */
export const MAX_BATCH_RUNS = 12;
/**
 * Design points above which a valid experiment is only parsed (parseExperiment), not planned: planning
 * validates every point's scenario, about 0.5 ms each, so 100,000 points (the most an experiment may
 * have) take about a minute (docs/reliability.md "Fuzzing").
 */
export const PLAN_BUDGET = 5_000;

/** Design points of a valid experiment, counted as parseExperiment counts them, without making them. */
export function designPointCount(e: Experiment): number {
  const d = e.design;
  const k = e.parameters.length;
  return d.type === 'factorial' ? e.parameters.reduce((a, q) => a * factorialLevels(q).length, e.base.length)
    : d.type === 'latinHypercube' ? d.samples * e.base.length
    : d.type === 'sobol' ? d.samples * (k + 2) * e.base.length
    : d.trajectories * (k + 1) * e.base.length;
}

export type ExperimentOutcome = 'planned' | 'parsed, not planned' | 'exit 2' | 'batch exit 0' | 'batch exit 2' | 'batch exit 4';

/** The files named by an input error: the experiment, or one of its base scenarios. */
function checkInputError(e: Error, files: readonly string[]): void {
  // Several problems at once (bases, design points) are one message per line group.
  const parts: string[] = [];
  for (const line of e.message.split('\n')) {
    if (/^ {2}- /.test(line) || (parts.length > 0 && !files.some((f) => line.startsWith(f)) && !/^… and \d+ more design points? with problems$/.test(line))) parts[parts.length - 1] += '\n' + line;
    else parts.push(line);
  }
  for (const part of parts) {
    if (/^… and \d+ more design points? with problems$/.test(part)) continue;
    if (!files.some((f) => namesField(part, f))) fail('an input error whose message does not name the file and a field', { message: e.message });
  }
}

export async function checkExperiment(spec: ExperimentFiles, dir: string): Promise<{ outcome: ExperimentOutcome; ms: number; message?: string }> {
  const file = join(dir, 'experiment.json');
  writeSpec(file, spec.experiment);
  for (const [name, content] of Object.entries(spec.bases)) writeSpec(join(dir, name), content);
  // loadBatchPlan names base scenarios relative to the working folder: those written, and whatever the
  // experiment names as its base (a missing file, a folder, /dev/null).
  const named = (() => {
    try {
      const base = (JSON.parse(spec.experiment.text) as { base?: unknown }).base;
      return (Array.isArray(base) ? base : [base]).filter((b): b is string => typeof b === 'string');
    } catch {
      return [];
    }
  })();
  const files = [file, ...[...Object.keys(spec.bases), ...named].map((name) => relative(process.cwd(), resolve(dir, name)) || resolve(dir, name))];

  const started = performance.now();
  // A large design is only parsed (see PLAN_BUDGET); parsing must still end in an experiment or an input error.
  let experiment: Experiment | undefined;
  try {
    experiment = parseExperiment(parseJsonFileText(readFileSync(file, 'utf8'), file, 'experiment'), file);
  } catch (e) {
    if (!isInputError(e)) fail('parsing the experiment threw an error that is not an input error (the CLI exits 1)', { error: (e as Error).stack });
  }
  if (experiment && designPointCount(experiment) > PLAN_BUDGET) return { outcome: 'parsed, not planned', ms: checkBounds(started) };

  let planned = false;
  let error: Error | undefined;
  let plan: BatchPlan | undefined;
  try {
    plan = await loadBatchPlan(file);
    planned = true;
  } catch (e) {
    if (!isInputError(e)) fail('planning the batch threw an error that is not an input error (the CLI exits 1)', { error: (e as Error).stack });
    error = e as Error;
  }
  let ms = checkBounds(started);
  if (error) checkInputError(error, files);
  // Only small batches run for real: a pool and its thread take a second to start.
  const small = plan !== undefined && plan.runs.length <= MAX_BATCH_RUNS &&
    plan.scenarios.reduce((a, s) => a + runCost(plan.experiment.months ? { ...s, months: plan.experiment.months } : s), 0) * plan.experiment.replicates <= RUN_BUDGET;
  if (!spec.runBatch || (planned && !small)) return { outcome: planned ? 'planned' : 'exit 2', ms, message: error?.message };

  const out = join(dir, 'out');
  if (existsSync(out)) rmSync(out, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const io = memoryIo();
  const code = await main(['batch', file, '--out', out, '--workers', '1'], io);
  ms = checkBounds(started);
  if (STACK_TRACE.test(io.err)) fail(`batch exit ${code} with a stack trace`, { stderr: io.err });
  if (code === 0 && planned) {
    if (!existsSync(join(out, 'results.csv')) || !existsSync(join(out, 'summary.csv'))) fail('batch exit 0 without results.csv and summary.csv');
    return { outcome: 'batch exit 0', ms };
  }
  if (code === 2 && !planned) {
    checkInputError(new Error(io.err.trimEnd()), files);
    return { outcome: 'batch exit 2', ms, message: io.err };
  }
  // Runs stopped by a targeting expression that fails for a real business (the others complete).
  if (code === 4 && planned && /\(first: run \d+: program\.targeting\.expression "/.test(io.err)) return { outcome: 'batch exit 4', ms, message: io.err };
  return fail(`batch exit ${code} after ${planned ? 'a plan' : 'an input error'}`, { stderr: io.err, stdout: io.out, planError: error?.message });
}
