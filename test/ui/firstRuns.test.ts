// The first comparison's runs computed at build time (ui/runner/firstRuns.ts, firstRunsBuild.ts): put in
// the run cache, they give the page's first comparison without a single run in the workers, and the same
// result, number for number, as the workers computing every run; a file that never comes holds a
// comparison back for FIRST_RUNS_WAIT_MS at most.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseScenario, runScenario } from '../../sim/index.js';
import { comparisonDesigns } from '../../ui/app/comparison-runner.js';
import type { ComparisonResult, WorkerCompareOptions } from '../../ui/runner/compare.js';
import { digest } from '../../ui/runner/digest.js';
import type { FirstRuns } from '../../ui/runner/firstRuns.js';
import { computeFirstRuns } from '../../ui/runner/firstRunsBuild.js';
import { WorkerPool } from '../../ui/runner/pool.js';
import type { RunResponse, WorkerRequest } from '../../ui/runner/protocol.js';
import { defaultState } from '../../ui/state/state.js';

/** A worker that simulates each run for real and counts them. */
class SimWorker {
  static runs = 0;
  onmessage: ((e: MessageEvent<RunResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(m: WorkerRequest) {
    if ('cancel' in m) return;
    setTimeout(() => {
      SimWorker.runs++;
      const d = digest(runScenario(parseScenario(m.scenario), { seed: m.seed, months: m.months }));
      this.onmessage?.({ data: { id: m.id, ok: true, digest: d, ms: 1 } } as MessageEvent<RunResponse>);
    }, 0);
  }
  terminate() {}
}

const s = defaultState();
const options: WorkerCompareOptions = { replicates: s.replicates, seed: s.seed, months: s.months, label: (k) => k };
/** What a comparison shows (not when or how it was computed). */
const shown = (r: ComparisonResult) => JSON.stringify({ ...r, elapsedMs: 0, computed: null });

afterEach(() => {
  vi.useRealTimers();
  vi.resetModules();
});

describe('first runs computed at build time', () => {
  let file: FirstRuns;
  let seeded: ComparisonResult;

  it('are the default state\'s designs, replicates and months', () => {
    file = computeFirstRuns();
    const designs = comparisonDesigns(s);
    expect(file.months).toBe(s.months);
    expect(file.designs.map((d) => d.scenario)).toEqual(designs.map((d) => d.scenario));
    for (const d of file.designs) expect(d.runs.map((r) => r.seed)).toEqual(Array.from({ length: s.replicates }, (_, r) => s.seed + r));
    // JSON (what the page fetches) keeps every number as it was.
    expect(JSON.parse(JSON.stringify(file))).toEqual(file);
  });

  it('seeded, the first comparison makes no run in the workers', async () => {
    const { compareInWorkers, seedRuns } = await import('../../ui/runner/compare.js');
    SimWorker.runs = 0;
    seedRuns(Promise.resolve(JSON.parse(JSON.stringify(file)) as FirstRuns));
    seeded = await compareInWorkers(new WorkerPool(2, () => new SimWorker() as unknown as Worker), comparisonDesigns(s), options);
    expect(SimWorker.runs).toBe(0);
    expect(seeded.computed.runs).toBe(0);
    expect(seeded.computed.fromBuild).toBe(comparisonDesigns(s).length * s.replicates);
    expect(seeded.headline.length).toBeGreaterThan(0);
  });

  it('and shows what the workers compute run by run, number for number', async () => {
    const { compareInWorkers } = await import('../../ui/runner/compare.js'); // a fresh module: an empty cache
    SimWorker.runs = 0;
    const computed = await compareInWorkers(new WorkerPool(2, () => new SimWorker() as unknown as Worker), comparisonDesigns(s), options);
    expect(SimWorker.runs).toBe(comparisonDesigns(s).length * s.replicates);
    expect(computed.computed).toMatchObject({ runs: SimWorker.runs, fromBuild: 0 });
    expect(shown(computed)).toBe(shown(seeded));
  }, 120_000);

  it('a file that never comes holds a comparison back no longer than FIRST_RUNS_WAIT_MS', async () => {
    const { compareInWorkers, seedRuns, FIRST_RUNS_WAIT_MS } = await import('../../ui/runner/compare.js');
    vi.useFakeTimers();
    seedRuns(new Promise<FirstRuns | null>(() => undefined));
    let done = false;
    const small = { ...options, replicates: 1, months: 2 };
    const result = compareInWorkers(new WorkerPool(1, () => new SimWorker() as unknown as Worker), comparisonDesigns(s).slice(0, 1), small).then((r) => {
      done = true;
      return r;
    });
    await vi.advanceTimersByTimeAsync(FIRST_RUNS_WAIT_MS - 1);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await vi.runAllTimersAsync(); // the (fake) worker's run
    expect(done).toBe(true);
    expect((await result).computed.runs).toBe(1);
  });
});
