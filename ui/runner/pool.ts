// A pool of simulation workers, one per core. Runs are queued; an aborted run leaves the queue, and a
// run already in a worker is stopped by replacing that worker (stale comparisons must not hold cores).
import type { RunResult, ScenarioInput } from '../../sim/index.js';
import type { RunDigest, RunRequest, RunResponse } from './protocol.js';

interface Task {
  request: Omit<RunRequest, 'id'>;
  signal?: AbortSignal;
  resolve: (r: PoolResult) => void;
  reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker;
  task: (Task & { id: number }) | null;
}

export interface PoolResult {
  digest: RunDigest;
  full?: RunResult;
  /** Milliseconds the worker spent on the run. */
  ms: number;
}

export class AbortError extends Error {
  constructor() {
    super('aborted');
    this.name = 'AbortError';
  }
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;

  constructor(
    readonly size = Math.max(1, Math.min(16, navigator.hardwareConcurrency || 2)),
    private readonly spawn: () => Worker = () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }),
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.makeSlot());
  }

  run(scenario: ScenarioInput, seed: number, months: number, options: { signal?: AbortSignal; full?: boolean } = {}): Promise<PoolResult> {
    return new Promise((resolve, reject) => {
      if (options.signal?.aborted) return reject(new AbortError());
      const task: Task = { request: { scenario, seed, months, full: options.full ?? false }, signal: options.signal, resolve, reject };
      options.signal?.addEventListener('abort', () => this.abort(task), { once: true });
      this.queue.push(task);
      this.dispatch();
    });
  }

  private makeSlot(): Slot {
    const slot: Slot = { worker: this.spawn(), task: null };
    slot.worker.onmessage = (e: MessageEvent<RunResponse>) => {
      const task = slot.task;
      if (!task || task.id !== e.data.id) return;
      slot.task = null;
      if (e.data.ok) task.resolve({ digest: e.data.digest, full: e.data.full, ms: e.data.ms });
      else task.reject(new Error(e.data.error));
      this.dispatch();
    };
    slot.worker.onerror = (e) => {
      const task = slot.task;
      slot.task = null;
      task?.reject(new Error(e.message || 'worker error'));
      this.dispatch();
    };
    return slot;
  }

  /**
   * Give each idle worker a queued run, preferring runs whose seed it has seen (seed mod workers), so the
   * counterfactual arms it keeps are reused; an idle worker with no such run takes any.
   */
  private dispatch(): void {
    for (const [i, slot] of this.slots.entries()) {
      if (slot.task) continue;
      if (this.queue.length === 0) return;
      const own = this.queue.findIndex((t) => t.request.seed % this.slots.length === i);
      const task = this.queue.splice(own >= 0 ? own : 0, 1)[0];
      const id = this.nextId++;
      slot.task = { ...task, id };
      slot.worker.postMessage({ ...task.request, id } satisfies RunRequest);
    }
  }

  private abort(task: Task): void {
    const q = this.queue.indexOf(task);
    if (q >= 0) this.queue.splice(q, 1);
    const i = this.slots.findIndex((s) => s.task && s.task.resolve === task.resolve);
    if (i >= 0) {
      this.slots[i].worker.terminate();
      this.slots[i] = this.makeSlot();
    }
    task.reject(new AbortError());
    this.dispatch();
  }
}
