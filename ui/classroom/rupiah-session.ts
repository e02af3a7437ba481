// Follow the rupiah's worker session, as a Lit ReactiveController: it runs the design for a year with the
// business accounts tapped (rupiah-worker.ts, or any runner a test passes) whenever the scenario or seed
// changes, as a Task — a newer request drops the answer to an older one — and says where it stands (idle,
// loading, ready, error). The worker goes when the view leaves the page; a request cut short that way is
// asked again when the view comes back.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ScenarioInput } from '../../sim/index.js';
import { StaleError, Task } from '../controllers/task.js';
import type { RupiahData, RupiahRequest, RupiahResponse } from './rupiah-data.js';

export type RupiahRunner = ((request: Omit<RupiahRequest, 'id'>) => Promise<RupiahData>) & { terminate?: () => void };
export type RupiahStatus = 'idle' | 'loading' | 'ready' | 'error';

type Input = Omit<RupiahRequest, 'id'>;

/** The default runner: one module worker, answering each request by its id. */
export function workerRunner(): RupiahRunner {
  let worker: Worker | null = null;
  let next = 0;
  const pending = new Map<number, { resolve: (d: RupiahData) => void; reject: (e: Error) => void }>();
  const run: RupiahRunner = (request) => {
    if (!worker) {
      worker = new Worker(new URL('./rupiah-worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<RupiahResponse>) => {
        const r = event.data;
        const p = pending.get(r.id);
        pending.delete(r.id);
        if (!p) return;
        if (r.ok) p.resolve(r.data);
        else p.reject(new Error(r.error));
      };
      worker.onerror = (event) => {
        for (const p of pending.values()) p.reject(new Error(event.message || 'worker error'));
        pending.clear();
      };
    }
    const id = ++next;
    return new Promise<RupiahData>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker!.postMessage({ id, ...request } satisfies RupiahRequest);
    });
  };
  run.terminate = () => {
    worker?.terminate();
    worker = null;
    pending.clear();
  };
  return run;
}

const STATUS = { initial: 'idle', pending: 'loading', complete: 'ready', error: 'error' } as const;

export class RupiahSession implements ReactiveController {
  /** Runs the model (a worker by default, made on first use; tests may pass the sim directly). */
  runner: RupiahRunner | null = null;
  private readonly task = new Task<Input, RupiahData>((input) => (this.runner ??= workerRunner())(input));
  /** The scenario and seed asked for last, as JSON (a request for the same is not sent again). */
  private key = '';
  private last: Input | null = null;
  /** A request was under way when the view left the page. */
  private cutShort = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** A run's data arrived (never an older request's). */
    private readonly arrived: (data: RupiahData) => void,
  ) {
    host.addController(this);
  }

  get status(): RupiahStatus {
    return this.cutShort ? 'loading' : STATUS[this.task.status];
  }

  /** Why the last run failed ('' unless status is 'error'). */
  get error(): string {
    const e = this.task.error;
    return this.task.status !== 'error' ? '' : e instanceof Error ? e.message : String(e);
  }

  /** Run the model for this scenario and seed (unless that run is already had or under way). */
  request(scenario: ScenarioInput, seed: number): void {
    const key = JSON.stringify([scenario, seed]);
    if (key === this.key) return;
    this.key = key;
    this.last = { scenario, seed };
    this.cutShort = false;
    this.task.run(this.last).then(this.arrived, (e: unknown) => {
      // A failure is the task's status, for the view to show; a stale answer is nothing.
      if (!(e instanceof StaleError)) this.host.requestUpdate();
    });
    this.host.requestUpdate();
  }

  hostConnected(): void {
    // Back on the page after a run was cut short: ask again.
    if (this.cutShort && this.last) {
      this.key = '';
      this.request(this.last.scenario, this.last.seed);
    }
  }

  hostDisconnected(): void {
    // The default worker goes with the view (a view shown again starts a new one if it needs to run).
    this.cutShort ||= this.task.pending;
    this.task.abort();
    if (this.runner?.terminate) {
      this.runner.terminate();
      this.runner = null;
    }
  }
}
