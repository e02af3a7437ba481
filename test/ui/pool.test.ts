// The page's worker pool with fake workers: each worker holds at most two runs, runs spread over the
// workers by seed, higher priorities go first, and aborting a run never replaces a worker: a queued run
// leaves the queue, a run a worker holds is cancelled there, and its answer is never delivered.
import { describe, expect, it } from 'vitest';
import { AbortError, WorkerPool } from '../../ui/runner/pool.js';
import type { RunRequest, RunResponse, WorkerRequest } from '../../ui/runner/protocol.js';

class FakeWorker {
  static all: FakeWorker[] = [];
  /** Seeds of the runs given to any worker, in the order given. */
  static posted: number[] = [];
  received: RunRequest[] = [];
  cancels: number[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<RunResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(r: WorkerRequest) {
    if ('cancel' in r) this.cancels.push(r.cancel);
    else {
      this.received.push(r);
      FakeWorker.posted.push(r.seed);
    }
  }
  terminate() {
    this.terminated = true;
  }
  private answer(data: RunResponse) {
    this.onmessage?.({ data } as unknown as MessageEvent<RunResponse>);
  }
  /** Finish the oldest run this worker holds (whether or not it was asked to cancel it). */
  finish() {
    const r = this.received.shift()!;
    const digest = { scenario: 's', seed: r.seed, months: r.months, participants: 0, summary: {} as never, series: {} };
    this.answer({ id: r.id, ok: true, digest, ms: 1 });
  }
  /** Answer the cancels received, as the worker does between two slices. */
  honourCancels() {
    for (const id of this.cancels.splice(0)) {
      const i = this.received.findIndex((r) => r.id === id);
      if (i < 0) continue;
      this.received.splice(i, 1);
      this.answer({ id, ok: false, cancelled: true });
    }
  }
}

const fresh = () => {
  FakeWorker.all = [];
  FakeWorker.posted = [];
  return new WorkerPool(2, () => new FakeWorker() as unknown as Worker);
};
const seeds = (w: FakeWorker) => w.received.map((r) => r.seed);

describe('worker pool', () => {
  it('gives each worker at most two runs, by seed, and the rest as runs finish', async () => {
    const pool = fresh();
    const done: number[] = [];
    const requests: RunRequest[] = [];
    const runs = [0, 1, 2, 3, 4, 5].map((seed) => pool.run({}, seed, 6).then((r) => done.push(r.digest.seed)));
    const [a, b] = FakeWorker.all;
    requests.push(...a.received, ...b.received);
    expect(seeds(a)).toEqual([0, 2]);
    expect(seeds(b)).toEqual([1, 3]);
    // Cooperative cancelling (the default): the workers step in slices, reading their messages between them.
    expect(requests.every((r) => r.sliceMs! > 0 && r.sliceMs! < 20)).toBe(true);
    a.finish();
    expect(seeds(a)).toEqual([2, 4]);
    for (let busy = FakeWorker.all.find((w) => w.received.length); busy; busy = FakeWorker.all.find((w) => w.received.length)) {
      expect(busy.received.length).toBeLessThanOrEqual(2);
      busy.finish();
    }
    await Promise.all(runs);
    expect(done.sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('runs of a higher priority go first, equal priorities in the order asked; the seed preference stays within the top priority', async () => {
    const pool = fresh();
    const order: number[] = [];
    const runs: Promise<unknown>[] = [];
    // Fill both workers first, so the rest waits in the queue.
    for (const seed of [100, 101, 102, 103]) runs.push(pool.run({}, seed, 6).then(() => order.push(seed)));
    for (const [seed, priority] of [[0, 0], [1, 0], [10, 2], [11, 2], [20, 1], [12, 2]]) runs.push(pool.run({}, seed, 6, { priority }).then(() => order.push(seed)));
    expect(pool.queued).toBe(6);
    const [a, b] = FakeWorker.all;
    a.finish(); // worker 0 prefers even seeds among the top priority (10, 11, 12): 10
    expect(seeds(a)).toEqual([102, 10]);
    b.finish(); // worker 1: 11
    expect(seeds(b)).toEqual([103, 11]);
    a.finish();
    expect(seeds(a)).toEqual([10, 12]);
    a.finish();
    expect(seeds(a)).toEqual([12, 20]); // priority 2 is done: then 1
    while (FakeWorker.all.some((w) => w.received.length)) FakeWorker.all.find((w) => w.received.length)!.finish();
    await Promise.all(runs);
    expect(FakeWorker.posted).toEqual([100, 101, 102, 103, 10, 11, 12, 20, 0, 1]);
    expect(order.sort((x, y) => x - y)).toEqual([0, 1, 10, 11, 12, 20, 100, 101, 102, 103]);
  });

  it('aborting: a queued run leaves the queue, a held run is cancelled in its worker; no worker is replaced and no aborted answer is delivered', async () => {
    const pool = fresh();
    const controller = new AbortController();
    const delivered: number[] = [];
    const track = (p: Promise<{ digest: { seed: number } }>) => p.then((r) => (delivered.push(r.digest.seed), r.digest.seed));
    const kept = track(pool.run({}, 0, 6));
    const stale = [1, 2, 3, 4, 5].map((seed) => track(pool.run({}, seed, 6, { signal: controller.signal })));
    const [a, b] = FakeWorker.all;
    expect(seeds(a)).toEqual([0, 2]);
    expect(seeds(b)).toEqual([1, 3]);
    expect(pool.queued).toBe(2);
    controller.abort();
    for (const p of stale) await expect(p).rejects.toBeInstanceOf(AbortError);
    expect(pool.queued).toBe(0);
    // The held runs were asked to stop; the workers are the same ones.
    expect(a.cancels).toEqual([a.received[1].id]);
    expect(b.cancels.sort()).toEqual(b.received.map((r) => r.id).sort());
    expect(FakeWorker.all).toHaveLength(2);
    expect(FakeWorker.all.some((w) => w.terminated)).toBe(false);
    expect(pool.spawned).toBe(2);
    // A new run waits: every worker still holds two runs until it answers the cancels.
    const next = track(pool.run({}, 7, 6, { priority: 1 }));
    expect(pool.queued).toBe(1);
    b.finish(); // seed 1 finished before the worker read the cancel: its answer is dropped
    expect(seeds(b)).toEqual([3, 7]);
    b.honourCancels();
    a.honourCancels();
    a.finish();
    b.finish();
    expect(await kept).toBe(0);
    expect(await next).toBe(7);
    expect(delivered.sort()).toEqual([0, 7]);
    expect(FakeWorker.all.some((w) => w.terminated)).toBe(false);
  });
});
