// A pool of simulation workers, one per core. Runs are queued; each worker holds up to two (the next one
// waits inside the worker, so it starts the moment the current one ends instead of after a round trip to
// a busy page). An aborted run leaves the queue; a run already given to a worker is stopped by replacing
// that worker (stale comparisons must not hold cores), and the worker's other run goes back to the queue.
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
  /** Runs given to the worker, oldest (running) first. */
  tasks: { task: Task; id: number }[];
}

/** Runs a worker holds at once: the running one and the next. */
const DEPTH = 2;

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
    const slot: Slot = { worker: this.spawn(), tasks: [] };
    slot.worker.onmessage = (e: MessageEvent<RunResponse>) => {
      const i = slot.tasks.findIndex((t) => t.id === e.data.id);
      if (i < 0) return;
      const [{ task }] = slot.tasks.splice(i, 1);
      if (e.data.ok) task.resolve({ digest: e.data.digest, full: e.data.full, ms: e.data.ms });
      else task.reject(new Error(e.data.error));
      this.dispatch();
    };
    slot.worker.onerror = (e) => {
      const tasks = slot.tasks.splice(0);
      for (const { task } of tasks) task.reject(new Error(e.message || 'worker error'));
      this.dispatch();
    };
    return slot;
  }

  /**
   * Fill each worker up to DEPTH runs, preferring runs whose seed it has seen (seed mod workers), so the
   * counterfactual arms it keeps are reused; a worker with no such run takes any. Workers with fewer runs
   * are served first, so the runs spread evenly.
   */
  private dispatch(): void {
    for (let depth = 1; depth <= DEPTH; depth++) {
      for (const [i, slot] of this.slots.entries()) {
        if (slot.tasks.length >= depth) continue;
        if (this.queue.length === 0) return;
        const own = this.queue.findIndex((t) => t.request.seed % this.slots.length === i);
        const task = this.queue.splice(own >= 0 ? own : 0, 1)[0];
        const id = this.nextId++;
        slot.tasks.push({ task, id });
        slot.worker.postMessage({ ...task.request, id } satisfies RunRequest);
      }
    }
  }

  private abort(task: Task): void {
    const q = this.queue.indexOf(task);
    if (q >= 0) this.queue.splice(q, 1);
    const i = this.slots.findIndex((s) => s.tasks.some((t) => t.task === task));
    if (i >= 0) {
      const others = this.slots[i].tasks.filter((t) => t.task !== task).map((t) => t.task);
      this.slots[i].worker.terminate();
      this.slots[i] = this.makeSlot();
      // The worker's other run was not aborted: back to the front of the queue.
      this.queue.unshift(...others);
    }
    task.reject(new AbortError());
    this.dispatch();
  }
}
