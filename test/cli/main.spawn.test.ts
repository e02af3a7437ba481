// The built executable (dist/bin, built once by test/globalSetup.ts): exit codes and stderr as a user sees them.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { tempDir, writeScenario } from './helpers.js';

const cli = (...args: string[]) => spawnSync(process.execPath, ['dist/bin/pendamping.js', ...args], { encoding: 'utf8', env: { ...process.env, PENDAMPING_DEBUG: '' } });

describe('pendamping executable', () => {
  it('unknown flag, malformed scenario and a json run behave as documented', () => {
    const unknown = cli('run', 'scenarios/full-cycle.json', '--bogus-flag');
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain('--bogus-flag');
    expect(unknown.stderr).not.toMatch(/\n\s+at /);

    const dir = tempDir();
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const bad = writeScenario(dir, 'bad.json', { months: 'ten', program: { mentoring: { visitsPerMonth: -1 } } });
    const invalid = cli('run', bad);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain('months');
    expect(invalid.stderr).toContain('program.mentoring.visitsPerMonth');
    expect(invalid.stderr).not.toMatch(/\n\s+at /);

    const ok = cli('run', 'scenarios/full-cycle.json', '--months', '6', '--format', 'json');
    expect(ok.status).toBe(0);
    const doc = JSON.parse(ok.stdout);
    expect(typeof doc.summary.turnover.effect).toBe('number');
    expect(doc.accounting.maxImbalance).toBe(0);
  });
});
