// A run the machine cannot hold is refused before it starts, exit 2 naming economy.businesses with the
// estimate (issue 13: 2M businesses × 20 households × 12 shops grew past 7 GB before being stopped).
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { checkMemory, memoryLimitBytes, parseSize } from '../../cli/memory.js';
import { memoryIo } from '../../cli/io.js';
import { main } from '../../cli/program.js';
import { parseScenario } from '../../sim/index.js';
import { estimateRunBytes } from '../../sim/scenario/memory.js';
import { ScenarioError } from '../../sim/scenario/problems.js';
import { tempDir, writeScenario } from './helpers.js';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

const sized = (businesses: number, householdsPerBusiness: number, shopsKnownPerHousehold: number, months: number) =>
  parseScenario({ months, economy: { businesses, householdsPerBusiness, shopsKnownPerHousehold } }, 'test');

async function cli(...args: string[]) {
  const io = memoryIo();
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

describe('memory estimate', () => {
  it('is at or above the peak memory measured for runs of every shape, by at most 40%', () => {
    // Peak resident memory of `pendamping run` (GNU time), MB: businesses, households per business,
    // shops known, months. The estimate must never fall below one of these, nor be wildly above.
    const measured: [number, number, number, number, number][] = [
      [20_000, 2, 4, 2, 188], [100_000, 2, 4, 2, 372], [100_000, 20, 4, 2, 874], [100_000, 2, 12, 2, 436],
      [100_000, 20, 12, 2, 1502], [200_000, 20, 12, 2, 2856], [100_000, 2, 4, 24, 412], [20_000, 2, 4, 120, 236],
    ];
    for (const [b, h, k, m, mb] of measured) {
      const ratio = estimateRunBytes(sized(b, h, k, m)) / (mb * 1e6);
      expect(ratio, `${b}×${h}×${k}, ${m} months`).toBeGreaterThanOrEqual(1.0);
      expect(ratio, `${b}×${h}×${k}, ${m} months`).toBeLessThanOrEqual(1.4);
    }
  });

  it('the audit\'s 2M businesses × 20 households × 12 shops needs far more than 7 GB', () => {
    expect(estimateRunBytes(sized(2_000_000, 20, 12, 12))).toBeGreaterThan(20e9);
  });

  it('reads a limit from PENDAMPING_MAX_MEMORY, else the machine', () => {
    expect(parseSize('8G')).toBe(8 * 1024 ** 3);
    expect(parseSize('512m')).toBe(512 * 1024 ** 2);
    expect(parseSize('1.5GiB')).toBe(1.5 * 1024 ** 3);
    expect(parseSize('1000')).toBe(1000);
    expect(parseSize('lots')).toBeUndefined();
    expect(parseSize('0')).toBeUndefined();
    expect(memoryLimitBytes({ PENDAMPING_MAX_MEMORY: '2G' })).toBe(2 * 1024 ** 3);
    expect(memoryLimitBytes({})).toBeGreaterThan(0);
    expect(() => memoryLimitBytes({ PENDAMPING_MAX_MEMORY: 'abc' })).toThrow(/PENDAMPING_MAX_MEMORY=abc: expected a size/);
  });

  it('counts runs at once: one run fits where two workers would not', () => {
    const s = sized(100_000, 2, 4, 12);
    const one = estimateRunBytes(s);
    expect(() => checkMemory([s], ['a.json'], 1, one * 1.5)).not.toThrow();
    expect(() => checkMemory([s], ['a.json'], 2, one * 1.5)).toThrow(ScenarioError);
    expect(() => checkMemory([s], ['a.json'], 2, one * 1.5)).toThrow(/× 2 runs at once.*or fewer workers/);
  });
});

describe('a run too large for the machine', () => {
  it('run: exit 2 naming economy.businesses and the estimate, in about a second, before any work', async () => {
    const file = writeScenario(dir, 'huge.json', { months: 12, economy: { businesses: 2_000_000, householdsPerBusiness: 20, shopsKnownPerHousehold: 12 } });
    vi.stubEnv('PENDAMPING_MAX_MEMORY', '24G');
    const r = await cli('run', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('huge.json');
    expect(r.err).toMatch(/economy\.businesses: found 2000000; expected a run this machine can hold: 2,000,000 businesses × 20 households × 12 shops known over 12 months need about \d+\.\d GiB, above the limit of 24\.0 GiB/);
    expect(r.out).toBe('');
  });

  it('run: a small limit refuses the default economy, and a large one lets it run', async () => {
    const file = writeScenario(dir, 'small.json', { months: 2, economy: { businesses: 60 } });
    vi.stubEnv('PENDAMPING_MAX_MEMORY', '50M');
    expect((await cli('run', file)).code).toBe(2);
    vi.stubEnv('PENDAMPING_MAX_MEMORY', '4G');
    const ok = await cli('run', file, '--format', 'json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).accounting.maxImbalance).toBe(0);
  });

  it('compare: every design is checked, naming the file that is too large', async () => {
    const small = writeScenario(dir, 'ok.json', { months: 2, economy: { businesses: 60 } });
    const big = writeScenario(dir, 'big.json', { months: 2, economy: { businesses: 200_000, householdsPerBusiness: 20, shopsKnownPerHousehold: 12 } });
    vi.stubEnv('PENDAMPING_MAX_MEMORY', '1G');
    const r = await cli('compare', small, big, '--replicates', '2');
    expect(r.code).toBe(2);
    expect(r.err).toContain('big.json');
    expect(r.err).not.toContain('ok.json: invalid');
  });

  it('batch: the largest design point times the workers is checked before any folder is made', async () => {
    writeFileSync(join(dir, 'base.json'), JSON.stringify({ months: 2, economy: { businesses: 60, householdsPerBusiness: 20, shopsKnownPerHousehold: 12 } }));
    const experiment = join(dir, 'exp.json');
    writeFileSync(experiment, JSON.stringify({
      name: 'memory', base: 'base.json', replicates: 2, metrics: ['jobs.effect'],
      parameters: [{ path: 'economy.businesses', values: [60, 300_000] }],
    }));
    const out = join(dir, 'batch-out');
    vi.stubEnv('PENDAMPING_MAX_MEMORY', '1G');
    const r = await cli('batch', experiment, '--out', out, '--workers', '1');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/design point 1.*\n.*economy\.businesses: found 300000/);
    const { existsSync } = await import('node:fs');
    expect(existsSync(out)).toBe(false);
  });
});
