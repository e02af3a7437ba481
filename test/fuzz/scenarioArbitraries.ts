// fast-check generators of scenario files: valid-looking documents (a random subset of the schema's
// fields set to values inside their bounds, bounds included) and corrupted ones (values outside the
// bounds or of the wrong type, unknown and missing keys, NaN and 1e400 written as text, deep nesting,
// __proto__ keys, edits of the JSON text, other encodings). Shared by test/fuzz/fuzz.test.ts and
// scripts/fuzz.ts.
import fc from 'fast-check';
import { EXPRESSION_VARIABLES } from '../../sim/index.js';
import { copyDoc, deleteAt, docPaths, getAt, Raw, setAt, toJsonText, type Doc, type DocPath, type Encoding, type FileSpec } from './documents.js';
import { SCENARIO_NODES, TOP_LEAVES, type NumberNode, type ScalarNode, type SchemaNode } from './schemaLeaves.js';

export const REGIONS = ['town', 'rural', 'periurban'] as const;

/** The schema node at a document path (list indexes read as `[]`), if the schema has one there. */
const NODE_BY_PATH = new Map(SCENARIO_NODES.map((n) => [n.path.join('.'), n]));
export const nodeAt = (path: DocPath): SchemaNode | undefined => NODE_BY_PATH.get(path.map((k) => (typeof k === 'number' ? '[]' : k)).join('.'));

// ---------------------------------------------------------------------------------------------------
// Values inside a field's bounds

/** The smallest values above an exclusive minimum that a file can hold. */
const justAbove = (x: number): number[] => (x === 0 ? [Number.MIN_VALUE, 1e-300, 1e-9] : [x + Math.abs(x) * Number.EPSILON]);

/** A number the field accepts: often a bound, else spread over its range (or over a plausible range when it has no maximum). */
export function inRange(n: NumberNode, cap?: number): fc.Arbitrary<number> {
  const lows = n.exclusiveMin ? (n.integer ? [n.min + 1] : justAbove(n.min)) : [n.min];
  const lo = lows[0];
  const max = cap !== undefined ? Math.min(cap, n.max) : n.max;
  const highs = Number.isFinite(max) ? [n.exclusiveMax ? max - Math.abs(max) * Number.EPSILON : max] : [];
  // Fields without a maximum (rates, gains, hours): mostly near their default, sometimes very large.
  const plausible = Number.isFinite(max) ? max : Math.max(10, 10 * Math.abs(n.default ?? 1));
  const wide = Number.isFinite(max) ? max : 1e9;
  const bounds = fc.constantFrom(...lows, ...highs);
  if (n.integer) {
    const int = (hi: number) => fc.double({ min: lo, max: Math.max(lo, hi), noNaN: true }).map((x) => Math.min(Math.max(Math.round(x), lo), Math.floor(hi)));
    return fc.oneof(
      { weight: 3, arbitrary: bounds },
      { weight: 6, arbitrary: int(Math.min(plausible, lo + 60)) },
      { weight: 1, arbitrary: int(wide) },
    );
  }
  return fc.oneof(
    { weight: 3, arbitrary: bounds },
    { weight: 6, arbitrary: fc.double({ min: lo, max: plausible, noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.double({ min: lo, max: wide, noNaN: true, noDefaultInfinity: true }) },
    ...(n.default !== undefined ? [{ weight: 1, arbitrary: fc.constant(n.default) }] : []),
  );
}

/** Targeting expressions: ordinary ones, and a few that only fail for some businesses (exit 2 mid-run). */
const expression = fc.oneof(
  fc.constantFrom(...EXPRESSION_VARIABLES),
  fc.tuple(fc.constantFrom(...EXPRESSION_VARIABLES), fc.constantFrom('<', '>', '*', '+', '-', '/'), fc.constantFrom('0.5', '1', '2', '1e6', '0')).map(([v, op, x]) => `${v} ${op} ${x}`),
  fc.constantFrom('female and bookkeeping < 0.5', 'max(turnover, 1) / 1e6', 'sector == 2 ? 1 : 0', 'log(female - 0.5)', '1 / (workers - 2)', 'sqrt(openness - 0.5)', 'turnover ^ 1000', '-1'),
);

const text = fc.oneof(fc.string({ maxLength: 24 }), fc.string({ maxLength: 12, unit: 'binary' }));

/** A value a scalar field accepts. */
export function validScalar(n: ScalarNode): fc.Arbitrary<Doc> {
  switch (n.kind) {
    case 'number':
      return inRange(n);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...n.values);
    case 'string': {
      const key = n.path.join('.');
      if (key === 'region') return fc.constantFrom(...REGIONS);
      if (key === 'program.targeting.expression') return expression;
      return n.minLength > 0 ? text.filter((s) => s.length >= n.minLength) : text;
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Valid-looking scenarios

/** Positive weights turned into shares summing to 1 (a zero weight included sometimes). */
const shares = (length: { minLength: number; maxLength: number }) =>
  fc.array(fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 100 }) }, { weight: 1, arbitrary: fc.constant(0) }), length)
    .filter((w) => w.some((x) => x > 0))
    .map((w) => {
      const total = w.reduce((a, x) => a + x, 0);
      return w.map((x) => x / total);
    });

const SECTOR_FIELDS = SCENARIO_NODES.filter((n): n is NumberNode => n.kind === 'number' && n.path.join('.').startsWith('economy.sectors.[].'));
const sectors = fc.integer({ min: 1, max: 4 }).chain((count) =>
  fc.tuple(
    shares({ minLength: count, maxLength: count }),
    fc.array(fc.record(Object.fromEntries(SECTOR_FIELDS.filter((f) => f.path[3] !== 'share').map((f) => [f.path[3], inRange(f)])), { requiredKeys: [] }), { minLength: count, maxLength: count }),
  ).map(([s, fields]) => s.map((x, i) => ({ name: `sector ${i + 1}`, share: x, ...fields[i] }))),
);

const shock = fc.record({
  kind: fc.constantFrom('rawMaterialPrice', 'localDemand', 'outsideDemand'),
  startMonth: fc.integer({ min: 1, max: 12 }),
  months: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constant(Number.MAX_SAFE_INTEGER)),
  size: fc.oneof(fc.constantFrom(-0.95, 5, 0), fc.double({ min: -0.95, max: 5, noNaN: true })),
}, { requiredKeys: ['kind', 'startMonth', 'size'] });

const schedule = fc.uniqueArray(fc.record({ month: fc.integer({ min: 0, max: 11 }), weight: fc.integer({ min: 1, max: 100 }) }), { minLength: 1, maxLength: 4, selector: (x) => x.month })
  .map((xs) => {
    const total = xs.reduce((a, x) => a + x.weight, 0);
    return xs.map((x) => ({ month: x.month, share: x.weight / total }));
  });

const LEVERS = ['needsAnalysis', 'training', 'mentoring', 'resourceAccess', 'monitoring', 'reflection', 'forums', 'cashTransfer'] as const;
const SET_APART = new Set(['months', 'economy.businesses', 'region', 'program.budgetRupiah', 'program.maxParticipants', ...LEVERS.map((l) => `program.${l}.enabled`)]);
const RANDOM_LEAVES = TOP_LEAVES.filter((n) => !SET_APART.has(n.path.join('.')));

/** The size fields: small enough to run in milliseconds, now and then at a bound (then only loaded, see check.ts). */
export const months = fc.oneof({ weight: 14, arbitrary: fc.integer({ min: 1, max: 12 }) }, { weight: 1, arbitrary: fc.constantFrom(36, 120, 600) });
export const businesses = fc.oneof({ weight: 14, arbitrary: fc.integer({ min: 1, max: 150 }) }, { weight: 1, arbitrary: fc.constantFrom(500, 20_000, 2_000_000) });

/** A scenario document with values inside the schema's bounds (it may still break a cross-field rule). */
export const validScenarioDoc: fc.Arbitrary<Record<string, Doc>> = fc
  .record({
    months,
    businesses,
    region: fc.option(fc.constantFrom(...REGIONS), { nil: undefined }),
    budget: fc.option(fc.oneof(fc.constantFrom(0, 1e15), fc.integer({ min: 1_000_000, max: 2_000_000_000 })), { nil: undefined, freq: 4 }),
    maxParticipants: fc.option(fc.oneof(fc.integer({ min: 0, max: 200 }), fc.constant(Number.MAX_SAFE_INTEGER)), { nil: undefined, freq: 4 }),
    levers: fc.subarray([...LEVERS]),
    schedule: fc.option(schedule, { nil: undefined }),
    sectors: fc.option(sectors, { nil: undefined, freq: 3 }),
    educationShares: fc.option(shares({ minLength: 4, maxLength: 4 }), { nil: undefined, freq: 4 }),
    shocks: fc.option(fc.array(shock, { maxLength: 3 }), { nil: undefined, freq: 3 }),
    /** Shocks and payments kept inside the horizon (most documents), or left where they were drawn. */
    inHorizon: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    leaves: fc.subarray(RANDOM_LEAVES as ScalarNode[], { maxLength: 10 }).chain((nodes) => fc.tuple(...nodes.map((n) => fc.tuple(fc.constant(n.path), validScalar(n))))),
  })
  .map((g) => {
    let doc: Doc = { name: 'fuzz', months: g.months, economy: { businesses: g.businesses } };
    const set = (path: DocPath, v: Doc) => void (doc = setAt(doc, path, v));
    if (g.region) set(['region'], g.region);
    if (g.budget !== undefined) set(['program', 'budgetRupiah'], g.budget);
    if (g.maxParticipants !== undefined) set(['program', 'maxParticipants'], g.maxParticipants);
    for (const lever of g.levers) set(['program', lever, 'enabled'], true);
    if (g.sectors) set(['economy', 'sectors'], g.sectors);
    if (g.educationShares) set(['economy', 'educationShares'], g.educationShares);
    for (const [path, v] of g.leaves) set(path, v);
    // Months of shocks and payments within the horizon (a payment month counts from the program's start).
    const start = getAt(doc, ['program', 'startMonth']);
    const last = g.months - (typeof start === 'number' ? start : 1);
    const shocks = g.inHorizon && g.shocks ? g.shocks.map((x) => ({ ...x, startMonth: Math.min(x.startMonth, g.months) })) : g.shocks;
    const payments = g.inHorizon && g.schedule && last >= 0 ? inHorizon(g.schedule, last) : g.schedule;
    if (shocks) set(['shocks'], shocks);
    if (payments) set(['program', 'cashTransfer', 'schedule'], payments);
    return doc as Record<string, Doc>;
  });

/** A payment schedule moved into months 0..last: months folded in, repeats merged, shares still summing to 1. */
function inHorizon(schedule: { month: number; share: number }[], last: number): { month: number; share: number }[] {
  const byMonth = new Map<number, number>();
  for (const p of schedule) byMonth.set(p.month % (last + 1), (byMonth.get(p.month % (last + 1)) ?? 0) + p.share);
  return [...byMonth].map(([month, share]) => ({ month, share }));
}

// ---------------------------------------------------------------------------------------------------
// Corrupted scenarios

const deep = fc.tuple(fc.integer({ min: 2, max: 20_000 }), fc.boolean()).map(([depth, list]) =>
  new Raw(list ? '['.repeat(depth) + '0' + ']'.repeat(depth) : '{"a":'.repeat(depth) + '0' + '}'.repeat(depth)),
);

/** Values of the wrong type, and text the JSON grammar has no room for. */
export const wrongType: fc.Arbitrary<Doc> = fc.oneof(
  fc.constantFrom<Doc>(null, true, false, '', 'abc', '1', '0x10', ' 5 ', [], [1], ['a', null], {}, { a: 1 }, 0, 1, -1),
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e400', '-1e400', '123456789012345678901234567890', '0.' + '0'.repeat(400) + '1', '1e-400', '-0.0').map((t) => new Raw(t)),
  deep,
);

/** Numbers just outside a field's bounds, at the edge of what a double holds, or not whole where a whole number is needed. */
function outOfRange(n: NumberNode): fc.Arbitrary<Doc> {
  const near: number[] = [];
  if (Number.isFinite(n.min)) near.push(n.exclusiveMin ? n.min : n.min - 1, n.min - 1e-9, n.min - Math.abs(n.min) * 1e-12 - Number.MIN_VALUE);
  if (n.exclusiveMin && n.min === 0) near.push(-0, 0);
  if (Number.isFinite(n.max)) near.push(n.max + 1, n.max * (1 + 1e-12) + Number.MIN_VALUE, 2 * n.max);
  if (n.integer) near.push((Number.isFinite(n.min) ? n.min : 0) + 0.5, 2 ** 53 + 2, 1e21);
  return fc.oneof(
    fc.constantFrom(...near.filter((x) => Number.isFinite(x))),
    fc.constantFrom(1e308, -1e308, 1e-320, -1e-320, -0, Number.MAX_VALUE, -Number.MAX_VALUE, 2 ** 53 + 1, -(2 ** 53)),
  );
}

function badValueFor(node: SchemaNode | undefined): fc.Arbitrary<Doc> {
  if (!node) return wrongType;
  switch (node.kind) {
    case 'number':
      return fc.oneof({ weight: 3, arbitrary: outOfRange(node) }, { weight: 1, arbitrary: wrongType });
    case 'enum':
      return fc.oneof(fc.constantFrom(...node.values.flatMap((v) => [v.toUpperCase(), ` ${v}`, v.slice(1)]), 'none'), wrongType);
    case 'string':
      return fc.oneof(
        fc.constantFrom<Doc>('', 'x'.repeat(Number.isFinite(node.maxLength) ? node.maxLength + 1 : 10_000), 'nowhere', '../../etc/passwd', '\u0000', 'ü'.repeat(100)),
        wrongType,
      );
    case 'boolean':
      return fc.oneof(fc.constantFrom<Doc>('true', 'false', 1, 0, 'yes'), wrongType);
    case 'object':
      return wrongType;
    case 'array':
      return fc.oneof(
        fc.constantFrom<Doc>([], [null], [[]], [{}], 'list', {}),
        // One item more than allowed (or a long list where there is no maximum): copies of a plausible item.
        fc.constant(node.path.join('.')).map((p) => tooLongList(p, node.maxItems)),
        wrongType,
      );
  }
}

function tooLongList(path: string, maxItems: number): Doc {
  const count = Number.isFinite(maxItems) ? maxItems + 1 : 1000;
  const item = (i: number): Doc =>
    path === 'economy.sectors' ? { name: `s${i}`, share: 1 / count }
    : path === 'economy.educationShares' ? 1 / count
    : path === 'shocks' ? { kind: 'localDemand', startMonth: 1, size: 0.1 }
    : path === 'program.cashTransfer.schedule' ? { month: i, share: 1 / count }
    : i;
  return Array.from({ length: count }, (_, i) => item(i));
}

/** Names a careless or hostile file might hold: typos of real fields, prototype names, odd characters. */
const oddKey = (known: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    known.length ? fc.tuple(fc.constantFrom(...known), fc.nat(), fc.constantFrom('', 'x', 's', '_')).map(([k, i, c]) => {
      const at = i % (k.length + 1);
      return c === '' ? k.slice(0, at) + k.slice(at + 1) : k.slice(0, at) + c + k.slice(at);
    }) : fc.constant('x'),
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', 'a.b', 'a[0]', 'line\nbreak', '\u0000', 'ünïcödé', '$schema'),
    fc.string({ minLength: 1, maxLength: 10 }),
  );

/** One change that should make a document invalid (or, now and then, leaves it valid: a key dropped that has a default). */
type Mutation =
  | { op: 'set'; path: DocPath; value: Doc }
  | { op: 'delete'; path: DocPath }
  | { op: 'addKey'; path: DocPath; key: string; value: Doc };

/** Places worth corrupting in `doc`: what it holds, and any field of the schema (set even where absent). */
function targets(doc: Doc): DocPath[] {
  const schemaPaths = SCENARIO_NODES.filter((n) => n.path.length > 0 && !n.path.includes('[]')).map((n) => n.path);
  return [...docPaths(doc), ...schemaPaths];
}

function mutation(doc: Doc): fc.Arbitrary<Mutation> {
  const paths = targets(doc);
  const objects: DocPath[] = [[], ...docPaths(doc).filter((p) => { const v = getAt(doc, p); return v !== null && typeof v === 'object' && !Array.isArray(v); })];
  const present = docPaths(doc);
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...paths).chain((path) => badValueFor(nodeAt(path)).map((value): Mutation => ({ op: 'set', path, value }))) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...objects).chain((path) => {
        const node = nodeAt(path);
        const known = node?.kind === 'object' ? node.fields : Object.keys(getAt(doc, path) as object);
        return fc.tuple(oddKey(known), fc.oneof(fc.constant<Doc>(1), fc.constant<Doc>({ months: 1e9 }), wrongType)).map(([key, value]): Mutation => ({ op: 'addKey', path, key, value }));
      }),
    },
    ...(present.length ? [{ weight: 1, arbitrary: fc.constantFrom(...present).map((path): Mutation => ({ op: 'delete', path })) }] : []),
  );
}

function apply(doc: Doc, m: Mutation): Doc {
  switch (m.op) {
    case 'set':
      return setAt(doc, m.path, m.value);
    case 'delete':
      return deleteAt(doc, m.path);
    case 'addKey': {
      const target = getAt(doc, m.path);
      const copy = copyDoc(target) as Record<string, Doc>;
      Object.defineProperty(copy, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
      return setAt(doc, m.path, copy);
    }
  }
}

/** A valid-looking document with one to three corruptions of its values, types or keys. */
export const corruptedScenarioDoc: fc.Arbitrary<Doc> = fc.oneof(
  { weight: 12, arbitrary: validScenarioDoc.chain((doc) => fc.array(fc.constant(null), { minLength: 1, maxLength: 3 }).chain((slots) =>
    slots.reduce<fc.Arbitrary<Doc>>((acc) => acc.chain((d) => mutation(d).map((m) => apply(d, m))), fc.constant(doc)))) },
  // Not an object at all, or the right content one level too deep.
  { weight: 1, arbitrary: fc.oneof(wrongType, validScenarioDoc.map((d): Doc => [d]), validScenarioDoc.map((d): Doc => ({ scenario: d }))) },
);

// ---------------------------------------------------------------------------------------------------
// Broken JSON text

const TOKENS = ['NaN', 'Infinity', '-Infinity', '// comment\n', '/* c */', ',', "'x'", 'undefined', 'true', 'null', '1e400', '0x10', '+1', '.5', '01', '"', '\\', '\u0000', '\ufeff', '\ud800', '}', ']', '{', '[', ':'];

type TextEdit =
  | { op: 'delete'; at: number; length: number }
  | { op: 'insert'; at: number; piece: string }
  | { op: 'replace'; at: number; piece: string }
  | { op: 'truncate'; at: number }
  | { op: 'number'; which: number; piece: string }
  | { op: 'whole'; text: string };

const piece = fc.oneof(fc.constantFrom(...TOKENS), fc.string({ minLength: 1, maxLength: 3, unit: 'binary' }));

export const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), piece }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('replace' as const), at: fc.nat(), piece }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('number' as const), which: fc.nat(), piece: fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e400', '-1e400', '1e-400', '-0', '1.', '.5', '1e', '--1', '0x1F', '1_000', '123456789012345678901234567890', '9007199254740993') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('whole' as const), text: fc.constantFrom('', ' ', '\n\t\n', 'null', '[]', '"scenario"', '{', '}', '{}', '0', 'true', '{"months":', '\ufeff{}', '{"name":"a","name":"b"}') }) },
);

export function applyTextEdit(text: string, e: TextEdit): string {
  const at = text.length ? ('at' in e ? e.at % (text.length + 1) : 0) : 0;
  switch (e.op) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + e.length);
    case 'insert':
      return text.slice(0, at) + e.piece + text.slice(at);
    case 'replace':
      return text.slice(0, at) + e.piece + text.slice(at + 1);
    case 'truncate':
      return text.slice(0, at);
    case 'number': {
      const numbers = [...text.matchAll(/-?\d+(\.\d+)?([eE][+-]?\d+)?/g)];
      if (numbers.length === 0) return text + e.piece;
      const m = numbers[e.which % numbers.length];
      return text.slice(0, m.index) + e.piece + text.slice(m.index! + m[0].length);
    }
    case 'whole':
      return e.text;
  }
}

const indent = fc.constantFrom(0, 2);

/** JSON text of a valid-looking document with one to three edits. */
export const brokenScenarioText: fc.Arbitrary<string> = fc
  .tuple(validScenarioDoc, indent, fc.array(textEdit, { minLength: 1, maxLength: 3 }))
  .map(([doc, n, edits]) => edits.reduce(applyTextEdit, toJsonText(doc, n)));

// ---------------------------------------------------------------------------------------------------
// The scenario cases

export type ScenarioFamily = 'scenario/valid' | 'scenario/values' | 'scenario/text' | 'scenario/encoding';

export interface ScenarioCase {
  family: ScenarioFamily;
  file: FileSpec;
}

const encodings = fc.constantFrom<Encoding>('utf8-bom', 'utf16le', 'utf16le-bom', 'utf16be-bom', 'latin1');

export const scenarioCase = (family: ScenarioFamily): fc.Arbitrary<ScenarioCase> => {
  switch (family) {
    case 'scenario/valid':
      return fc.tuple(validScenarioDoc, indent).map(([doc, n]) => ({ family, file: { text: toJsonText(doc, n), encoding: 'utf8' } }));
    case 'scenario/values':
      return fc.tuple(corruptedScenarioDoc, indent).map(([doc, n]) => ({ family, file: { text: toJsonText(doc, n), encoding: 'utf8' } }));
    case 'scenario/text':
      return brokenScenarioText.map((text) => ({ family, file: { text, encoding: 'utf8' } }));
    case 'scenario/encoding':
      return fc.tuple(validScenarioDoc, indent, encodings).map(([doc, n, encoding]) => ({ family, file: { text: toJsonText(doc, n), encoding } }));
  }
};
