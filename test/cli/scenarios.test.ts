// `pendamping scenarios`: every shipped design with its file, title and one-line description, in either
// language, without loading the simulation.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../cli/io.js';
import { main } from '../../cli/program.js';

describe('pendamping scenarios', () => {
  it('lists each shipped design with its English title and description by default', async () => {
    const io = memoryIo();
    expect(await main(['scenarios'], io)).toBe(0);
    const lines = io.out.trimEnd().split('\n');
    expect(lines).toHaveLength(20);
    expect(lines[6]).toBe('full-cycle.json           Full cycle');
    expect(lines[7]).toBe('                          Every stage: needs analysis, training, mentoring, a Rp 1 million grant and links, monitoring, forums and reflection; two cohorts.');
    expect(lines.filter((l) => /^\S/.test(l)).map((l) => l.split(/\s+/)[0])).toEqual([
      'cash-transfer.json', 'digital-first.json', 'forums-networks.json', 'full-cycle.json', 'mentoring-only.json',
      'no-program.json', 'resource-access.json', 'rural-cash-transfer.json', 'training-only.json', 'women-first.json',
    ]);
  });

  it('--lang id gives the Indonesian titles; another language is refused (exit 1)', async () => {
    const io = memoryIo();
    expect(await main(['scenarios', '--lang', 'id'], io)).toBe(0);
    expect(io.out).toContain('mentoring-only.json       Pendampingan saja\n');
    expect(io.out).toContain('no-program.json           Tanpa program\n                          Ekonomi lokal tanpa program: pembanding bagi setiap rancangan.\n');
    const bad = memoryIo();
    expect(await main(['scenarios', '--lang', 'fr'], bad)).toBe(1);
    expect(bad.err).toMatch(/--lang <lang>' argument 'fr' is invalid/);
  });

  it('imports no simulation code (only node:, commander, the JSON reader)', () => {
    const src = readFileSync('cli/commands/scenarios.ts', 'utf8');
    const imports = [...src.matchAll(/^import (?!type)[^'\n]*from '([^']+)'/gm)].map((m) => m[1]);
    expect(imports).toEqual(['node:fs', 'node:path', 'commander', '../commandCatalog.js', '../packageRoot.js', '../readJsonFile.js']);
  });
});
