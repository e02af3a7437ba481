// fast-check generators of experiment files (scenarios/experiment.schema.json) with their base scenarios
// written beside them: valid-looking experiments over small bases (parameters from the scenario schema's
// fields, values inside their bounds, every design type), and corrupted ones (values, types and keys,
// parameter paths that are not fields, designs and replicates at and past their bounds, missing or broken
// base files, edits of the JSON text).
import fc from 'fast-check';
import { SERIES_METRICS, SUMMARY_METRICS } from '../../sim/index.js';
import { docPaths, getAt, Raw, setAt, toJsonText, type Doc, type DocPath, type FileSpec } from './documents.js';
import { inRange, scenarioCase, type ScenarioFamily, textEdit, applyTextEdit, validScalar, validScenarioDoc, wrongType, REGIONS } from './scenarioArbitraries.js';
import { TOP_LEAVES, type NumberNode, type ScalarNode } from './schemaLeaves.js';
import type { ExperimentFiles } from './check.js';

export type ExperimentFamily = 'experiment/valid' | 'experiment/values' | 'experiment/text' | 'experiment/base';

export interface ExperimentCase extends ExperimentFiles {
  family: ExperimentFamily;
}

const LEVERS = ['training', 'mentoring', 'forums', 'resourceAccess', 'cashTransfer'] as const;

/** A small base scenario that runs in milliseconds: a few dozen businesses for a few months. */
const tinyBase: fc.Arbitrary<Doc> = fc
  .record({
    months: fc.integer({ min: 1, max: 4 }),
    businesses: fc.integer({ min: 1, max: 40 }),
    region: fc.option(fc.constantFrom(...REGIONS), { nil: undefined }),
    budget: fc.integer({ min: 0, max: 200_000_000 }),
    maxParticipants: fc.integer({ min: 0, max: 40 }),
    levers: fc.subarray([...LEVERS]),
  })
  .map((g) => {
    let doc: Doc = { name: 'base', months: g.months, economy: { businesses: g.businesses }, program: { budgetRupiah: g.budget, maxParticipants: g.maxParticipants } };
    if (g.region) doc = setAt(doc, ['region'], g.region);
    for (const l of g.levers) doc = setAt(doc, ['program', l, 'enabled'], true);
    if (g.levers.includes('cashTransfer')) doc = setAt(doc, ['program', 'cashTransfer', 'schedule'], [{ month: 0, share: 1 }]);
    return doc;
  });

/** Bases: mostly tiny and valid; sometimes any valid-looking scenario shrunk to a few months. */
const baseDoc: fc.Arbitrary<Doc> = fc.oneof(
  { weight: 4, arbitrary: tinyBase },
  { weight: 1, arbitrary: validScenarioDoc.map((d) => setAt(setAt(d, ['months'], 3), ['economy', 'businesses'], 20)) },
);

/** Fields an experiment may vary (not `seed`, not free text), with the size fields capped so runs stay small. */
const VARIABLE = TOP_LEAVES.filter((n) => n.kind !== 'string' && n.path.join('.') !== 'seed');
const CAPS: Record<string, number> = { months: 4, 'economy.businesses': 40, 'program.maxParticipants': 40, 'program.cohorts': 3, 'program.cashTransfer.households': 40 };
const capped = (n: NumberNode) => inRange(n, CAPS[n.path.join('.')]);

type Design = 'factorial' | 'latinHypercube' | 'sobol' | 'morris';

/** One parameter spec for `node`: values, a range or (sampled designs) a distribution inside its bounds. */
function parameter(node: ScalarNode, design: Design): fc.Arbitrary<Record<string, Doc>> {
  const path = node.path.join('.');
  if (node.kind !== 'number') {
    const values = fc.uniqueArray(validScalar(node), { minLength: 1, maxLength: 3, comparator: 'SameValue' });
    return fc.oneof(values.map((v) => ({ path, values: v })), values.map((v) => ({ path, distribution: { type: 'discrete', values: v } })));
  }
  const integer = node.integer ? { integer: true } : {};
  const values = fc.uniqueArray(capped(node), { minLength: 1, maxLength: 3, comparator: 'SameValue' }).map((v) => ({ path, values: v, ...integer }));
  const range = fc.tuple(capped(node), capped(node), fc.integer({ min: 1, max: 2 })).map(([a, b, k]) => {
    const [from, to] = a <= b ? [a, b] : [b, a];
    const step = to > from ? (to - from) / k : 1;
    return { path, range: { from, to, step: step > 0 && Number.isFinite(step) ? step : 1 }, ...integer };
  });
  if (design === 'factorial') return fc.oneof(values, range);
  const ends = fc.tuple(capped(node), capped(node)).filter(([a, b]) => a !== b).map(([a, b]) => (a < b ? [a, b] : [b, a]));
  const uniform = ends.map(([low, high]) => ({ path, distribution: { type: 'uniform', low, high }, ...integer }));
  const loguniform = ends.filter(([low]) => low > 0).map(([low, high]) => ({ path, distribution: { type: 'loguniform', low, high }, ...integer }));
  const normal = ends.map(([low, high]) => ({ path, distribution: { type: 'normal', mean: (low + high) / 2, sd: (high - low) / 6 || 1e-9 }, ...integer }));
  return fc.oneof(values, range, uniform, loguniform, normal);
}

const designSpec = (d: Design): fc.Arbitrary<Record<string, Doc>> =>
  d === 'factorial' ? fc.constant({ type: 'factorial' })
  : d === 'latinHypercube' ? fc.integer({ min: 1, max: 4 }).map((samples) => ({ type: d, samples }))
  : d === 'sobol' ? fc.integer({ min: 2, max: 3 }).map((samples) => ({ type: d, samples }))
  : fc.record({ type: fc.constant(d), trajectories: fc.integer({ min: 2, max: 3 }), levels: fc.constantFrom(2, 4) }, { requiredKeys: ['type', 'trajectories'] });

const METRICS = [...SUMMARY_METRICS, ...SERIES_METRICS.filter((_, i) => i % 7 === 0)];

interface ValidExperiment {
  experiment: Record<string, Doc>;
  bases: Record<string, Doc>;
}

export const validExperiment: fc.Arbitrary<ValidExperiment> = fc
  .record({
    design: fc.constantFrom<Design>('factorial', 'factorial', 'latinHypercube', 'sobol', 'morris'),
    bases: fc.array(baseDoc, { minLength: 1, maxLength: 2 }),
    baseAsList: fc.boolean(),
    nodes: fc.uniqueArray(fc.constantFrom(...VARIABLE), { minLength: 0, maxLength: 3, selector: (n) => n.path.join('.') }),
    /** A sampled design with no parameter is refused; add one unless this is the case that checks it. */
    keepEmpty: fc.oneof({ weight: 1, arbitrary: fc.constant(true) }, { weight: 9, arbitrary: fc.constant(false) }),
    replicates: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
    metrics: fc.option(fc.uniqueArray(fc.constantFrom(...METRICS), { minLength: 1, maxLength: 4 }), { nil: undefined }),
    record: fc.option(fc.oneof(fc.constantFrom<Doc>('final', 'monthly'), fc.integer({ min: 1, max: 3 }).map((every) => ({ every }))), { nil: undefined }),
    seed: fc.option(fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 1000 }) }, { weight: 1, arbitrary: fc.constant(2 ** 32 - 1) }), { nil: undefined }),
    months: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    // No baseline mostly; a base name; or one that is neither a base nor a point (refused, naming baseline).
    baseline: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: fc.constant('base-0') }, { weight: 1, arbitrary: fc.constantFrom('base-1', 'nowhere') }),
  })
  .map((g) => (g.design !== 'factorial' && g.nodes.length === 0 && !g.keepEmpty ? { ...g, nodes: [VARIABLE.find((n) => n.path.join('.') === 'businessStealingShare')!] } : g))
  .chain((g) =>
    fc.tuple(designSpec(g.design), fc.tuple(...g.nodes.map((n) => parameter(n, g.design)))).map(([design, parameters]) => {
      const names = g.bases.map((_, i) => `base-${i}.json`);
      const experiment: Record<string, Doc> = {
        $schema: '../experiment.schema.json',
        name: 'fuzz',
        base: names.length === 1 && !g.baseAsList ? names[0] : names,
        parameters,
        design,
      };
      if (g.replicates !== undefined) experiment.replicates = g.replicates;
      if (g.metrics) experiment.metrics = g.metrics;
      if (g.record !== undefined) experiment.record = g.record;
      if (g.seed !== undefined) experiment.seed = g.seed;
      // A months parameter and an experiment horizon together are refused; keep them apart mostly.
      if (g.months !== undefined && !g.nodes.some((n) => n.path.join('.') === 'months')) experiment.months = g.months;
      if (g.baseline !== undefined) experiment.baseline = g.baseline;
      return { experiment, bases: Object.fromEntries(names.map((n, i) => [n, g.bases[i]])) };
    }),
  );

// ---------------------------------------------------------------------------------------------------
// Corrupted experiments

const badPath = fc.oneof(
  fc.constantFrom(...VARIABLE.map((n) => n.path.join('.'))).chain((p) =>
    fc.nat().map((i) => {
      const at = i % p.length;
      return p.slice(0, at) + p.slice(at + 1);
    }),
  ),
  fc.constantFrom(
    '__proto__', '__proto__.polluted', 'constructor.prototype.x', 'economy.__proto__', 'toString', 'economy', 'economy.sectors', 'economy.sectors.0.share',
    'economy.educationShares', 'shocks', 'seed', 'name', '$schema', '', '.', 'economy.', '.months', 'a..b', 'program.targeting', 'economy.businesses.x',
  ),
);

/** Values at and past the bounds of the experiment's own fields. */
const experimentBounds: fc.Arbitrary<[DocPath, Doc]> = fc.oneof(
  fc.constantFrom<Doc>(0, -1, 1.5, 10_000, 10_001, 1e308, new Raw('1e400'), new Raw('NaN')).map((v): [DocPath, Doc] => [['replicates'], v]),
  // Designs at their upper bounds: valid, and too many points to plan in a fuzzing budget (only parsed).
  fc.constantFrom<Doc>(
    { type: 'latinHypercube', samples: 100_000 }, { type: 'sobol', samples: 100_000 }, { type: 'morris', trajectories: 10_000, levels: 100 },
    { type: 'latinHypercube', samples: 10_000 },
  ).map((v): [DocPath, Doc] => [['design'], v]),
  fc.constantFrom<Doc>(-1, 2 ** 32 - 1, 2 ** 32, 0.5).map((v): [DocPath, Doc] => [['seed'], v]),
  fc.constantFrom<Doc>(0, 601, 1.5).map((v): [DocPath, Doc] => [['months'], v]),
  fc.constantFrom<Doc>(
    { type: 'latinHypercube', samples: 0 }, { type: 'latinHypercube', samples: 100_001 }, { type: 'sobol', samples: 1 }, { type: 'morris', trajectories: 1 },
    { type: 'morris', trajectories: 2, levels: 3 }, { type: 'morris', trajectories: 2, levels: 102 }, { type: 'factorial', samples: 3 }, { type: 'grid' }, { samples: 3 },
    { type: 'latinHypercube' }, { type: 'sobol', samples: 2.5 },
  ).map((v): [DocPath, Doc] => [['design'], v]),
  fc.constantFrom<Doc>('', [], ['missing.json'], 'missing.json', '.', 'experiment.json', '/dev/null', ['base-0.json', 'base-0.json'], ['base-0.json', 'sub/base-0.json'], '../', 'base-0.json\u0000')
    .map((v): [DocPath, Doc] => [['base'], v]),
  fc.constantFrom<Doc>([], ['profit.efect'], ['profit.effect', 'profit.effect'], ['program.participants'], ['program.everyone.turnover'], [''], [5]).map((v): [DocPath, Doc] => [['metrics'], v]),
  fc.constantFrom<Doc>('finale', { every: 0 }, { every: 601 }, { every: 1.5 }, { each: 2 }, 'Monthly').map((v): [DocPath, Doc] => [['record'], v]),
  fc.constantFrom<Doc>('', 'base-9', 5).map((v): [DocPath, Doc] => [['baseline'], v]),
);

/** A corruption of parameter `i`. */
const parameterCorruption = (i: number): fc.Arbitrary<[DocPath, Doc]> =>
  fc.oneof(
    badPath.map((p): [DocPath, Doc] => [['parameters', i, 'path'], p]),
    fc.constantFrom<Doc>(
      { from: 0, to: 1, step: 1e-6 }, { from: 0, to: 1, step: 1e-5 }, { from: 0, to: 1, step: 1.0000001e-6 },
      { from: 0, to: 1, step: 0 }, { from: 0, to: 1, step: -1 }, { from: 1, to: 0, step: 0.5 }, { from: 0, to: 1, step: 1e-300 }, { from: 0, to: 1e308, step: 1e-308 },
      { from: -1e308, to: 1e308, step: 1 }, { from: 0, to: 1 }, { from: 0, to: 1, step: 0.5, by: 1 },
    ).map((v): [DocPath, Doc] => [['parameters', i, 'range'], v]),
    fc.constantFrom<Doc>(
      { type: 'uniform', low: 1, high: 0 }, { type: 'uniform', low: 0, high: 0 }, { type: 'loguniform', low: 0, high: 1 }, { type: 'normal', mean: 0, sd: 0 },
      { type: 'normal', mean: 1e308, sd: 1e308 }, { type: 'discrete', values: [] }, { type: 'beta', a: 1 }, { type: 'uniform', low: -1e308, high: 1e308 },
    ).map((v): [DocPath, Doc] => [['parameters', i, 'distribution'], v]),
    fc.constantFrom<Doc>([], [null], [-1e308, 1e308], [1e-320], ['1'], [true, 'x', 1], [{}], [new Raw('NaN')]).map((v): [DocPath, Doc] => [['parameters', i, 'values'], v]),
    fc.constantFrom<Doc>('yes', 1, null).map((v): [DocPath, Doc] => [['parameters', i, 'integer'], v]),
  );

function corruptExperiment(e: ValidExperiment): fc.Arbitrary<ValidExperiment> {
  const paths = docPaths(e.experiment);
  const params = Array.isArray(e.experiment.parameters) ? e.experiment.parameters.length : 0;
  const change = fc.oneof(
    { weight: 3, arbitrary: experimentBounds },
    ...(params > 0 ? [{ weight: 3, arbitrary: fc.nat(params - 1).chain(parameterCorruption) }] : []),
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...paths), wrongType).map(([p, v]): [DocPath, Doc] => [p, v]) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('nmae', 'parameter', 'replicate', '__proto__', 'constructor', 'design.type'), wrongType).map(([k, v]): [DocPath, Doc] => [[k], v]) },
  );
  return fc.array(change, { minLength: 1, maxLength: 2 }).map((changes) => {
    const experiment = changes.reduce<Doc>((doc, [path, value]) => (getAt(doc, path.slice(0, -1)) === undefined && path.length > 1 ? doc : setAt(doc, path, value)), e.experiment) as Record<string, Doc>;
    // Checking a baseline label makes every design point; a design over the 100,000-point cap is refused
    // first, but one near it takes a while (docs/reliability.md, "Fuzzing"). Large designs go without one.
    if (hugeDesign(experiment) && 'baseline' in experiment) delete experiment.baseline;
    return { ...e, experiment };
  });
}

/** A design of tens of thousands of points or more: sampled at its bounds, or a range with a tiny step. */
function hugeDesign(e: Record<string, Doc>): boolean {
  const d = e.design as { samples?: unknown; trajectories?: unknown } | undefined;
  const big = (x: unknown) => typeof x === 'number' && x >= 10_000;
  const params = Array.isArray(e.parameters) ? e.parameters : [];
  return big(d?.samples) || big(d?.trajectories) || params.some((q) => {
    const step = (q as { range?: { step?: unknown } } | null)?.range?.step;
    return typeof step === 'number' && step < 1e-4;
  });
}

const indent = fc.constantFrom(0, 2);
const utf8 = (text: string): FileSpec => ({ text, encoding: 'utf8' });
const filesOf = (e: { experiment: Doc; bases: Record<string, Doc> }, n: number) =>
  Object.fromEntries(Object.entries(e.bases).map(([name, d]) => [name, utf8(toJsonText(d, n))]));

export const experimentCase = (family: ExperimentFamily, batchShare = 0.05): fc.Arbitrary<ExperimentCase> => {
  // fc.oneof keeps the weights; a uniform draw compared with the share would not (fast-check favours small numbers).
  const runBatch = batchShare <= 0 ? fc.constant(false) : fc.oneof({ weight: Math.round(batchShare * 1000), arbitrary: fc.constant(true) }, { weight: Math.round((1 - batchShare) * 1000), arbitrary: fc.constant(false) });
  switch (family) {
    case 'experiment/valid':
      return fc.tuple(validExperiment, indent, runBatch).map(([e, n, run]) => ({ family, experiment: utf8(toJsonText(e.experiment, n)), bases: filesOf(e, n), runBatch: run }));
    case 'experiment/values':
      return fc.tuple(validExperiment.chain(corruptExperiment), indent, runBatch).map(([e, n, run]) => ({ family, experiment: utf8(toJsonText(e.experiment, n)), bases: filesOf(e, n), runBatch: run }));
    case 'experiment/text':
      return fc.tuple(validExperiment, indent, fc.array(textEdit, { minLength: 1, maxLength: 2 }), runBatch).map(([e, n, edits, run]) => ({
        family, experiment: utf8(edits.reduce(applyTextEdit, toJsonText(e.experiment, n))), bases: filesOf(e, n), runBatch: run,
      }));
    case 'experiment/base':
      // The first base scenario is a corrupted file of any kind (values, text, encoding).
      return fc.tuple(validExperiment, indent, fc.constantFrom<ScenarioFamily>('scenario/values', 'scenario/text', 'scenario/encoding').chain(scenarioCase), runBatch).map(([e, n, broken, run]) => {
        const bases = filesOf(e, n);
        bases[Object.keys(bases)[0]] = broken.file;
        return { family, experiment: utf8(toJsonText(e.experiment, n)), bases, runBatch: run };
      });
  }
};
