// How still an economy without a program holds (issue 12, item 4): each headline level month by month,
// the mean over seeds, and its change from month 1. Read by scripts/stationarity.ts and by
// test/sim/stationarity.test.ts.
import { startRun } from '../run/engine.js';
import { openIds } from '../state/economy.js';
import type { Scenario } from '../scenario/schema.js';

export const STATIONARITY_LEVELS = ['turnover', 'jobs', 'localGdp', 'open', 'householdMoney', 'consumerPriceIndex', 'wageIndex'] as const;
export type StationarityLevel = (typeof STATIONARITY_LEVELS)[number];

/** Each level month by month (index t = month t + 1), the mean over seeds 1..seeds of the program arm. */
export function stationarityLevels(scenario: Scenario, seeds: number, months: number): Record<StationarityLevel, number[]> {
  const sums = Object.fromEntries(STATIONARITY_LEVELS.map((l) => [l, new Array<number>(months).fill(0)])) as Record<StationarityLevel, number[]>;
  const metrics = ['all.turnoverTotal', 'economy.totalJobs', 'economy.localGdp', 'economy.householdMoney', 'economy.consumerPriceIndex', 'economy.wageIndex'];
  for (let seed = 1; seed <= seeds; seed++) {
    const run = startRun(scenario, { seed, months, arms: 'program', metrics });
    while (run.step()) {
      const t = run.month - 1;
      const e = run.program;
      const p = run.series().program;
      sums.turnover[t] += p.all.turnoverTotal[t] / seeds;
      sums.jobs[t] += p.economy.totalJobs[t] / seeds;
      sums.localGdp[t] += p.economy.localGdp[t] / seeds;
      sums.open[t] += openIds(e.businesses).length / seeds;
      sums.householdMoney[t] += p.economy.householdMoney[t] / seeds;
      sums.consumerPriceIndex[t] += p.economy.consumerPriceIndex[t] / seeds;
      sums.wageIndex[t] += p.economy.wageIndex[t] / seeds;
    }
  }
  return sums;
}

/** A level's change from month 1 at month `t` (1-based), in %. */
export const changeFromStart = (xs: readonly number[], t: number): number => (100 * (xs[t - 1] - xs[0])) / xs[0];

/** A level's largest change from month 1 over the run (%, with its sign). */
export function worstChange(xs: readonly number[]): number {
  let worst = 0;
  for (let t = 1; t <= xs.length; t++) if (Math.abs(changeFromStart(xs, t)) > Math.abs(worst)) worst = changeFromStart(xs, t);
  return worst;
}
