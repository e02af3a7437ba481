// The page's side of the live worker: one request at a time, answered in order. A run (init or reset) is
// a Task: a newer one makes the older run stale, and with it every request made during it, so those
// promises reject with StaleError and a view never draws a month of a run it has left.
import type { LiveAnchors, LiveArm, ScenarioInput } from '../../sim/index.js';
import { StaleError, Task } from '../controllers/task.js';
import type { LiveFrame, LiveRequest, LiveResponse } from './live-protocol.js';

export { StaleError };

/** A request without its id (distributes over the union). */
type Unsent = LiveRequest extends infer R ? (R extends LiveRequest ? Omit<R, 'id'> : never) : never;

type Answer = LiveFrame | LiveAnchors;
type Pending = { resolve: (a: Answer) => void; reject: (e: unknown) => void };

export class LiveClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** The run the worker holds: init and reset start a new one. */
  private readonly run = new Task<Unsent, LiveFrame>((request) => this.send(request));

  constructor(spawn: () => Worker = () => new Worker(new URL('./live-worker.ts', import.meta.url), { type: 'module' })) {
    this.worker = spawn();
    this.worker.onmessage = (e: MessageEvent<LiveResponse>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      this.pending.delete(e.data.id);
      if (e.data.ok) p.resolve('frame' in e.data ? e.data.frame : e.data.anchors);
      else p.reject(new Error(e.data.error));
    };
    this.worker.onerror = (e) => {
      for (const p of this.pending.values()) p.reject(new Error(e.message || 'live worker error'));
      this.pending.clear();
    };
  }

  private send<T extends Answer = LiveFrame>(request: Unsent): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (a: Answer) => void, reject });
      this.worker.postMessage({ ...request, id } as LiveRequest);
    });
  }

  /** A new live run (month 0 with its first layout). */
  init(scenario: ScenarioInput, seed: number, arm?: LiveArm): Promise<LiveFrame> {
    return this.run.run({ type: 'init', scenario, seed, arm });
  }

  /** The businesses beside which these households and suppliers are drawn (program arm). */
  anchors(households: readonly number[], suppliers: readonly number[]): Promise<LiveAnchors> {
    return this.run.follow(this.send<LiveAnchors>({ type: 'anchors', households: [...households], suppliers: [...suppliers] }));
  }

  /** The same month of the other economy (with or without the program). */
  arm(arm: LiveArm): Promise<LiveFrame> {
    return this.run.follow(this.send({ type: 'arm', arm }));
  }

  step(months = 1): Promise<LiveFrame> {
    return this.run.follow(this.send({ type: 'step', months }));
  }

  reset(): Promise<LiveFrame> {
    return this.run.run({ type: 'reset' });
  }

  dispose(): void {
    this.run.abort();
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new StaleError());
    this.pending.clear();
  }
}
