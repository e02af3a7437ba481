// CLI start-up: wall time of whole `pendamping` processes as a user starts them (issue 14: `--version` and
// `--help` within 150 ms, a default `run` within 700 ms), median of 10 each, with the spread. Every command
// runs once before timing so the file cache is warm. Prints a table and writes bench/results/cli-<time>.json
// and bench/results/cli-latest.json. `npm run bench:cli`; BENCH_REPEATS sets the count.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { root, saveResults } from './shared.js';

const repeats = Number(process.env.BENCH_REPEATS ?? 10);
const main = fileURLToPath(new URL('dist/bin/pendamping.js', root));
const cwd = fileURLToPath(root);

const COMMANDS: { label: string; args: string[]; targetMs: number | null }[] = [
  { label: '--version', args: ['--version'], targetMs: 150 },
  { label: '--help', args: ['--help'], targetMs: 150 },
  { label: 'region list', args: ['region', 'list'], targetMs: null },
  { label: 'run (default scenario)', args: ['run', 'scenarios/no-program.json'], targetMs: 700 },
  { label: 'run full-cycle (README)', args: ['run', 'scenarios/full-cycle.json'], targetMs: null },
];

function once(args: string[]): number {
  const start = performance.now();
  // The executable itself, as a shell starts it: its #! line's Node flags included.
  const r = spawnSync(main, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`pendamping ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const rows = COMMANDS.map(({ label, args, targetMs }) => {
  once(args);
  const ms: number[] = [];
  for (let i = 0; i < repeats; i++) ms.push(once(args));
  return { command: label, args, medianMs: quantile(ms, 0.5), minMs: Math.min(...ms), maxMs: Math.max(...ms), targetMs, samplesMs: ms.map((x) => Math.round(x)) };
});

const pad = (s: string, n: number) => s.padEnd(n);
console.log(`CLI start-up, whole processes, median of ${repeats} (${cpus().length} CPUs, load ${loadavg()[0].toFixed(2)} at the end)`);
console.log(`${pad('command', 26)}  ${'median ms'.padStart(9)}  ${'min'.padStart(5)}  ${'max'.padStart(5)}  target`);
for (const r of rows) {
  const verdict = r.targetMs === null ? '' : `${r.targetMs} ms ${r.medianMs <= r.targetMs ? 'met' : 'NOT met'}`;
  console.log(`${pad(r.command, 26)}  ${r.medianMs.toFixed(0).padStart(9)}  ${r.minMs.toFixed(0).padStart(5)}  ${r.maxMs.toFixed(0).padStart(5)}  ${verdict}`);
}
const results = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, loadAverage: loadavg()[0], repeats, rows };
saveResults('cli', results);
