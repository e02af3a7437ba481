// The page's side of the live worker: one request at a time, answered in order. A newer init or reset
// makes the answers to older requests stale: those promises reject with StaleError, so a view never draws
// a month of a run it has left.
import type { LiveAnchors, LiveArm, ScenarioInput } from '../../sim/index.js';
import type { LiveFrame, LiveRequest, LiveResponse } from './live-protocol.js';

export class StaleError extends Error {
  constructor() {
    super('stale live frame');
    this.name = 'StaleError';
  }
}

/** A request without its id (distributes over the union). */
type Unsent = LiveRequest extends infer R ? (R extends LiveRequest ? Omit<R, 'id'> : never) : never;

type Answer = LiveFrame | LiveAnchors;
type Pending = { resolve: (a: Answer) => void; reject: (e: unknown) => void; generation: number };

export class LiveClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private generation = 0;

  constructor(spawn: () => Worker = () => new Worker(new URL('./live-worker.ts', import.meta.url), { type: 'module' })) {
    this.worker = spawn();
    this.worker.onmessage = (e: MessageEvent<LiveResponse>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      this.pending.delete(e.data.id);
      if (p.generation !== this.generation) p.reject(new StaleError());
      else if (e.data.ok) p.resolve('frame' in e.data ? e.data.frame : e.data.anchors);
      else p.reject(new Error(e.data.error));
    };
    this.worker.onerror = (e) => {
      for (const p of this.pending.values()) p.reject(new Error(e.message || 'live worker error'));
      this.pending.clear();
    };
  }

  /** Requests sent and not yet answered. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  private send<T extends Answer = LiveFrame>(request: Unsent, newGeneration: boolean): Promise<T> {
    if (newGeneration) this.generation++;
    const id = this.nextId++;
    const generation = this.generation;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (a: Answer) => void, reject, generation });
      this.worker.postMessage({ ...request, id } as LiveRequest);
    });
  }

  /** A new live run (month 0 with its first layout). */
  init(scenario: ScenarioInput, seed: number, arm?: LiveArm): Promise<LiveFrame> {
    return this.send({ type: 'init', scenario, seed, arm }, true);
  }

  /** The businesses beside which these households and suppliers are drawn (program arm). */
  anchors(households: readonly number[], suppliers: readonly number[]): Promise<LiveAnchors> {
    return this.send<LiveAnchors>({ type: 'anchors', households: [...households], suppliers: [...suppliers] }, false);
  }

  /** The same month of the other economy (with or without the program). */
  arm(arm: LiveArm): Promise<LiveFrame> {
    return this.send({ type: 'arm', arm }, false);
  }

  step(months = 1): Promise<LiveFrame> {
    return this.send({ type: 'step', months }, false);
  }

  reset(): Promise<LiveFrame> {
    return this.send({ type: 'reset' }, true);
  }

  dispose(): void {
    this.generation++;
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new StaleError());
    this.pending.clear();
  }
}
