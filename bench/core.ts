// Core throughput: business-months per second of the monthly step (households, suppliers, program and
// ledger checks included; metrics collection excluded) at 1k, 10k and 100k businesses, one thread.
// Prints a table and writes bench/results/core-<timestamp>.json and bench/results/core-latest.json.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { createEconomy, parseScenario, stepMonth } from '../sim/index.js';
import { root, saveResults } from './shared.js';

const fullCycle = JSON.parse(readFileSync(new URL('scenarios/full-cycle.json', root), 'utf8'));
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const months = Number(process.env.BENCH_MONTHS ?? 12);
const repeats = Number(process.env.BENCH_REPEATS ?? 5);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Row {
  businesses: number;
  households: number;
  months: number;
  repeats: number;
  medianSeconds: number;
  businessMonthsPerSecond: number;
  transfersPerBusinessMonth: number;
  phaseShare: Record<string, number>;
}

const rows: Row[] = [];
for (const n of sizes) {
  const scenario = parseScenario({
    ...fullCycle,
    economy: { ...fullCycle.economy, businesses: n },
    program: { ...fullCycle.program, maxParticipants: Math.round(n / 5), budgetRupiah: fullCycle.program.budgetRupiah * (n / 500) },
  });
  const times: number[] = [];
  const phaseTime: Record<string, number> = {};
  let households = 0;
  let transfers = 0;
  for (let r = 0; r < repeats + 1; r++) {
    const e = createEconomy(scenario, 1 + r, true);
    households = e.households.count;
    stepMonth(e); // warm-up month, not timed
    let last = performance.now();
    const start = last;
    for (let t = 0; t < months; t++) {
      stepMonth(e, (name) => {
        const now = performance.now();
        if (r > 0) phaseTime[name] = (phaseTime[name] ?? 0) + (now - last);
        last = now;
      });
      last = performance.now();
    }
    const seconds = (performance.now() - start) / 1000;
    transfers = e.ledger.transfers / (months + 1) / n;
    if (r > 0) times.push(seconds); // the first repeat warms up the JIT
  }
  const total = Object.values(phaseTime).reduce((a, x) => a + x, 0);
  const med = median(times);
  rows.push({
    businesses: n, households, months, repeats, medianSeconds: med,
    businessMonthsPerSecond: (n * months) / med,
    transfersPerBusinessMonth: transfers,
    phaseShare: Object.fromEntries(Object.entries(phaseTime).map(([k, v]) => [k, v / total])),
  });
}

const fmt = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
console.log(`Pendamping core bench — ${months} months after 1 warm-up, median of ${repeats} runs, one thread, ${cpus()[0]?.model ?? 'cpu'}`);
console.log('businesses  households   median s   business-months/s   ledger transfers/business-month   largest phases');
for (const r of rows) {
  const top = Object.entries(r.phaseShare).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} ${(v * 100).toFixed(0)}%`).join(', ');
  console.log(`${fmt(r.businesses).padStart(10)}  ${fmt(r.households).padStart(10)}  ${r.medianSeconds.toFixed(3).padStart(9)}  ${fmt(r.businessMonthsPerSecond).padStart(18)}   ${r.transfersPerBusinessMonth.toFixed(1).padStart(31)}   ${top}`);
}
const out = { bench: 'core', date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, rows };
saveResults('core', out);
