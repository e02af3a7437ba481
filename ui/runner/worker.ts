// A module Web Worker: parses a scenario and runs it with its counterfactual — the same sim/ code the
// CLI runs, so the same scenario and seed give the same numbers.
/// <reference lib="webworker" />
import { parseScenario, runScenario } from '../../sim/index.js';
import { digest } from './digest.js';
import type { RunRequest, RunResponse } from './protocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<RunRequest>) => {
  const { id, scenario, seed, months, full } = event.data;
  let response: RunResponse;
  try {
    const result = runScenario(parseScenario(scenario), { seed, months });
    response = full ? { id, ok: true, digest: digest(result), full: result } : { id, ok: true, digest: digest(result) };
  } catch (e) {
    response = { id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  scope.postMessage(response);
};
