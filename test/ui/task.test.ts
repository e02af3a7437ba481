// The UI's one async helper (ui/controllers/task.ts): its status goes initial → pending → complete | error,
// a newer run aborts the older one's signal and drops its result (StaleError), abort() drops the run under
// way, requests that follow a run are dropped with it, and a host re-renders on every status change and
// aborts the run when it leaves the page.
import { describe, expect, it } from 'vitest';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { StaleError, Task } from '../../ui/controllers/task.js';

/** A promise settled from outside. */
function gate<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

class FakeHost implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  updates = 0;
  addController(c: ReactiveController) {
    this.controllers.push(c);
  }
  removeController() {}
  requestUpdate() {
    this.updates++;
  }
  get updateComplete() {
    return Promise.resolve(true);
  }
}

describe('Task', () => {
  it('goes initial → pending → complete, keeps the value, and hands the work its input and a live signal', async () => {
    const g = gate<number>();
    const seen: { input: string; signal: AbortSignal }[] = [];
    const task = new Task<string, number>((input, signal) => {
      seen.push({ input, signal });
      return g.promise;
    });
    expect(task.status).toBe('initial');
    expect(task.signal).toBeNull();
    const run = task.run('a');
    expect(task.status).toBe('pending');
    expect(task.pending).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0].input).toBe('a');
    expect(seen[0].signal.aborted).toBe(false);
    g.resolve(42);
    await expect(run).resolves.toBe(42);
    expect(task.status).toBe('complete');
    expect(task.value).toBe(42);
    expect(task.error).toBeUndefined();
  });

  it('a failed run has status error and rejects with the work\'s error (thrown or rejected)', async () => {
    const boom = new Error('boom');
    const rejecting = new Task<void, number>(() => Promise.reject(boom));
    await expect(rejecting.run()).rejects.toBe(boom);
    expect(rejecting.status).toBe('error');
    expect(rejecting.error).toBe(boom);
    const throwing = new Task<void, number>(() => {
      throw boom;
    });
    await expect(throwing.run()).rejects.toBe(boom);
    expect(throwing.status).toBe('error');
    // A later success clears the error.
    let fail = true;
    const flaky = new Task<void, string>(async () => {
      if (fail) throw boom;
      return 'ok';
    });
    await expect(flaky.run()).rejects.toBe(boom);
    fail = false;
    await expect(flaky.run()).resolves.toBe('ok');
    expect(flaky.status).toBe('complete');
    expect(flaky.error).toBeUndefined();
  });

  it('a newer run aborts the older one\'s signal and drops its result, even when the older one finishes last', async () => {
    const gates = [gate<string>(), gate<string>()];
    const signals: AbortSignal[] = [];
    const task = new Task<number, string>((i, signal) => {
      signals.push(signal);
      return gates[i].promise;
    });
    const first = task.run(0);
    const second = task.run(1);
    expect(signals[0].aborted).toBe(true);
    expect(signals[1].aborted).toBe(false);
    gates[1].resolve('second');
    await expect(second).resolves.toBe('second');
    gates[0].resolve('first');
    await expect(first).rejects.toBeInstanceOf(StaleError);
    expect(task.value).toBe('second');
    expect(task.status).toBe('complete');
  });

  it('numbers its runs by generation: the work gets its own, abort() starts a new one, and only the latest generation\'s result is delivered', async () => {
    const gates = [gate<string>(), gate<string>(), gate<string>()];
    const generations: number[] = [];
    const task = new Task<number, string>((i, _signal, generation) => {
      generations.push(generation);
      return gates[i].promise;
    });
    expect(task.generation).toBe(0);
    const runs = [task.run(0), task.run(1)];
    expect(generations).toEqual([1, 2]);
    task.abort();
    expect(task.generation).toBe(3);
    runs.push(task.run(2));
    expect(generations).toEqual([1, 2, 4]);
    // The older generations finish last and first: neither is delivered.
    gates[0].resolve('gen 1');
    gates[2].resolve('gen 4');
    gates[1].resolve('gen 2');
    const settled = await Promise.allSettled(runs);
    expect(settled.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).name))).toEqual(['StaleError', 'StaleError', 'gen 4']);
    expect(task.value).toBe('gen 4');
  });

  it('a stale run\'s failure is not an error of the task', async () => {
    const gates = [gate<string>(), gate<string>()];
    const task = new Task<number, string>((i) => gates[i].promise);
    const first = task.run(0);
    const second = task.run(1);
    gates[0].reject(new Error('aborted in the worker'));
    await expect(first).rejects.toBeInstanceOf(StaleError);
    expect(task.status).toBe('pending');
    gates[1].resolve('ok');
    await second;
    expect(task.status).toBe('complete');
  });

  it('abort() drops the run under way: back to initial, its promise rejects with StaleError, the last value is kept', async () => {
    const gates = [gate<number>(), gate<number>()];
    const task = new Task<number, number>((i) => gates[i].promise);
    const done = task.run(0);
    gates[0].resolve(1);
    await done;
    const dropped = task.run(1);
    const signal = task.signal!;
    task.abort();
    expect(signal.aborted).toBe(true);
    expect(task.status).toBe('initial');
    gates[1].resolve(2);
    await expect(dropped).rejects.toBeInstanceOf(StaleError);
    expect(task.value).toBe(1);
    // Aborting a finished run leaves its status.
    const again = task.run(0);
    await again;
    task.abort();
    expect(task.status).toBe('complete');
  });

  it('requests that follow a run are dropped once that run is replaced; before that they pass through', async () => {
    const task = new Task<number, number>(async (i) => i);
    await task.run(1);
    const answer = gate<string>();
    const failure = gate<string>();
    const kept = task.follow(Promise.resolve('kept'));
    const dropped = task.follow(answer.promise);
    const droppedFailure = task.follow(failure.promise);
    await expect(kept).resolves.toBe('kept');
    await expect(task.follow(Promise.reject(new Error('real')))).rejects.toThrow('real');
    await task.run(2);
    answer.resolve('late');
    failure.reject(new Error('late failure'));
    await expect(dropped).rejects.toBeInstanceOf(StaleError);
    await expect(droppedFailure).rejects.toBeInstanceOf(StaleError);
    // Before any run there is nothing to be stale against.
    await expect(new Task<void, void>(async () => undefined).follow(Promise.resolve(3))).resolves.toBe(3);
  });

  it('with a host: registers as its controller, asks for an update on each status change, aborts when the host leaves', async () => {
    const host = new FakeHost();
    const g = gate<number>();
    const task = new Task<void, number>(() => g.promise, host);
    expect(host.controllers).toEqual([task]);
    const run = task.run();
    expect(host.updates).toBe(1); // pending
    task.hostDisconnected();
    expect(task.status).toBe('initial');
    expect(host.updates).toBe(2);
    g.resolve(5);
    await expect(run).rejects.toBeInstanceOf(StaleError);
    expect(host.updates).toBe(2); // a dropped result changes nothing
    const ok = new Task<void, number>(async () => 7, host);
    await ok.run();
    expect(host.updates).toBe(4); // pending, complete
  });
});
