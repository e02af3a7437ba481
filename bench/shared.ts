// What the benchmarks share: the repository root, how results are written, and the small experiment the
// batch and cluster benchmarks both time.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root (the benchmarks run from dist/bench/). */
export const root = new URL('../../', import.meta.url);

/** Write `out` to bench/results/<name>-<timestamp>.json and <name>-latest.json, and say so. */
export function saveResults(name: string, out: { date: string }): void {
  mkdirSync(new URL('bench/results/', root), { recursive: true });
  const stamp = out.date.replace(/[:.]/g, '-');
  const text = JSON.stringify(out, null, 2) + '\n';
  writeFileSync(new URL(`bench/results/${name}-${stamp}.json`, root), text);
  writeFileSync(new URL(`bench/results/${name}-latest.json`, root), text);
  console.log(`wrote bench/results/${name}-${stamp}.json`);
}

/**
 * The Node flags the `pendamping` executable starts with (its `#!/usr/bin/env -S node …` line), so that a
 * benchmark that starts it through `node` (to add flags of its own) times what `npx pendamping` runs.
 */
export function cliNodeFlags(executable: string): string[] {
  const first = readFileSync(executable, 'utf8').split('\n', 1)[0];
  const m = /^#!\/usr\/bin\/env\s+(?:-S\s+)?node((?:\s+\S+)*)\s*$/.exec(first);
  if (!m) throw new Error(`${executable} does not start with a #!/usr/bin/env node line: ${first}`);
  return m[1].trim() === '' ? [] : m[1].trim().split(/\s+/);
}

/** The design points of the benchmark experiment (mentor visits per month). */
export const POINTS = [1, 2, 3, 4];

/**
 * Write, in `dir`, the benchmark's base scenario (full-cycle scaled to `businesses` and `months`) and
 * returns a function that writes an experiment over POINTS with `replicates` replicates.
 */
export function benchExperiments(dir: string, businesses: number, months: number): (name: string, replicates: number, points?: readonly number[]) => string {
  const { $schema: _schema, ...base } = JSON.parse(readFileSync(new URL('scenarios/full-cycle.json', root), 'utf8'));
  writeFileSync(
    join(dir, 'base.json'),
    JSON.stringify({
      ...base,
      name: 'bench-base',
      months,
      economy: { ...base.economy, businesses },
      program: { ...base.program, maxParticipants: Math.round(businesses / 5), budgetRupiah: Math.round(base.program.budgetRupiah * (businesses / 500)) },
    }),
  );
  return (name, replicates, points = POINTS) => {
    const file = join(dir, `${name}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        name,
        base: 'base.json',
        parameters: [{ path: 'program.mentoring.visitsPerMonth', values: points }],
        replicates,
        metrics: ['profit.effect', 'jobs.effect', 'localGdpPerRupiah', 'localGdpGained'],
        record: 'final',
      }),
    );
    return file;
  };
}
