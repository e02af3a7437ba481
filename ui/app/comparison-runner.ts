// The app's comparison, as a Lit ReactiveController. Every change that affects it makes the charts stale at
// once (the view dims them) and re-runs it as a Task in the worker pool: at once for a committed change, and
// while a slider is dragged at most once per DEBOUNCE_MS (with the latest value; the run under way goes on
// meanwhile and is not replaced before it has shown its preview, so a drag shows its charts as it goes,
// however slow the machine). A newer run makes the older one stale: its queued runs
// leave the pool, its runs in the workers are cancelled there (the workers stay), and its result is
// dropped. Each run shows a preview first — the first PREVIEW_REPLICATES replicates of every design that
// changed, beside the unchanged designs' full replicates from the cache — then the full comparison. It keeps the result, the run's status with its progress, and a promise for the
// first comparison (the browser tests wait on it); the classroom page runs its own simulations, so the
// comparison waits while it is shown.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { t } from '../i18n/i18n.js';
import { StaleError, Task } from '../controllers/task.js';
import { compareInWorkers, type ComparisonResult, type DesignInput } from '../runner/compare.js';
import type { WorkerPool } from '../runner/pool.js';
import { designFields, designScenario, equalCostLevers, leverValue } from '../state/levers.js';
import { BASELINE_SCENARIO, SCENARIOS } from '../state/scenarios.js';
import type { AppState } from '../state/state.js';
import type { RunStatus } from './comparison-view.js';

export const DEBOUNCE_MS = 150;
/**
 * Replicates of each changed design in the preview drawn before the full comparison: one, so the preview
 * comes as soon as the first run of the moved design is in (the status line says "first replicate").
 */
export const PREVIEW_REPLICATES = 1;

/** The designs a comparison runs, all in the state's region: the pinned ones in order, then the no-program baseline. */
export function comparisonDesigns(s: AppState): DesignInput[] {
  const a = s.designs[0];
  const budget = leverValue(a.base, a.levers, 'budget');
  const levers = (d: AppState['designs'][number]) => (s.equalCost ? equalCostLevers(d.levers, budget) : d.levers);
  const pinned = s.designs.map((d) => ({
    id: d.id,
    name: d.name,
    scenario: designScenario(d.base, levers(d), d.base, s.region),
    explicit: designFields(d.base, levers(d)),
  }));
  const businesses = leverValue(a.base, a.levers, 'businesses');
  const baseline = {
    id: 'baseline',
    name: t('baseline'),
    scenario: designScenario(BASELINE_SCENARIO, { businesses }, BASELINE_SCENARIO, s.region),
    explicit: designFields(BASELINE_SCENARIO, { businesses }),
  };
  return SCENARIOS[BASELINE_SCENARIO] ? [...pinned, baseline] : pinned;
}

interface Input {
  designs: DesignInput[];
  state: AppState;
  /** The inputs as JSON (what makes two comparisons the same). */
  key: string;
}

export class ComparisonRunner implements ReactiveController {
  /** The comparison on screen: the latest final one, or a preview of a newer one. */
  result: ComparisonResult | null = null;
  status: RunStatus = { state: 'idle' };
  /** Resolves after the first comparison has finished or failed (or the classroom was opened first). */
  readonly ready: Promise<void>;
  private resolveReady!: () => void;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The latest inputs asked for, as JSON. */
  private lastKey = '';
  /** The inputs of the result on screen. */
  private resultKey = '';
  /** The latest inputs, waiting for the timer to run them. */
  private waiting: Input | null = null;
  private readonly task: Task<Input, ComparisonResult>;
  /** The app left the page (its run was stopped): run again when it comes back. */
  private left = false;
  /** The run under way has shown its preview or result (or failed). */
  private shown = true;
  /** The timer fired before the run under way showed anything: the waiting inputs run once it does. */
  private deferred = false;
  /** The first comparison has been shown (and the workers, if it computed nothing, set warming up). */
  private firstShown = false;
  /** Warm-up runs under way (stopped by the next comparison). */
  private warming: AbortController | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly pool: WorkerPool,
    /** The app's state now. */
    private readonly state: () => AppState,
  ) {
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    this.task = new Task<Input, ComparisonResult>((input, signal, generation) => {
      const { designs, state: s, key } = input;
      let progress = { done: 0, total: designs.length * s.replicates };
      let frame = 0;
      return compareInWorkers(pool, designs, {
        replicates: s.replicates,
        seed: s.seed,
        months: s.months,
        diffVsA: s.diffVsA,
        uncertainty: s.uncertainty,
        signal,
        label: (k, p) => t(k, p),
        // A newer comparison's runs go first in the pool, and within one the preview's.
        priority: generation * 2,
        previewReplicates: PREVIEW_REPLICATES,
        onPreview: (preview) => {
          if (!signal.aborted) this.show(preview, key, progress);
        },
        // At most one progress render per frame: rendering on every finished run would keep the page
        // busy while the workers wait for it.
        onProgress: (done, total) => {
          progress = { done, total };
          frame ||= requestAnimationFrame(() => {
            frame = 0;
            if (!signal.aborted && key === this.lastKey && this.status.state === 'running') this.setStatus({ ...this.status, ...progress });
          });
        },
      }).finally(() => cancelAnimationFrame(frame));
    });
    host.addController(this);
  }

  /** The charts show the numbers of other inputs than the latest (new ones are being computed). */
  get stale(): boolean {
    return this.result !== null && this.resultKey !== this.lastKey;
  }

  /** How far the run for the latest inputs is, 0..1 (1 when done). */
  get progress(): number {
    const s = this.status;
    if (s.state !== 'running') return s.state === 'done' ? 1 : 0;
    return s.total ? (s.done ?? 0) / s.total : 0;
  }

  /**
   * Re-run the comparison for `s` unless its inputs are unchanged: at once when `delay` is 0, else after
   * `delay` ms (a timer already waiting is not restarted: it runs the latest inputs when it fires).
   */
  schedule(s: AppState, delay = DEBOUNCE_MS): void {
    // The classroom runs its own simulations; the comparison waits until the page is shown again.
    if (s.view === 'classroom') {
      this.stop();
      this.resolveReady();
      return;
    }
    const designs = comparisonDesigns(s);
    const key = JSON.stringify([designs, s.replicates, s.seed, s.months, s.diffVsA, s.uncertainty, s.locale]);
    if (key === this.lastKey) {
      // The same inputs, now committed (a slider's change after its input): start the waiting run at once.
      if (delay === 0 && this.waiting) this.fire();
      return;
    }
    this.lastKey = key;
    this.waiting = { designs, state: s, key };
    this.warming?.abort();
    this.warming = null;
    // The charts are stale from now on.
    this.setStatus({ state: 'running', done: 0, total: designs.length * s.replicates });
    if (delay === 0) this.fire();
    else this.timer ??= setTimeout(() => this.tick(), delay);
  }

  hostConnected(): void {
    if (this.left) this.schedule(this.state(), 0);
    this.left = false;
  }

  hostDisconnected(): void {
    // Runs for a page no one sees must not hold the workers.
    this.stop();
    this.left = true;
  }

  private stop(): void {
    this.warming?.abort();
    this.warming = null;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.waiting = null;
    this.deferred = false;
    this.task.abort();
    this.lastKey = '';
  }

  /** The drag's timer: run the latest inputs, unless the run under way has shown nothing yet (then after it has). */
  private tick(): void {
    this.timer = undefined;
    if (this.task.pending && !this.shown) this.deferred = true;
    else this.fire();
  }

  /** Run the waiting inputs now (the run under way, if any, becomes stale). */
  private fire(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.deferred = false;
    const input = this.waiting;
    this.waiting = null;
    if (!input) return;
    this.shown = false;
    void this.run(input);
  }

  /** The run under way has shown something (or failed): inputs the drag's timer held back run now. */
  private afterShown(): void {
    this.shown = true;
    if (this.deferred) this.fire();
  }

  private async run(input: Input): Promise<void> {
    try {
      const result = await this.task.run(input);
      this.show(result, input.key);
      this.resolveReady();
      if (!this.firstShown) this.warmUp(input, result);
    } catch (e) {
      if (e instanceof StaleError) return;
      this.setStatus({ state: 'error', message: e instanceof Error ? e.message : String(e) });
      this.resolveReady();
      this.afterShown();
    }
  }

  /**
   * After the first comparison: if it came whole from the runs computed at build time (ui/runner/
   * firstRuns.ts), the workers have simulated nothing and start cold. Each makes one run of the first design
   * at the lowest priority, which warms its JIT for the user's first change; that change's comparison
   * cancels them.
   */
  private warmUp(input: Input, result: ComparisonResult): void {
    this.firstShown = true;
    if (result.computed.runs > 0 || input.designs.length === 0) return;
    const warming = (this.warming = new AbortController());
    const { scenario } = input.designs[0];
    for (let w = 0; w < this.pool.size; w++) {
      this.pool.run(scenario, input.state.seed + input.state.replicates + w, input.state.months, { priority: -1, signal: warming.signal }).catch(() => undefined);
    }
  }

  /** Put a comparison on screen: final, or a preview (with the run's progress) while the rest runs. */
  private show(result: ComparisonResult, key: string, progress?: { done: number; total: number }): void {
    this.result = result;
    this.resultKey = key;
    if (key === this.lastKey) this.status = progress ? { state: 'running', preview: true, ...progress } : { state: 'done' };
    this.host.requestUpdate();
    this.host.dispatchEvent(new CustomEvent(progress ? 'comparison-preview' : 'comparison', { detail: result }));
    this.afterShown();
  }

  private setStatus(status: RunStatus): void {
    this.status = status;
    this.host.requestUpdate();
  }
}
