import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LedgerIntegrityError, ScenarioError, parseScenario, runScenario, scenarioJsonSchema, startRun } from '../../sim/index.js';
import { affordablePlaces, leverCost } from '../../sim/program/costs.js';

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
  it('an unknown key that is empty or holds spaces or line breaks is quoted in the path (found by the fuzzer)', () => {
    // Printed bare, " " gave "  -  : found …", "" read as "(top level)" and "a\nb" broke the message's lines.
    const input = JSON.parse('{"months": 3, " ": 1, "": 2, "program": {"a\\nb": 3, "maxParticipants": 5}}') as unknown;
    expect(problemsOf(input).map((q) => q.path).sort()).toEqual(['[" "]', '[""]', 'program["a\\nb"]']);
    expect(problemsOf({ economy: { 'ünïcödé-1': 1 } })[0].path).toBe('economy.ünïcödé-1');
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

describe('inputs that would break the books are refused, naming the field (issue 13)', () => {
  const problemsOf = (input: unknown) => {
    try {
      parseScenario(input, 'x.json');
    } catch (e) {
      return (e as { problems: { path: string; expected: string }[] }).problems;
    }
    return [];
  };
  it.each([
    [{ months: 6, program: { budgetRupiah: 1e30, training: { enabled: true } } }, 'program.budgetRupiah'],
    [{ months: 6, program: { budgetRupiah: 1e16, training: { enabled: true } } }, 'program.budgetRupiah'],
    [{ program: { resourceAccess: { enabled: true, grantRupiah: 1e20 } } }, 'program.resourceAccess.grantRupiah'],
    [{ households: { wageRupiahPerMonth: 1e308 } }, 'households.wageRupiahPerMonth'],
    [{ suppliers: { salesPerJobRupiahPerMonth: 0 } }, 'suppliers.salesPerJobRupiahPerMonth'],
    [{ economy: { meanTurnoverRupiahPerMonth: 0 } }, 'economy.meanTurnoverRupiahPerMonth'],
    [{ economy: { sectors: [{ name: 'a', share: 1, priceRupiah: 0 }] } }, 'economy.sectors[0].priceRupiah'],
    [{ economy: { sectors: [{ name: 'a', share: 1, revenuePerWorkerRupiah: 0 }] } }, 'economy.sectors[0].revenuePerWorkerRupiah'],
    [{ months: 12, program: { startMonth: 100, training: { enabled: true } } }, 'program.startMonth'],
    [{ economy: { businesses: 2_000_000 }, months: 600 }, 'economy.meanTurnoverRupiahPerMonth'],
    // Found by the fuzzer: a sector selling all but 1e-10 of its output outside has outside sales 8.6e9
    // times its local sales, beyond 2^53 rupiah a month for one business (the ledger stopped, exit 4).
    [{ months: 1, economy: { businesses: 1, sectors: [{ name: 'a', share: 0.5 }, { name: 'b', share: 0.5, outsideSalesShare: 0.9999999998836979 }] } }, 'economy.sectors[1].outsideSalesShare'],
    [{ months: 12, economy: { businesses: 40, sectors: [{ name: 'a', share: 0.5, outsideSalesShare: 0.999999 }, { name: 'b', share: 0.5 }] } }, 'economy.sectors[0].outsideSalesShare'],
    // Found by the fuzzer: a price of 1e-310 (schema-valid while only 0 was refused) makes output in units
    // Infinity and the books NaN (exit 4). Rupiah amounts that must be positive are at least Rp 1.
    [{ months: 1, economy: { businesses: 1, sectors: [{ name: 'a', share: 1, priceRupiah: 1e-310 }] } }, 'economy.sectors[0].priceRupiah'],
    [{ economy: { sectors: [{ name: 'a', share: 1, revenuePerWorkerRupiah: 0.5 }] } }, 'economy.sectors[0].revenuePerWorkerRupiah'],
    [{ economy: { meanTurnoverRupiahPerMonth: 5e-324 } }, 'economy.meanTurnoverRupiahPerMonth'],
    [{ suppliers: { salesPerJobRupiahPerMonth: 0.99 } }, 'suppliers.salesPerJobRupiahPerMonth'],
    // Found by the fuzzer: raw materials and overheads above the sales leave the businesses losing money at
    // the start; the start then sold Rp 1.4e16 outside and the ledger stopped (exit 4).
    [{ months: 1, economy: { businesses: 1, sectors: [{ name: 'a', share: 1, localInputShare: 0, outsideSalesShare: 0.9999999996286794, overheadShare: 0.935532114247253 }] }, mechanisms: { localSectors: false } }, 'economy.sectors[0].overheadShare'],
    [{ months: 1, economy: { businesses: 1, sectors: [{ name: 'a', share: 1, localInputShare: 0, outsideSalesShare: 0.9999999996286794, overheadShare: 0.935532114247253 }] }, mechanisms: { localSectors: false } }, 'economy.sectors'],
    [{ economy: { sectors: [{ name: 'a', share: 1, inputCostShare: 0.6, overheadShare: 0.4 }] } }, 'economy.sectors[0].overheadShare'],
  ])('%j is refused at %s', (input, path) => {
    expect(problemsOf(input).map((q) => q.path)).toContain(path);
  });
  it('the smallest accepted price and output per worker, Rp 1, still balance to the rupiah', () => {
    const s = parseScenario({ months: 6, economy: { businesses: 40, sectors: [{ name: 'a', share: 1, priceRupiah: 1, revenuePerWorkerRupiah: 1 }] } });
    expect(runScenario(s, { seed: 1 }).accounting.maxImbalance).toBe(0);
  });
  it('a sector selling 99.999% of its output outside is accepted at a size whose books balance', () => {
    const s = parseScenario({ months: 12, economy: { businesses: 150, sectors: [{ name: 'a', share: 0.5, outsideSalesShare: 0.99999 }, { name: 'b', share: 0.5 }] } });
    expect(runScenario(s, { seed: 1 }).accounting.maxImbalance).toBe(0);
  });
  it('a near-free lever with 2^53 - 1 places offered sizes the program at once (the search never ended; found by the fuzzer)', () => {
    const s = parseScenario({ months: 8, economy: { businesses: 4 }, program: { budgetRupiah: 1e15, maxParticipants: Number.MAX_SAFE_INTEGER, mentoring: { enabled: true, feeRupiahPerMentorMonth: 1e-204 } } });
    expect(affordablePlaces(s)).toBe(Number.MAX_SAFE_INTEGER);
    const r = runScenario(s, { seed: 1 });
    expect(r.program.participants).toBe(4);
    expect(r.accounting.maxImbalance).toBe(0);
    const paid = parseScenario({ months: 8, economy: { businesses: 4 }, program: { budgetRupiah: 1e15, maxParticipants: Number.MAX_SAFE_INTEGER, mentoring: { enabled: true, feeRupiahPerMentorMonth: 1000 } } });
    // 12 months at Rp 1,000 per mentor of 10 mentees, administration on top: the search lands on the budget exactly.
    const places = affordablePlaces(paid);
    expect(leverCost(paid, places)).toBeLessThanOrEqual(1e15 + 0.5);
    expect(leverCost(paid, places + 1)).toBeGreaterThan(1e15 + 0.5);
  });
  it('the largest accepted budget still balances to the rupiah', () => {
    const s = parseScenario({ months: 6, economy: { businesses: 40 }, program: { budgetRupiah: 1e15, training: { enabled: true } } });
    expect(runScenario(s, { seed: 1 }).accounting.maxImbalance).toBe(0);
  });
});

describe('a run whose books stop holding stops with LedgerIntegrityError', () => {
  it('money that appears outside any payment is caught in the month it happens', () => {
    const run = startRun(parseScenario({ months: 3, economy: { businesses: 30 } }), { seed: 1 });
    run.step();
    run.program.ledger.money[run.program.householdAccount0] += 1;
    let caught: unknown;
    try {
      run.step();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(LedgerIntegrityError);
    expect((caught as LedgerIntegrityError).month).toBe(2);
    expect((caught as LedgerIntegrityError).imbalance).toBe(1);
    expect((caught as Error).message).toContain('did not balance in month 2');
  });
});
