// A pool of simulation workers, one per core, kept warm for the page's life: an ordinary input never
// replaces a worker (a new one starts cold, without its JIT or its counterfactual arms). Runs are queued by
// priority (a newer comparison's runs, and within it the preview's, go first); each worker holds up to two
// (the next one waits inside the worker, so it starts the moment the current one ends instead of after a
// round trip to a busy page). An aborted run leaves the queue; one already given to a worker is cancelled
// there (the worker steps months in slices and reads its messages between them). Either way its promise
// rejects at once with AbortError, and the worker counts as busy with it until the worker answers.
import type { RunResult, ScenarioInput } from '../../sim/index.js';
import type { RunDigest, RunRequest, RunResponse, WorkerRequest } from './protocol.js';

interface Task {
  request: Omit<RunRequest, 'id'>;
  /** Higher runs first; equal priorities in the order asked. */
  priority: number;
  signal?: AbortSignal;
  resolve: (r: PoolResult) => void;
  reject: (e: unknown) => void;
  /** Aborted: its promise has rejected; what the worker sends for it is dropped. */
  aborted?: boolean;
}

interface Slot {
  worker: Worker;
  /** Runs given to the worker and not yet answered, oldest (running) first. */
  tasks: { task: Task; id: number }[];
}

/** Runs a worker holds at once: the running one and the next. */
const DEPTH = 2;
/** How long a worker simulates before it reads its messages again (a cancel, the next run). */
export const SLICE_MS = 4;

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
  /** Workers started so far (the pool's own, `size` of them, unless a worker failed). */
  spawned = 0;

  constructor(
    readonly size = Math.max(1, Math.min(16, navigator.hardwareConcurrency || 2)),
    private readonly spawn: () => Worker = () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }),
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.makeSlot());
  }

  /** Runs asked for and not yet given to a worker. */
  get queued(): number {
    return this.queue.length;
  }

  run(
    scenario: ScenarioInput,
    seed: number,
    months: number,
    options: { signal?: AbortSignal; full?: boolean; priority?: number } = {},
  ): Promise<PoolResult> {
    return new Promise((resolve, reject) => {
      if (options.signal?.aborted) return reject(new AbortError());
      const request: Omit<RunRequest, 'id'> = { scenario, seed, months, full: options.full ?? false, sliceMs: SLICE_MS };
      // The abort listener goes once the run is settled (a comparison's signal serves many runs).
      const onAbort = () => this.abort(task);
      const settled = () => options.signal?.removeEventListener('abort', onAbort);
      const task: Task = {
        request,
        priority: options.priority ?? 0,
        signal: options.signal,
        resolve: (r) => (settled(), resolve(r)),
        reject: (e) => (settled(), reject(e)),
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      // After the last task of at least its priority: the queue stays sorted, highest first.
      let at = this.queue.length;
      while (at > 0 && this.queue[at - 1].priority < task.priority) at--;
      this.queue.splice(at, 0, task);
      this.dispatch();
    });
  }

  private makeSlot(): Slot {
    this.spawned++;
    const slot: Slot = { worker: this.spawn(), tasks: [] };
    slot.worker.onmessage = (e: MessageEvent<RunResponse>) => {
      const i = slot.tasks.findIndex((t) => t.id === e.data.id);
      if (i < 0) return;
      const [{ task }] = slot.tasks.splice(i, 1);
      if (!task.aborted) {
        if (e.data.ok) task.resolve({ digest: e.data.digest, full: e.data.full, ms: e.data.ms });
        else task.reject('cancelled' in e.data ? new AbortError() : new Error(e.data.error));
      }
      this.dispatch();
    };
    slot.worker.onerror = (e) => {
      const tasks = slot.tasks.splice(0);
      for (const { task } of tasks) if (!task.aborted) task.reject(new Error(e.message || 'worker error'));
      this.dispatch();
    };
    return slot;
  }

  /**
   * Fill each worker up to DEPTH runs from the highest priority queued, preferring among those the runs
   * whose seed it has seen (seed mod workers), so the counterfactual arms it keeps are reused; a worker
   * with no such run takes the first. Workers with fewer runs are served first, so the runs spread evenly.
   */
  private dispatch(): void {
    for (let depth = 1; depth <= DEPTH; depth++) {
      for (const [i, slot] of this.slots.entries()) {
        if (slot.tasks.length >= depth) continue;
        if (this.queue.length === 0) return;
        const top = this.queue[0].priority;
        let pick = 0;
        for (let q = 0; q < this.queue.length && this.queue[q].priority === top; q++) {
          if (this.queue[q].request.seed % this.slots.length === i) {
            pick = q;
            break;
          }
        }
        const task = this.queue.splice(pick, 1)[0];
        const id = this.nextId++;
        slot.tasks.push({ task, id });
        slot.worker.postMessage({ ...task.request, id } satisfies WorkerRequest);
      }
    }
  }

  private abort(task: Task): void {
    if (task.aborted) return;
    task.aborted = true;
    const q = this.queue.indexOf(task);
    if (q >= 0) this.queue.splice(q, 1);
    for (const slot of this.slots) {
      const held = slot.tasks.find((t) => t.task === task);
      if (held) slot.worker.postMessage({ cancel: held.id } satisfies WorkerRequest);
    }
    task.reject(new AbortError());
  }
}
