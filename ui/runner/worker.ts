// A module Web Worker: parses a scenario and runs it with its counterfactual — the same sim/ code the
// CLI runs, so the same scenario and seed give the same numbers.
/// <reference lib="webworker" />
import { parseScenario, runScenario } from '../../sim/index.js';
import { digest } from './digest.js';
import { SERIES_METRICS } from './metrics.js';

const CHART_METRICS = SERIES_METRICS.filter((m) => m.group !== 'economy').map((m) => m.metric);
import type { RunRequest, RunResponse } from './protocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<RunRequest>) => {
  const { id, scenario, seed, months, full } = event.data;
  let response: RunResponse;
  try {
    // Record only what the charts show (the summary's own metrics are always recorded).
    const result = runScenario(parseScenario(scenario), { seed, months, metrics: full ? undefined : CHART_METRICS });
    response = full ? { id, ok: true, digest: digest(result), full: result } : { id, ok: true, digest: digest(result) };
  } catch (e) {
    response = { id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  scope.postMessage(response);
};
