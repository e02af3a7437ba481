// Workers per business by demand (in workers' worth of usual output), for the start's businesses at
// month 1 and month 120, and for entrants by age at the last month. Issue 12's jobs drift.
// `npx tsx scripts/staffing.ts [seeds] [months] [region]`.
import { startRun } from '../sim/run/engine.js';
import { openIds } from '../sim/state/economy.js';
import { noProgramArgs } from './noProgramArgs.js';
const { seeds, months, scenario } = noProgramArgs();
const buckets = [0, 0.5, 1, 1.5, 2, 3, 4, 6, 99];
type Acc = { n: number[]; w: number[]; emp: number[] };
const acc = (): Acc => ({ n: buckets.map(() => 0), w: buckets.map(() => 0), emp: buckets.map(() => 0) });
const groups: Record<string, Acc> = { 'start m1': acc(), 'start m_end': acc(), 'entrant age<12': acc(), 'entrant 12-35': acc(), 'entrant 36+': acc() };
for (let seed = 1; seed <= seeds; seed++) {
  const run = startRun(scenario, { seed, months, arms: 'program', metrics: 'none' });
  const born = new Map<number, number>();
  while (run.step()) {
    const e = run.program; const b = e.businesses;
    for (const id of openIds(b)) if (id >= scenario.economy.businesses && !born.has(id)) born.set(id, run.month);
    if (run.month !== 1 && run.month !== months) continue;
    for (const id of openIds(b)) {
      const need = b.market.expectedDemand[id] / b.technology.productivity[id];
      let k = 0; while (k < buckets.length - 1 && need >= buckets[k + 1]) k++;
      let g: string;
      if (id < scenario.economy.businesses) g = run.month === 1 ? 'start m1' : 'start m_end';
      else if (run.month !== months) continue;
      else { const age = months - (born.get(id) ?? months); g = age < 12 ? 'entrant age<12' : age < 36 ? 'entrant 12-35' : 'entrant 36+'; }
      const a = groups[g]; a.n[k]++; a.emp[k] += b.workforce.employees[id]; a.w[k] += 1 + b.workforce.familyWorkers[id] + b.workforce.employees[id];
    }
  }
}
console.log('demand (workers)'.padEnd(18) + Object.keys(groups).map((g) => g.padStart(22)).join(''));
for (let k = 0; k < buckets.length - 1; k++) {
  console.log(`${buckets[k]}–${buckets[k + 1]}`.padEnd(18) + Object.values(groups).map((a) => (a.n[k] ? `${(a.emp[k] / a.n[k]).toFixed(2)} emp ${(a.w[k] / a.n[k]).toFixed(2)} w n${a.n[k]}` : '-').padStart(22)).join(''));
}
