// `compareInWorkers`: every design × replicate run in the worker pool with seed + r — the pairing of the
// CLI's `compareDesigns` — and aggregated into chart specs. Runs are cached by (scenario, seed, months),
// so moving one design's lever re-runs only it. With a preview, the first few replicates of every design
// that is not wholly in the cache are run first (a higher priority in the pool) and aggregated with the
// cached designs' full replicates (so a design that did not change keeps its numbers), then the rest: the
// preview's runs are the full set's first replicates (replicate r always runs with seed + r), so nothing is
// run twice and the final result is the one the full run would give.
import { mean, type ScenarioInput } from '../../sim/index.js';
import { aggregate, type Aggregated, type DesignRuns, type Labeller } from './aggregate.js';
import { replicateScenario } from './assumptions.js';
import type { FirstRuns } from './firstRuns.js';
import { AbortError, type WorkerPool } from './pool.js';
import type { RunDigest } from './protocol.js';

export interface DesignInput {
  id: string;
  name: string;
  scenario: ScenarioInput;
  /** The fields the design sets itself: never drawn under `uncertainty`. */
  explicit?: readonly string[];
}

export interface WorkerCompareOptions {
  replicates: number;
  seed: number;
  months: number;
  diffVsA?: boolean;
  signal?: AbortSignal;
  label: Labeller;
  onProgress?: (done: number, total: number) => void;
  /**
   * Replicates in the preview (0 or ≥ replicates: none). The preview is sent to onPreview once those runs
   * of every design that is not wholly cached are in, unless by then every run is in (the final result
   * follows at once). A design whose runs all come from the cache is in the preview with all of them.
   */
  previewReplicates?: number;
  onPreview?: (preview: ComparisonResult) => void;
  /** The runs' priority in the pool (a newer comparison's higher); the preview's runs get priority + 1. */
  priority?: number;
  /**
   * Draw the uncertain assumptions once per replicate (ui/runner/assumptions.ts, as `compare
   * --uncertainty`): every figure's range is then the range over the assumptions.
   */
  uncertainty?: boolean;
}

export interface ComparisonResult extends Aggregated {
  designs: { id: string; name: string; participants: number }[];
  replicates: number;
  seed: number;
  months: number;
  elapsedMs: number;
  /**
   * Runs simulated for this comparison (the others came from the cache) and the workers' time on them, and
   * the cached runs that the app's build computed (ui/runner/firstRuns.ts).
   */
  computed: { runs: number; workerMs: number; fromBuild: number };
  /**
   * The first replicates only, while the rest are being run (then `replicates` is the preview's count; a
   * design whose runs all came from the cache has all of them).
   */
  preview?: boolean;
  /** Each replicate was a draw of the uncertain assumptions: low and high are the range over the assumptions. */
  overAssumptions: boolean;
}

const CACHE_LIMIT = 600;
/** Finished runs only: an in-flight run may be aborted by its comparison and must not be shared. */
const cache = new Map<string, RunDigest>();

/**
 * Each scenario object's JSON, written once: a comparison asks for the key of each of its runs twice (is the
 * design wholly cached? then the run itself), and a design's replicates share its scenario object. The
 * scenarios a comparison runs are made for it and not changed afterwards.
 */
const scenarioJson = new WeakMap<ScenarioInput, string>();
/** The cache's key of a run: the same string as JSON.stringify([scenario, seed, months]). */
function runKey(scenario: ScenarioInput, seed: number, months: number): string {
  let json = scenarioJson.get(scenario);
  if (json === undefined) scenarioJson.set(scenario, (json = JSON.stringify(scenario)));
  return `[${json},${JSON.stringify(seed)},${JSON.stringify(months)}]`;
}

/** Runs put in the cache before the first comparison reads it (ui/runner/firstRuns.ts), or nothing. */
let seeded: Promise<void> = Promise.resolve();
/** The digests that came from the build's file (a comparison counts them: the page says so). */
const fromBuild = new WeakSet<RunDigest>();
/** How long a comparison waits for those runs before it computes its own. */
export const FIRST_RUNS_WAIT_MS = 3000;

/**
 * Put runs computed at build time in the cache (each under the key the page's own run would have). Every
 * comparison first waits for them, at most FIRST_RUNS_WAIT_MS; a file that does not come adds nothing.
 */
export function seedRuns(file: Promise<FirstRuns | null>): void {
  const loaded = file.then((f) => {
    for (const d of f?.designs ?? []) {
      for (const r of d.runs) {
        const key = runKey(d.scenario, r.seed, f!.months);
        if (cache.has(key)) continue;
        cache.set(key, r.digest);
        fromBuild.add(r.digest);
      }
    }
  }, () => undefined);
  seeded = Promise.race([loaded, new Promise<void>((resolve) => setTimeout(resolve, FIRST_RUNS_WAIT_MS))]);
}

async function cachedRun(
  pool: WorkerPool,
  scenario: ScenarioInput,
  seed: number,
  months: number,
  computed: ComparisonResult['computed'],
  options: { signal?: AbortSignal; priority?: number },
): Promise<RunDigest> {
  const key = runKey(scenario, seed, months);
  const hit = cache.get(key);
  if (hit) {
    if (fromBuild.has(hit)) computed.fromBuild++;
    return hit;
  }
  const { digest, ms } = await pool.run(scenario, seed, months, options);
  computed.runs++;
  computed.workerMs += ms;
  cache.set(key, digest);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return digest;
}

export async function compareInWorkers(pool: WorkerPool, designs: readonly DesignInput[], options: WorkerCompareOptions): Promise<ComparisonResult> {
  const started = performance.now();
  await seeded;
  if (options.signal?.aborted) throw new AbortError();
  const total = designs.length * options.replicates;
  const previewCount = options.previewReplicates ?? 0;
  const previewing = previewCount > 0 && previewCount < options.replicates && options.onPreview !== undefined;
  const priority = options.priority ?? 0;
  const uncertainty = options.uncertainty ?? false;
  let done = 0;
  const computed = { runs: 0, workerMs: 0, fromBuild: 0 };
  // Designs whose every run is in the cache: the preview shows them whole.
  const cachedWhole = designs.map((d) => Array.from({ length: options.replicates }, (_, r) => runKey(d.scenario, options.seed + r, options.months)).every((k) => cache.has(k)));
  // Replicate r of every design is asked for before replicate r + 1, the preview's at a higher priority.
  const runs: Promise<RunDigest>[][] = designs.map(() => []);
  for (let r = 0; r < options.replicates; r++) {
    designs.forEach((d, i) => {
      const p = previewing && r < previewCount ? priority + 1 : priority;
      runs[i].push(
        cachedRun(pool, replicateScenario(d, options.seed + r, uncertainty), options.seed + r, options.months, computed, { signal: options.signal, priority: p }).then((x) => {
          options.onProgress?.(++done, total);
          return x;
        }),
      );
    });
  }
  const result = (digests: RunDigest[][], replicates: number): ComparisonResult => {
    const perDesign: DesignRuns[] = designs.map((d, i) => ({
      id: d.id,
      name: d.name,
      scenario: String(d.scenario.name ?? d.id),
      region: typeof d.scenario.region === 'string' ? d.scenario.region : undefined,
      runs: digests[i],
    }));
    const agg = aggregate(perDesign, { diffVsA: options.diffVsA ?? false, label: options.label, overAssumptions: uncertainty });
    return {
      ...agg,
      designs: perDesign.map((d) => ({ id: d.id, name: d.name, participants: mean(d.runs.map((r) => r.participants)) })),
      replicates,
      seed: options.seed,
      months: options.months,
      elapsedMs: performance.now() - started,
      computed,
      overAssumptions: uncertainty,
    };
  };
  const all = Promise.all(runs.map((d) => Promise.all(d)));
  if (previewing) {
    void Promise.all(runs.map((d, i) => Promise.all(cachedWhole[i] ? d : d.slice(0, previewCount)))).then(
      (digests) => {
        if (done < total && !options.signal?.aborted) options.onPreview!({ ...result(digests, previewCount), preview: true });
      },
      () => undefined, // the full run's promise reports the failure
    );
  }
  return result(await all, options.replicates);
}
