// The initial employers in the no-program economy month by month: how many stay open, their customers
// (household-shop links), demand over capacity, the share marked up and the share that let a worker go,
// and all incumbents' customers per shop with its spread. `npx tsx scripts/employer-shops.ts`
// (3 seeds, 120 months, town). docs/wip/README.md point 11 reads it.
import { readFileSync } from 'node:fs';
import { parseScenario } from '../sim/index.js';
import { startRun } from '../sim/run/engine.js';
import { openIds } from '../sim/state/economy.js';
const seeds = 3, months = 120;
const scenario = parseScenario(JSON.parse(readFileSync('scenarios/no-program.json', 'utf8')), 'x');
const at = [1, 3, 6, 12, 24, 48, 72, 96, 120];
const rows: Record<string, number[]> = {};
const add = (k: string, t: number, v: number) => { (rows[k] ??= new Array(months).fill(0))[t] += v / seeds; };
for (let seed = 1; seed <= seeds; seed++) {
  const run = startRun(scenario, { seed, months, arms: 'program', metrics: 'none' });
  const emp0 = Float64Array.from(run.program.businesses.workforce.employees);
  while (run.step()) {
    const t = run.month - 1, e = run.program, b = e.businesses, ids = openIds(b);
    const cnt = new Float64Array(b.used); const K = e.households.shopsKnown;
    for (let i = 0; i < e.households.count * K; i++) cnt[e.households.shops[i]]++;
    let inc = 0, c = 0, c2 = 0, empShops = 0, empCust = 0, empN = 0, lostEmp = 0, turnE=0, turnE0=0, demE=0, capE=0, mkE=0;
    for (const id of ids) if (id < 500) { inc++; c += cnt[id]; c2 += cnt[id] ** 2; if (emp0[id] > 0) { empN++; empCust += cnt[id]; if (b.workforce.employees[id] < emp0[id]) lostEmp++; turnE += b.flows.turnover[id]; turnE0 += b.market.turnoverStart[id];
      const w = 1 + b.workforce.familyWorkers[id] + b.workforce.employees[id]; demE += b.market.expectedDemand[id]; capE += w * b.technology.productivity[id]; if (b.technology.scarcityMarkup[id] > 0) mkE++; } }
    add('incumbentCust', t, c / inc); add('sdCust', t, Math.sqrt(c2 / inc - (c / inc) ** 2)); add('empShopsOpen', t, empN); add('empShopCust', t, empCust / empN); add('empShopsLostEmp%', t, 100 * lostEmp / empN);
    add('empShopTurn/start%', t, 100 * turnE / turnE0); add('empShopDem/cap%', t, 100 * demE / capE); add('empShopMarkup%', t, 100 * mkE / empN);
  }
}
console.log('metric'.padEnd(20) + at.map((m) => `m${m}`.padStart(9)).join(''));
for (const [k, xs] of Object.entries(rows)) console.log(k.padEnd(20) + at.map((m) => xs[m - 1].toFixed(2).padStart(9)).join(''));
