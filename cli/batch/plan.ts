// Everything a batch will do, worked out and validated before any run starts: the experiment file, its
// base scenarios (paths relative to the experiment file), every design point's scenario (base JSON with
// the point's assignments, through parseScenario exactly as a scenario file would be), and the runs.
// A bad experiment field, a bad base scenario or a design point that gives an invalid scenario is an
// input error (exit 2) naming the file and the field; nothing has run by then.
import { readFile } from 'node:fs/promises';
import { basename, dirname, relative, resolve } from 'node:path';
import { applyAssignments } from '../../sim/experiment/apply.js';
import { baselinePoints } from '../../sim/experiment/summarise.js';
import { designPoints, runSpecs } from '../../sim/experiment/design.js';
import { baseNameOf, parseExperiment, type Experiment } from '../../sim/experiment/schema.js';
import type { DesignPoint, RunSpec } from '../../sim/experiment/types.js';
import { loadExpressionCompiler } from '../../sim/program/expressionCompiler.js';
import { parseScenario } from '../../sim/scenario/parse.js';
import { setPaths } from '../../sim/uncertainty/parameters.js';
import type { Scenario } from '../../sim/scenario/schema.js';
import { InputFileError, InputFilesError } from '../errors.js';
import { parseJsonFileText } from '../readJsonFile.js';
import { MAX_SEED } from '../options.js';
import { pendampingVersion } from '../version.js';
import type { Manifest } from './manifest.js';
import { sha256 } from './manifest.js';
import { RESULT_COLUMNS, pointSuffix } from './rows.js';

export interface BaseScenario {
  /** The name points refer to (file name without folder or .json). */
  name: string;
  /** As written in the experiment (relative to the experiment's folder). */
  file: string;
  path: string;
  sha256: string;
  raw: unknown;
}

export interface BatchPlan {
  file: string;
  sha256: string;
  experiment: Experiment;
  bases: BaseScenario[];
  points: DesignPoint[];
  /** Design point index → its validated scenario. */
  scenarios: Scenario[];
  /** Design point index → the CSV text after `value` in results.csv. */
  suffixes: string[];
  runs: RunSpec[];
  /** Varied parameter paths, in the experiment's order: the parameter columns of the CSVs. */
  parameters: string[];
  /** Design point index → the point its paired differences are taken against (null: none). */
  baselines: (number | null)[];
  /**
   * Design point index → the fields its base file sets and the parameters the experiment varies there:
   * with `experiment.uncertainty`, the assumptions drawn per replicate leave these alone.
   */
  explicit: string[][];
}

/** Most design-point problems listed before "… and N more". */
const MAX_POINT_PROBLEMS = 5;

async function readInput(file: string, what: string): Promise<{ text: string; bytes: Buffer }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? `is a folder, not ${what}` : `cannot read (${e.message})`;
    throw new InputFileError(file, `${file}: ${why}`);
  }
  return { text: bytes.toString('utf8'), bytes };
}

export async function loadBatchPlan(file: string): Promise<BatchPlan> {
  const { text, bytes } = await readInput(file, 'an experiment file');
  const experimentJson = parseJsonFileText(text, file, 'experiment');
  const experiment = parseExperiment(experimentJson, file);
  await loadExpressionCompiler(experimentJson);
  const lastSeed = experiment.seed + experiment.replicates - 1;
  if (lastSeed > MAX_SEED) {
    throw new InputFileError(file, `${file}: invalid experiment\n  - seed: found ${experiment.seed}; expected at most ${MAX_SEED - experiment.replicates + 1} with ${experiment.replicates} replicates (seeds run to seed + replicates - 1)`);
  }

  // Base scenarios: every one read and validated, all problems reported together.
  const dir = dirname(file);
  const settled = await Promise.allSettled(
    experiment.base.map(async (b, i): Promise<BaseScenario> => {
      const path = resolve(dir, b);
      const shown = relative(process.cwd(), path) || path;
      // A base that cannot be read is named by the experiment's field too (found by the fuzzer: a name
      // with a stray character gave only the resolved path).
      const input = await readInput(shown, 'a scenario file').catch((e: unknown) => {
        if (!(e instanceof InputFileError)) throw e;
        throw new InputFileError(file, `${file}: base${Array.isArray((experimentJson as { base?: unknown }).base) ? `[${i}]` : ''} ${JSON.stringify(b)}: ${e.message}`);
      });
      const raw = parseJsonFileText(input.text, shown, 'scenario');
      await loadExpressionCompiler(raw);
      parseScenario(raw, shown);
      return { name: baseNameOf(b), file: b, path: shown, sha256: sha256(input.bytes), raw };
    }),
  );
  const baseErrors = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as Error] : []));
  if (baseErrors.length > 0) throw baseErrors.length === 1 ? baseErrors[0] : new InputFilesError(baseErrors);
  const bases = settled.map((s) => (s as PromiseFulfilledResult<BaseScenario>).value);

  const points = designPoints(experiment, bases.map((b) => b.name));
  const byName = new Map(bases.map((b) => [b.name, b]));
  const scenarios: Scenario[] = [];
  const problems: Error[] = [];
  let more = 0;
  for (const point of points) {
    const base = byName.get(point.base)!;
    try {
      scenarios.push(parseScenario(applyAssignments(base.raw, point.assignments), `${file}: design point ${point.index} (${point.label ?? point.base})`));
    } catch (err) {
      if (problems.length < MAX_POINT_PROBLEMS) problems.push(err as Error);
      else more++;
    }
  }
  if (problems.length > 0) {
    if (more > 0) problems.push(new Error(`… and ${more} more design point${more === 1 ? '' : 's'} with problems`));
    throw problems.length === 1 ? problems[0] : new InputFilesError(problems);
  }

  const parameters = experiment.parameters.map((q) => q.path);
  return {
    file,
    sha256: sha256(bytes),
    experiment,
    bases,
    points,
    scenarios,
    suffixes: points.map((p) => pointSuffix(parameters, p.assignments, p.base)),
    runs: runSpecs(experiment, points),
    parameters,
    baselines: baselinePoints(experiment, points),
    explicit: points.map((p) => [...new Set([...setPaths(byName.get(p.base)!.raw), ...Object.keys(p.assignments)])].sort()),
  };
}

/** The manifest of a batch of this plan (the date is the caller's). */
export function planManifest(plan: BatchPlan, date: string): Manifest {
  const baselines = [...new Set(plan.baselines.filter((b): b is number => b !== null))];
  return {
    pendampingVersion: pendampingVersion(),
    date,
    experiment: { name: plan.experiment.name, file: basename(plan.file), sha256: plan.sha256 },
    baseScenarios: plan.bases.map((b) => ({ name: b.name, file: b.file, sha256: b.sha256 })),
    design: plan.experiment.design,
    parameters: plan.parameters,
    baseline: plan.experiment.baseline ?? null,
    baselinePoints: baselines,
    points: plan.points.length,
    replicates: plan.experiment.replicates,
    seeds: Array.from({ length: plan.experiment.replicates }, (_, r) => plan.experiment.seed + r),
    runs: plan.runs.length,
    months: plan.experiment.months ?? null,
    metrics: plan.experiment.metrics,
    record: plan.experiment.record,
    resultsColumns: [...RESULT_COLUMNS, ...plan.parameters, 'base'],
  };
}
