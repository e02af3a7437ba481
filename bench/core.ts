// Core throughput: business-months per second of the monthly step (households, suppliers, program and
// ledger checks included; metrics collection excluded) at 1k, 10k and 100k businesses, one thread.
// Steady: after warm-up runs, repeated until two in a row agree within 3% (at most 8; the count is
// reported), then the median of BENCH_REPEATS runs with their spread. Cold: the first run in a fresh
// process at that size (a child process started with the executable's Node flags, as a CLI run is, so no
// earlier size has warmed the JIT). Memory: the child's peak
// resident memory over a 36-month run, less what the process held before the economy was made, per
// business (its households, its share of a supplier and its ledger accounts included), and per business
// added between the two largest sizes (without the process's fixed cost). Floor: what the market phase's
// three passes over households' shop links cost with nothing else in them (each pass reads, for every
// household, the 32-byte record of each of its shops, drawn at random across the economy, as trade() does),
// in nanoseconds per business-month: the part of the month that only memory access sets.
// Prints a table and writes bench/results/core-<timestamp>.json and bench/results/core-latest.json.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createEconomy, parseScenario, stepMonth, type Scenario } from '../sim/index.js';
import { cliNodeFlags, root, saveResults } from './shared.js';

const fullCycle = JSON.parse(readFileSync(new URL('scenarios/full-cycle.json', root), 'utf8'));
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const months = Number(process.env.BENCH_MONTHS ?? 12);
const repeats = Number(process.env.BENCH_REPEATS ?? 5);
const MAX_WARMUPS = 8;
const STABLE = 0.03;
const MEMORY_MONTHS = 36;
/** The cold child starts with the `pendamping` executable's Node flags: a fresh process as every CLI run is. */
const cliFlags = cliNodeFlags(fileURLToPath(new URL('dist/bin/pendamping.js', root)));

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

/** One month of the market's memory access (see linkFloor); returns a sum so the work cannot be dropped. */
function linkPasses(shops: Int32Array, H: number, K: number, first: Float64Array, second: Float64Array, orders: Float64Array): number {
  let sink = 0;
  for (let i = 0; i < H; i++) {
    const base = i * K;
    let w = 0;
    for (let k = 0; k < K; k++) w += first[shops[base + k] * 4];
    for (let k = 0; k < K; k++) {
      const r = shops[base + k] * 4;
      const o = first[r] / w;
      orders[base + k] = o;
      first[r + 2] += o;
    }
  }
  for (let i = 0; i < H; i++) {
    const base = i * K;
    let unmet = 0;
    for (let k = 0; k < K; k++) unmet += orders[base + k] * second[shops[base + k] * 4];
    sink += unmet;
  }
  for (let i = 0; i < H; i++) {
    const base = i * K;
    for (let k = 0; k < K; k++) {
      const r = shops[base + k] * 4;
      second[r + 3] += orders[base + k] * second[r];
    }
  }
  return sink;
}

/**
 * The market's memory access alone: three passes over `e`'s households and their shops, reading and updating
 * one 4-number record per shop as trade() does (sim/phases/market.ts), with no other work. Nanoseconds per
 * business-month: after at least 0.3 s of untimed passes (so the passes run optimised at every size), the
 * median of 9 samples of at least 20 ms each.
 */
function linkFloor(e: ReturnType<typeof createEconomy>, n: number): number {
  const { shops, count: H, shopsKnown: K } = e.households;
  const first = new Float64Array(e.businesses.allocated * 4).fill(1);
  const second = new Float64Array(e.businesses.allocated * 4).fill(0.5);
  const orders = new Float64Array(H * K);
  let sink = 0;
  for (const start = performance.now(); performance.now() - start < 300; ) sink += linkPasses(shops, H, K, first, second, orders);
  const perMonth: number[] = [];
  for (let j = 0; j < 9; j++) {
    let passes = 0;
    const start = performance.now();
    do {
      sink += linkPasses(shops, H, K, first, second, orders);
      passes++;
    } while (performance.now() - start < 20);
    perMonth.push((performance.now() - start) / passes);
  }
  if (!Number.isFinite(sink)) throw new Error('the shop-link passes overflowed');
  return (median(perMonth) * 1e6) / n;
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
  /** The market's three passes over shop links with nothing else (linkFloor), ns per business-month. */
  linkFloorNanoseconds: number;
  phaseShare: Record<string, number>;
}

const rows: Row[] = [];
for (const n of sizes) {
  const child = spawnSync(process.execPath, [...cliFlags, fileURLToPath(import.meta.url)], { env: { ...process.env, BENCH_CHILD: 'cold', BENCH_N: String(n) }, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`the cold run at ${n} businesses failed: ${child.stderr}`);
  const cold = JSON.parse(child.stdout.trim().split('\n').pop()!) as Cold;

  const scenario = scenarioOf(n);
  const phaseTime: Record<string, number> = {};
  let households = 0;
  let transfers = 0;
  let seed = 1;
  let lastEconomy: ReturnType<typeof createEconomy> | undefined;
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
    const seconds = (performance.now() - start) / 1000;
    lastEconomy = e;
    return seconds;
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
  const floor = linkFloor(lastEconomy!, n);
  lastEconomy = undefined;
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
    linkFloorNanoseconds: floor,
    phaseShare: Object.fromEntries(Object.entries(phaseTime).map(([k, v]) => [k, v / total])),
  });
}

const fmt = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
const m = (x: number) => `${(x / 1e6).toFixed(2)} M`;
console.log(`Pendamping core bench — ${months} months, one thread, ${cpus()[0]?.model ?? 'cpu'}; steady: median of ${repeats} after warm-up runs until two agree within ${STABLE * 100}%;`);
console.log(`cold: the first ${months} months in a fresh process (economy made, no warm-up); memory: peak RSS over ${MEMORY_MONTHS} months per business`);
console.log('businesses  households  warm-ups  steady bm/s [min, max]     cold bm/s  cold s  KiB/business  transfers/bm  ns/bm  shop links ns/bm  largest phases');
for (const r of rows) {
  const top = Object.entries(r.phaseShare).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} ${(v * 100).toFixed(0)}%`).join(', ');
  console.log(
    `${fmt(r.businesses).padStart(10)}  ${fmt(r.households).padStart(10)}  ${String(r.warmups).padStart(8)}  ` +
      `${`${m(r.businessMonthsPerSecond)} [${(r.minBusinessMonthsPerSecond / 1e6).toFixed(2)}, ${(r.maxBusinessMonthsPerSecond / 1e6).toFixed(2)}]`.padStart(24)}  ` +
      `${m(r.coldBusinessMonthsPerSecond).padStart(10)}  ${r.coldSeconds.toFixed(2).padStart(6)}  ${(r.bytesPerBusiness / 1024).toFixed(2).padStart(12)}  ${r.transfersPerBusinessMonth.toFixed(1).padStart(12)}  ${(1e9 / r.businessMonthsPerSecond).toFixed(0).padStart(5)}  ${r.linkFloorNanoseconds.toFixed(0).padStart(16)}  ${top}`,
  );
}
console.log(
  'shop links: the market\'s three passes over households\' shops with nothing else in them (reads and writes of each shop\'s record only); ' +
    'the targets leave 500 ns a business-month at 1k and 10k (2 M/s) and 400 ns at 100k (2.5 M/s) for the whole month',
);
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
