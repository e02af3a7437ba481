import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitCsvLine } from '../../cli/batch/rows.js';
import { compareCommand, compareFiles } from '../../cli/commands/compare.js';
import { DESIGN_FIGURES, QUANTITIES } from '../../cli/compare/quantities.js';
import { memoryIo } from '../../cli/io.js';
import { loadScenarioFile } from '../../cli/loadScenario.js';
import { main } from '../../cli/program.js';
import { COLUMN_WIDTH, designKeys } from '../../cli/reports/compareReport.js';
import { runScenario } from '../../sim/index.js';
import { smallDesign, tempDir, writeScenario } from './helpers.js';
import { UNCERTAIN_PARAMETERS, drawAssumptions, setPaths } from '../../sim/uncertainty/parameters.js';

const expectCloseTo = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const a = writeScenario(dir, 'a.json', smallDesign('training and mentoring'));
const b = writeScenario(dir, 'b.json', smallDesign('digital', { training: { enabled: true, hoursByModule: { digital: 20 } } }));

describe('compare', () => {
  it('two identical designs: every paired difference is exactly 0 with a zero-width interval', async () => {
    const c = await compareFiles([a, a], { replicates: 3, seed: 5 });
    expect(c.seeds).toEqual([5, 6, 7]);
    const diffs = c.differencesVsFirst[0].quantities;
    expect(Object.keys(diffs).length).toBeGreaterThan(10);
    for (const [id, s] of Object.entries(diffs)) {
      if (s.n === 0) continue; // e.g. cost per job when no replicate created a job
      // Differences are paired replicate by replicate, cost per job included (a design's own cost per job
      // is a ratio of means with no SD, sim/stats/replicates.ts costPerJob), so every SD is 0.
      expect({ id, mean: s.mean, low: s.low, high: s.high, sd: s.sd }).toEqual({ id, mean: 0, low: 0, high: 0, sd: 0 });
    }
    expect(c.designs[0].quantities).toEqual(c.designs[1].quantities);
  });

  it('a design paying cash is marked in the JSON and the table adds a note naming it; without cash, no note', async () => {
    const cash = writeScenario(dir, 'cash.json', {
      ...smallDesign('cash'),
      program: { budgetRupiah: 60_000_000, cashTransfer: { enabled: true, households: 40, schedule: [{ month: 0, share: 1 }] } },
    });
    const json = JSON.parse(await compareCommand([a, cash], { replicates: 2, format: 'json' }));
    expect(json.designs.map((d: { cashTransfer: boolean }) => d.cashTransfer)).toEqual([false, true]);
    const table = await compareCommand([a, cash], { replicates: 2 });
    expect(table).toMatch(/^Cash \(cash\): local GDP gained per rupiah/m);
    expect(table).toContain('Egger et al. 2022');
    expect(await compareCommand([a, b], { replicates: 2 })).not.toMatch(/^Cash \(/m);
  });

  it('the region of each design is in the JSON and the table; a growth row appears only when a design sets a trend', async () => {
    const rural = writeScenario(dir, 'rural.json', { ...smallDesign('rural'), region: 'rural' });
    const growing = writeScenario(dir, 'growing.json', { ...smallDesign('growing'), localEconomy: { outsideGrowthPerYear: 0.05 } });
    const json = JSON.parse(await compareCommand([a, rural, growing], { replicates: 2, format: 'json' }));
    expect(json.designs.map((d: { region: string }) => d.region)).toEqual(['town', 'rural', 'town']);
    expect(json.designs.map((d: { outsideGrowthPerYear?: number }) => d.outsideGrowthPerYear)).toEqual([undefined, undefined, 0.05]);
    const table = await compareCommand([a, rural, growing], { replicates: 2 });
    expect(table).toMatch(/^Region +town +rural +town *$/m);
    expect(table).toMatch(/^Outside demand and income, a year +0\.0% +0\.0% +\+5\.0% *$/m);
    const plain = await compareCommand([a, rural], { replicates: 2 });
    expect(plain).toMatch(/^Region +town +rural *$/m);
    expect(plain).not.toMatch(/^Outside demand and income/m);
  });

  it('replicates=3 gives n=3 for every quantity defined in every replicate', async () => {
    const c = await compareFiles([a, b], { replicates: 3 });
    expect(c.replicates).toBe(3);
    expect(c.seeds).toEqual([1, 2, 3]);
    for (const d of c.designs) {
      expect(Object.keys(d.quantities)).toEqual(QUANTITIES.map((q) => q.id));
      for (const id of ['turnover.effect', 'jobs.effect', 'localGdp.effect', 'localGdpGained', 'localGdpPerRupiah', 'spendingMultiplier.program', 'nonParticipantTurnover.effect', 'nonParticipantProfit.effect', 'nonParticipantSurvival.effect', 'programCost']) {
        expect(d.quantities[id].n).toBe(3);
        expect(d.quantities[id].low).toBeLessThanOrEqual(d.quantities[id].mean!);
      }
    }
  });

  it('json, csv and table renderings; table columns stay narrow and wrap beyond four designs', async () => {
    const json = JSON.parse(await compareCommand([a, b], { replicates: 2, format: 'json' }));
    expect(Object.keys(json)).toEqual(['pendampingVersion', 'replicates', 'seeds', 'designs', 'differencesVsFirst', 'costEffectiveness']);
    expect(json.costEffectiveness.map((r: { effect: string }) => r.effect)).toEqual(['jobs', 'localGdp']);
    expect(json.designs.map((d: { name: string }) => d.name)).toEqual(['training and mentoring', 'digital']);
    expect(json.designs[0].quantities['turnover.effect']).toMatchObject({ n: 2, unit: 'rupiah/month per participant' });
    expect(json.differencesVsFirst[0]).toMatchObject({ name: 'digital', baseline: 'training and mentoring' });

    const csv = (await compareCommand([a, b], { replicates: 2, format: 'csv' })).trimEnd().split('\n');
    expect(csv[0]).toBe('design,comparison,quantity,statistic,value,unit');
    expect(csv).toContain('digital,none,turnover.effect,n,2,replicates');
    expect(csv.some((l) => /^digital,diffVsFirst,turnover\.effect,mean,[-\d.e+]+,rupiah\/month per participant$/.test(l))).toBe(true);

    const table = await compareCommand([a, b, a, b, b], { replicates: 2, months: 3 });
    expect(table).toMatch(/5 designs, 2 replicates each \(seeds 1\.\.2/);
    // Names are cut to fit the column and numbered when two designs share one.
    const headers = table.split('\n').filter((l) => /^\s+training and mento\.\.\. #1  +digital #2/.test(l));
    expect(headers).toHaveLength(1);
    // Five designs: a block of four and a block of one, each under its own rule.
    const effectRules = table.split('Paired differences')[0].split('\n').filter((l) => /^-+( +-+)+$/.test(l));
    expect(effectRules.map((l) => l.split(/ +/).length)).toEqual([5, 2]);
    // The designs' table (the cost-effectiveness section below it has its own, wider, columns).
    for (const rule of table.split('Cost-effectiveness on')[0].split('\n').filter((l) => /^-+( +-+)+$/.test(l))) {
      for (const col of rule.split(/ +/).slice(1)) expect(col.length).toBeLessThanOrEqual(COLUMN_WIDTH);
    }
    expect(table).toMatch(/^Turnover +[+-]?[\d.,]+ (k|m|bn) \[[-\d.,]+, [-\d.,]+\]\*?/m);
    expect(table).toMatch(/Paired differences vs training and mento\.\.\. #1/);
  });

  it('--uncertainty: each quantity over draws of the assumptions, draw r with seed + r and its parameters; a field the file sets is not drawn', async () => {
    const own = writeScenario(dir, 'own.json', { ...smallDesign('own stealing'), businessStealingShare: 0.8 });
    const c = await compareFiles([a, own], { replicates: 2, seed: 3, uncertainty: 3 });
    const o = c.overAssumptions!;
    expect(o.draws).toBe(3);
    expect(o.seeds).toEqual([3, 4, 5]);
    expect(o.parameters.map((p) => [p.path, p.fixedIn])).toEqual(UNCERTAIN_PARAMETERS.map((p) => [p.path, p.path === 'businessStealingShare' ? ['own stealing'] : []]));
    // The mean over draws is the mean of the three runs made by hand with the same draws.
    const scenario = await loadScenarioFile(a);
    const jobs = [3, 4, 5].map((seed) => runScenario(drawAssumptions(scenario, setPaths(JSON.parse(readFileSync(a, 'utf8'))), seed).scenario, { seed }).summary.jobs.effect);
    expectCloseTo(o.designs[0].quantities['jobs.effect'].mean!, jobs.reduce((x, y) => x + y, 0) / 3);
    const q = o.designs[0].quantities['localGdpGained'];
    expect(q.n).toBe(3);
    expect(q.rangeLow!).toBeLessThanOrEqual(q.mean!);
    expect(q.mean!).toBeLessThanOrEqual(q.rangeHigh!);
    // The replicates' own statistics are today's, untouched by the draws.
    expect(c.designs[0].quantities['jobs.effect'].n).toBe(2);
    // JSON and CSV name the range differently from the replicates' interval.
    const json = JSON.parse(await compareCommand([a, own], { replicates: 2, seed: 3, uncertainty: 3, format: 'json' }));
    expect(Object.keys(json.overAssumptions.designs[0].quantities['jobs.effect'])).toEqual(['mean', 'rangeLow', 'rangeHigh', 'n', 'unit']);
    const csv = (await compareCommand([a, own], { replicates: 2, seed: 3, uncertainty: 3, format: 'csv' })).split('\n');
    expect(csv.filter((l) => l.includes(',overAssumptions,jobs.effect,')).map((l) => l.split(',')[3])).toEqual(['mean', 'rangeLow', 'rangeHigh', 'n', 'mean', 'rangeLow', 'rangeHigh', 'n']);
    const table = await compareCommand([a, own], { replicates: 2, seed: 3, uncertainty: 3 });
    expect(table).toContain('Over the assumptions: mean [2.5%, 97.5% of 3 draws]');
    expect(table).toContain('businessStealingShare uniform 0.5..0.9 (not drawn in own stealing: the file sets it)');
  });

  it('through main: every bad file is reported before anything runs, exit 2', async () => {
    const bad = writeScenario(dir, 'bad.json', { months: 'ten' });
    const notJson = writeScenario(dir, 'notjson.json', '{"months": 6,}');
    const io = memoryIo();
    expect(await main(['compare', a, bad, notJson, `${dir}/missing.json`, '--replicates', '2'], io)).toBe(2);
    expect(io.out).toBe('');
    expect(io.err).toContain(`${bad}: invalid scenario`);
    expect(io.err).toMatch(/months: found "ten"/);
    expect(io.err).toContain(`${notJson}: invalid JSON at line 1, column 14`);
    expect(io.err).toContain(`${dir}/missing.json: no such file`);
  });

  it('through main: bad --replicates is a one-line error naming the flag', async () => {
    const io = memoryIo();
    expect(await main(['compare', a, '--replicates', '0'], io)).toBe(1);
    expect(io.err).toMatch(/^error: option '--replicates <n>' argument '0' is invalid\..*\n$/);
  });
});

/** A CSV's rows as records keyed by its header; an empty field stays ''. */
function readCsv(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [head, ...lines] = text.trimEnd().split('\n');
  const header = splitCsvLine(head);
  const rows = lines.map((line) => {
    const fields = splitCsvLine(line);
    expect(fields).toHaveLength(header.length);
    return Object.fromEntries(header.map((h, i) => [h, fields[i]]));
  });
  return { header, rows };
}

const num = (field: string) => (field === '' ? null : Number(field));
const meanOf = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
/** Equal to 1e-12 of their size: a mean summed in another order may differ in the last bits. */
const expectClose = (actual: number, expected: number, what: string) =>
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));

describe('compare --format csv (tidy) and --per-replicate', () => {
  // Longer than the table's 24-character column, with a comma and double quotes the CSV must quote.
  const longName = 'Pendampingan "Naik Kelas", Kabupaten Sleman 2025 (digital)';
  const long = writeScenario(dir, 'long.json', smallDesign(longName, { training: { enabled: true, hoursByModule: { digital: 20 } } }));
  const REPLICATES = 3;
  // Seeds 6..8 create jobs in both designs on average, so costPerJob is defined (at seeds 2..4 it is not).
  const SEED = 6;
  const units = new Map<string, string>([...DESIGN_FIGURES, ...QUANTITIES].map((q) => [q.id, q.unit]));
  const differenced = QUANTITIES.filter((q) => q.differenced).map((q) => q.id);

  // One run through main writes both files: the summary with --out, every replicate with --per-replicate.
  let run: { code: number; io: ReturnType<typeof memoryIo>; summaryText: string; summary: ReturnType<typeof readCsv>; replicates: ReturnType<typeof readCsv> };
  beforeAll(async () => {
    const io = memoryIo();
    const out = join(dir, 'summary.csv');
    const reps = join(dir, 'replicates.csv');
    const code = await main(['compare', a, long, '--replicates', String(REPLICATES), '--seed', String(SEED), '--format', 'csv', '--out', out, '--per-replicate', reps], io);
    const summaryText = readFileSync(out, 'utf8');
    run = { code, io, summaryText, summary: readCsv(summaryText), replicates: readCsv(readFileSync(reps, 'utf8')) };
  });
  const designs = ['training and mentoring', longName];

  it('a design name longer than 24 characters appears in full, RFC 4180 quoted', async () => {
    const { code, io, summaryText, summary, replicates } = run;
    expect(code).toBe(0);
    expect(io.out).toBe('');
    expect(longName.length).toBeGreaterThan(COLUMN_WIDTH);
    expect([...new Set(summary.rows.filter((r) => r.comparison !== 'costEffectiveness').map((r) => r.design))]).toEqual(designs);
    expect([...new Set(replicates.rows.map((r) => r.design))]).toEqual(designs);
    expect(summaryText).toContain('\n"Pendampingan ""Naik Kelas"", Kabupaten Sleman 2025 (digital)",none,turnover.effect,mean,');
  });

  it('every row has the same columns, a unit, and statistic is only mean/low/high/sd/n', async () => {
    const { summary: all } = run;
    expect(all.header).toEqual(['design', 'comparison', 'quantity', 'statistic', 'value', 'unit']);
    // The cost-effectiveness rows come last (their own test below).
    const summary = { ...all, rows: all.rows.filter((r) => r.comparison !== 'costEffectiveness') };
    expect(all.rows.slice(summary.rows.length).every((r) => r.comparison === 'costEffectiveness')).toBe(true);
    for (const r of summary.rows) {
      expect(r.unit, `${r.design} ${r.quantity} ${r.statistic}`).toBe(r.statistic === 'n' ? 'replicates' : units.get(r.quantity));
    }
    expect(new Set(summary.rows.map((r) => r.statistic))).toEqual(new Set(['mean', 'low', 'high', 'sd', 'n']));
    expect(new Set(summary.rows.map((r) => r.comparison))).toEqual(new Set(['none', 'diffVsFirst']));
    // Each design × comparison × quantity has the five statistics once: a key of four columns is unique.
    const keys = summary.rows.map((r) => [r.design, r.comparison, r.quantity, r.statistic].join('\u0000'));
    expect(new Set(keys).size).toBe(keys.length);
    const perDesign = (DESIGN_FIGURES.length + QUANTITIES.length) * 5;
    expect(summary.rows).toHaveLength(designs.length * perDesign + (designs.length - 1) * differenced.length * 5);
    // n counts replicates; months is the same in every replicate (6), so its interval is a point and sd 0.
    for (const r of summary.rows) if (r.statistic === 'n') expect(Number(r.value)).toBeLessThanOrEqual(REPLICATES);
    const months = summary.rows.filter((r) => r.quantity === 'months');
    expect(months.map((r) => [r.statistic, r.value])).toEqual([...Array(designs.length)].flatMap(() => [['mean', '6'], ['low', '6'], ['high', '6'], ['sd', '0'], ['n', String(REPLICATES)]]));
  });

  it('per-replicate rows: designs × replicates × quantities, each at its seed, their mean is the summary mean', async () => {
    const { summary, replicates } = run;
    expect(replicates.header).toEqual(['design', 'quantity', 'replicate', 'seed', 'value', 'unit']);
    const quantities = [...DESIGN_FIGURES, ...QUANTITIES].map((q) => q.id);
    expect(replicates.rows).toHaveLength(designs.length * REPLICATES * quantities.length);
    for (const r of replicates.rows) {
      expect(Number(r.seed)).toBe(SEED + Number(r.replicate));
      expect(r.unit).toBe(units.get(r.quantity));
    }
    const stat = (design: string, comparison: string, quantity: string, statistic: string) => {
      const rows = summary.rows.filter((r) => r.design === design && r.comparison === comparison && r.quantity === quantity && r.statistic === statistic);
      expect(rows).toHaveLength(1);
      return num(rows[0].value);
    };
    const values = (design: string, quantity: string) => {
      const rows = replicates.rows.filter((r) => r.design === design && r.quantity === quantity);
      expect(rows.map((r) => Number(r.replicate))).toEqual([...Array(REPLICATES).keys()]);
      return rows.map((r) => num(r.value));
    };
    let compared = 0;
    let costPerJobChecked = 0;
    for (const design of designs) {
      for (const q of quantities) {
        const xs = values(design, q).filter((x): x is number => x !== null);
        if (q === 'costPerJob') {
          // A ratio of means (docs/output.md), not the mean of the replicates' own ratios.
          const cost = meanOf(values(design, 'programCost') as number[]);
          const jobs = meanOf(values(design, 'jobs.effect') as number[]);
          expect(cost).toBeGreaterThan(0);
          expect(jobs).toBeGreaterThan(0);
          expectClose(stat(design, 'none', q, 'mean')!, cost / jobs, `${design} costPerJob`);
          costPerJobChecked++;
          continue;
        }
        expect(stat(design, 'none', q, 'n'), `${design} ${q} n`).toBe(xs.length);
        if (xs.length === 0) expect(stat(design, 'none', q, 'mean')).toBeNull();
        else {
          expectClose(stat(design, 'none', q, 'mean')!, meanOf(xs), `${design} ${q} mean`);
          compared++;
        }
      }
    }
    expect(costPerJobChecked).toBe(designs.length);
    // Nearly every quantity is defined in some replicate of both designs, so nearly all were compared.
    expect(compared).toBeGreaterThan(quantities.length);
    expect(stat(longName, 'none', 'participants', 'mean')).toBeGreaterThan(0);
    // Replicate 1 holds what a single run at seed SEED + 1 gives.
    const single = runScenario(await loadScenarioFile(long), { seed: SEED + 1 });
    for (const q of [...DESIGN_FIGURES, ...QUANTITIES]) expect(values(longName, q.id)[1], q.id).toBe(q.value(single));
    // The paired differences are those of the replicate values matched by seed.
    for (const q of ['turnover.effect', 'profit.effect', 'localGdpGained', 'programCost']) {
      const own = values(longName, q) as number[];
      const first = values(designs[0], q) as number[];
      expectClose(stat(longName, 'diffVsFirst', q, 'mean')!, meanOf(own.map((x, r) => x - first[r])), `diffVsFirst ${q}`);
    }
  });

  it('cost-effectiveness rows: each design\'s frontier status and ICER from the means, acceptability shares summing to 1', async () => {
    const rows = run.summary.rows.filter((r) => r.comparison === 'costEffectiveness');
    const stat = (design: string, comparison: string, quantity: string, statistic: string) =>
      num(run.summary.rows.find((r) => r.design === design && r.comparison === comparison && r.quantity === quantity && r.statistic === statistic)!.value);
    expect(new Set(rows.map((r) => r.statistic))).toEqual(new Set(['mean']));
    for (const effect of ['jobs', 'localGdp']) {
      for (const d of designs) {
        const status = ['frontier', 'dominated', 'extendedDominated'].map((k) => Number(rows.find((r) => r.design === d && r.quantity === `${effect}.${k}`)!.value));
        expect(status.reduce((a, b) => a + b, 0), `${effect} ${d}`).toBe(1);
        const icer = rows.find((r) => r.design === d && r.quantity === `${effect}.icer`)!;
        expect(icer.unit).toBe(effect === 'jobs' ? 'rupiah per job' : 'rupiah per rupiah of local GDP');
        if (status[0] === 1) expect(Number(icer.value)).toBeGreaterThanOrEqual(0);
        else expect(icer.value).toBe('');
      }
      // The first frontier design's ICER over doing nothing is its mean cost over its mean effect.
      const frontier = designs.filter((d) => rows.find((r) => r.design === d && r.quantity === `${effect}.frontier`)!.value === '1');
      const cheapest = frontier.sort((x, y) => stat(x, 'none', 'programCost', 'mean')! - stat(y, 'none', 'programCost', 'mean')!)[0];
      if (cheapest) {
        const q = effect === 'jobs' ? 'jobs.effect' : 'localGdpGained';
        expectClose(Number(rows.find((r) => r.design === cheapest && r.quantity === `${effect}.icer`)!.value), stat(cheapest, 'none', 'programCost', 'mean')! / stat(cheapest, 'none', q, 'mean')!, `${effect} icer`);
      }
      const values = [...new Set(rows.filter((r) => r.quantity.startsWith(`${effect}.acceptability.`)).map((r) => r.quantity))];
      expect(values.length).toBeGreaterThan(3);
      for (const v of values) {
        const shares = rows.filter((r) => r.quantity === v);
        expect(shares.map((r) => r.design)).toEqual(['no program', ...designs]);
        expectClose(shares.reduce((a, r) => a + Number(r.value), 0), 1, v);
      }
    }
  });

  it('designs sharing a name stay apart: full name and #position', async () => {
    const csv = readCsv(await compareCommand([long, long], { replicates: 1, months: 2, format: 'csv' }));
    expect([...new Set(csv.rows.map((r) => r.design))]).toEqual([`${longName} #1`, `${longName} #2`, 'no program']);
    expect(designKeys(['x #2', 'x', 'x'])).toEqual(['x #2 #1', 'x #2', 'x #3']);
    expect(designKeys(['a', 'b'])).toEqual(['a', 'b']);
  });

  it('--per-replicate and the output in the same place is refused before any run (exit 1), a bad path like --out (exit 2)', async () => {
    const same = join(dir, 'same.csv');
    let io = memoryIo();
    expect(await main(['compare', a, '--replicates', '1', '--out', same, '--per-replicate', same], io)).toBe(1);
    expect(io.err).toBe(`error: --per-replicate and --out both go to ${same}; give them different files\n`);
    expect(existsSync(same)).toBe(false);
    io = memoryIo();
    expect(await main(['compare', a, '--replicates', '1', '--per-replicate', '-'], io)).toBe(1);
    expect(io.err).toMatch(/both go to stdout/);
    expect(io.out).toBe('');
    // Checked before any run, like --out.
    io = memoryIo();
    expect(await main(['compare', a, '--replicates', '1', '--per-replicate', '/proc/nope/x.csv'], io)).toBe(2);
    expect(io.err).toBe('--per-replicate /proc/nope/x.csv: cannot write under /proc (a kernel file system); choose a file in a folder of yours\n');
    expect(io.out).toBe('');
  });
});
