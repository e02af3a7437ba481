// A no-program economy without shocks should hold still (issue 12, item 4): each headline level stays
// within ±2% of month 1 for 120 months, mean of 10 seeds, in every shipped region profile. The default
// economy (500 businesses) keeps the test to a few seconds a profile; `scripts/stationarity.ts` prints
// the same levels month by month.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../sim/index.js';
import { SHIPPED_REGIONS } from '../../sim/scenario/regions.js';
import { stationarityLevels, worstChange, type StationarityLevel } from '../../sim/calibration/stationarity.js';

const MONTHS = 120;
const SEEDS = 10;
const BOUND_PCT = 2;

type Level = Exclude<StationarityLevel, 'wageIndex'>;
const LEVELS: Level[] = ['turnover', 'jobs', 'localGdp', 'open', 'householdMoney', 'consumerPriceIndex'];

/**
 * How far each level may move today (%, worst month, seeds 1–10): a guard against sliding back, wider than
 * the goal only where the goal is not met yet. Measured worst values: `town` turnover +1.0, jobs −1.3,
 * open −1.8, household money +0.4; `rural` turnover +2.0, jobs −1.0, household money +2.5; `periurban`
 * turnover +1.4, jobs −1.1, open −1.5, household money +1.2; the consumer price index at most +0.6.
 */
const GUARD: Record<Level, number> = { turnover: 2.5, jobs: 2, localGdp: 2, open: 2.5, householdMoney: 3, consumerPriceIndex: 1.5 };

/**
 * Profiles where some level still leaves ±2% (docs/model.md §8): in `rural`, households' money and
 * micro-businesses' turnover end about 2–2.5% above month 1. When one passes, take it off this list.
 */
const GOAL_NOT_MET = new Set(['rural']);

/** Each level's largest change from month 1 (%) over the run, of the mean over seeds. */
function worstChanges(region: string): Record<Level, number> {
  const raw = JSON.parse(readFileSync('scenarios/no-program.json', 'utf8'));
  const levels = stationarityLevels(parseScenario({ ...raw, region }, `no-program in ${region}`), SEEDS, MONTHS);
  return Object.fromEntries(LEVELS.map((l) => [l, worstChange(levels[l])])) as Record<Level, number>;
}

describe.each(SHIPPED_REGIONS)('stationary baseline in %s (no program, no shocks)', (region) => {
  const worst = worstChanges(region);
  const report = LEVELS.map((l) => `${l} ${worst[l].toFixed(1)}%`).join(', ');
  it('every level stays within its guard of month 1 for 120 months, local GDP within ±2%', () => {
    for (const level of LEVELS) expect(Math.abs(worst[level]), `${level}: ${report}`).toBeLessThanOrEqual(GUARD[level]);
  });
  const goal = GOAL_NOT_MET.has(region) ? it.fails : it;
  goal(`every headline level stays within ±2% of month 1 for 120 months${GOAL_NOT_MET.has(region) ? ' (goal, not yet reached here)' : ''}`, () => {
    for (const level of LEVELS) expect(Math.abs(worst[level]), report).toBeLessThanOrEqual(BOUND_PCT);
  });
});
