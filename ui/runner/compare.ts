// `compareInWorkers`: every design × replicate run in the worker pool with seed + r — the pairing of the
// CLI's `compareDesigns` — and aggregated into chart specs. Runs are cached by (scenario, seed, months),
// so moving one design's lever re-runs only it.
import { mean, type ScenarioInput } from '../../sim/index.js';
import { aggregate, type Aggregated, type DesignRuns, type Labeller } from './aggregate.js';
import type { WorkerPool } from './pool.js';
import type { RunDigest } from './protocol.js';

export interface DesignInput {
  id: string;
  name: string;
  scenario: ScenarioInput;
}

export interface WorkerCompareOptions {
  replicates: number;
  seed: number;
  months: number;
  diffVsA?: boolean;
  signal?: AbortSignal;
  label: Labeller;
  onProgress?: (done: number, total: number) => void;
}

export interface ComparisonResult extends Aggregated {
  designs: { id: string; name: string; participants: number }[];
  replicates: number;
  seed: number;
  months: number;
  elapsedMs: number;
  /** Runs simulated for this comparison (the others came from the cache) and the workers' time on them. */
  computed: { runs: number; workerMs: number };
}

const CACHE_LIMIT = 600;
/** Finished runs only: an in-flight run may be aborted by its comparison and must not be shared. */
const cache = new Map<string, RunDigest>();

async function cachedRun(pool: WorkerPool, scenario: ScenarioInput, seed: number, months: number, computed: ComparisonResult['computed'], signal?: AbortSignal): Promise<RunDigest> {
  const key = JSON.stringify([scenario, seed, months]);
  const hit = cache.get(key);
  if (hit) return hit;
  const { digest, ms } = await pool.run(scenario, seed, months, { signal });
  computed.runs++;
  computed.workerMs += ms;
  cache.set(key, digest);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return digest;
}

export async function compareInWorkers(pool: WorkerPool, designs: readonly DesignInput[], options: WorkerCompareOptions): Promise<ComparisonResult> {
  const started = performance.now();
  const total = designs.length * options.replicates;
  let done = 0;
  const computed = { runs: 0, workerMs: 0 };
  const perDesign: DesignRuns[] = await Promise.all(
    designs.map(async (d) => ({
      id: d.id,
      name: d.name,
      scenario: String(d.scenario.name ?? d.id),
      region: typeof d.scenario.region === 'string' ? d.scenario.region : undefined,
      runs: await Promise.all(
        Array.from({ length: options.replicates }, (_, r) =>
          cachedRun(pool, d.scenario, options.seed + r, options.months, computed, options.signal).then((x) => {
            options.onProgress?.(++done, total);
            return x;
          }),
        ),
      ),
    })),
  );
  const agg = aggregate(perDesign, { diffVsA: options.diffVsA ?? false, label: options.label });
  return {
    ...agg,
    designs: perDesign.map((d) => ({ id: d.id, name: d.name, participants: mean(d.runs.map((r) => r.participants)) })),
    replicates: options.replicates,
    seed: options.seed,
    months: options.months,
    elapsedMs: performance.now() - started,
    computed,
  };
}
