// A no-program economy without shocks should hold still (issue 12, item 4): each headline level stays
// within ±2% of month 1 for 120 months, mean of seeds. A smaller economy than the default (200 businesses,
// seeds 1–3) keeps the test fast; `scripts/stationarity.ts` measures the full one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, startRun } from '../../sim/index.js';
import { openIds } from '../../sim/state/economy.js';

const MONTHS = 120;
const SEEDS = [1, 2, 3];
const BOUND_PCT = 2;

type Level = 'turnover' | 'jobs' | 'localGdp' | 'open' | 'householdMoney';
const LEVELS: Level[] = ['turnover', 'jobs', 'localGdp', 'open', 'householdMoney'];

/** Each level's largest change from month 1 (%) over the run, of the mean over seeds. */
function worstChanges(): Record<Level, number> {
  const raw = JSON.parse(readFileSync('scenarios/no-program.json', 'utf8'));
  const scenario = parseScenario({ ...raw, economy: { ...raw.economy, businesses: 200 } }, 'no-program (200 businesses)');
  const sums = Object.fromEntries(LEVELS.map((l) => [l, new Array<number>(MONTHS).fill(0)])) as Record<Level, number[]>;
  for (const seed of SEEDS) {
    const run = startRun(scenario, { seed, months: MONTHS, arms: 'program', metrics: ['all.turnoverTotal', 'economy.totalJobs', 'economy.localGdp'] });
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

describe('stationary baseline (no program, no shocks)', () => {
  const worst = worstChanges();
  const report = LEVELS.map((l) => `${l} ${worst[l].toFixed(1)}%`).join(', ');
  // What the model reaches now: every level within ±8% for 120 months (the code before issue 12's fixes
  // lost 13–25% of turnover and jobs). A guard against sliding back, not the goal.
  it('every headline level stays within ±8% of month 1 for 120 months', () => {
    for (const level of LEVELS) expect(Math.abs(worst[level]), report).toBeLessThanOrEqual(8);
  });
  // The goal, not yet reached (docs/model.md §8): scarcity markups still move part of local demand to
  // imports, and the first months jump. When this starts passing, make it a plain test.
  it.fails('every headline level stays within ±2% of month 1 for 120 months (goal, not yet reached)', () => {
    for (const level of LEVELS) expect(Math.abs(worst[level]), report).toBeLessThanOrEqual(BOUND_PCT);
  });
});
