// compare --uncertainty as a district analyst waits for it: the whole `pendamping compare` process for the
// four shipped designs (training only, mentoring only, full cycle, cash transfer) with --uncertainty N
// (default 200: 4 × (10 replicates + 200 draws) = 840 runs), with 1 and 2 worker threads, once each
// (BENCH_REPEATS for more; the median is printed), and the speedup of 2 over 1. The JSON must be
// byte-identical across worker counts. Prints a table and writes bench/results/compare-<timestamp>.json
// and bench/results/compare-latest.json. Run it with `npm run bench:compare` (it builds first).
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { cliNodeFlags, root, saveResults } from './shared.js';

const draws = Number(process.env.BENCH_DRAWS ?? 200);
const repeats = Number(process.env.BENCH_REPEATS ?? 1);
const workerCounts = (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number);
const FILES = ['training-only', 'mentoring-only', 'full-cycle', 'cash-transfer'].map((n) => fileURLToPath(new URL(`scenarios/${n}.json`, root)));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cli = fileURLToPath(new URL('dist/bin/pendamping.js', root));

const seconds = new Map<number, number[]>();
let json: string | undefined;
for (let r = 0; r < repeats; r++) {
  for (const workers of workerCounts) {
    const start = performance.now();
    const out = execFileSync(process.execPath, [...cliNodeFlags(cli), cli, 'compare', ...FILES, '--uncertainty', String(draws), '--format', 'json', '--workers', String(workers)], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
    const s = (performance.now() - start) / 1000;
    seconds.set(workers, [...(seconds.get(workers) ?? []), s]);
    if (json !== undefined && out !== json) throw new Error(`compare --workers ${workers} printed other JSON than --workers ${workerCounts[0]}`);
    json = out;
    console.log(`workers ${workers}: ${s.toFixed(1)} s`);
  }
}
const rows = workerCounts.map((w) => ({ workers: w, medianSeconds: median(seconds.get(w)!), samples: seconds.get(w)! }));
const base = rows[0].medianSeconds;
console.log(`\ncompare, 4 designs, --uncertainty ${draws} (${4 * (10 + draws)} runs), median of ${repeats}; JSON identical across worker counts`);
console.log('| workers | wall time | speedup |\n| ---: | ---: | ---: |');
for (const row of rows) console.log(`| ${row.workers} | ${row.medianSeconds.toFixed(1)} s | ${(base / row.medianSeconds).toFixed(2)}× |`);
const results = { date: new Date().toISOString(), draws, repeats, cpus: cpus().length, available: availableParallelism(), load: loadavg(), rows };
saveResults('compare', results);
