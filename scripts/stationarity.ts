// How still the economy without a program holds: a no-program run for 120 months over several seeds, and
// each headline level's mean change from month 1 at months 12, 24, 60 and 120 (the ±2% target of the
// stationarity calibration rows), and the consumer price index and wage index, which start at 1.
// `npx tsx scripts/stationarity.ts [seeds] [months] [scenario] [region]`.
import { readFileSync } from 'node:fs';
import { parseScenario, startRun } from '../sim/index.js';
import { openIds } from '../sim/state/economy.js';

const seeds = Number(process.argv[2] ?? 5);
const months = Number(process.argv[3] ?? 120);
const file = process.argv[4] ?? 'scenarios/no-program.json';
const region = process.argv[5];
const input = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const scenario = parseScenario(region ? { ...input, region } : input, file);
const levels = ['turnover', 'jobs', 'localGdp', 'open', 'householdMoney', 'consumerPriceIndex', 'wageIndex'] as const;
const sums: Record<string, number[]> = Object.fromEntries(levels.map((l) => [l, new Array(months).fill(0)]));
for (let seed = 1; seed <= seeds; seed++) {
  const run = startRun(scenario, { seed, months, arms: 'program', metrics: ['all.turnoverTotal', 'economy.totalJobs', 'economy.localGdp', 'economy.consumerPriceIndex', 'economy.wageIndex'] });
  while (run.step()) {
    const t = run.month - 1;
    const e = run.program;
    const p = run.series().program;
    let money = 0;
    for (let i = 0; i < e.households.count; i++) money += e.ledger.money[e.householdAccount0 + i];
    sums.turnover[t] += p.all.turnoverTotal[t] / seeds;
    sums.jobs[t] += p.economy.totalJobs[t] / seeds;
    sums.localGdp[t] += p.economy.localGdp[t] / seeds;
    sums.open[t] += openIds(e.businesses).length / seeds;
    sums.householdMoney[t] += money / seeds;
    sums.consumerPriceIndex[t] += p.economy.consumerPriceIndex[t] / seeds;
    sums.wageIndex[t] += p.economy.wageIndex[t] / seeds;
  }
}
const at = [12, 24, 60, 120].filter((m) => m <= months);
console.log(`${file} in ${scenario.region}, ${scenario.economy.businesses} businesses: mean of ${seeds} seeds, change from month 1 (%)`);
console.log(['level'.padEnd(16), ...at.map((m) => `m${m}`.padStart(8)), 'worst'.padStart(8)].join(''));
for (const l of levels) {
  const xs = sums[l];
  const change = (t: number) => (100 * (xs[t - 1] - xs[0])) / xs[0];
  let worst = 0;
  for (let t = 1; t <= months; t++) if (Math.abs(change(t)) > Math.abs(worst)) worst = change(t);
  console.log([l.padEnd(16), ...at.map((m) => change(m).toFixed(1).padStart(8)), worst.toFixed(1).padStart(8)].join(''));
}
