// `npm run fuzz`: the scenario and experiment fuzzer at length (10,000 cases by default; CI runs a few
// hundred in test/fuzz/fuzz.test.ts). Every generated file must end as exit 0 with balanced books and
// finite outputs, or exit 2 naming a field; see test/fuzz/check.ts and docs/reliability.md ("Fuzzing").
//
//   npm run fuzz -- [--runs N] [--seed S] [--path P] [--families f1,f2] [--batch-share X] [--no-build]
//
// The cases run in a child process watched by this one: a case that never ends (an endless loop cannot be
// timed from inside) is killed after HANG_MS and reported with its files. On a failure fast-check shrinks
// the case; the smallest failing files are written to out/fuzz-<seed>/ and the command to replay it is
// printed. The seed is random unless given, and always printed.
import { execFileSync, fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encode } from '../test/fuzz/documents.js';
import { FAMILIES, runFuzz, shortCase, type Family, type FuzzCase } from '../test/fuzz/fuzzCase.js';

const root = join(import.meta.dirname, '..');
/** The share of experiment cases whose batch is also run for real (when small). */
const DEFAULT_BATCH_SHARE = 0.02;
/** A case running this long has hung (the 10 s limit is checked on every case that ends). */
const HANG_MS = 60_000;

interface Options {
  runs: number;
  seed: number;
  path?: string;
  families: Family[];
  batchShare: number;
  build: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { runs: 10_000, seed: (Math.random() * 2 ** 31) | 0, families: [...FAMILIES], batchShare: DEFAULT_BATCH_SHARE, build: true };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${argv[i - 1]} needs a value`);
      return v;
    };
    switch (argv[i]) {
      case '--runs':
        options.runs = Number(value());
        if (!Number.isSafeInteger(options.runs) || options.runs < 1) usage('--runs: expected a whole number >= 1');
        break;
      case '--seed':
        options.seed = Number(value());
        if (!Number.isSafeInteger(options.seed)) usage('--seed: expected a whole number');
        break;
      case '--path':
        options.path = value();
        break;
      case '--families': {
        const list = value().split(',');
        const unknown = list.filter((f) => !FAMILIES.includes(f as Family));
        if (unknown.length) usage(`--families: unknown ${unknown.join(', ')} (families: ${FAMILIES.join(', ')})`);
        options.families = list as Family[];
        break;
      }
      case '--batch-share':
        options.batchShare = Number(value());
        if (!(options.batchShare >= 0 && options.batchShare <= 1)) usage('--batch-share: expected a number from 0 to 1');
        break;
      case '--no-build':
        options.build = false;
        break;
      case '--child':
        break;
      default:
        usage(`unknown argument ${argv[i]}`);
    }
  }
  return options;
}

function usage(problem: string): never {
  process.stderr.write(`fuzz: ${problem}\nusage: npm run fuzz -- [--runs N] [--seed S] [--path P] [--families ${FAMILIES.join(',')}] [--batch-share X] [--no-build]\n`);
  process.exit(2);
}

/** Messages from the child that runs the cases. */
type Message =
  | { type: 'start'; index: number; case: FuzzCase; shrinking: boolean }
  | { type: 'progress'; done: number }
  | { type: 'end'; failed: boolean; table: string; report?: string; counterexample?: FuzzCase; path?: string; numRuns: number };

/** Write a case's files into `dir` (the encoding kept), for replaying by hand. */
function writeCase(dir: string, c: FuzzCase): string[] {
  mkdirSync(dir, { recursive: true });
  const files: [string, { text: string; encoding: Parameters<typeof encode>[1] }][] =
    'file' in c ? [['scenario.json', c.file]] : [['experiment.json', c.experiment], ...Object.entries(c.bases)];
  for (const [name, spec] of files) writeFileSync(join(dir, name), encode(spec.text, spec.encoding));
  return files.map(([name]) => join(dir, name));
}


// ---------------------------------------------------------------------------------------------------
// The child: runs the property and reports to the parent.

async function child(options: Options): Promise<void> {
  const send = (m: Message) => new Promise<void>((done) => process.send!(m, () => done()));
  const result = await runFuzz({
    numRuns: options.runs,
    seed: options.seed,
    path: options.path,
    families: options.families,
    batchShare: options.batchShare,
    onCase: async (index, c, shrinking) => {
      if (!shrinking && index > 0 && index % 100 === 0) await send({ type: 'progress', done: index });
      await send({ type: 'start', index, case: c, shrinking });
    },
  });
  await send({
    type: 'end',
    failed: result.details.failed,
    table: result.tally.table(),
    numRuns: result.details.numRuns,
    report: result.report,
    counterexample: result.details.counterexample?.[0],
    path: result.details.counterexamplePath ?? undefined,
  });
  process.disconnect();
}

// ---------------------------------------------------------------------------------------------------
// The parent: builds the batch worker, starts the child, watches for hangs, prints.

async function parent(options: Options): Promise<number> {
  if (options.build) {
    // The batch cases run dist/cli/batch/worker.js in their worker thread: build it from this source.
    process.stdout.write('building the CLI (npm run build:cli) for the batch worker...\n');
    execFileSync('npm', ['run', '-s', 'build:cli'], { cwd: root, stdio: 'inherit' });
  }
  const replay =
    `npm run fuzz -- --seed ${options.seed} --runs ${options.runs}` +
    (options.families.length < FAMILIES.length ? ` --families ${options.families.join(',')}` : '') +
    (options.batchShare !== DEFAULT_BATCH_SHARE ? ` --batch-share ${options.batchShare}` : '');
  process.stdout.write(`fuzz: ${options.runs} cases, seed ${options.seed} (replay: ${replay})\n`);
  const started = performance.now();
  const args = [...process.argv.slice(2), '--child', '--seed', String(options.seed)];
  const worker = fork(process.argv[1], args, { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });

  let current: { index: number; case: FuzzCase; since: number; shrinking: boolean } | undefined;
  let end: Extract<Message, { type: 'end' }> | undefined;
  let hung = false;
  worker.on('message', (m: Message) => {
    if (m.type === 'start') {
      if (m.shrinking && !current?.shrinking) process.stdout.write(`case ${m.index} failed; shrinking it...\n`);
      current = { index: m.index, case: m.case, since: performance.now(), shrinking: m.shrinking };
    }
    else if (m.type === 'progress') {
      const s = (performance.now() - started) / 1000;
      process.stdout.write(`${m.done}/${options.runs} cases, ${s.toFixed(0)} s (${((s * 1000) / m.done).toFixed(1)} ms per case)\n`);
    } else if (m.type === 'end') end = m;
  });
  const watchdog = setInterval(() => {
    if (!end && current && performance.now() - current.since > HANG_MS) {
      hung = true;
      worker.kill('SIGKILL');
    }
  }, 1000);
  const code = await new Promise<number | null>((done) => worker.on('exit', (c) => done(c)));
  clearInterval(watchdog);
  const seconds = (performance.now() - started) / 1000;

  if (hung && current) {
    const dir = join(root, 'out', `fuzz-${options.seed}`);
    const files = writeCase(dir, current.case);
    const what = current.shrinking ? `a smaller version of failing case ${current.index}` : `case ${current.index}`;
    process.stdout.write(`\nFAILED: ${what} ran for more than ${HANG_MS / 1000} s and was killed.\nfiles: ${files.join(' ')}\ncase:\n${shortCase(current.case)}\n`);
    return 1;
  }
  if (!end) {
    process.stdout.write(`\nFAILED: the fuzzing process ended (exit ${code}) without a result${current ? ` during case ${current.index}:\n${shortCase(current.case)}` : ''}\n`);
    if (current) process.stdout.write(`files: ${writeCase(join(root, 'out', `fuzz-${options.seed}`), current.case).join(' ')}\n`);
    return 1;
  }
  process.stdout.write(`\n${end.table}\n\n${end.numRuns} cases in ${seconds.toFixed(1)} s: ${((seconds * 1000) / end.numRuns).toFixed(1)} ms per case (seed ${options.seed})\n`);
  if (!end.failed) return 0;
  process.stdout.write(`\nFAILED: ${end.report}\n`);
  if (end.counterexample) {
    const files = writeCase(join(root, 'out', `fuzz-${options.seed}`), end.counterexample);
    process.stdout.write(`\nsmallest failing case written to: ${files.join(' ')}\n`);
  }
  if (end.path) process.stdout.write(`replay just this case: ${replay} --path ${end.path} --no-build\n`);
  return 1;
}

const options = parseArgs(process.argv.slice(2));
if (process.argv.includes('--child')) await child(options);
else process.exitCode = await parent(options);
