// The tornado chart's runs, as a Lit ReactiveController on the app (which owns the worker pool): asked for a
// design and an output, it runs `sensitivity --assumptions`'s Morris experiment for that design in the pool
// (ui/runner/tornado.ts) below the comparison's priority, so a comparison asked for meanwhile goes first,
// keeps its progress, and keeps the result with the inputs it was run for (the page marks it stale when the
// design or the months have changed since). A newer request aborts the one under way.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AbortError, type WorkerPool } from '../runner/pool.js';
import { tornadoInWorkers, type TornadoOutput, type TornadoResult } from '../runner/tornado.js';
import type { AppState } from '../state/state.js';
import { comparisonDesigns } from './comparison-runner.js';

export interface TornadoStatus {
  state: 'idle' | 'running' | 'done' | 'error';
  done?: number;
  total?: number;
  message?: string;
}

/** The runs' priority in the pool: below every comparison's (0 and up). */
const PRIORITY = -1;

/** What the tornado of design `id` runs (the comparison's scenario of it and its own fields) over the state's months, as JSON. */
export function tornadoKey(s: AppState, id: string, output: TornadoOutput): string {
  const d = comparisonDesigns(s).find((x) => x.id === id);
  return d ? JSON.stringify([d.scenario, d.explicit, s.months, output]) : '';
}

export class TornadoRunner implements ReactiveController {
  result: TornadoResult | null = null;
  /** The inputs of the result (tornadoKey). */
  resultKey = '';
  status: TornadoStatus = { state: 'idle' };
  private controller: AbortController | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly pool: WorkerPool,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.controller?.abort();
  }

  async run(s: AppState, id: string, output: TornadoOutput): Promise<void> {
    const d = s.designs.find((x) => x.id === id);
    // The design as the comparison runs it (its region, and design A's budget under equal cost).
    const input = comparisonDesigns(s).find((x) => x.id === id);
    if (!d || !input) return;
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    this.status = { state: 'running', done: 0, total: 0 };
    this.host.requestUpdate();
    let frame = 0;
    try {
      const result = await tornadoInWorkers(
        this.pool,
        { id: d.id, name: d.name, base: d.base, scenario: input.scenario, explicit: input.explicit ?? [] },
        {
          output,
          months: s.months,
          signal: controller.signal,
          priority: PRIORITY,
          onProgress: (done, total) => {
            this.status = { state: 'running', done, total };
            frame ||= requestAnimationFrame(() => {
              frame = 0;
              if (!controller.signal.aborted) this.host.requestUpdate();
            });
          },
        },
      );
      if (controller.signal.aborted) return;
      this.result = result;
      this.resultKey = tornadoKey(s, id, output);
      this.status = { state: 'done' };
      this.host.dispatchEvent(new CustomEvent('tornado', { detail: result }));
    } catch (e) {
      if (e instanceof AbortError || controller.signal.aborted) return;
      this.status = { state: 'error', message: e instanceof Error ? e.message : String(e) };
    } finally {
      cancelAnimationFrame(frame);
    }
    this.host.requestUpdate();
  }
}
