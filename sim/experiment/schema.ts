// The experiment file: base scenario(s), the parameters to vary and how, the design, replicates, what to
// record and the base seed. Validated like a scenario: every problem names its field path, the value found
// and what was expected (ScenarioError). Parameter paths are checked against the scenario schema, metric
// names against the real lists of summary quantities and series.
import * as z from 'zod';
import { closest, ScenarioError, zodProblems, type ScenarioProblem } from '../scenario/parse.js';
import { scenarioSchema } from '../scenario/schema.js';
import { designPoints, factorialLevels, MAX_DESIGN_POINTS, rangeCount } from './design.js';

/** The most runs one experiment may ask for (design points × replicates): far beyond what a batch on one machine finishes in a day; beyond it, memory for the plan alone runs out. */
export const MAX_RUNS = 1_000_000;
import { DEFAULT_METRICS, isKnownMetric, SERIES_METRICS, SUMMARY_METRICS } from './record.js';

/** Attach the unit and a one-line description; both flow into the exported JSON Schema. */
function p<T extends z.ZodType>(schema: T, unit: string, description: string): T {
  return schema.meta({ unit, description }) as T;
}

const OWN = "the parameter's unit";
const valueSchema = z.union([z.number(), z.string(), z.boolean()], { error: 'a number, text or true/false' });
const valuesSchema = z.array(valueSchema).min(1);

const rangeSchema = z.strictObject({
  from: p(z.number(), OWN, 'first value'),
  to: p(z.number(), OWN, 'last value (included when the steps land on it; values never go past it)'),
  step: p(z.number().positive(), OWN, 'distance between successive values (> 0)'),
});

const distributionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: p(z.literal('uniform'), 'kind', 'uniform on [low, high]'),
    low: p(z.number(), OWN, 'lowest value'),
    high: p(z.number(), OWN, 'highest value'),
  }),
  z.strictObject({
    type: p(z.literal('loguniform'), 'kind', 'log-uniform on [low, high] (its logarithm is uniform): for scale parameters'),
    low: p(z.number().positive(), OWN, 'lowest value (> 0)'),
    high: p(z.number().positive(), OWN, 'highest value (> 0)'),
  }),
  z.strictObject({
    type: p(z.literal('normal'), 'kind', 'normal (Gaussian); unbounded, so keep it well inside the field\'s valid range'),
    mean: p(z.number(), OWN, 'mean'),
    sd: p(z.number().positive(), OWN, 'standard deviation (> 0)'),
  }),
  z.strictObject({
    type: p(z.literal('discrete'), 'kind', 'each listed value equally likely'),
    values: p(valuesSchema, OWN, 'the values'),
  }),
]);

const parameterSchema = z.strictObject({
  path: p(z.string().min(1), 'scenario field path', 'dotted path of a scenario field, e.g. program.mentoring.visitsPerMonth'),
  values: p(valuesSchema.optional(), OWN, 'the values to try (factorial levels; for sampled designs: each equally likely)'),
  range: p(rangeSchema.optional(), OWN, 'values from..to by step (factorial levels; for sampled designs: uniform on [from, to])'),
  distribution: p(distributionSchema.optional(), OWN, 'where sampled designs (latinHypercube, sobol, morris) draw values from'),
  integer: p(z.boolean().default(false), 'on/off', 'round every value to a whole number (for fields that take whole numbers)'),
});

const designSchema = z
  .discriminatedUnion('type', [
    z.strictObject({
      type: p(z.literal('factorial'), 'kind', 'full factorial: every combination of every base and every parameter value'),
    }),
    z.strictObject({
      type: p(z.literal('latinHypercube'), 'kind', 'Latin hypercube sample: each parameter\'s range cut into `samples` equally likely strata, each used once'),
      samples: p(z.number().int().min(1).max(100_000), 'points per base', 'number of sampled points'),
    }),
    z.strictObject({
      type: p(z.literal('sobol'), 'kind', 'Saltelli (2010) sampling for Sobol first-order and total indices: samples × (parameters + 2) points per base'),
      samples: p(z.number().int().min(2).max(100_000), 'rows (N)', 'rows of the two sample matrices A and B'),
    }),
    z.strictObject({
      type: p(z.literal('morris'), 'kind', 'Morris (1991) elementary-effects trajectories: trajectories × (parameters + 1) points per base'),
      trajectories: p(z.number().int().min(2).max(10_000), 'trajectories', 'number of one-at-a-time trajectories (r)'),
      levels: p(
        z.number().int().min(2).max(100).refine((n) => n % 2 === 0, { error: 'an even number of levels (2, 4, 6, …)' }).default(4),
        'levels',
        'grid levels per parameter (even); each step moves one parameter by levels / (2 (levels − 1)) of its range',
      ),
    }),
  ])
  .default({ type: 'factorial' });

const recordSchema = z.union([z.enum(['final', 'monthly']), z.strictObject({ every: p(z.number().int().min(1).max(600), 'months', 'record every N months (and the horizon)') })], {
  error: '"final", "monthly" or {"every": N} with N a whole number of months >= 1',
});

export const experimentSchema = z.strictObject({
  $schema: z.string().optional(),
  name: p(z.string().min(1), 'text', 'short name of the experiment'),
  description: p(z.string().default(''), 'text', 'what the experiment asks'),
  base: p(
    z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)], { error: 'a scenario file path or a non-empty list of them' })
      .transform((b) => (Array.isArray(b) ? b : [b])),
    'scenario file path(s)',
    'base scenario file(s), relative to the experiment file; several bases make the base a factor of the design',
  ),
  parameters: p(z.array(parameterSchema).max(100).default([]), 'parameters', 'scenario fields to vary; each with exactly one of values, range or distribution'),
  design: p(designSchema, 'design', 'how design points are chosen (default: full factorial)'),
  replicates: p(z.number().int().min(1).max(10_000).default(5), 'replicates', 'runs per design point; replicate r runs with seed + r at every point (common random numbers)'),
  metrics: p(
    z.array(z.string().min(1)).min(1).default([...DEFAULT_METRICS]),
    'metric names',
    'summary quantities (e.g. profit.effect, jobs.effect, localGdpPerRupiah, spendingMultiplier.program, lm3.program) recorded at the horizon, or monthly series <arm>.<group>.<metric> (e.g. program.participants.turnover, counterfactual.economy.localGdp)',
  ),
  record: p(recordSchema.default('final'), 'when', 'months at which series metrics are recorded: "final", "monthly" or {"every": N}; summary metrics are recorded once, at the horizon'),
  seed: p(z.number().int().min(0).max(4_294_967_295).default(1), 'seed', 'base seed: replicate r runs with seed + r; sampled designs are drawn from it too'),
  months: p(z.number().int().min(1).max(600).optional(), 'months', 'horizon for every run (default: each base scenario\'s own)'),
  uncertainty: p(
    z.boolean().default(false),
    'on/off',
    "draw the model's uncertain assumptions (docs/uncertainty.md) once per replicate: replicate r of every design point gets the same draw, made with seed + r; a field the base file sets, or a parameter the experiment varies, is never drawn. summary.csv then adds range_low and range_high, the 2.5–97.5 percentile range over the replicates' draws",
  ),
  baseline: p(
    z.string().min(1).optional(),
    'design point label or base name',
    'what paired differences are taken against: a design point label (e.g. "mentoring-only | program.mentoring.visitsPerMonth=2"), or a base name (each point against the point with the same parameter values on that base); default: the first point of a factorial design, none for sampled designs',
  ),
});

/** An experiment after validation, with every default filled in and `base` always a list. */
export type Experiment = z.output<typeof experimentSchema>;
/** An experiment as written in a file. */
export type ExperimentInput = z.input<typeof experimentSchema>;
export type ParameterSpec = Experiment['parameters'][number];
export type DistributionSpec = NonNullable<ParameterSpec['distribution']>;
export type DesignSpec = Experiment['design'];
export type RecordSpec = Experiment['record'];

/** The name a base scenario file goes by: its file name without folder or `.json`. */
export function baseNameOf(file: string): string {
  const last = file.split(/[\\/]/).pop() ?? file;
  return last.replace(/\.json$/i, '');
}

/** What a scenario field is, for checking the values an experiment gives it. */
export type ScenarioField =
  | { kind: 'number'; min: number; max: number; integer: boolean }
  | { kind: 'enum'; options: string[] }
  | { kind: 'boolean' }
  | { kind: 'string' };

type Def = { type: string; innerType?: z.core.$ZodType; shape?: Record<string, z.core.$ZodType>; entries?: Record<string, string> };
const defOf = (t: z.core.$ZodType): Def => t._zod.def as unknown as Def;
function unwrap(t: z.core.$ZodType): z.core.$ZodType {
  let cur = t;
  for (let d = defOf(cur); (d.type === 'default' || d.type === 'prefault' || d.type === 'optional') && d.innerType; d = defOf(cur)) cur = d.innerType;
  return cur;
}

/** The scenario field at a dotted path, or what is wrong with the path (in words). */
export function scenarioField(path: string): ScenarioField | { problem: string } {
  const parts = path.split('.');
  let node: z.core.$ZodType = scenarioSchema;
  for (let i = 0; i < parts.length; i++) {
    const def = defOf(unwrap(node));
    const at = parts.slice(0, i).join('.');
    if (def.type !== 'object' || !def.shape) {
      return { problem: `a leaf field of the scenario (${at} is a ${def.type === 'array' ? 'list' : 'value'}, not a group of fields)` };
    }
    const fields = Object.keys(def.shape).filter((k) => k !== '$schema');
    // Own fields only: `__proto__`, `constructor` and the like are not fields of the scenario.
    const child = Object.hasOwn(def.shape, parts[i]) ? def.shape[parts[i]] : undefined;
    if (!child || parts[i] === '$schema') {
      const near = closest(parts[i], fields);
      const where = at ? `${at}.` : '';
      return { problem: (near ? `"${where}${near}"? — ` : '') + `a scenario field path; ${at || 'the top level'} has the fields ${fields.join(', ')}` };
    }
    node = child;
  }
  const leaf = unwrap(node);
  const def = defOf(leaf);
  switch (def.type) {
    case 'number': {
      const n = leaf as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
      return { kind: 'number', min: n.minValue ?? -Infinity, max: n.maxValue ?? Infinity, integer: n.isInt };
    }
    case 'enum':
      return { kind: 'enum', options: Object.values(def.entries ?? {}) };
    case 'boolean':
      return { kind: 'boolean' };
    case 'string':
      return { kind: 'string' };
    case 'object':
      return { problem: `a leaf field, not the group ${path} (its fields: ${Object.keys(def.shape ?? {}).join(', ')})` };
    case 'array':
      return { problem: `a single number, choice or on/off field (lists such as ${path} cannot be varied)` };
    default:
      return { problem: 'a number, choice or on/off field of the scenario' };
  }
}

const describeField = (f: ScenarioField): string =>
  f.kind === 'number'
    ? `${f.integer ? 'a whole number' : 'a number'}${Number.isFinite(f.min) ? ` >= ${f.min}` : ''}${Number.isFinite(f.max) ? ` and <= ${f.max}` : ''}`
    : f.kind === 'enum'
      ? `one of ${f.options.map((o) => JSON.stringify(o)).join(', ')}`
      : f.kind === 'boolean'
        ? 'true or false'
        : 'text';

function fits(f: ScenarioField, v: unknown, round: boolean): boolean {
  switch (f.kind) {
    case 'number': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return false;
      const x = round ? Math.round(v) : v;
      return x >= f.min && x <= f.max && (!f.integer || Number.isInteger(x));
    }
    case 'enum':
      return typeof v === 'string' && f.options.includes(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'string':
      return typeof v === 'string';
  }
}

function parameterProblems(e: Experiment, i: number): ScenarioProblem[] {
  const q = e.parameters[i];
  const at = `parameters[${i}]`;
  const given = (['values', 'range', 'distribution'] as const).filter((k) => q[k] !== undefined);
  if (given.length !== 1) {
    return [{ path: at, value: given.length ? given : undefined, expected: 'exactly one of values, range or distribution' }];
  }
  const problems: ScenarioProblem[] = [];
  const earlier = e.parameters.findIndex((o) => o.path === q.path);
  if (earlier < i) problems.push({ path: `${at}.path`, value: q.path, expected: `a field not already varied by parameters[${earlier}]` });
  if (q.path === 'seed') problems.push({ path: `${at}.path`, value: q.path, expected: 'a model field (the run seed is the experiment\'s seed + replicate)' });
  if (q.path === 'months' && e.months !== undefined) problems.push({ path: `${at}.path`, value: q.path, expected: 'no months parameter when the experiment sets months (the horizon override wins)' });
  if (q.range && q.range.to < q.range.from) problems.push({ path: `${at}.range.to`, value: q.range.to, expected: `a number >= from (${q.range.from})` });
  // Counted as rangeValues counts (the inclusive end within float rounding): 0..1 by 0.00001 is 100,001
  // values, which passed a check of (to − from) / step and then failed while planning, exit 1.
  else if (q.range && !(rangeCount(q.range.from, q.range.to, q.range.step) <= MAX_DESIGN_POINTS)) {
    problems.push({ path: `${at}.range.step`, value: q.range.step, expected: `a step giving at most ${MAX_DESIGN_POINTS} values from ${q.range.from} to ${q.range.to}` });
  }
  const d = q.distribution;
  if (d && (d.type === 'uniform' || d.type === 'loguniform') && !(d.high > d.low)) {
    problems.push({ path: `${at}.distribution.high`, value: d.high, expected: `a number > low (${d.low})` });
  }
  if (e.design.type === 'factorial' && d && d.type !== 'discrete') {
    problems.push({ path: `${at}.distribution`, value: d.type, expected: 'values, a range or a discrete distribution (a factorial design needs a finite list of levels)' });
  }
  if (problems.length) return problems;

  const field = scenarioField(q.path);
  if ('problem' in field) return [{ path: `${at}.path`, value: q.path, expected: field.problem }];
  const list = q.values ?? (d?.type === 'discrete' ? d.values : undefined);
  if (list) {
    list.forEach((v, j) => {
      if (!fits(field, v, q.integer)) {
        problems.push({ path: `${at}.${q.values ? 'values' : 'distribution.values'}[${j}]`, value: v, expected: `${describeField(field)} (${q.path})` });
      }
    });
    return problems;
  }
  // A range or a continuous distribution: numbers only.
  const key = q.range ? 'range' : 'distribution';
  if (field.kind !== 'number') {
    return [{ path: `${at}.${key}`, value: q.range ?? d, expected: `a values list: ${q.path} is ${describeField(field)}` }];
  }
  if (q.range) {
    for (const end of ['from', 'to'] as const) {
      if (!fits(field, q.range[end], q.integer)) problems.push({ path: `${at}.range.${end}`, value: q.range[end], expected: `${describeField(field)} (${q.path})` });
    }
    if (field.integer && !q.integer && !(Number.isInteger(q.range.from) && Number.isInteger(q.range.step))) {
      problems.push({ path: `${at}.integer`, value: q.integer, expected: `true, or a whole-number from and step: ${q.path} takes whole numbers` });
    }
  } else if (d && d.type !== 'discrete') {
    if (d.type === 'uniform' || d.type === 'loguniform') {
      for (const end of ['low', 'high'] as const) {
        if (!fits(field, d[end], q.integer)) problems.push({ path: `${at}.distribution.${end}`, value: d[end], expected: `${describeField(field)} (${q.path})` });
      }
    } else if (!fits(field, d.mean, q.integer)) {
      problems.push({ path: `${at}.distribution.mean`, value: d.mean, expected: `${describeField(field)} (${q.path})` });
    }
    if (field.integer && !q.integer) problems.push({ path: `${at}.integer`, value: q.integer, expected: `true: ${q.path} takes whole numbers` });
  }
  return problems;
}

function crossFieldProblems(e: Experiment): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const names = e.base.map(baseNameOf);
  names.forEach((n, i) => {
    const j = names.indexOf(n);
    if (j < i) problems.push({ path: `base[${i}]`, value: e.base[i], expected: `a file whose name differs from base[${j}] (bases are told apart by file name)` });
  });
  e.parameters.forEach((_, i) => problems.push(...parameterProblems(e, i)));
  if (e.design.type !== 'factorial' && e.parameters.length === 0) {
    problems.push({ path: 'parameters', value: [], expected: `at least one parameter for a ${e.design.type} design` });
  }
  e.metrics.forEach((m, i) => {
    if (!isKnownMetric(m)) {
      const near = closest(m, [...SUMMARY_METRICS, ...SERIES_METRICS]);
      problems.push({
        path: `metrics[${i}]`,
        value: m,
        expected:
          (near ? `"${near}"? — ` : '') +
          'a summary quantity (e.g. profit.effect, jobs.effect, localGdpGained, localGdpPerRupiah, costPerJob, spendingMultiplier.program, lm3.program) or a series <arm>.<group>.<metric> (arm program|counterfactual; group participants|nonParticipants|initialNonParticipants|all|economy)',
      });
    } else if (e.metrics.indexOf(m) < i) {
      problems.push({ path: `metrics[${i}]`, value: m, expected: `a metric not already listed (metrics[${e.metrics.indexOf(m)}])` });
    }
  });
  if (problems.length > 0) return problems;

  if (e.design.type === 'factorial') {
    const count = e.parameters.reduce((a, q) => a * factorialLevels(q).length, e.base.length);
    if (count > MAX_DESIGN_POINTS) {
      return [{ path: 'parameters', value: `${count} design points`, expected: `at most ${MAX_DESIGN_POINTS} design points` }];
    }
  }
  // Runs are capped as design points are: points × replicates.
  const d = e.design;
  const k = e.parameters.length;
  const points =
    d.type === 'factorial' ? e.parameters.reduce((a, q) => a * factorialLevels(q).length, e.base.length)
    : d.type === 'latinHypercube' ? d.samples * e.base.length
    : d.type === 'sobol' ? d.samples * (k + 2) * e.base.length
    : d.trajectories * (k + 1) * e.base.length;
  if (points > MAX_DESIGN_POINTS) {
    const what = d.type === 'factorial' ? 'parameters' : d.type === 'morris' ? 'design.trajectories' : 'design.samples';
    const value = d.type === 'factorial' ? `${points} design points` : d.type === 'morris' ? d.trajectories : d.samples;
    return [{
      path: what, value,
      expected: `at most ${MAX_DESIGN_POINTS.toLocaleString('en')} design points in one experiment (each is validated and kept while the batch is planned, about 0.5 ms and 11 kB a point); this one has ${points.toLocaleString('en')}: fewer samples, levels or bases, or split it`,
    }];
  }
  const runs = points * e.replicates;
  if (runs > MAX_RUNS) {
    return [{
      path: 'replicates', value: e.replicates,
      expected: `at most ${MAX_RUNS.toLocaleString('en')} runs in one experiment (design points × replicates); this one has ${points.toLocaleString('en')} points × ${e.replicates} = ${runs.toLocaleString('en')} runs: fewer replicates or points, or split it`,
    }];
  }
  if (e.baseline !== undefined && !names.includes(e.baseline)) {
    const labels = designPoints(e, names).map((pt) => pt.label ?? '');
    if (!labels.includes(e.baseline)) {
      const near = closest(e.baseline, [...names, ...labels.slice(0, 1000)]);
      problems.push({
        path: 'baseline',
        value: e.baseline,
        expected: (near ? `"${near}"? — ` : '') + `a base name (${names.join(', ')}) or a design point label such as "${labels[0]}"`,
      });
    }
  }
  return problems;
}

/** Validate raw JSON as an experiment; throws ScenarioError (kind "experiment") naming every bad field. */
export function parseExperiment(input: unknown, source: string): Experiment {
  const result = experimentSchema.safeParse(input);
  if (!result.success) {
    throw new ScenarioError(source, zodProblems(result.error.issues, input, experimentSchema, 'scenarios/experiment.schema.json'), 'experiment');
  }
  const problems = crossFieldProblems(result.data);
  if (problems.length > 0) throw new ScenarioError(source, problems, 'experiment');
  return result.data;
}

/** The experiment schema as JSON Schema (draft 2020-12), for editors' autocompletion and validation. */
export function experimentJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(experimentSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://pendamping.invalid/experiment.schema.json',
    title: 'Pendamping experiment',
    description:
      'A batch experiment: base scenario(s), the scenario fields to vary (values, ranges or distributions), the design (factorial, Latin hypercube, Sobol/Saltelli, Morris), replicates, metrics and when to record them, and the base seed.',
  };
}
