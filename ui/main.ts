// Entry point: mounts the app and exposes a small hook for the browser tests on window.__pendamping.
import type { RunResult } from '../sim/index.js';
import { PendampingApp } from './app/pendamping-app.js';
import { seedRuns, type ComparisonResult } from './runner/compare.js';
import { fetchFirstRuns } from './runner/firstRuns.js';
import type { TornadoResult } from './runner/tornado.js';
import { SCENARIOS } from './state/scenarios.js';
import { PopoutView, popoutKind } from './classroom/popout.js';

export interface PendampingTestHook {
  /** Resolves when the first comparison has finished (or failed). */
  ready: Promise<void>;
  lastComparison: ComparisonResult | null;
  /** The latest tornado ranking (which uncertain assumption matters), or null before the first. */
  lastTornado: TornadoResult | null;
  /** Run a shipped scenario as the CLI's `run` does (same parse, same seed, same code) in a worker. */
  runOne(scenarioName: string, seed: number, months?: number): Promise<RunResult>;
}

declare global {
  interface Window {
    __pendamping: PendampingTestHook;
  }
}

// A graph window opened from the classroom (`#popout=live`) shows only the graphs, fed by the main window;
// it starts no simulation of its own.
if (popoutKind(location.hash)) {
  document.body.appendChild(new PopoutView());
} else {
  // The first comparison's runs, computed when the app was built (index.html preloads the file).
  seedRuns(fetchFirstRuns());
  const app = document.body.appendChild(new PendampingApp());
  const hook: PendampingTestHook = {
    ready: app.ready,
    lastComparison: null,
    lastTornado: null,
    async runOne(scenarioName, seed, months) {
      const json = SCENARIOS[scenarioName];
      if (!json) throw new Error(`unknown scenario ${scenarioName}`);
      const months_ = months ?? (typeof json.months === 'number' ? json.months : 36);
      const { full } = await app.pool.run(structuredClone(json), seed, months_, { full: true });
      return full!;
    },
  };
  app.addEventListener('comparison', (e) => (hook.lastComparison = (e as CustomEvent<ComparisonResult>).detail));
  app.addEventListener('tornado', (e) => (hook.lastTornado = (e as CustomEvent<TornadoResult>).detail));
  window.__pendamping = hook;
}
