// Cluster batch bench, on a Redis of its own (a redis-server on a free loopback port) or $PENDAMPING_BENCH_REDIS:
//  (a) the overhead of one BullMQ job: a no-op job's round trip — added, taken by a worker, completed,
//      seen by the coordinator's poll and fetched and removed as `batch --cluster` does — one job at a
//      time (latency) and 1,000 at once (amortised), with the worker in this process;
//  (b) throughput, runs per second end to end, of a real experiment through `pendamping worker`
//      processes (1 thread each) — 1 and 2 processes, chunk sizes 1 and 8 — beside the local batch with 1
//      and 2 threads. Each cluster result is checked byte for byte against the local batch's. The local
//      batch is timed as a user waits for it, thread start-up included (~0.4 s a thread); the cluster
//      workers are started and warmed up (a small batch) before the clock starts, as in a cluster whose
//      workers stay up; the coordinator's validation, queueing, polling (every 250 ms) and assembly count.
// Median of BENCH_REPEATS (default 3). Prints a table and writes bench/results/cluster-<timestamp>.json
// and bench/results/cluster-latest.json.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue, Worker } from 'bullmq';
import { clusterBatch } from '../cli/cluster/coordinator.js';
import { bullConnection, checkRedis } from '../cli/cluster/connection.js';
import { parseRedisUrl } from '../cli/cluster/redisUrl.js';
import { batchCommand } from '../cli/commands/batch.js';
import { cliNodeFlags, root, saveResults, benchExperiments, POINTS } from './shared.js';

const cliMain = fileURLToPath(new URL('dist/bin/pendamping.js', root));
const businesses = Number(process.env.BENCH_BUSINESSES ?? 500);
const months = Number(process.env.BENCH_MONTHS ?? 24);
const replicates = Number(process.env.BENCH_REPLICATES ?? 25);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const overheadJobs = Number(process.env.BENCH_OVERHEAD_JOBS ?? 200);
const processCounts = (process.env.BENCH_PROCESSES ?? '1,2').split(',').map(Number);
const chunkSizes = (process.env.BENCH_CHUNKS ?? '1,8').split(',').map(Number);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

// Redis: the given one, or our own.
let redisServer: ChildProcess | undefined;
let url = process.env.PENDAMPING_BENCH_REDIS;
if (!url) {
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) throw new Error('no redis-server: install it (apt-get install redis-server) or set PENDAMPING_BENCH_REDIS');
  const port = await freePort();
  redisServer = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  url = `redis://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await checkRedis(parseRedisUrl(url), 500);
      break;
    } catch (err) {
      if (i > 50) throw err;
      await sleep(100);
    }
  }
}
const target = parseRedisUrl(url, process.env);
const prefix = `bench-${process.pid}`;

// (a) Per-job overhead, no-op jobs.
async function overhead(): Promise<{ latencyMs: number; latencyP90Ms: number; amortisedMs: number; amortisedJobs: number }> {
  const name = `${prefix}-overhead`;
  const queue = new Queue(name, { connection: bullConnection(target) });
  const worker = new Worker(name, async () => ({ runs: 0 }), { connection: bullConnection(target, { maxRetriesPerRequest: null }), concurrency: 1 });
  await worker.waitUntilReady();
  /** What the coordinator does for each job: find it completed, fetch it, remove it. */
  const collect = async (wanted: Set<string>) => {
    while (wanted.size > 0) {
      const ids = await queue.getRanges(['completed'], 0, -1, true);
      for (const id of ids) {
        if (!wanted.has(id)) continue;
        const job = await queue.getJob(id);
        await job!.remove();
        wanted.delete(id);
      }
      if (wanted.size > 0) await sleep(1);
    }
  };
  const latencies: number[] = [];
  for (let i = 0; i < overheadJobs; i++) {
    const t = performance.now();
    await queue.add('noop', { i }, { jobId: `lat-${i}` });
    await collect(new Set([`lat-${i}`]));
    latencies.push(performance.now() - t);
  }
  const n = 1000;
  const t = performance.now();
  await queue.addBulk(Array.from({ length: n }, (_, i) => ({ name: 'noop', data: { i }, opts: { jobId: `bulk-${i}` } })));
  await collect(new Set(Array.from({ length: n }, (_, i) => `bulk-${i}`)));
  const amortisedMs = (performance.now() - t) / n;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  const sorted = [...latencies].sort((a, b) => a - b);
  return { latencyMs: median(latencies), latencyP90Ms: sorted[Math.floor(sorted.length * 0.9)], amortisedMs, amortisedJobs: n };
}

// (b) Throughput of a real experiment.
const dir = mkdtempSync(join(tmpdir(), 'pendamping-bench-cluster-'));
const writeExperiment = benchExperiments(dir, businesses, months);
const experiment = writeExperiment('cluster-bench', replicates);
/** Run through fresh workers before timing, so their threads are warm (as in a long-lived cluster). */
const warmUp = writeExperiment('warm-up', 2);

interface Sample {
  mode: 'local' | 'cluster';
  /** Local: threads. Cluster: worker processes of one thread each. */
  parallel: number;
  chunkSize: number | null;
  runs: number;
  seconds: number;
}
const samples: Sample[] = [];
let reference: string | undefined;
const check = (out: string, what: string) => {
  const csv = readFileSync(join(out, 'results.csv'), 'utf8') + readFileSync(join(out, 'summary.csv'), 'utf8');
  if (reference === undefined) reference = csv;
  else if (csv !== reference) throw new Error(`${what}: results differ from the local batch's`);
  rmSync(out, { recursive: true, force: true });
};

async function startWorkers(count: number, queue: string): Promise<ChildProcess[]> {
  const procs = Array.from({ length: count }, () => spawn(process.execPath, [...cliNodeFlags(cliMain), cliMain, 'worker', '--cluster', url!, '--queue', queue, '--threads', '1'], { stdio: ['ignore', 'ignore', 'pipe'] }));
  await Promise.all(
    procs.map(
      (p) =>
        new Promise<void>((resolve, reject) => {
          let err = '';
          p.stderr!.on('data', (d) => {
            err += d;
            if (/waiting for chunks/.test(err)) resolve();
          });
          p.on('exit', (code) => reject(new Error(`a bench worker exited with ${code}: ${err}`)));
        }),
    ),
  );
  return procs;
}
const stopWorkers = (procs: ChildProcess[]) => Promise.all(procs.map((p) => new Promise((resolve) => (p.once('exit', resolve), p.kill('SIGTERM')))));

const over = await overhead();
for (let r = 0; r < repeats; r++) {
  for (const threads of processCounts) {
    const out = join(dir, `local-${threads}-${r}`);
    const t = performance.now();
    const o = await batchCommand(experiment, { workers: threads, out });
    samples.push({ mode: 'local', parallel: threads, chunkSize: null, runs: o.runs, seconds: (performance.now() - t) / 1000 });
    check(out, `local ${threads}`);
  }
  for (const count of processCounts) {
    const queue = `${prefix}-${count}-${r}`;
    const procs = await startWorkers(count, queue);
    try {
      await clusterBatch(warmUp, { target, out: join(dir, `warm-${count}-${r}`), chunkSize: 1, queue });
      for (const size of chunkSizes) {
        const out = join(dir, `cluster-${count}-${size}-${r}`);
        const t = performance.now();
        const o = await clusterBatch(experiment, { target, out, chunkSize: size, queue });
        samples.push({ mode: 'cluster', parallel: count, chunkSize: size, runs: o.runs, seconds: (performance.now() - t) / 1000 });
        check(out, `cluster ${count}×${size}`);
      }
    } finally {
      await stopWorkers(procs);
    }
  }
}
rmSync(dir, { recursive: true, force: true });
redisServer?.kill('SIGTERM');

const configs = [...new Set(samples.map((s) => `${s.mode}|${s.parallel}|${s.chunkSize}`))];
const rows = configs.map((key) => {
  const mine = samples.filter((s) => `${s.mode}|${s.parallel}|${s.chunkSize}` === key);
  const seconds = median(mine.map((s) => s.seconds));
  return { mode: mine[0].mode, parallel: mine[0].parallel, chunkSize: mine[0].chunkSize, runs: mine[0].runs, medianSeconds: seconds, runsPerSecond: mine[0].runs / seconds, seconds: mine.map((s) => s.seconds) };
});
const rate = (mode: string, parallel: number, chunk: number | null) => rows.find((x) => x.mode === mode && x.parallel === parallel && x.chunkSize === chunk)?.runsPerSecond;

console.log(`Pendamping cluster bench — Redis ${target.shown}, ${availableParallelism()} CPUs, ${cpus()[0]?.model ?? 'cpu'}`);
console.log(`(a) per-job overhead (no-op job: add → worker → completed → coordinator fetches and removes it)`);
console.log(`    one at a time: median ${over.latencyMs.toFixed(2)} ms, p90 ${over.latencyP90Ms.toFixed(2)} ms; ${over.amortisedJobs} at once: ${over.amortisedMs.toFixed(3)} ms per job`);
console.log(`(b) ${rows[0].runs} runs of ${businesses} businesses × ${months} months (program + counterfactual), end to end, median of ${repeats}`);
console.log(`    mode      parallel   chunk   seconds   runs/s   vs same mode ×1`);
for (const x of rows) {
  const one = rate(x.mode, 1, x.chunkSize);
  console.log(
    `    ${x.mode.padEnd(8)}  ${String(x.parallel).padStart(8)}   ${String(x.chunkSize ?? '-').padStart(5)}   ${x.medianSeconds.toFixed(2).padStart(7)}   ${x.runsPerSecond.toFixed(2).padStart(6)}   ${one ? (x.runsPerSecond / one).toFixed(2) + '×' : '-'}`,
  );
}
const result = {
  bench: 'cluster',
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model,
  cpus: availableParallelism(),
  overhead: over,
  experiment: { businesses, months, designPoints: POINTS.length, replicates, runs: rows[0].runs },
  repeats,
  rows,
};
saveResults('cluster', result);
process.exit(0);
