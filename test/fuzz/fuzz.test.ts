// The scenario and experiment fuzzer, a few hundred seeded cases (issue 13): every generated file, valid-
// looking or corrupted, gives exit 0 with balanced books and finite outputs, or exit 2 with a message
// naming the file and a field; never another exit code, a stack trace, a case over 10 s or the process
// over 3 GiB. What is generated and checked: test/fuzz/check.ts and docs/reliability.md ("Fuzzing").
// `npm run fuzz` runs 10,000 cases from a random seed.
//
// The seeds are fixed so CI is deterministic. A failure prints the smallest failing case and its replay
// path; `npm run fuzz -- --seed <seed> --runs <runs> --families <families> --path <path>` replays it.
// Small batches run for real on dist/cli/batch/worker.js, built by test/globalSetup.ts.
import { afterAll, describe, expect, it } from 'vitest';
import { namesField } from './check.js';
import { runFuzz, type Family, type FuzzResult } from './fuzzCase.js';

const SCENARIO_FAMILIES: Family[] = ['scenario/valid', 'scenario/values', 'scenario/text', 'scenario/encoding'];
const EXPERIMENT_FAMILIES: Family[] = ['experiment/valid', 'experiment/values', 'experiment/text', 'experiment/base'];

const tables: string[] = [];
afterAll(() => {
  if (tables.length) console.log(`fuzz cases by family and outcome:\n${tables.join('\n\n')}`);
});

function expectPassed(result: FuzzResult): void {
  tables.push(result.tally.table());
  // The report holds the failure, the smallest case and its replay path: shown whole when it fails.
  expect(result.report, result.report).toBeUndefined();
}

describe('fuzzing the scenario and experiment files (issue 13)', () => {
  it('every scenario file: exit 0 with balanced books and finite outputs, or exit 2 naming the file and a field', async () => {
    const result = await runFuzz({ numRuns: 400, seed: 20261205, families: SCENARIO_FAMILIES });
    expectPassed(result);
    // The generator must keep reaching the simulation: most valid-looking documents run.
    const t = result.tally;
    expect(t.count('scenario/valid', 'exit 0')).toBeGreaterThan(0.4 * (t.count('scenario/valid', 'exit 0') + t.count('scenario/valid', 'exit 2')));
    expect(t.count('scenario/values', 'exit 2')).toBeGreaterThan(0);
    expect(t.count('scenario/text', 'exit 2')).toBeGreaterThan(0);
  }, 180_000);

  it('every experiment file: a plan or an input error naming the file and a field; a few small batches run for real', async () => {
    const result = await runFuzz({ numRuns: 200, seed: 20261206, families: EXPERIMENT_FAMILIES, batchShare: 0.2 });
    expectPassed(result);
    const t = result.tally;
    expect(t.count('experiment/valid', 'exit 0')).toBeGreaterThan(0.25 * (t.count('experiment/valid', 'exit 0') + t.count('experiment/valid', 'exit 2')));
    expect(t.batches.done).toBeGreaterThan(0);
  }, 180_000);

  it('the oracle refuses what it must: a message naming no field, a blank or broken path, a stack trace', () => {
    const file = '/tmp/x/scenario.json';
    expect(namesField(`${file}: invalid scenario\n  - months: found 0; expected a number >= 1`, file)).toBe(true);
    expect(namesField(`${file}: invalid JSON at line 2, column 11: Unexpected token\n> 2 | x`, file)).toBe(true);
    expect(namesField(`${file}: nested more than 64 levels deep (objects or lists inside each other); a scenario is a few levels deep`, file)).toBe(true);
    expect(namesField(`${file}: invalid scenario\n  -  : found 1; expected one of the fields name`, file)).toBe(false);
    expect(namesField(`${file}: invalid scenario\n  - a\nb: found 1; expected one of the fields name`, file)).toBe(false);
    expect(namesField(`${file}: invalid scenario`, file)).toBe(false);
    expect(namesField(`${file}: base[1] "gone \\"x\\".json": dir/gone "x".json: no such file`, file)).toBe(true);
    expect(namesField(`${file}: base "b.json": dir/b.json: is a folder, not a scenario file`, file)).toBe(true);
    expect(namesField(`${file}: base "b.json": dir/b.json: exploded`, file)).toBe(false);
    expect(namesField('error: Cannot read properties of undefined (reading def)', file)).toBe(false);
    expect(namesField(`other.json: invalid scenario\n  - months: found 0; expected a number >= 1`, file)).toBe(false);
  });
});
