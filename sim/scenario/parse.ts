// Validate a scenario and turn zod's issues into messages that name the field, the value and what was
// expected — the only errors a user should ever see for a bad file.
import { scenarioSchema, type Scenario } from './schema.js';
import { compileTargetingExpression } from '../program/expression.js';
import { ScenarioError, zodProblems, type ScenarioProblem } from './problems.js';
import { resolveRegion, type RegionProfiles } from './resolveRegion.js';
import { shareSumProblems } from './shareSums.js';
import { cashTransferProblems } from './cashTransferProblems.js';

export { ScenarioError, describeProblem, closest, zodProblems, type ScenarioProblem } from './problems.js';

/**
 * Validate raw JSON against the schema and the cross-field rules; throws ScenarioError. The scenario's
 * region profile is applied first (schema defaults < profile < the scenario's own fields); `regions` adds
 * profiles to the shipped ones (the CLI's `regions/` folder beside a scenario file).
 */
export function parseScenario(input: unknown, source = 'scenario', regions: RegionProfiles = {}): Scenario {
  const resolved = resolveRegion(input, source, regions);
  const result = scenarioSchema.safeParse(resolved);
  if (!result.success) throw new ScenarioError(source, zodProblems(result.error.issues, resolved));
  const scenario = result.data;
  const problems = crossFieldProblems(scenario);
  if (problems.length > 0) throw new ScenarioError(source, problems);
  return scenario;
}

function crossFieldProblems(s: Scenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  problems.push(...shareSumProblems(s.economy));
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
  problems.push(...cashTransferProblems(s));
  return problems;
}
