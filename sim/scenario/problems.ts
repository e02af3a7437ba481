// Problems in an input file, each naming the field path, the value found and what was expected; and
// zod's issues turned into them. Apart from parse.ts so that code checking a file without running the
// model (region profiles, the CLI's region command) does not load the targeting-expression compiler.
import * as z from 'zod';
import { scenarioSchema } from './schema.js';

export { ScenarioError, describeProblem, type ScenarioProblem } from './scenarioError.js';
import type { ScenarioProblem } from './scenarioError.js';

function pathString(path: readonly PropertyKey[]): string {
  // A key that is not a plain name is quoted: one holding dots or brackets (a region profile's sources,
  // sources["households.wageRupiahPerMonth"]), and one that is empty or holds spaces, quotes or line
  // breaks, which would otherwise print as nothing, as the top level, or break the message's lines.
  const plain = (k: string) => /^[\p{L}\p{N}_$-]+$/u.test(k);
  const key = (k: PropertyKey, i: number) => (plain(String(k)) ? (i === 0 ? '' : '.') + String(k) : `[${JSON.stringify(String(k))}]`);
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : key(k, i))).join('');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** The field names the schema `root` allows in the object at `path` (for "did you mean" messages). */
function knownFieldsAt(root: z.core.$ZodType, path: readonly PropertyKey[], input: unknown): string[] {
  let node: z.core.$ZodType | undefined = root;
  const unwrap = (t: z.core.$ZodType | undefined, at: readonly PropertyKey[]): z.core.$ZodType | undefined => {
    let cur = t;
    for (let guard = 0; cur && guard < 10; guard++) {
      const def = cur._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType; options?: z.core.$ZodType[] };
      if ((def.type === 'default' || def.type === 'prefault' || def.type === 'optional') && def.innerType) cur = def.innerType;
      else if (def.type === 'pipe' && def.in) cur = def.in;
      else if (def.type === 'union' && def.options) {
        // The option the value at `at` is meant for: the one whose `type` literal it carries, else the
        // first object option holding all its keys.
        const value = valueAt(input, at);
        const keys = value !== null && typeof value === 'object' ? Object.keys(value) : [];
        const objects = def.options.map((o) => unwrap(o, at)).filter((o) => (o?._zod.def as { type: string }).type === 'object');
        const shapeOf = (o: z.core.$ZodType | undefined) => (o?._zod.def as { shape?: Record<string, z.core.$ZodType> }).shape ?? {};
        const typed = objects.find((o) => {
          const tag = shapeOf(o).type?._zod.def as { type: string; values?: unknown[] } | undefined;
          return tag?.type === 'literal' && tag.values?.includes((value as { type?: unknown } | null)?.type);
        });
        cur = typed ?? objects.find((o) => keys.every((k) => k in shapeOf(o))) ?? objects[0];
        break;
      } else break;
    }
    return cur;
  };
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    node = unwrap(node, path.slice(0, i));
    const def = node?._zod.def as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType } | undefined;
    if (def?.type === 'object' && typeof key === 'string') node = def.shape?.[key];
    else if (def?.type === 'array') node = def.element;
    else return [];
  }
  const def = unwrap(node, path)?._zod.def as { type: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape).filter((k) => k !== '$schema') : [];
}

/** The known name within edit distance 3 of a misspelt one, if any. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let diagonal = row[0];
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const above = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length];
  };
  let best: string | undefined;
  let bestDistance = 4;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function expectedText(issue: z.core.$ZodIssue, root: z.core.$ZodType, input: unknown, schemaFile: string): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'record' ? 'an object' : `a ${issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) === 1 ? 'a non-empty text' : `at least ${issue.minimum} characters`;
      return issue.origin === 'array' ? `at least ${issue.minimum} items` : `a number ${issue.inclusive ? '>=' : '>'} ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `at most ${issue.maximum} ${issue.origin === 'array' ? 'items' : 'characters'}`
        : `a number ${issue.inclusive ? '<=' : '<'} ${issue.maximum}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return 'options' in issue && issue.options?.length ? `one of ${issue.options.map((v) => JSON.stringify(v)).join(', ')}` : issue.message;
    case 'unrecognized_keys': {
      const known = knownFieldsAt(root, issue.path, input);
      if (known.length === 0) return `no such field (see ${schemaFile})`;
      const near = closest(String(issue.keys[0]), known);
      return (near ? `"${near}"? — ` : '') + `one of the fields ${known.join(', ')}`;
    }
    default:
      return issue.message;
  }
}

/**
 * zod's issues for `input` as problems naming the field path, the value found and what was expected.
 * `root` is the schema that was parsed (for "did you mean" suggestions on unknown fields); `schemaFile`
 * is the JSON Schema a user can look fields up in.
 */
export function zodProblems(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  root: z.core.$ZodType = scenarioSchema,
  schemaFile = 'scenarios/scenario.schema.json',
): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        problems.push({ path: pathString(path), value: valueAt(input, path), expected: expectedText({ ...issue, keys: [key] }, root, input, schemaFile) });
      }
    } else {
      problems.push({ path: pathString(issue.path), value: valueAt(input, issue.path), expected: expectedText(issue, root, input, schemaFile) });
    }
  }
  return problems;
}
