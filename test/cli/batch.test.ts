// `pendamping batch`: results independent of the worker count, each run equal to `pendamping run` at its
// seed, a real `kill -9` then --resume giving the same bytes, failing runs recorded without stopping the
// batch (exit 4), bad input (exit 2) and a changed experiment on --resume refused.
//
// Worker threads cannot load TypeScript under Node 20, so the pool always runs the compiled worker
// dist/cli/batch/worker.js, built once for all test files by test/globalSetup.ts; the kill -9 test runs the
// built executable dist/bin/pendamping.js as a child process.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIN_RUNS_PER_THREAD, chunkRuns, threadsForRuns } from '../../cli/batch/pool.js';
import { threadsFor } from '../../cli/options.js';
import { splitCsvLine } from '../../cli/batch/rows.js';
import { runCommand } from '../../cli/commands/run.js';
import { memoryIo } from '../../cli/io.js';
import { main } from '../../cli/program.js';
import { applyAssignments, parseExperiment, parseScenario, recordRows, runScenario } from '../../sim/index.js';
import { UNCERTAIN_PARAMETERS, drawAssumptions } from '../../sim/uncertainty/parameters.js';
import { tempDir } from './helpers.js';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The base: a small economy (80 businesses, 6 months) with training and mentoring. */
const base = {
  name: 'small',
  months: 6,
  economy: { businesses: 80 },
  program: { budgetRupiah: 60_000_000, maxParticipants: 30, training: { enabled: true }, mentoring: { enabled: true } },
};
writeFileSync(join(dir, 'small.json'), JSON.stringify(base, null, 2));
/** The same with targeting by a user expression. */
writeFileSync(join(dir, 'targeted.json'), JSON.stringify({ ...base, name: 'targeted', program: { ...base.program, targeting: { rule: 'expression', expression: 'bookkeeping' } } }));

const METRICS = ['profit.effect', 'jobs.effect', 'localGdpPerRupiah', 'program.participants.turnover', 'counterfactual.economy.localGdp'];

function writeExperiment(file: string, extra: Record<string, unknown> = {}): string {
  const experiment = {
    name: 'batch-test',
    base: 'small.json',
    parameters: [{ path: 'program.mentoring.visitsPerMonth', values: [1, 2, 4] }],
    replicates: 2,
    metrics: METRICS,
    record: { every: 2 },
    seed: 11,
    ...extra,
  };
  const path = join(dir, file);
  writeFileSync(path, JSON.stringify(experiment, null, 2));
  return path;
}

async function batch(...args: string[]) {
  const io = memoryIo();
  const code = await main(['batch', ...args], io);
  return { code, out: io.out, err: io.err };
}

const read = (folder: string, file: string) => readFileSync(join(folder, file), 'utf8');
const manifestWithoutDate = (folder: string) => {
  const { date, ...rest } = JSON.parse(read(folder, 'manifest.json'));
  expect(Date.parse(date)).not.toBeNaN();
  return rest;
};

/** results.csv as rows of fields, without the header. */
const csvRows = (text: string) => text.trimEnd().split('\n').slice(1).map(splitCsvLine);

describe('batch', () => {
  const experiment = writeExperiment('experiment.json');

  it('gives byte-identical files with 1, 2 and 4 workers', async () => {
    const outs = [1, 2, 4].map((w) => join(dir, `w${w}`));
    for (const [i, w] of [1, 2, 4].entries()) {
      const r = await batch(experiment, '--workers', String(w), '--out', outs[i]);
      expect(r.err).toContain('batch: 6/6 runs (100%)');
      expect(r.code).toBe(0);
    }
    const results = read(outs[0], 'results.csv');
    const header = results.split('\n')[0];
    expect(header).toBe('run_id,design_point,replicate,seed,month,group,metric,value,program.mentoring.visitsPerMonth,base');
    // 3 points × 2 replicates; per run: 3 summary rows + 2 series × months 2, 4, 6.
    expect(csvRows(results)).toHaveLength(6 * (3 + 2 * 3));
    expect(existsSync(join(outs[0], 'failures.csv'))).toBe(false);
    for (const out of outs.slice(1)) {
      expect(read(out, 'results.csv')).toBe(results);
      expect(read(out, 'summary.csv')).toBe(read(outs[0], 'summary.csv'));
      expect(manifestWithoutDate(out)).toEqual(manifestWithoutDate(outs[0]));
    }
    const manifest = manifestWithoutDate(outs[0]);
    expect(manifest).toMatchObject({ points: 3, replicates: 2, seeds: [11, 12], runs: 6, parameters: ['program.mentoring.visitsPerMonth'], baselinePoints: [0] });
    expect(JSON.stringify(manifest)).not.toMatch(/worker/i);

    // summary.csv: one row per point and quantity; the baseline's difference from itself is exactly 0.
    const summary = csvRows(read(outs[0], 'summary.csv'));
    expect(summary).toHaveLength(3 * (3 + 2 * 3));
    const s0 = summary.find((f) => f[0] === '0' && f[3] === 'profit.effect')!;
    expect(s0.slice(4, 6)).toEqual(['2', '0']); // n, missing
    expect(s0.slice(10, 13)).toEqual(['0', '2', '0']); // baseline point, diff n, diff mean
  });

  it('records each run exactly as runScenario and `pendamping run` give it at that seed', async () => {
    const out = join(dir, 'w1');
    const rows = csvRows(read(out, 'results.csv'));
    const parsed = parseExperiment(JSON.parse(readFileSync(experiment, 'utf8')), experiment);
    // run 5 = design point 2 (4 visits a month), replicate 1, seed 12.
    const mine = rows.filter((f) => f[0] === '5');
    expect(mine[0].slice(0, 4)).toEqual(['5', '2', '1', '12']);
    expect(mine[0].slice(8)).toEqual(['4', 'small']);
    const raw = applyAssignments(base, { 'program.mentoring.visitsPerMonth': 4 });
    const expected = recordRows(runScenario(parseScenario(raw), { seed: 12 }), parsed);
    expect(mine.map((f) => ({ month: Number(f[4]), group: f[5], metric: f[6], value: f[7] === '' ? null : Number(f[7]) }))).toEqual(expected);

    // The same through the `run` command on a file holding base + assignments.
    const file = join(dir, 'point2.json');
    writeFileSync(file, JSON.stringify(raw));
    const doc = JSON.parse(await runCommand(file, { seed: 12, format: 'json' }));
    const value = (group: string, metric: string, month: number) => Number(mine.find((f) => f[5] === group && f[6] === metric && f[4] === String(month))![7]);
    expect(value('summary', 'profit.effect', 6)).toBe(doc.summary.profit.effect);
    expect(value('summary', 'localGdpPerRupiah', 6)).toBe(doc.summary.localGdpPerRupiah);
    for (const m of [2, 4, 6]) {
      expect(value('program.participants', 'turnover', m)).toBe(doc.series.program.participants.turnover[m - 1]);
      expect(value('counterfactual.economy', 'localGdp', m)).toBe(doc.series.counterfactual.economy.localGdp[m - 1]);
    }
  });

  it('killed with SIGKILL mid-batch, --resume finishes with byte-identical files and no duplicated run', async () => {
    // Long enough to kill mid-way: 3 points × 40 replicates on one worker (~10 ms a run).
    const long = writeExperiment('long.json', { replicates: 40 });
    const reference = join(dir, 'long-reference');
    expect((await batch(long, '--workers', '2', '--out', reference)).code).toBe(0);

    const out = join(dir, 'long-killed');
    const child = spawn(process.execPath, ['dist/bin/pendamping.js', 'batch', long, '--workers', '1', '--out', out], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const runsDir = join(out, 'runs');
    const finished = () => (existsSync(runsDir) ? readdirSync(runsDir).filter((n) => n.endsWith('.csv')).length : 0);
    for (let waited = 0; finished() < 10; waited += 5) {
      if (waited > 30_000) throw new Error('the child batch wrote no run files');
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const done = finished();
    expect(done).toBeGreaterThanOrEqual(10);
    expect(done).toBeLessThan(120); // really interrupted
    expect(existsSync(join(out, 'results.csv'))).toBe(false);

    const again = await batch(long, '--out', out);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already holds a batch (manifest.json); add --resume');

    const resumed = await batch(long, '--workers', '2', '--out', out, '--resume');
    expect(resumed.code).toBe(0);
    expect(resumed.out).toContain(`${120 - done} run now, ${done} found in`);
    const results = read(out, 'results.csv');
    expect(results).toBe(read(reference, 'results.csv'));
    expect(read(out, 'summary.csv')).toBe(read(reference, 'summary.csv'));
    expect(manifestWithoutDate(out)).toEqual(manifestWithoutDate(reference));
    // No run twice: each run_id's rows are contiguous, in order, and as many as a run records.
    const ids = csvRows(results).map((f) => Number(f[0]));
    const blocks = ids.filter((id, i) => i === 0 || ids[i - 1] !== id);
    expect(blocks).toEqual(Array.from({ length: 120 }, (_, i) => i));
    expect(ids).toHaveLength(120 * 9);
    expect(readdirSync(join(out, 'runs')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a short batch uses fewer threads than it may: one per MIN_RUNS_PER_THREAD runs, at least one', () => {
    expect(MIN_RUNS_PER_THREAD).toBe(16);
    expect(threadsForRuns(6, 2)).toBe(1);
    expect(threadsForRuns(31, 2)).toBe(1);
    expect(threadsForRuns(32, 2)).toBe(2);
    expect(threadsForRuns(60, 2)).toBe(2);
    expect(threadsForRuns(1000, 4)).toBe(4);
    expect(threadsForRuns(0, 4)).toBe(1);
  });

  it('a design point whose targeting expression throws fails its runs only: recorded, others complete, exit 4', async () => {
    const hostile = writeExperiment('hostile.json', {
      base: 'targeted.json',
      parameters: [{ path: 'program.targeting.expression', values: ['bookkeeping < 0.5 ? 2 : 1', '1 / (workers - workers)', 'female + 1'] }],
    });
    const out = join(dir, 'hostile');
    const r = await batch(hostile, '--workers', '2', '--out', out);
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/2 of 6 runs failed; errors in .*failures\.csv/);
    const failures = csvRows(read(out, 'failures.csv'));
    expect(failures.map((f) => f.slice(0, 4))).toEqual([['2', '1', '0', '11'], ['3', '1', '1', '12']]);
    expect(failures[0][4]).toContain('Infinity');
    expect(failures[0][5]).toBe('1 / (workers - workers)');
    expect(JSON.parse(read(join(out, 'runs'), '2.error.json'))).toMatchObject({ runId: 2, designPoint: 1, replicate: 0, seed: 11 });
    const ids = new Set(csvRows(read(out, 'results.csv')).map((f) => f[0]));
    expect([...ids]).toEqual(['0', '1', '4', '5']);
    // The failed point is missing from the summary; the others are complete.
    const summary = csvRows(read(out, 'summary.csv'));
    expect(summary.some((f) => f[0] === '1')).toBe(false);
    expect(summary.filter((f) => f[0] === '2').every((f) => f[4] === '2' && f[5] === '0')).toBe(true);

    // --resume does not retry failed runs: same files, still exit 4.
    const before = read(out, 'results.csv');
    const again = await batch(hostile, '--out', out, '--resume');
    expect(again.code).toBe(4);
    expect(again.out).toContain('0 run now');
    expect(read(out, 'results.csv')).toBe(before);
  });

  it('bad input exits 2 naming the file and field, before anything is written', async () => {
    const bad = writeExperiment('bad.json', { replicates: 0 });
    const r = await batch(bad, '--out', join(dir, 'bad'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.json: invalid experiment\n\s+- replicates: found 0/);
    expect(existsSync(join(dir, 'bad'))).toBe(false);

    const typo = writeExperiment('typo.json', { metrics: ['profit.efect'] });
    const t = await batch(typo, '--out', join(dir, 'typo'));
    expect(t.code).toBe(2);
    expect(t.err).toContain('typo.json');
    expect(t.err).toMatch(/metrics\[0\]: found "profit.efect"; expected "profit.effect"\?/);
    expect(existsSync(join(dir, 'typo'))).toBe(false);

    const missingBase = writeExperiment('nobase.json', { base: 'nowhere.json' });
    const m = await batch(missingBase, '--out', join(dir, 'nobase'));
    expect(m.code).toBe(2);
    expect(m.err).toMatch(/nobase\.json: base "nowhere\.json": .*nowhere\.json: no such file/);
    // In a list, the base is named by its index (found by the fuzzer: only the resolved path was given).
    const missingInList = writeExperiment('nobase2.json', { base: ['small.json', 'gone.json'] });
    const m2 = await batch(missingInList, '--out', join(dir, 'nobase2'));
    expect(m2.code).toBe(2);
    expect(m2.err).toMatch(/nobase2\.json: base\[1\] "gone\.json": .*gone\.json: no such file/);

    writeFileSync(join(dir, 'broken.json'), JSON.stringify({ ...base, economy: { businesses: -5 } }));
    const brokenBase = writeExperiment('brokenbase.json', { base: 'broken.json' });
    const b = await batch(brokenBase, '--out', join(dir, 'broken'));
    expect(b.code).toBe(2);
    expect(b.err).toContain('broken.json');
    expect(b.err).toContain('economy.businesses');

    // A design point whose scenario is invalid (the expression does not compile): named by point and field.
    const points = writeExperiment('points.json', { base: 'targeted.json', parameters: [{ path: 'program.targeting.expression', values: ['bookkeeping', '1 +'] }] });
    const p = await batch(points, '--out', join(dir, 'points'));
    expect(p.code).toBe(2);
    expect(p.err).toMatch(/points\.json: design point 1 \(targeted \| program\.targeting\.expression=1 \+\): invalid scenario\n\s+- program\.targeting\.expression: found "1 \+"/);
    expect(existsSync(join(dir, 'points'))).toBe(false);

    const flag = await batch(experiment, '--workers', '0');
    expect(flag.code).not.toBe(0);
    expect(flag.err).toContain('--workers');
  });

  it('--resume with a changed experiment is refused with a clear message', async () => {
    const file = writeExperiment('changing.json');
    const out = join(dir, 'changing');
    expect((await batch(file, '--out', out)).code).toBe(0);
    writeExperiment('changing.json', { replicates: 3 });
    const r = await batch(file, '--out', out, '--resume');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot resume: .*manifest\.json was written for a different experiment/);
    expect(r.err).toContain('new --out folder');
  });
});

describe('batch internals', () => {
  it('chunks shrink towards the end, cover every run once, and never exceed the maximum', () => {
    const runs = Array.from({ length: 200 }, (_, i) => i);
    const chunks = chunkRuns(runs, 2);
    expect(chunks.flat()).toEqual(runs);
    expect(chunks[0].length).toBe(13);
    expect(chunks[chunks.length - 1].length).toBe(1);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i].length).toBeLessThanOrEqual(chunks[i - 1].length);
    expect(Math.max(...chunkRuns(Array.from({ length: 100_000 }, (_, i) => i), 1).map((c) => c.length))).toBe(32);
  });
});

describe('sensitivity', () => {
  it('ranks the parameter that drives the output first and gives one that cannot matter μ* = 0 (Morris); rejects a factorial design', async () => {
    const file = writeExperiment('morris.json', {
      parameters: [
        // Reflection is off in the base, so its cost cannot change anything.
        { path: 'program.reflection.costRupiahPerCohort', distribution: { type: 'uniform', low: 1_000_000, high: 9_000_000 } },
        { path: 'program.mentoring.visitsPerMonth', distribution: { type: 'uniform', low: 0.5, high: 4 } },
      ],
      design: { type: 'morris', trajectories: 4, levels: 4 },
      replicates: 1,
      metrics: ['profit.effect'],
      record: 'final',
    });
    const io = memoryIo();
    const out = join(dir, 'sens');
    const code = await main(['sensitivity', file, '--output', 'profit.effect', '--workers', '2', '--out', out], io);
    expect(code).toBe(0);
    expect(io.out).toMatch(/Sensitivity of profit\.effect/);
    const csv = readFileSync(join(out, 'sensitivity-profit.effect.csv'), 'utf8').trim().split('\n').map(splitCsvLine);
    const header = csv[0];
    expect(header.slice(0, 8)).toEqual(['output', 'base', 'rank', 'parameter', 'method', 'n', 'mu', 'mu_star']);
    const byParameter = Object.fromEntries(csv.slice(1).map((r) => [r[3], r]));
    const muStar = (p: string) => Number(byParameter[p][header.indexOf('mu_star')]);
    expect(byParameter['program.mentoring.visitsPerMonth'][2]).toBe('1');
    expect(muStar('program.mentoring.visitsPerMonth')).toBeGreaterThan(0);
    expect(muStar('program.reflection.costRupiahPerCohort')).toBe(0);
    const factorial = writeExperiment('factorial.json');
    const bad = memoryIo();
    expect(await main(['sensitivity', factorial, '--out', join(dir, 'sens2')], bad)).toBe(1);
    expect(bad.err).toMatch(/needs a "morris" or "sobol" design/);
  });
});

describe('worker threads are capped at the processors available (issue 13)', () => {
  it('more threads than processors are cut to them with a note; fewer or none are left as asked', () => {
    const notes: string[] = [];
    expect(threadsFor('--workers', 1000, 2, (l) => notes.push(l))).toBe(2);
    expect(notes).toEqual(['note: --workers 1000 is more than the 2 processors available here; using 2\n']);
    expect(threadsFor('--workers', 2, 2, (l) => notes.push(l))).toBe(2);
    expect(threadsFor('--threads', undefined, 2, (l) => notes.push(l))).toBeUndefined();
    expect(notes).toHaveLength(1);
  });
});

describe('batch with uncertainty (each replicate its own draw of the assumptions)', () => {
  it('runs each replicate with the draw of its seed, the same at every point; varied and base-file fields are not drawn; summary.csv adds the range', async () => {
    const file = writeExperiment('uncertain.json', { uncertainty: true, metrics: ['profit.effect', 'jobs.effect'], record: 'final', parameters: [{ path: 'businessStealingShare', values: [0.6, 0.8] }] });
    const out = join(dir, 'out-uncertain');
    const r = await batch(file, '--out', out, '--workers', '2');
    expect(r.code, r.err).toBe(0);
    const rows = csvRows(read(out, 'results.csv'));
    // Every run equals runScenario on the point's scenario with its seed's draw: business stealing is the
    // point's own value (varied, not drawn), the digital uplift is drawn.
    const plain = parseScenario(base, 'small.json');
    for (const [point, stealing] of [[0, 0.6], [1, 0.8]] as const) {
      for (const rep of [0, 1]) {
        const seed = 11 + rep;
        const scenario = parseScenario(applyAssignments(base, { businessStealingShare: stealing }), 'point');
        const { scenario: drawn, drawn: values } = drawAssumptions(scenario, new Set(['name', 'months', 'economy.businesses', 'program.budgetRupiah', 'program.maxParticipants', 'program.training.enabled', 'program.mentoring.enabled', 'businessStealingShare']), seed);
        expect(Object.keys(values)).toEqual(UNCERTAIN_PARAMETERS.map((p) => p.path).filter((p) => p !== 'businessStealingShare'));
        expect(drawn.businessStealingShare).toBe(stealing);
        expect(drawn.performance.digitalSalesUplift).not.toBe(plain.performance.digitalSalesUplift);
        const expected = runScenario(drawn, { seed }).summary.profit.effect;
        const row = rows.find((x) => x[1] === String(point) && x[2] === String(rep) && x[6] === 'profit.effect')!;
        expect(Number(row[7])).toBe(expected);
      }
    }
    const summary = read(out, 'summary.csv').split('\n');
    expect(summary[0]).toContain(',ci_low,ci_high,range_low,range_high,baseline_point,');
    // Without uncertainty the columns are as before, and the numbers differ.
    const fileOff = writeExperiment('certain.json', { metrics: ['profit.effect', 'jobs.effect'], record: 'final', parameters: [{ path: 'businessStealingShare', values: [0.6, 0.8] }] });
    const outOff = join(dir, 'out-certain');
    expect((await batch(fileOff, '--out', outOff)).code).toBe(0);
    expect(read(outOff, 'summary.csv').split('\n')[0]).not.toContain('range_low');
    expect(read(outOff, 'results.csv')).not.toBe(read(out, 'results.csv'));
  }, 120_000);
});

