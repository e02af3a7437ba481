// One way to run async work in the UI (in the spirit of @lit/task): a Task runs one piece of work at a
// time with an AbortSignal, has a status (initial → pending → complete | error), and a newer run makes an
// older one stale: its result is dropped and its promise rejects with StaleError, so a view never shows an
// answer to a question it no longer asks. Each run has a generation number (one more than the run or abort
// before it); the work gets its run's, and a run whose generation is no longer the latest is stale. A Task given a host is a Lit ReactiveController: the host
// re-renders when the status changes, and leaving the page aborts the run under way.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type TaskStatus = 'initial' | 'pending' | 'complete' | 'error';

/** The answer to a run that a newer run (or abort()) replaced: nothing to show, nothing went wrong. */
export class StaleError extends Error {
  constructor(message = 'stale result') {
    super(message);
    this.name = 'StaleError';
  }
}

export class Task<I, R> implements ReactiveController {
  status: TaskStatus = 'initial';
  /** The latest completed run's result (kept while a newer run is pending). */
  value: R | undefined = undefined;
  /** Why the latest run failed (undefined unless status is 'error'). */
  error: unknown = undefined;
  /** The latest run's generation (0 before the first); abort() starts a new one with no run. */
  generation = 0;
  private controller: AbortController | null = null;

  constructor(
    private readonly work: (input: I, signal: AbortSignal, generation: number) => Promise<R>,
    private readonly host?: ReactiveControllerHost,
  ) {
    host?.addController(this);
  }

  /** The latest run's signal (aborted once that run is replaced or aborted); null before the first run. */
  get signal(): AbortSignal | null {
    return this.controller?.signal ?? null;
  }

  get pending(): boolean {
    return this.status === 'pending';
  }

  /**
   * Start a run, making the one before it stale. Resolves with the result, or rejects with the work's
   * error; rejects with StaleError when another run or abort() came first.
   */
  run(input: I): Promise<R> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const generation = ++this.generation;
    const stale = () => controller.signal.aborted || generation !== this.generation;
    this.setStatus('pending');
    let work: Promise<R>;
    try {
      work = this.work(input, controller.signal, generation);
    } catch (e) {
      work = Promise.reject(e);
    }
    return work.then(
      (value) => {
        if (stale()) throw new StaleError();
        this.value = value;
        this.error = undefined;
        this.setStatus('complete');
        return value;
      },
      (error: unknown) => {
        if (stale()) throw new StaleError();
        this.error = error;
        this.setStatus('error');
        throw error;
      },
    );
  }

  /**
   * Tie another request to the latest run: its answer rejects with StaleError if, by the time it comes,
   * that run has been replaced or aborted (a month asked for in a run the view has since left).
   */
  follow<T>(request: Promise<T>): Promise<T> {
    const signal = this.signal;
    return request.then(
      (value) => {
        if (signal?.aborted) throw new StaleError();
        return value;
      },
      (error: unknown) => {
        throw signal?.aborted ? new StaleError() : error;
      },
    );
  }

  /** Make the latest run stale (its result and the requests that follow it are dropped). */
  abort(): void {
    this.generation++;
    this.controller?.abort();
    if (this.status === 'pending') this.setStatus('initial');
  }

  hostDisconnected(): void {
    this.abort();
  }

  private setStatus(status: TaskStatus): void {
    this.status = status;
    this.host?.requestUpdate();
  }
}
