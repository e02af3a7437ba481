// The model's uncertain assumptions (issue 17): each parameter that the calibration targets pin down only
// loosely gets a distribution, with the reason for it, and `drawAssumptions` draws one value of each for a
// replicate. A draw depends only on the replicate's seed and the parameter, so every design of a comparison
// gets the same draw in the same replicate (common random numbers), and the draws are reproducible. A
// field the scenario file sets itself is the user's decision, not an assumption, and is never drawn.
import seedrandom from 'seedrandom';
import type { Scenario } from '../scenario/schema.js';

export interface UncertainParameter {
  /** Dotted path in a scenario, e.g. `performance.digitalSalesUplift`. */
  path: string;
  distribution: 'uniform';
  low: number;
  high: number;
  /** Why this range: the published interval, or the range over which every calibration target still passes. */
  source: string;
}

/**
 * The registry. Only parameters whose range is established are listed: the others marked "assumption"
 * in docs/calibration.md wait for `validate` to measure the range over which every target still passes.
 */
export const UNCERTAIN_PARAMETERS: readonly UncertainParameter[] = [
  {
    path: 'businessStealingShare',
    distribution: 'uniform',
    low: 0.5,
    high: 0.9,
    source:
      'every calibration target passes from 0.5 to 0.9 (docs/calibration.md); the evidence does not pin it down (McKenzie & Puerto 2021 find little displacement in rural Kenyan markets)',
  },
  {
    path: 'performance.digitalSalesUplift',
    distribution: 'uniform',
    low: 0.04,
    high: 0.16,
    source:
      'C9 has no well-identified estimate (Couture et al. 2021: little income gain for rural producers); half to twice the default 0.08, the range validate reports (docs/calibration.md, C9)',
  },
];

/** Every leaf path a JSON value sets (`a.b.c` for {a: {b: {c: 1}}}); arrays count as leaves. */
export function setPaths(input: unknown, prefix = ''): Set<string> {
  const out = new Set<string>();
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    if (prefix) out.add(prefix);
    return out;
  }
  for (const [k, v] of Object.entries(input as Record<string, unknown>)) for (const p of setPaths(v, prefix ? `${prefix}.${k}` : k)) out.add(p);
  return out;
}

/** One draw of a parameter for the replicate with this seed: the same in every design. */
export function drawValue(p: UncertainParameter, seed: number): number {
  const u = seedrandom(`pendamping/uncertainty/${seed}/${p.path}`)();
  return p.low + u * (p.high - p.low);
}

/**
 * The scenario with each uncertain parameter the file does not set (`explicit`: the file's paths)
 * drawn for the replicate with this seed, and the values drawn (path → value).
 */
export function drawAssumptions(
  scenario: Scenario,
  explicit: ReadonlySet<string>,
  seed: number,
  registry: readonly UncertainParameter[] = UNCERTAIN_PARAMETERS,
): { scenario: Scenario; drawn: Record<string, number> } {
  const copy = deepCopy(scenario);
  const drawn: Record<string, number> = {};
  for (const p of registry) {
    if (explicit.has(p.path)) continue;
    const keys = p.path.split('.');
    let parent = copy as unknown as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) parent = parent[k] as Record<string, unknown>;
    const value = drawValue(p, seed);
    parent[keys[keys.length - 1]] = value;
    drawn[p.path] = value;
  }
  return { scenario: copy, drawn };
}

/** A copy of plain data (objects, arrays, numbers, strings, booleans, null): sim/ runs without DOM or Node globals. */
function deepCopy<T>(x: T): T {
  if (Array.isArray(x)) return x.map(deepCopy) as T;
  if (x !== null && typeof x === 'object') return Object.fromEntries(Object.entries(x as Record<string, unknown>).map(([k, v]) => [k, deepCopy(v)])) as T;
  return x;
}
