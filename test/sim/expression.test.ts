import { describe, expect, it } from 'vitest';
import { createEconomy, parseScenario } from '../../sim/index.js';
import { compileTargetingExpression } from '../../sim/program/expression.js';
import { targetingOrder } from '../../sim/program/targeting.js';
import { TargetingExpressionError } from '../../sim/program/expressionError.js';
import { exp, log, pow } from '../../sim/math/elementary.js';

const vars = {
  female: 1, education: 1, digitalLiteracy: 0.4, timeAvailable: 0.6, openness: 0.5, management: 0.3, bookkeeping: 0.2,
  marketing: 0.3, digital: 0.25, production: 0.35, mindset: 0.4, turnover: 5e6, workers: 2, sector: 0, digitalChannel: 0,
  keepsBooks: 0, workingCapital: 3e6,
};

describe('targeting expressions (sandboxed mathjs)', () => {
  it('evaluates arithmetic, comparisons, logic and allowed functions over business attributes', () => {
    expect(compileTargetingExpression('(1 - bookkeeping) * 2')(vars)).toBeCloseTo(1.6);
    expect(compileTargetingExpression('female == 1 and education <= 1')(vars)).toBe(1);
    expect(compileTargetingExpression('turnover < 2000000 ? 1 : 0')(vars)).toBe(0);
    expect(compileTargetingExpression('max(marketing, digital) + log(workers)')(vars)).toBeCloseTo(0.3 + Math.log(2));
  });

  it("computes exp, log, pow and ^ with the simulation's own functions, the same bits in Node and a browser", () => {
    // Arguments where V8's Math functions and sim/math/elementary.ts round differently are common (item 19):
    // the expression must give the latter's bits on every one.
    let differsFromMath = 0;
    for (let i = 1; i <= 400; i++) {
      const x = 0.37 + i / 97;
      const at = { ...vars, openness: x };
      expect(compileTargetingExpression('exp(openness)')(at)).toBe(exp(x));
      expect(compileTargetingExpression('log(openness)')(at)).toBe(log(x));
      expect(compileTargetingExpression('log(openness, 10)')(at)).toBe(log(x) / log(10));
      expect(compileTargetingExpression('pow(openness, 1.7)')(at)).toBe(pow(x, 1.7));
      expect(compileTargetingExpression('openness ^ 1.7')(at)).toBe(pow(x, 1.7));
      if (Math.exp(x) !== exp(x) || Math.log(x) !== log(x) || Math.pow(x, 1.7) !== pow(x, 1.7)) differsFromMath++;
    }
    // Otherwise the checks above could not tell the two apart.
    expect(differsFromMath).toBeGreaterThan(0);
  });

  it.each([
    ['import({}, {override: true})', /import/],
    ['evaluate("1+1")', /evaluate/],
    ['parse("x")', /parse/],
    ['f(x) = 1', /functionassignment/],
    ['x = 1', /assignment/],
    ['female.constructor', /accessor/],
    ['[1, 2]', /array/],
    ['{a: 1}', /object/],
    ['unknownThing + 1', /unknownThing/],
    ['cos(pi)', /cos/],
    ['1 +', /valid expression/],
  ])('refuses %s', (source, why) => {
    expect(() => compileTargetingExpression(source)).toThrow(why);
  });

  it('a non-finite result is an error that quotes the expression and the business\'s attributes', () => {
    const f = compileTargetingExpression('1 / (workers - 2)');
    expect(() => f(vars)).toThrow(TargetingExpressionError);
    expect(() => f(vars)).toThrow(/program\.targeting\.expression "1 \/ \(workers - 2\)" gave Infinity for a business with female=1, education=1, digitalLiteracy=0\.4, .*workers=2, .*workingCapital=3000000; expected a finite number/);
    try {
      compileTargetingExpression('log(female - 0.5)')({ ...vars, female: 0 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TargetingExpressionError);
      const err = e as TargetingExpressionError;
      expect(err.expression).toBe('log(female - 0.5)');
      expect(err.values.female).toBe(0);
      expect(err.reason).toBe('gave NaN');
      expect(err.path).toBe('program.targeting.expression');
    }
  });

  it('expression targeting enrols only businesses with a positive score, best first', () => {
    const s = parseScenario({
      economy: { businesses: 200 },
      program: { budgetRupiah: 1e9, maxParticipants: 200, training: { enabled: true }, targeting: { rule: 'expression', expression: 'female == 1 ? 1 - bookkeeping : 0' } },
    });
    const e = createEconomy(s, 2, true);
    const order = targetingOrder(e, 200);
    expect(order.length).toBeGreaterThan(50);
    for (const id of order) expect(e.businesses.owner.female[id]).toBe(1);
    for (let i = 1; i < order.length; i++) expect(e.businesses.capacities.capacity[order[i] * 6 + 1]).toBeGreaterThanOrEqual(e.businesses.capacities.capacity[order[i - 1] * 6 + 1]);
  });
});

describe('targeting rules and budget sizing', () => {
  it('women first fills places with women before any man', () => {
    const s = parseScenario({ economy: { businesses: 300 }, program: { budgetRupiah: 1e9, maxParticipants: 100, training: { enabled: true }, targeting: { rule: 'womenFirst' } } });
    const e = createEconomy(s, 4, true);
    let women = 0, enrolled = 0;
    for (let id = 0; id < 300; id++) if (e.businesses.membership.participant[id]) { enrolled++; women += e.businesses.owner.female[id]; }
    expect(enrolled).toBe(100);
    expect(women).toBe(100);
  });

  it('places are cut to what the budget pays for', () => {
    // Training only: 48 hours × Rp 25,000 = Rp 1.2 million per place, plus 10% administration.
    const s = parseScenario({ economy: { businesses: 300 }, program: { budgetRupiah: 13_200_000, maxParticipants: 100, training: { enabled: true } } });
    const e = createEconomy(s, 4, true);
    expect(e.program.cohorts[0].length).toBe(10);
  });
});

describe('budget sizing is exact', () => {
  it('lever cost never falls as places rise, and the places chosen are the most the budget pays for', async () => {
    const fc = (await import('fast-check')).default;
    const { affordablePlaces, leverCost } = await import('../../sim/program/costs.js');
    fc.assert(
      fc.property(
        fc.record({
          budgetRupiah: fc.integer({ min: 0, max: 300_000_000 }),
          maxParticipants: fc.integer({ min: 0, max: 120 }),
          cohorts: fc.integer({ min: 1, max: 6 }),
          needsAnalysis: fc.record({ enabled: fc.boolean() }),
          training: fc.record({ enabled: fc.boolean() }),
          mentoring: fc.record({ enabled: fc.boolean(), caseload: fc.integer({ min: 1, max: 30 }) }),
          reflection: fc.record({ enabled: fc.boolean() }),
          forums: fc.record({ enabled: fc.boolean(), size: fc.integer({ min: 2, max: 15 }) }),
        }),
        (program) => {
          const s = parseScenario({ program });
          for (let p = 1; p <= program.maxParticipants; p++) expect(leverCost(s, p)).toBeGreaterThanOrEqual(leverCost(s, p - 1));
          const places = affordablePlaces(s);
          if (places > 0 && leverCost(s, places) > 0) {
            expect(leverCost(s, places)).toBeLessThanOrEqual(program.budgetRupiah + 0.5);
            if (places < program.maxParticipants) expect(leverCost(s, places + 1)).toBeGreaterThan(program.budgetRupiah + 0.5);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('expressions that fail on any business are refused at validation (issue 13)', () => {
  it.each([
    ['"a"=="a"?1:0', 'Cannot convert "a" to a number'],
    ['round(female,1e9)', 'Number of decimals in function round'],
    ['max()', 'Too few arguments in function max'],
    ['and(1)', 'Too few arguments'],
    ["female'", 'an expression mathjs can compile'],
  ])('%s', (expression, reason) => {
    let problems: { path: string; expected: string }[] = [];
    try {
      parseScenario({ program: { targeting: { rule: 'expression', expression } } }, 'x.json');
    } catch (e) {
      problems = (e as { problems: { path: string; expected: string }[] }).problems;
    }
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('program.targeting.expression');
    expect(problems[0].expected).toContain(reason);
  });
  it('a valid expression that is only odd for odd attribute values still passes', () => {
    expect(() => parseScenario({ program: { targeting: { rule: 'expression', expression: '1 / turnover' } } })).not.toThrow();
  });
});
