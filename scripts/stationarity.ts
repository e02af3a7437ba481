// How still the economy without a program holds: a no-program run for 120 months over several seeds, and
// each headline level's mean change from month 1 at months 12, 24, 60 and 120 (the ±2% target of the
// stationarity calibration rows), and the consumer price index and wage index, which start at 1.
// `npx tsx scripts/stationarity.ts [seeds] [months] [scenario] [region]`.
import { readFileSync } from 'node:fs';
import { parseScenario } from '../sim/index.js';
import { STATIONARITY_LEVELS, changeFromStart, stationarityLevels, worstChange } from '../sim/calibration/stationarity.js';

const seeds = Number(process.argv[2] ?? 5);
const months = Number(process.argv[3] ?? 120);
const file = process.argv[4] ?? 'scenarios/no-program.json';
const region = process.argv[5];
const input = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const scenario = parseScenario(region ? { ...input, region } : input, file);
const levels = stationarityLevels(scenario, seeds, months);
const at = [12, 24, 60, 120].filter((m) => m <= months);
console.log(`${file} in ${scenario.region}, ${scenario.economy.businesses} businesses: mean of ${seeds} seeds, change from month 1 (%)`);
console.log(['level'.padEnd(20), ...at.map((m) => `m${m}`.padStart(8)), 'worst'.padStart(8)].join(''));
for (const l of STATIONARITY_LEVELS) {
  const xs = levels[l];
  console.log([l.padEnd(20), ...at.map((m) => changeFromStart(xs, m).toFixed(1).padStart(8)), worstChange(xs).toFixed(1).padStart(8)].join(''));
}
