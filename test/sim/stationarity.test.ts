// A no-program economy without shocks should hold still (issue 12, item 4): each headline level stays
// within ±2% of month 1 for 120 months, mean of seeds, in every shipped region profile. The default
// economy (500 businesses) over seeds 1–5 keeps the test to a few seconds a profile;
// `scripts/stationarity.ts` measures more seeds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, startRun } from '../../sim/index.js';
import { openIds } from '../../sim/state/economy.js';
import { SHIPPED_REGIONS } from '../../sim/scenario/regions.js';

const MONTHS = 120;
const SEEDS = [1, 2, 3, 4, 5];
const BOUND_PCT = 2;

type Level = 'turnover' | 'jobs' | 'localGdp' | 'open' | 'householdMoney' | 'consumerPriceIndex';
const LEVELS: Level[] = ['turnover', 'jobs', 'localGdp', 'open', 'householdMoney', 'consumerPriceIndex'];

/**
 * How far each level may move today (%, worst month): a guard against sliding back, not the goal. Local
 * GDP already holds within ±2% (the sector blocks are stationary by construction); micro-businesses'
 * turnover still drifts down and their scarcity markups up (docs/model.md §8).
 */
const GUARD: Record<Level, number> = { turnover: 9, jobs: 5, localGdp: 2.5, open: 5, householdMoney: 4.5, consumerPriceIndex: 8 };

/** Each level's largest change from month 1 (%) over the run, of the mean over seeds. */
function worstChanges(region: string): Record<Level, number> {
  const raw = JSON.parse(readFileSync('scenarios/no-program.json', 'utf8'));
  const scenario = parseScenario({ ...raw, region }, `no-program in ${region}`);
  const sums = Object.fromEntries(LEVELS.map((l) => [l, new Array<number>(MONTHS).fill(0)])) as Record<Level, number[]>;
  for (const seed of SEEDS) {
    const metrics = ['all.turnoverTotal', 'economy.totalJobs', 'economy.localGdp', 'economy.consumerPriceIndex'];
    const run = startRun(scenario, { seed, months: MONTHS, arms: 'program', metrics });
    while (run.step()) {
      const t = run.month - 1;
      const e = run.program;
      const p = run.series().program;
      let money = 0;
      for (let i = 0; i < e.households.count; i++) money += e.ledger.money[e.householdAccount0 + i];
      sums.turnover[t] += p.all.turnoverTotal[t];
      sums.jobs[t] += p.economy.totalJobs[t];
      sums.localGdp[t] += p.economy.localGdp[t];
      sums.open[t] += openIds(e.businesses).length;
      sums.householdMoney[t] += money;
      sums.consumerPriceIndex[t] += p.economy.consumerPriceIndex[t];
    }
  }
  const worst = {} as Record<Level, number>;
  for (const l of LEVELS) {
    const xs = sums[l];
    worst[l] = 0;
    for (let t = 1; t < MONTHS; t++) {
      const change = (100 * (xs[t] - xs[0])) / xs[0];
      if (Math.abs(change) > Math.abs(worst[l])) worst[l] = change;
    }
  }
  return worst;
}

describe.each(SHIPPED_REGIONS)('stationary baseline in %s (no program, no shocks)', (region) => {
  const worst = worstChanges(region);
  const report = LEVELS.map((l) => `${l} ${worst[l].toFixed(1)}%`).join(', ');
  it('every level stays within its guard of month 1 for 120 months, local GDP within ±2.5%', () => {
    for (const level of LEVELS) expect(Math.abs(worst[level]), `${level}: ${report}`).toBeLessThanOrEqual(GUARD[level]);
  });
  // The goal, not yet reached (docs/model.md §8). When this starts passing, make it a plain test.
  it.fails('every headline level stays within ±2% of month 1 for 120 months (goal, not yet reached)', () => {
    for (const level of LEVELS) expect(Math.abs(worst[level]), report).toBeLessThanOrEqual(BOUND_PCT);
  });
});
