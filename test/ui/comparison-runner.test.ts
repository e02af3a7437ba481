// The comparison's scheduling (ui/app/comparison-runner.ts) over the real pool and compare code, with
// fake workers that run the real simulation: inputs in a row are coalesced into one final comparison for
// the last of them, a stale generation's preview or result is never shown, no worker is replaced, a drag
// runs at most once per DEBOUNCE_MS, and the preview (the first replicates) is followed by a final result
// equal to one computed from scratch, run by run.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReactiveController } from 'lit';
import { parseScenario, runScenario } from '../../sim/index.js';
import { ComparisonRunner, DEBOUNCE_MS, PREVIEW_REPLICATES, comparisonDesigns } from '../../ui/app/comparison-runner.js';
import { t } from '../../ui/i18n/i18n.js';
import { aggregate } from '../../ui/runner/aggregate.js';
import type { ComparisonResult } from '../../ui/runner/compare.js';
import { digest } from '../../ui/runner/digest.js';
import { WorkerPool } from '../../ui/runner/pool.js';
import type { RunRequest, RunResponse, WorkerRequest } from '../../ui/runner/protocol.js';
import { setLever } from '../../ui/state/actions.js';
import { defaultState, type AppState } from '../../ui/state/state.js';

/** A worker that simulates for real, one run per macrotask; a cancel drops a run not yet started. */
class SimWorker {
  static all: SimWorker[] = [];
  waiting: RunRequest[] = [];
  runs: RunRequest[] = [];
  simulated = 0;
  terminated = false;
  onmessage: ((e: MessageEvent<RunResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  constructor() {
    SimWorker.all.push(this);
  }
  private answer(data: RunResponse) {
    setTimeout(() => this.onmessage?.({ data } as MessageEvent<RunResponse>), 0);
  }
  postMessage(m: WorkerRequest) {
    if ('cancel' in m) {
      const i = this.waiting.findIndex((r) => r.id === m.cancel);
      if (i > 0) {
        this.waiting.splice(i, 1);
        this.answer({ id: m.cancel, ok: false, cancelled: true });
      }
      return;
    }
    this.waiting.push(m);
    this.runs.push(m);
    if (this.waiting.length === 1) this.next();
  }
  private next() {
    setTimeout(() => {
      const r = this.waiting[0];
      if (!r) return;
      const d = digest(runScenario(parseScenario(r.scenario), { seed: r.seed, months: r.months, metrics: ['participants.turnover'] }));
      this.simulated++;
      this.waiting.shift();
      this.answer({ id: r.id, ok: true, digest: d, ms: 1 });
      if (this.waiting.length) this.next();
    }, 0);
  }
  terminate() {
    this.terminated = true;
  }
}

class Host extends EventTarget {
  controllers: ReactiveController[] = [];
  addController(c: ReactiveController) {
    this.controllers.push(c);
  }
  removeController() {}
  requestUpdate() {}
  get updateComplete() {
    return Promise.resolve(true);
  }
}

/** The comparison of `s` computed from scratch: every design × replicate simulated here, all metrics recorded. */
function fromScratch(s: AppState, replicates = s.replicates): ReturnType<typeof aggregate> {
  const designs = comparisonDesigns(s).map((d) => ({
    id: d.id,
    name: d.name,
    scenario: String(d.scenario.name ?? d.id),
    region: typeof d.scenario.region === 'string' ? d.scenario.region : undefined,
    runs: Array.from({ length: replicates }, (_, r) => digest(runScenario(parseScenario(d.scenario), { seed: s.seed + r, months: s.months }))),
  }));
  return aggregate(designs, { diffVsA: s.diffVsA, label: (k, params) => t(k, params) });
}

const base = (seed: number): AppState => ({ ...defaultState(), replicates: 4, months: 6, seed });
const budget = (s: AppState, rupiah: number) => setLever(s, 0, 'budget', rupiah);

function setUp() {
  SimWorker.all = [];
  const pool = new WorkerPool(2, () => new SimWorker() as unknown as Worker);
  const host = new Host();
  let state = base(1);
  const runner = new ComparisonRunner(host, pool, () => state);
  const finals: ComparisonResult[] = [];
  const previews: ComparisonResult[] = [];
  host.addEventListener('comparison', (e) => finals.push((e as CustomEvent<ComparisonResult>).detail));
  host.addEventListener('comparison-preview', (e) => previews.push((e as CustomEvent<ComparisonResult>).detail));
  return { pool, runner, finals, previews, set: (s: AppState) => (state = s) };
}

const idle = async (runner: ComparisonRunner) => {
  await vi.waitFor(() => expect(runner.status.state).toBe('done'), { timeout: 60_000, interval: 10 });
  await new Promise((r) => setTimeout(r, 30)); // anything still to come would come now
};

beforeEach(() => {
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => setTimeout(f, 0) as unknown as number);
  vi.stubGlobal('cancelAnimationFrame', (h: number) => clearTimeout(h));
});
afterEach(() => vi.unstubAllGlobals());

describe('comparison runner', () => {
  it('five committed inputs in a row: one final comparison, for the last, equal to a from-scratch run; no stale preview or result shown; no worker replaced', async () => {
    const { pool, runner, finals, previews } = setUp();
    const states = [1, 2, 3, 4, 5].map((k) => budget(base(11), 100_000_000 * k));
    for (const s of states) {
      runner.schedule(s, 0);
      expect(runner.status.state).toBe('running');
    }
    await idle(runner);
    expect(finals).toHaveLength(1);
    const last = states[4];
    const expected = fromScratch(last);
    expect(finals[0].lines).toEqual(expected.lines);
    expect(finals[0].estimates).toEqual(expected.estimates);
    expect(finals[0].rows).toEqual(expected.rows);
    expect(finals[0].replicates).toBe(4);
    expect(finals[0].preview).toBeUndefined();
    // The budget reached the runs: design A's rows carry the last budget's numbers, not the first's.
    expect(JSON.stringify(finals[0].rows)).not.toBe(JSON.stringify(fromScratch(states[0]).rows));
    // At most one preview, and only of the last input (its first PREVIEW_REPLICATES replicates).
    expect(previews.length).toBeLessThanOrEqual(1);
    for (const p of previews) {
      expect(p.preview).toBe(true);
      expect(p.replicates).toBe(PREVIEW_REPLICATES);
      expect(p.lines).toEqual(fromScratch(last, PREVIEW_REPLICATES).lines);
    }
    expect(runner.result).toBe(finals[0]);
    expect(runner.stale).toBe(false);
    expect(runner.progress).toBe(1);
    expect(SimWorker.all).toHaveLength(2);
    expect(SimWorker.all.some((w) => w.terminated)).toBe(false);
    expect(pool.spawned).toBe(2);
    // None of the earlier inputs' runs reached a worker: a comparison first waits (a microtask) for the
    // build's first runs (ui/runner/firstRuns.ts), and by then the next input has made it stale.
    expect(SimWorker.all.reduce((a, w) => a + w.simulated, 0)).toBe(12);
  });

  it('a preview of the first replicates comes first, marked, then the final result; the preview\'s runs are reused, none run twice', async () => {
    const { runner, finals, previews } = setUp();
    const s = budget(base(21), 300_000_000);
    const seen: string[] = [];
    runner.schedule(s, 0);
    expect(runner.stale).toBe(false); // nothing on screen yet
    await vi.waitFor(() => expect(previews.length + finals.length).toBeGreaterThan(0), { timeout: 60_000, interval: 2 });
    seen.push(previews.length ? 'preview' : 'final');
    if (previews.length) {
      expect(runner.status).toMatchObject({ state: 'running', preview: true });
      expect(runner.result).toBe(previews[0]);
      expect(runner.stale).toBe(false);
      expect(runner.progress).toBeGreaterThan(0);
      expect(runner.progress).toBeLessThan(1);
    }
    await idle(runner);
    expect(seen).toEqual(['preview']);
    expect(previews).toHaveLength(1);
    expect(previews[0].replicates).toBe(PREVIEW_REPLICATES);
    const preview = fromScratch(s, PREVIEW_REPLICATES);
    expect(previews[0].lines).toEqual(preview.lines);
    expect(previews[0].estimates).toEqual(preview.estimates);
    expect(finals).toHaveLength(1);
    const full = fromScratch(s);
    expect(finals[0].lines).toEqual(full.lines);
    expect(finals[0].estimates).toEqual(full.estimates);
    // 3 designs × 4 replicates, each simulated once (the preview's 2 included).
    expect(finals[0].computed.runs).toBe(12);
    const runs = SimWorker.all.flatMap((w) => w.runs.map((r) => JSON.stringify([r.scenario, r.seed])));
    expect(runs).toHaveLength(12);
    expect(new Set(runs).size).toBe(12);
    // The preview's runs were asked for first.
    const order = SimWorker.all.flatMap((w) => w.runs.map((r) => ({ id: r.id, seed: r.seed }))).sort((a, b) => a.id - b.id);
    expect(order.slice(0, 3 * PREVIEW_REPLICATES).every((r) => r.seed < 21 + PREVIEW_REPLICATES)).toBe(true);
  });

  it('moving one design: the preview holds the unchanged designs whole (from the cache, their numbers as before) and the moved one\'s first replicate; only the moved design runs', async () => {
    const { runner, finals, previews } = setUp();
    const first = budget(base(61), 300_000_000);
    runner.schedule(first, 0);
    await idle(runner);
    previews.length = 0;
    const moved = budget(base(61), 310_000_000);
    runner.schedule(moved, 0);
    await idle(runner);
    expect(previews).toHaveLength(1);
    const [p] = previews;
    expect(p.preview).toBe(true);
    expect(p.replicates).toBe(PREVIEW_REPLICATES);
    const full = fromScratch(moved);
    const movedFirst = fromScratch(moved, PREVIEW_REPLICATES);
    const ids = comparisonDesigns(moved).map((d) => d.id);
    expect(ids.length).toBeGreaterThan(1);
    for (const [k, line] of p.lines.entries()) {
      for (const id of ids) {
        const series = line.series.find((x) => x.id === id);
        // A (moved): its first replicate; the others: all replicates, as in the final result.
        expect(series).toEqual((id === 'A' ? movedFirst : full).lines[k].series.find((x) => x.id === id));
      }
    }
    // The cached designs' own numbers did not change between the previous final, the preview and the new final.
    const before = finals[0].headline.find((c) => c.id !== 'A');
    if (before) expect(p.headline.find((c) => c.id === before.id)).toEqual(before);
    expect(p.headline.find((c) => c.id === 'A')).toEqual(movedFirst.headline.find((c) => c.id === 'A'));
    expect(finals).toHaveLength(2);
    expect(finals[1].lines).toEqual(full.lines);
    expect(finals[1].estimates).toEqual(full.estimates);
    expect(finals[1].cea).toEqual(full.cea);
    expect(finals[1].computed.runs).toBe(moved.replicates);
  });

  it('while a slider is dragged (uncommitted inputs) it runs at most once per DEBOUNCE_MS, with the latest value; the release then changes nothing', async () => {
    const { runner, finals } = setUp();
    const drag = [1, 2, 3, 4, 5, 6].map((k) => budget(base(31), 200_000_000 + 10_000_000 * k));
    const t0 = Date.now();
    for (const s of drag) runner.schedule(s, DEBOUNCE_MS);
    expect(runner.status.state).toBe('running');
    expect(SimWorker.all.every((w) => w.runs.length === 0)).toBe(true); // waiting for the timer
    await vi.waitFor(() => expect(SimWorker.all.some((w) => w.runs.length > 0)).toBe(true), { timeout: 5_000, interval: 5 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(DEBOUNCE_MS - 5);
    runner.schedule(drag[5], 0); // the release: the same value, already running
    await idle(runner);
    expect(finals).toHaveLength(1);
    expect(finals[0].lines).toEqual(fromScratch(drag[5]).lines);
    expect(SimWorker.all.reduce((a, w) => a + w.runs.length, 0)).toBe(12); // one generation's runs only
  });

  it('a drag does not replace a run before it has shown its preview: the timer waits for it, then the latest value runs (the old run\'s final is dropped)', async () => {
    const { runner, finals, previews } = setUp();
    const first = budget(base(51), 270_000_000);
    const latest = budget(base(51), 280_000_000);
    runner.schedule(first, 0);
    runner.schedule(latest, 1); // a drag step: its timer fires long before the first run's preview
    await new Promise((r) => setTimeout(r, 5));
    expect(previews).toHaveLength(0);
    await idle(runner);
    // The first run's preview was shown, then the latest value's comparison; the first run's final never was.
    expect(previews.length).toBeGreaterThanOrEqual(1);
    expect(previews[0].lines).toEqual(fromScratch(first, PREVIEW_REPLICATES).lines);
    expect(finals).toHaveLength(1);
    expect(finals[0].lines).toEqual(fromScratch(latest).lines);
    expect(runner.stale).toBe(false);
  });

  it('an uncommitted input marks the charts stale at once (the old result stays until the new one comes); its release runs it', async () => {
    const { runner, finals } = setUp();
    const first = budget(base(41), 250_000_000);
    const second = budget(base(41), 260_000_000);
    runner.schedule(first, 0);
    await idle(runner);
    expect(runner.stale).toBe(false);
    runner.schedule(second, 60_000); // a drag step whose timer will not fire in this test
    expect(runner.stale).toBe(true);
    expect(runner.status.state).toBe('running');
    expect(runner.result).toBe(finals[0]);
    runner.schedule(second, 0); // released
    await idle(runner);
    expect(finals).toHaveLength(2);
    expect(runner.stale).toBe(false);
    expect(finals[1].lines).toEqual(fromScratch(second).lines);
  });
});
