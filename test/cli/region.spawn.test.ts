// The built executable (dist/bin, built once by test/globalSetup.ts) for regions: its fast `region` path
// and an unknown region in `run` end with exit 2 and field-named messages, no stack.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { tempDir, writeScenario } from './helpers.js';

const cli = (...args: string[]) => spawnSync(process.execPath, ['dist/bin/pendamping.js', ...args], { encoding: 'utf8', env: { ...process.env, PENDAMPING_DEBUG: '' } });

describe('pendamping executable, regions', () => {
  it('region check: 0 for a shipped profile, 2 for a bad one; run: 2 for an unknown region', () => {
    const dir = tempDir();
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const ok = cli('region', 'check', 'scenarios/regions/rural.json');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('region profile "rural" is valid');

    const bad = writeScenario(dir, 'bad.json', { name: 'bad', description: 'x', households: { localSpendingShare: 2 }, sources: {} });
    const checked = cli('region', 'check', bad);
    expect(checked.status).toBe(2);
    expect(checked.stderr).toContain('households.localSpendingShare: found 2; expected a number <= 1');
    expect(checked.stderr).toContain('sources["households.localSpendingShare"]: found missing');
    expect(checked.stderr).not.toMatch(/\n\s+at /);

    const unknown = cli('run', writeScenario(dir, 'urban.json', { months: 2, economy: { businesses: 50 }, region: 'urban' }));
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('region: found "urban"; expected the name of a region profile: one of "periurban", "rural", "town"');
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  });
});
