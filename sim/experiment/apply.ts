// A design point's values written into a base scenario's raw JSON, so that parseScenario validates the
// result exactly as it would a file (defaults, ranges, cross-field rules).
import type { ParameterValue } from './types.js';

function deepCopy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(deepCopy);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = deepCopy(x);
    return out;
  }
  return v;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A deep copy of `baseInput` (the raw scenario JSON) with each dotted path set to its value, creating
 * intermediate objects where the base leaves them out (an intermediate that is not an object is replaced).
 * The input is not changed. A base that is not a JSON object is returned as a copy, unchanged, for
 * parseScenario to reject.
 */
export function applyAssignments(baseInput: unknown, assignments: Readonly<Record<string, ParameterValue>>): unknown {
  if (!isPlainObject(baseInput)) return deepCopy(baseInput);
  const root = deepCopy(baseInput) as Record<string, unknown>;
  for (const [path, value] of Object.entries(assignments)) {
    const keys = path.split('.');
    let node = root;
    for (const key of keys.slice(0, -1)) {
      if (!isPlainObject(node[key])) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[keys[keys.length - 1]] = value;
  }
  return root;
}
