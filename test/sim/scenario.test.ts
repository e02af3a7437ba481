import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ScenarioError, parseScenario, scenarioJsonSchema } from '../../sim/index.js';

function problemsOf(input: unknown) {
  try {
    parseScenario(input, 'test.json');
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).problems;
  }
  throw new Error('expected the scenario to be rejected');
}

describe('scenario validation', () => {
  it('fills every default from an empty object', () => {
    const s = parseScenario({});
    expect(s.months).toBe(36);
    expect(s.economy.businesses).toBe(500);
    expect(s.economy.womenOwnedShare).toBe(0.645);
    expect(s.economy.meanTurnoverRupiahPerMonth).toBe(6_300_000);
    expect(s.program.mentoring.caseload).toBe(20);
    expect(s.mechanisms.learning).toBe(true);
  });

  it('names the field path, the value found and what was expected', () => {
    const problems = problemsOf({ months: 'ten', program: { mentoring: { visitsPerMonth: -1 } } });
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p]));
    expect(byPath.months.value).toBe('ten');
    expect(byPath.months.expected).toMatch(/number/);
    expect(byPath['program.mentoring.visitsPerMonth'].value).toBe(-1);
    expect(byPath['program.mentoring.visitsPerMonth'].expected).toMatch(/>= 0/);
  });

  it('rejects unknown fields by name (a misspelt lever is not silently ignored)', () => {
    const problems = problemsOf({ program: { mentorng: { enabled: true } } });
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('program.mentorng');
    expect(problems[0].expected).toMatch(/^"mentoring"\? — one of the fields .*mentoring/);
    expect(problemsOf({ shocks: [{ kind: 'localDemand', startMonth: 2, size: 0.1, lenght: 3 }] })[0]).toMatchObject({
      path: 'shocks[0].lenght',
      expected: 'one of the fields kind, startMonth, months, size',
    });
  });

  it('reports enum, array-index and cross-field problems', () => {
    expect(problemsOf({ program: { targeting: { rule: 'richest' } } })[0]).toMatchObject({ path: 'program.targeting.rule', value: 'richest' });
    expect(problemsOf({ shocks: [{ kind: 'rawMaterialPrice', startMonth: 2, size: 9 }] })[0].path).toBe('shocks[0].size');
    expect(problemsOf({ months: 12, shocks: [{ kind: 'localDemand', startMonth: 20, size: -0.2 }] })[0].path).toBe('shocks[0].startMonth');
    expect(problemsOf({ economy: { educationShares: [0.5, 0.5, 0.5, 0] } })[0].path).toBe('economy.educationShares');
    expect(problemsOf({ program: { targeting: { rule: 'expression' } } })[0].path).toBe('program.targeting.expression');
  });

  it('the message lists every problem with its path', () => {
    try {
      parseScenario({ months: -3, economy: { businesses: 0 } }, 'bad.json');
      throw new Error('not rejected');
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toContain('bad.json');
      expect(msg).toContain('months: found -3');
      expect(msg).toContain('economy.businesses: found 0');
    }
  });

  it('the committed JSON Schema is the one the code generates (run npm run schema after changing the schema)', () => {
    const committed = JSON.parse(readFileSync('scenarios/scenario.schema.json', 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
    const mentoring = committed.properties.program.properties.mentoring.properties;
    expect(mentoring.visitsPerMonth.unit).toBe('visits per month');
    expect(mentoring.visitsPerMonth.default).toBe(2);
  });
});
