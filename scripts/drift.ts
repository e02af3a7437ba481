// Where the no-program economy drifts: each month's mean over seeds of the micro-businesses' markups,
// demand over capacity, employees, pull, prices, households' money and income, and labour slack.
// `npx tsx scripts/drift.ts [seeds] [months] [region]`. docs/wip/README.md reads it.
import { startRun } from '../sim/run/engine.js';
import { openIds } from '../sim/state/economy.js';
import { noProgramArgs } from './noProgramArgs.js';
const { seeds, months, scenario } = noProgramArgs();
const at = [1, 2, 3, 6, 12, 24, 48, 72, 96, 120].filter((m) => m <= months);
const rows: Record<string, number[]> = {};
const add = (k: string, t: number, v: number) => { (rows[k] ??= new Array(months).fill(0))[t] += v / seeds; };
for (let seed = 1; seed <= seeds; seed++) {
  const run = startRun(scenario, { seed, months, arms: 'program', metrics: 'none' });
  while (run.step()) {
    const t = run.month - 1; const e = run.program; const b = e.businesses;
    const ids = openIds(b);
    let pr = 0, mk = 0, nmk = 0, outr = 0, cap = 0, dem = 0, eq = 0, emp = 0, att = 0, att0 = 0, turn = 0, inv=0, turn0=0, fam=0;
    for (const id of ids) {
      const w = 1 + b.workforce.familyWorkers[id] + b.workforce.employees[id];
      const c = w * b.technology.productivity[id];
      pr += b.technology.price[id] / b.technology.priceStart[id];
      mk += b.technology.scarcityMarkup[id]; if (b.technology.scarcityMarkup[id] > 0) nmk++;
      if (b.market.expectedDemand[id] > 0.95 * c) outr++;
      cap += c; dem += b.market.expectedDemand[id]; eq += b.technology.equipmentGain[id]; emp += b.workforce.employees[id];
      att += b.market.attraction[id]; att0 += b.market.attractionStart[id]; turn += b.flows.turnover[id]; inv += b.market.inventory[id]; turn0 += b.market.turnoverStart[id];
    }
    const n = ids.length;
    let ent = 0, entMk = 0, entEmp = 0, incEmp = 0, eT = 0, eT0 = 0, eD = 0, eC = 0, eCust = 0, iCust = 0, iD = 0, iC = 0;
    for (const id of ids) { const w = 1 + b.workforce.familyWorkers[id] + b.workforce.employees[id]; const c = w * b.technology.productivity[id];
      if (id >= scenario.economy.businesses) { eT += b.flows.turnover[id]; eT0 += b.market.turnoverStart[id]; eD += b.market.expectedDemand[id]; eC += c; eCust += b.flows.customers[id]; } else { iCust += b.flows.customers[id]; iD += b.market.expectedDemand[id]; iC += c; } }
    add('entT/T0%', t, eT0 ? 100 * eT / eT0 : 0); add('entDem/cap%', t, eC ? 100 * eD / eC : 0); add('incDem/cap%', t, 100 * iD / iC);
    for (const id of ids) { if (id >= scenario.economy.businesses) { ent++; entMk += b.technology.scarcityMarkup[id] > 0 ? 1 : 0; entEmp += b.workforce.employees[id]; } else incEmp += b.workforce.employees[id]; }
    add('entrants', t, ent); add('entrantMk%', t, ent ? 100 * entMk / ent : 0); add('entrantEmp', t, entEmp); add('incumbentEmp', t, incEmp);
    add('open', t, n); add('price/start%', t, 100*pr/n); add('meanMarkup%', t, 100 * mk / n); add('shareMarkup%', t, 100 * nmk / n); add('shareOutrun%', t, 100 * outr / n);
    add('dem/cap%', t, 100 * dem / cap); add('meanEquip%', t, 100 * eq / n); add('employees', t, emp); add('pull/pull0%', t, 100 * att / att0);
    add('turnover/start%', t, 100 * turn / turn0); add('microPI', t, e.labour.microPriceIndex); add('cpi', t, e.labour.consumerPriceIndex);
    let hm = 0, inc = 0; for (let i = 0; i < e.households.count; i++) { hm += e.ledger.money[e.householdAccount0 + i]; inc += e.households.incomeLast[i]; }
    add('hhMoney', t, hm / 1e6); add('hhIncome', t, inc / 1e6); add('wageIdx', t, e.labour.wageIndex); add('slack%', t, 100*e.labour.slack);
  }
}
console.log('metric'.padEnd(16) + at.map((m) => ('m' + m).padStart(10)).join(''));
for (const [k, xs] of Object.entries(rows)) console.log(k.padEnd(16) + at.map((m) => xs[m - 1].toPrecision(5).padStart(10)).join(''));
