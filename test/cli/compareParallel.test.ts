// compare on worker threads gives the sequential result byte for byte: the same runs (replicates and draws
// of the assumptions), the same values, the same assembly; the JSON, the table, the CSV and the
// per-replicate CSV are identical, and a design's own field is still not drawn. Needs the build's worker
// (npm run build), as the batch tests do.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { compareFiles } from '../../cli/commands/compare.js';
import { compareReplicatesCsv, renderCompare } from '../../cli/reports/compareReport.js';
import { smallDesign, tempDir, writeScenario } from './helpers.js';

describe('compare on worker threads', () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is byte-identical to the sequential path, with --uncertainty', async () => {
    const files = [
      writeScenario(dir, 'a.json', smallDesign('a')),
      writeScenario(dir, 'b.json', { ...smallDesign('b', { resourceAccess: { enabled: true } }), businessStealingShare: 0.6 }),
    ];
    // 2 designs × (8 replicates + 12 draws) = 40 runs: two threads get work (at least 16 runs each).
    const options = { replicates: 8, seed: 3, uncertainty: 12 };
    const sequential = await compareFiles(files, { ...options, workers: 1 });
    const progress: string[] = [];
    const parallel = await compareFiles(files, { ...options, workers: 2, onProgress: (d, r, _n, _m, draw) => progress.push(`${d}/${r}/${draw ? 'draw' : 'rep'}`) });
    for (const format of ['json', 'table', 'csv'] as const) expect(renderCompare(parallel, format)).toBe(renderCompare(sequential, format));
    expect(compareReplicatesCsv(parallel)).toBe(compareReplicatesCsv(sequential));
    expect(JSON.stringify(parallel.drawValues)).toBe(JSON.stringify(sequential.drawValues));
    // Every run reported once.
    expect(progress.length).toBe(40);
    expect(new Set(progress).size).toBe(40);
    // The draws moved the assumptions (not the replicates again), and b's own business stealing stayed its own.
    expect(sequential.overAssumptions!.designs[0].quantities['jobs.effect'].mean).not.toBe(sequential.designs[0].quantities['jobs.effect'].mean);
    expect(sequential.overAssumptions!.parameters.find((p) => p.path === 'businessStealingShare')!.fixedIn).toEqual(['b']);
  }, 120_000);
});
