import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { compareCommand, compareFiles } from '../../cli/commands/compare.js';
import { QUANTITIES } from '../../cli/compare/quantities.js';
import { memoryIo } from '../../cli/io.js';
import { main } from '../../cli/program.js';
import { COLUMN_WIDTH } from '../../cli/reports/compareReport.js';
import { smallDesign, tempDir, writeScenario } from './helpers.js';

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
      // Cost per job is a ratio of means (sim/stats/replicates.ts costPerJob): it has no SD.
      expect({ id, mean: s.mean, low: s.low, high: s.high, sd: s.sd }).toEqual({ id, mean: 0, low: 0, high: 0, sd: id === 'costPerJob' ? null : 0 });
    }
    expect(c.designs[0].quantities).toEqual(c.designs[1].quantities);
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
    expect(Object.keys(json)).toEqual(['pendampingVersion', 'replicates', 'seeds', 'designs', 'differencesVsFirst']);
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
    for (const rule of table.split('\n').filter((l) => /^-+( +-+)+$/.test(l))) {
      for (const col of rule.split(/ +/).slice(1)) expect(col.length).toBeLessThanOrEqual(COLUMN_WIDTH);
    }
    expect(table).toMatch(/^Turnover +[+-]?[\d.,]+ (k|m|bn) \[[-\d.,]+, [-\d.,]+\]\*?/m);
    expect(table).toMatch(/Paired differences vs training and mento\.\.\. #1/);
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
