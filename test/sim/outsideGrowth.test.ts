// Growth is an explicit scenario parameter with default 0 (issue 12, item 4): localEconomy.outsideGrowthPerYear
// grows what reaches the district from outside (outside buyers' orders, households' outside income),
// compounded month by month; the rest of the economy follows through its own rules.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Flow, SECTOR_COUNT } from '../../sim/ledger/accounts.js';
import { createEconomy, parseScenario, stepMonth } from '../../sim/index.js';
import { changeFromStart, stationarityLevels } from '../../sim/calibration/stationarity.js';

const raw = JSON.parse(readFileSync('scenarios/no-program.json', 'utf8'));
const withGrowth = (g: number | undefined) =>
  parseScenario({ ...raw, localEconomy: g === undefined ? undefined : { outsideGrowthPerYear: g } }, `no-program, growth ${g}`);

/** Households' income from outside in one month (rupiah), from the ledger's flows by kind and sector. */
function outsideIncomeFlow(e: ReturnType<typeof createEconomy>): number {
  let sum = 0;
  for (let s = 0; s < SECTOR_COUNT; s++) {
    const v = e.ledger.monthFlows[Flow.outsideIncome * SECTOR_COUNT + s];
    if (v > 0) sum += v;
  }
  return sum;
}

describe('localEconomy.outsideGrowthPerYear', () => {
  it('defaults to 0, and 0 leaves every condition exactly 1', () => {
    const s = withGrowth(undefined);
    expect(s.localEconomy.outsideGrowthPerYear).toBe(0);
    const e = createEconomy(s, 1, false);
    for (let t = 0; t < 24; t++) stepMonth(e);
    expect(e.conditions).toEqual({ inputPriceFactor: 1, localDemandFactor: 1, outsideDemandFactor: 1, outsideIncomeFactor: 1 });
  });

  it('compounds month by month: after 12 months outside orders and outside income are 1 + g times the start', () => {
    const e = createEconomy(withGrowth(0.05), 1, false);
    stepMonth(e);
    const first = outsideIncomeFlow(e);
    expect(e.conditions.outsideIncomeFactor).toBeCloseTo(Math.pow(1.05, 1 / 12), 12);
    for (let t = 1; t < 13; t++) stepMonth(e);
    expect(e.month).toBe(13);
    expect(e.conditions.outsideDemandFactor).toBeCloseTo(Math.pow(1.05, 13 / 12), 12);
    expect(e.conditions.outsideIncomeFactor).toBeCloseTo(Math.pow(1.05, 13 / 12), 12);
    // The ledger pays it: whole rupiah per household, so equal to within a rupiah a household.
    const expected = (first / Math.pow(1.05, 1 / 12)) * Math.pow(1.05, 13 / 12);
    expect(Math.abs(outsideIncomeFlow(e) - expected)).toBeLessThanOrEqual(e.households.count);
  });

  it('shocks still act on top of the trend', () => {
    const s = parseScenario({ ...raw, localEconomy: { outsideGrowthPerYear: 0.1 }, shocks: [{ kind: 'outsideDemand', startMonth: 6, months: 1, size: -0.5 }] });
    const e = createEconomy(s, 1, false);
    for (let t = 0; t < 6; t++) stepMonth(e);
    expect(e.conditions.outsideDemandFactor).toBeCloseTo(0.5 * Math.pow(1.1, 0.5), 12);
    expect(e.conditions.outsideIncomeFactor).toBeCloseTo(Math.pow(1.1, 0.5), 12);
  });

  it('refuses a rate outside -20% to +30% a year, naming the field', () => {
    expect(() => parseScenario({ ...raw, localEconomy: { outsideGrowthPerYear: 0.5 } })).toThrow(/localEconomy\.outsideGrowthPerYear/);
  });

  // Measured (seeds 1–3, month 60, town): +5% a year gives local GDP +25.6%, turnover +23.1%, household money
  // +19.8%, jobs +10.6% and open businesses +7.4% (the labour force does not grow, so the wage index rises
  // 19.1%); −5% a year gives local GDP −20.1% and jobs −12.0%. The outside flows themselves change by
  // +27.6% and −22.6% over the five years.
  it('a growing district grows and a declining one shrinks, with the ledger balanced every month', () => {
    const up = stationarityLevels(withGrowth(0.05), 3, 60);
    const down = stationarityLevels(withGrowth(-0.05), 3, 60);
    const flat = stationarityLevels(withGrowth(0), 3, 60);
    const at60 = (xs: number[]) => changeFromStart(xs, 60);
    expect(at60(up.localGdp)).toBeGreaterThan(15);
    expect(at60(up.localGdp)).toBeLessThan(35);
    expect(at60(up.turnover)).toBeGreaterThan(10);
    expect(at60(up.jobs)).toBeGreaterThan(3);
    expect(at60(up.wageIndex)).toBeGreaterThan(5);
    expect(at60(down.localGdp)).toBeLessThan(-10);
    expect(at60(down.jobs)).toBeLessThan(-3);
    expect(Math.abs(at60(flat.localGdp))).toBeLessThan(2);
  });
});
