// Validate a scenario and turn zod's issues into messages that name the field, the value and what was
// expected — the only errors a user should ever see for a bad file.
import * as z from 'zod';
import { scenarioSchema, type Scenario } from './schema.js';
import { compileTargetingExpression } from '../program/expression.js';

export interface ScenarioProblem {
  /** Dotted path of the field, e.g. `program.mentoring.visitsPerMonth`. */
  path: string;
  /** The value found there (undefined when the field is missing). */
  value: unknown;
  /** What was expected, in words. */
  expected: string;
}

export class ScenarioError extends Error {
  constructor(
    readonly source: string,
    readonly problems: ScenarioProblem[],
  ) {
    super(`${source}: invalid scenario\n` + problems.map((q) => `  - ${describeProblem(q)}`).join('\n'));
    this.name = 'ScenarioError';
  }
}

export function describeProblem(q: ScenarioProblem): string {
  const shown = q.value === undefined ? 'missing' : JSON.stringify(q.value)?.slice(0, 80);
  return `${q.path || '(top level)'}: found ${shown}; expected ${q.expected}`;
}

function pathString(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : (i === 0 ? '' : '.') + String(k))).join('');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function expectedText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `a ${issue.expected}`;
    case 'too_small':
      return issue.origin === 'array' ? `at least ${issue.minimum} items` : `a number ${issue.inclusive ? '>=' : '>'} ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `at most ${issue.maximum} ${issue.origin === 'array' ? 'items' : 'characters'}`
        : `a number ${issue.inclusive ? '<=' : '<'} ${issue.maximum}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return 'no such field (check the spelling against scenario.schema.json)';
    default:
      return issue.message;
  }
}

/** Validate raw JSON against the schema and the cross-field rules; throws ScenarioError. */
export function parseScenario(input: unknown, source = 'scenario'): Scenario {
  const result = scenarioSchema.safeParse(input);
  if (!result.success) {
    const problems: ScenarioProblem[] = [];
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const path = [...issue.path, key];
          problems.push({ path: pathString(path), value: valueAt(input, path), expected: expectedText(issue) });
        }
      } else {
        problems.push({ path: pathString(issue.path), value: valueAt(input, issue.path), expected: expectedText(issue) });
      }
    }
    throw new ScenarioError(source, problems);
  }
  const scenario = result.data;
  const problems = crossFieldProblems(scenario);
  if (problems.length > 0) throw new ScenarioError(source, problems);
  return scenario;
}

function crossFieldProblems(s: Scenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const shareSum = s.economy.sectors.reduce((a, x) => a + x.share, 0);
  if (Math.abs(shareSum - 1) > 1e-6) {
    problems.push({ path: 'economy.sectors', value: `shares summing to ${shareSum.toFixed(4)}`, expected: 'sector shares summing to 1' });
  }
  const eduSum = s.economy.educationShares.reduce((a, x) => a + x, 0);
  if (Math.abs(eduSum - 1) > 1e-6) {
    problems.push({ path: 'economy.educationShares', value: s.economy.educationShares, expected: 'four shares summing to 1' });
  }
  const t = s.program.targeting;
  if (t.rule === 'expression') {
    if (!t.expression) {
      problems.push({ path: 'program.targeting.expression', value: undefined, expected: 'an expression when rule is "expression"' });
    } else {
      try {
        compileTargetingExpression(t.expression);
      } catch (e) {
        problems.push({ path: 'program.targeting.expression', value: t.expression, expected: (e as Error).message });
      }
    }
  }
  s.shocks.forEach((shock, i) => {
    if (shock.startMonth > s.months) {
      problems.push({ path: `shocks[${i}].startMonth`, value: shock.startMonth, expected: `a month within the horizon (<= ${s.months})` });
    }
  });
  return problems;
}
