// A module Web Worker: parses a scenario and runs it with its counterfactual — the same sim/ code the
// CLI runs, so the same scenario and seed give the same numbers.
/// <reference lib="webworker" />
import { parseScenario, runScenario, type CounterfactualCache, type NeutralCounterfactual } from '../../sim/index.js';
import { digest } from './digest.js';
import { CHARTED_SERIES } from './metrics.js';

const CHART_METRICS = CHARTED_SERIES.map((m) => `${m.group}.${m.metric}`);
import type { RunRequest, RunResponse } from './protocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;

/**
 * Counterfactual arms this worker has simulated, most recent last (a small LRU: each holds an economy and
 * copies of the participants' columns, about 1 MB at 500 businesses × 36 months). One arm serves every design
 * on the same economy and seed, whoever it enrols, so a comparison needs about one per replicate.
 */
const CACHE_LIMIT = 24;
const arms = new Map<string, NeutralCounterfactual>();
const counterfactualCache: CounterfactualCache = {
  get(key) {
    const arm = arms.get(key);
    if (arm) {
      arms.delete(key);
      arms.set(key, arm);
    }
    return arm;
  },
  set(key, arm) {
    arms.set(key, arm);
    if (arms.size > CACHE_LIMIT) arms.delete(arms.keys().next().value!);
  },
};

scope.onmessage = (event: MessageEvent<RunRequest>) => {
  const { id, scenario, seed, months, full } = event.data;
  let response: RunResponse;
  const t0 = performance.now();
  try {
    // Record only what the charts show (the summary's own metrics are always recorded).
    const result = runScenario(parseScenario(scenario), { seed, months, metrics: full ? undefined : CHART_METRICS, counterfactualCache });
    const d = digest(result);
    const ms = performance.now() - t0;
    response = full ? { id, ok: true, digest: d, full: result, ms } : { id, ok: true, digest: d, ms };
  } catch (e) {
    response = { id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  scope.postMessage(response);
};
