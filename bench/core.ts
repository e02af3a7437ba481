// Core throughput: business-months per second of the monthly step (households, suppliers, program and
// ledger checks included; metrics collection excluded) at 1k, 10k and 100k businesses, one thread.
// Steady: after warm-up runs, repeated until two in a row agree within 3% (at most 8; the count is
// reported), then the median of BENCH_REPEATS runs with their spread. Cold: the first run in a fresh
// process at that size (a child process, so no earlier size has warmed the JIT). Memory: the child's peak
// resident memory over a 36-month run, less what the process held before the economy was made, per
// business (its households, its share of a supplier and its ledger accounts included), and per business
// added between the two largest sizes (without the process's fixed cost).
// Prints a table and writes bench/results/core-<timestamp>.json and bench/results/core-latest.json.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createEconomy, parseScenario, stepMonth, type Scenario } from '../sim/index.js';
import { root, saveResults } from './shared.js';

const fullCycle = JSON.parse(readFileSync(new URL('scenarios/full-cycle.json', root), 'utf8'));
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const months = Number(process.env.BENCH_MONTHS ?? 12);
const repeats = Number(process.env.BENCH_REPEATS ?? 5);
const MAX_WARMUPS = 8;
const STABLE = 0.03;
const MEMORY_MONTHS = 36;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function scenarioOf(n: number): Scenario {
  return parseScenario({
    ...fullCycle,
    economy: { ...fullCycle.economy, businesses: n },
    program: { ...fullCycle.program, maxParticipants: Math.round(n / 5), budgetRupiah: fullCycle.program.budgetRupiah * (n / 500) },
  });
}

interface Cold {
  coldSeconds: number;
  bytesPerBusiness: number;
}

// The child: one cold run of `months` months, then on to MEMORY_MONTHS for the peak memory.
if (process.env.BENCH_CHILD === 'cold') {
  const n = Number(process.env.BENCH_N);
  const scenario = scenarioOf(n);
  const before = process.memoryUsage().rss;
  const start = performance.now();
  const e = createEconomy(scenario, 1, true);
  for (let t = 0; t < months; t++) stepMonth(e);
  const coldSeconds = (performance.now() - start) / 1000;
  for (let t = months; t < MEMORY_MONTHS; t++) stepMonth(e);
  const peak = process.resourceUsage().maxRSS * 1024;
  const cold: Cold = { coldSeconds, bytesPerBusiness: (peak - before) / n };
  console.log(JSON.stringify(cold));
  process.exit(0);
}

interface Row {
  businesses: number;
  households: number;
  months: number;
  repeats: number;
  warmups: number;
  medianSeconds: number;
  businessMonthsPerSecond: number;
  minBusinessMonthsPerSecond: number;
  maxBusinessMonthsPerSecond: number;
  coldSeconds: number;
  coldBusinessMonthsPerSecond: number;
  bytesPerBusiness: number;
  transfersPerBusinessMonth: number;
  phaseShare: Record<string, number>;
}

const rows: Row[] = [];
for (const n of sizes) {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], { env: { ...process.env, BENCH_CHILD: 'cold', BENCH_N: String(n) }, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`the cold run at ${n} businesses failed: ${child.stderr}`);
  const cold = JSON.parse(child.stdout.trim().split('\n').pop()!) as Cold;

  const scenario = scenarioOf(n);
  const phaseTime: Record<string, number> = {};
  let households = 0;
  let transfers = 0;
  let seed = 1;
  /** One run: a new economy, one untimed month, then `months` timed months; seconds. */
  const timed = (record: boolean): number => {
    const e = createEconomy(scenario, seed++, true);
    households = e.households.count;
    stepMonth(e);
    let last = performance.now();
    const start = last;
    for (let t = 0; t < months; t++) {
      stepMonth(e, (name) => {
        const now = performance.now();
        if (record) phaseTime[name] = (phaseTime[name] ?? 0) + (now - last);
        last = now;
      });
      last = performance.now();
    }
    transfers = e.ledger.transfers / (months + 1) / n;
    return (performance.now() - start) / 1000;
  };
  let warmups = 0;
  let previous = Infinity;
  while (warmups < MAX_WARMUPS) {
    const s = timed(false);
    warmups++;
    if (Math.abs(s - previous) / previous < STABLE) break;
    previous = s;
  }
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) times.push(timed(true));
  const total = Object.values(phaseTime).reduce((a, x) => a + x, 0);
  const med = median(times);
  rows.push({
    businesses: n, households, months, repeats, warmups, medianSeconds: med,
    businessMonthsPerSecond: (n * months) / med,
    minBusinessMonthsPerSecond: (n * months) / Math.max(...times),
    maxBusinessMonthsPerSecond: (n * months) / Math.min(...times),
    coldSeconds: cold.coldSeconds,
    coldBusinessMonthsPerSecond: (n * months) / cold.coldSeconds,
    bytesPerBusiness: cold.bytesPerBusiness,
    transfersPerBusinessMonth: transfers,
    phaseShare: Object.fromEntries(Object.entries(phaseTime).map(([k, v]) => [k, v / total])),
  });
}

const fmt = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
const m = (x: number) => `${(x / 1e6).toFixed(2)} M`;
console.log(`Pendamping core bench — ${months} months, one thread, ${cpus()[0]?.model ?? 'cpu'}; steady: median of ${repeats} after warm-up runs until two agree within ${STABLE * 100}%;`);
console.log(`cold: the first ${months} months in a fresh process (economy made, no warm-up); memory: peak RSS over ${MEMORY_MONTHS} months per business`);
console.log('businesses  households  warm-ups  steady bm/s [min, max]     cold bm/s  cold s  KiB/business  transfers/bm  largest phases');
for (const r of rows) {
  const top = Object.entries(r.phaseShare).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} ${(v * 100).toFixed(0)}%`).join(', ');
  console.log(
    `${fmt(r.businesses).padStart(10)}  ${fmt(r.households).padStart(10)}  ${String(r.warmups).padStart(8)}  ` +
      `${`${m(r.businessMonthsPerSecond)} [${(r.minBusinessMonthsPerSecond / 1e6).toFixed(2)}, ${(r.maxBusinessMonthsPerSecond / 1e6).toFixed(2)}]`.padStart(24)}  ` +
      `${m(r.coldBusinessMonthsPerSecond).padStart(10)}  ${r.coldSeconds.toFixed(2).padStart(6)}  ${(r.bytesPerBusiness / 1024).toFixed(2).padStart(12)}  ${r.transfersPerBusinessMonth.toFixed(1).padStart(12)}  ${top}`,
  );
}
// What one more business costs, apart from what any run costs the process (V8's young generation and
// compiled code, about the same at every size): the slope of the children's peak memory between the two
// largest sizes, and the fixed part that slope leaves at the smaller.
let memory: { between: [number, number]; bytesPerAddedBusiness: number; fixedBytes: number } | undefined;
if (rows.length >= 2) {
  const [a, z] = rows.slice(-2);
  const slope = (z.bytesPerBusiness * z.businesses - a.bytesPerBusiness * a.businesses) / (z.businesses - a.businesses);
  memory = { between: [a.businesses, z.businesses], bytesPerAddedBusiness: slope, fixedBytes: a.bytesPerBusiness * a.businesses - slope * a.businesses };
  console.log(
    `memory per added business (${fmt(a.businesses)} to ${fmt(z.businesses)}): ${(slope / 1024).toFixed(2)} KiB; ` +
      `fixed per process (what that slope leaves at ${fmt(a.businesses)}): ${(memory.fixedBytes / 2 ** 20).toFixed(1)} MiB`,
  );
}
const out = { bench: 'core', date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, stableWithin: STABLE, maxWarmups: MAX_WARMUPS, memoryMonths: MEMORY_MONTHS, rows, memory };
saveResults('core', out);
