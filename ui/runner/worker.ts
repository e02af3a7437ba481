// A module Web Worker: parses a scenario and runs it with its counterfactual — the same sim/ code the
// CLI runs, so the same scenario and seed give the same numbers. Runs are queued in the worker and stepped
// a slice of months at a time (about `sliceMs`); between slices the worker reads its messages, so a run
// the page no longer needs is cancelled within a slice, without replacing the worker (which would lose its
// warm JIT and its counterfactual arms).
/// <reference lib="webworker" />
import { expressionCompilerNeeded, loadExpressionCompiler, parseScenario, startRun, type CounterfactualCache, type NeutralCounterfactual, type Run } from '../../sim/index.js';
import { digest } from './digest.js';
import { CHARTED_SERIES } from './metrics.js';
import type { RunRequest, RunResponse, WorkerRequest } from './protocol.js';

const CHART_METRICS = CHARTED_SERIES.map((m) => `${m.group}.${m.metric}`);

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

/** Runs waiting, oldest first, and the one being stepped. */
const waiting: RunRequest[] = [];
let current: { request: RunRequest; run: Run; ms: number } | null = null;
let cancelled = false;
let scheduled = false;
/** mathjs being loaded for a scenario with a targeting expression (the worker does not load it otherwise). */
let loading: Promise<void> | null = null;

// The next slice comes as a message to ourselves: it waits behind the page's messages (a cancel) but not
// behind a timer's minimum delay. (Node, where the tests run this file, drains a port's messages in one
// go, its own included, so there the next slice is a setImmediate.)
const channel = new MessageChannel();
channel.port1.onmessage = () => next();
const next = () => {
  scheduled = false;
  slice();
};
const later: (f: () => void) => void =
  typeof (globalThis as { setImmediate?: unknown }).setImmediate === 'function'
    ? (f) => (globalThis as unknown as { setImmediate: (f: () => void) => void }).setImmediate(f)
    : () => channel.port2.postMessage(null);
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  later(next);
}

function answer(response: RunResponse): void {
  scope.postMessage(response);
}

function fail(id: number, e: unknown): void {
  answer({ id, ok: false, error: e instanceof Error ? e.message : String(e) });
}

function slice(): void {
  if (loading) return; // runs wait, in order, until the compiler is there
  if (current && cancelled) {
    answer({ id: current.request.id, ok: false, cancelled: true });
    current = null;
  }
  if (!current) {
    const request = waiting.shift();
    if (!request) return;
    const t0 = performance.now();
    try {
      // Record only what the charts show (the summary's own metrics are always recorded).
      const run = startRun(parseScenario(request.scenario), {
        seed: request.seed,
        months: request.months,
        metrics: request.full ? undefined : CHART_METRICS,
        counterfactualCache,
      });
      current = { request, run, ms: performance.now() - t0 };
      cancelled = false;
    } catch (e) {
      fail(request.id, e);
      schedule();
      return;
    }
  }
  const { request, run } = current;
  const t0 = performance.now();
  const until = t0 + (request.sliceMs ?? Infinity);
  try {
    while (run.step()) if (performance.now() >= until) break;
    if (run.done) {
      const result = run.result();
      const d = digest(result);
      const ms = current.ms + performance.now() - t0;
      current = null;
      answer(request.full ? { id: request.id, ok: true, digest: d, full: result, ms } : { id: request.id, ok: true, digest: d, ms });
    } else {
      current.ms += performance.now() - t0;
    }
  } catch (e) {
    current = null;
    fail(request.id, e);
  }
  if (current || waiting.length) schedule();
}

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  if ('cancel' in message) {
    // A run not started leaves the queue; the one being stepped stops before its next slice. An id the
    // worker has already answered is ignored (the page gets exactly one answer per run).
    const i = waiting.findIndex((r) => r.id === message.cancel);
    if (i >= 0) {
      waiting.splice(i, 1);
      answer({ id: message.cancel, ok: false, cancelled: true });
    } else if (current?.request.id === message.cancel) {
      cancelled = true;
      schedule();
    }
    return;
  }
  if (!loading && expressionCompilerNeeded(message.scenario)) {
    loading = loadExpressionCompiler().then(
      () => {
        loading = null;
        schedule();
      },
      (e: unknown) => {
        loading = null;
        for (const r of waiting.splice(0)) fail(r.id, e);
      },
    );
  }
  waiting.push(message);
  schedule();
};
