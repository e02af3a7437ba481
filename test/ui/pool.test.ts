// The page's worker pool with fake workers: each worker holds at most two runs, runs spread over the
// workers by seed, and aborting a run inside a worker replaces that worker and requeues its other run.
import { describe, expect, it } from 'vitest';
import { AbortError, WorkerPool } from '../../ui/runner/pool.js';
import type { RunRequest, RunResponse } from '../../ui/runner/protocol.js';

class FakeWorker {
  static all: FakeWorker[] = [];
  received: RunRequest[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<RunResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(r: RunRequest) {
    this.received.push(r);
  }
  terminate() {
    this.terminated = true;
  }
  /** Finish the oldest run this worker holds. */
  finish() {
    const r = this.received.shift()!;
    const digest = { scenario: 's', seed: r.seed, months: r.months, participants: 0, summary: {} as never, series: {} };
    this.onmessage?.({ data: { id: r.id, ok: true, digest, ms: 1 } } as unknown as MessageEvent<RunResponse>);
  }
}

const fresh = () => {
  FakeWorker.all = [];
  return new WorkerPool(2, () => new FakeWorker() as unknown as Worker);
};

describe('worker pool', () => {
  it('gives each worker at most two runs, by seed, and the rest as runs finish', async () => {
    const pool = fresh();
    const done: number[] = [];
    const runs = [0, 1, 2, 3, 4, 5].map((seed) => pool.run({}, seed, 6).then((r) => done.push(r.digest.seed)));
    const [a, b] = FakeWorker.all;
    expect(a.received.map((r) => r.seed)).toEqual([0, 2]);
    expect(b.received.map((r) => r.seed)).toEqual([1, 3]);
    a.finish();
    expect(a.received.map((r) => r.seed)).toEqual([2, 4]);
    for (let busy = FakeWorker.all.find((w) => w.received.length); busy; busy = FakeWorker.all.find((w) => w.received.length)) {
      expect(busy.received.length).toBeLessThanOrEqual(2);
      busy.finish();
    }
    await Promise.all(runs);
    expect(done.sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('aborting a run a worker holds replaces the worker and requeues its other run', async () => {
    const pool = fresh();
    const controller = new AbortController();
    const kept = pool.run({}, 0, 6);
    const one = pool.run({}, 1, 6);
    const aborted = pool.run({}, 2, 6, { signal: controller.signal });
    const others = [one, pool.run({}, 3, 6)];
    const [a, b] = FakeWorker.all;
    expect(a.received.map((r) => r.seed)).toEqual([0, 2]);
    expect(b.received.map((r) => r.seed)).toEqual([1, 3]);
    controller.abort();
    await expect(aborted).rejects.toBeInstanceOf(AbortError);
    expect(a.terminated).toBe(true);
    // The run with seed 0 moved to a worker again (the replacement or the other one) and still resolves.
    const holder = FakeWorker.all.find((w) => !w.terminated && w.received.some((r) => r.seed === 0))!;
    expect(holder).toBeDefined();
    expect(FakeWorker.all.filter((w) => !w.terminated).flatMap((w) => w.received.map((r) => r.seed)).sort()).toEqual([0, 1, 3]);
    holder.finish();
    expect((await kept).digest.seed).toBe(0);
    b.finish();
    b.finish();
    expect((await Promise.all(others)).map((r) => r.digest.seed)).toEqual([1, 3]);
  });
});
