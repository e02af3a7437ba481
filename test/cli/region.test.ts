// `pendamping region check|list`, and regions through `run`: shipped profiles check clean, bad profiles and
// unknown regions exit 2 naming the field, a district's own profile beside a scenario is used; and the
// region command's modules load no simulation code (fast start).
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../cli/io.js';
import { main } from '../../cli/program.js';
import { smallDesign, tempDir, writeScenario } from './helpers.js';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const profile = (extra: Record<string, unknown> = {}) => ({
  name: 'mydistrict',
  description: 'Kabupaten X, from Kabupaten X Dalam Angka 2024',
  households: { localSpendingShare: 0.6, wageRupiahPerMonth: 1_400_000 },
  sources: { 'households.localSpendingShare': 'assumption: most food bought at the pasar', 'households.wageRupiahPerMonth': 'UMK 2024 Kabupaten X × 0.63 (SK Gubernur)' },
  ...extra,
});

describe('region check and list', () => {
  it.each(readdirSync('scenarios/regions'))('region check scenarios/regions/%s exits 0 with a summary', async (file) => {
    const io = memoryIo();
    expect(await main(['region', 'check', join('scenarios/regions', file)], io)).toBe(0);
    expect(io.err).toBe('');
    expect(io.out).toContain(`region profile "${file.replace('.json', '')}" is valid`);
    expect(io.out).toMatch(/\d+ parameters set in economy, households, suppliers, localEconomy; sources: \d+ cited, \d+ derived, \d+ assumptions/);
  });

  it('region list names each shipped profile with its description', async () => {
    const io = memoryIo();
    expect(await main(['region', 'list'], io)).toBe(0);
    expect(io.out.split('\n').filter(Boolean).map((l) => l.split(' ')[0])).toEqual(['periurban', 'rural', 'town']);
    expect(io.out).toContain('Kabupaten Grobogan');
  });

  it.each([
    ['wrong type', { households: { localSpendingShare: 'most' } }, /households\.localSpendingShare: found "most"; expected a number/],
    ['unknown field', { households: { localSpendingShare: 0.6, wageRupiahPerMonth: 1, localSpendShare: 2 } }, /households\.localSpendShare: found 2; expected "localSpendingShare"\? — one of the fields/],
    ['missing source', { sources: { 'households.localSpendingShare': 'assumption: x y' } }, /sources\["households\.wageRupiahPerMonth"\]: found missing; expected a source for households\.wageRupiahPerMonth = 1400000/],
    ['name not the file name', { name: 'other' }, /name: found "other"; expected "mydistrict", the file's name/],
  ])('region check of a bad profile (%s) exits 2 naming the field', async (_, spoil, message) => {
    const file = writeScenario(dir, 'mydistrict.json', { ...profile(), ...spoil });
    for (const run of [main]) {
      const io = memoryIo();
      expect(await run(['region', 'check', file], io)).toBe(2);
      expect(io.err).toContain(`${file}: invalid region profile`);
      expect(io.err).toMatch(message);
      expect(io.out).toBe('');
    }
  });

  it('region check of a missing file or bad JSON exits 2 naming the file', async () => {
    let io = memoryIo();
    expect(await main(['region', 'check', join(dir, 'nope.json')], io)).toBe(2);
    expect(io.err).toBe(`${join(dir, 'nope.json')}: no such file\n`);
    io = memoryIo();
    expect(await main(['region', 'check', writeScenario(dir, 'broken.json', '{\n  "name": "broken",\n  "description" 2\n}')], io)).toBe(2);
    expect(io.err).toMatch(/broken\.json: invalid JSON at line 3/);
  });
});

describe('regions through run', () => {
  it('an unknown region exits 2 naming the field, the value and the regions there are', async () => {
    const io = memoryIo();
    expect(await main(['run', writeScenario(dir, 'urban.json', { ...smallDesign('urban'), region: 'urban' })], io)).toBe(2);
    expect(io.err).toMatch(/urban\.json: invalid scenario\n {2}- region: found "urban"; expected the name of a region profile: one of "periurban", "rural", "town"/);
  });

  it('rural runs through the CLI and the JSON records its region', async () => {
    const io = memoryIo();
    expect(await main(['run', writeScenario(dir, 'rural.json', { ...smallDesign('rural run'), region: 'rural' }), '--format', 'json'], io)).toBe(0);
    const doc = JSON.parse(io.out);
    expect(doc).toMatchObject({ scenario: 'rural run', region: 'rural' });
    expect(doc.accounting.maxImbalance).toBe(0);
  });

  it('a district\'s own profile in regions/ beside the scenario is used; a bad one exits 2 naming the profile file', async () => {
    const home = join(dir, 'district');
    mkdirSync(join(home, 'regions'), { recursive: true });
    const scenario = writeScenario(home, 'plan.json', { ...smallDesign('plan'), region: 'mydistrict' });
    writeScenario(join(home, 'regions'), 'mydistrict.json', profile());
    let io = memoryIo();
    expect(await main(['run', scenario, '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(io.out).region).toBe('mydistrict');
    writeScenario(join(home, 'regions'), 'mydistrict.json', { ...profile(), sources: {} });
    io = memoryIo();
    expect(await main(['run', scenario], io)).toBe(2);
    expect(io.err).toContain(`${join(home, 'regions', 'mydistrict.json')}: invalid region profile`);
  });
});
