// The app's comparison, as a Lit ReactiveController: every change that affects it re-runs it after a short
// pause (at once for a committed change), as a Task in the worker pool — a newer run aborts the older one,
// whose runs leave the workers and whose result is dropped. It keeps the result, the run's status with its
// progress, and a promise for the first comparison (the browser tests wait on it); the classroom page runs
// its own simulations, so the comparison waits while it is shown.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { t } from '../i18n/i18n.js';
import { StaleError, Task } from '../controllers/task.js';
import { compareInWorkers, type ComparisonResult, type DesignInput } from '../runner/compare.js';
import type { WorkerPool } from '../runner/pool.js';
import { designScenario, equalCostLevers, leverValue } from '../state/levers.js';
import { BASELINE_SCENARIO, SCENARIOS } from '../state/scenarios.js';
import type { AppState } from '../state/state.js';
import type { RunStatus } from './comparison-view.js';

export const DEBOUNCE_MS = 150;

/** The designs a comparison runs, all in the state's region: the pinned ones in order, then the no-program baseline. */
export function comparisonDesigns(s: AppState): DesignInput[] {
  const a = s.designs[0];
  const budget = leverValue(a.base, a.levers, 'budget');
  const levers = (d: AppState['designs'][number]) => (s.equalCost ? equalCostLevers(d.levers, budget) : d.levers);
  const pinned = s.designs.map((d) => ({ id: d.id, name: d.name, scenario: designScenario(d.base, levers(d), d.base, s.region) }));
  const businesses = leverValue(a.base, a.levers, 'businesses');
  const baseline = { id: 'baseline', name: t('baseline'), scenario: designScenario(BASELINE_SCENARIO, { businesses }, BASELINE_SCENARIO, s.region) };
  return SCENARIOS[BASELINE_SCENARIO] ? [...pinned, baseline] : pinned;
}

interface Input {
  designs: DesignInput[];
  state: AppState;
}

export class ComparisonRunner implements ReactiveController {
  result: ComparisonResult | null = null;
  status: RunStatus = { state: 'idle' };
  /** Resolves after the first comparison has finished or failed (or the classroom was opened first). */
  readonly ready: Promise<void>;
  private resolveReady!: () => void;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The inputs of the run under way or waiting, as JSON. */
  private lastKey = '';
  private readonly task: Task<Input, ComparisonResult>;
  /** The app left the page (its run was stopped): run again when it comes back. */
  private left = false;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    pool: WorkerPool,
    /** The app's state now. */
    private readonly state: () => AppState,
  ) {
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    this.task = new Task<Input, ComparisonResult>(({ designs, state: s }, signal) => {
      let progress = { done: 0, total: designs.length * s.replicates };
      let frame = 0;
      return compareInWorkers(pool, designs, {
        replicates: s.replicates,
        seed: s.seed,
        months: s.months,
        diffVsA: s.diffVsA,
        signal,
        label: (key) => t(key),
        // At most one progress render per frame: rendering on every finished run would keep the page
        // busy while the workers wait for it.
        onProgress: (done, total) => {
          progress = { done, total };
          frame ||= requestAnimationFrame(() => {
            frame = 0;
            if (!signal.aborted && this.status.state === 'running') this.setStatus({ state: 'running', ...progress });
          });
        },
      }).finally(() => cancelAnimationFrame(frame));
    });
    host.addController(this);
  }

  /** Re-run the comparison for `s` after `delay` ms unless its inputs are unchanged; a newer call cancels this one. */
  schedule(s: AppState, delay = DEBOUNCE_MS): void {
    // The classroom runs its own simulations; the comparison waits until the page is shown again.
    if (s.view === 'classroom') {
      clearTimeout(this.timer);
      this.task.abort();
      this.lastKey = '';
      this.resolveReady();
      return;
    }
    const designs = comparisonDesigns(s);
    const key = JSON.stringify([designs, s.replicates, s.seed, s.months, s.diffVsA, s.locale]);
    if (key === this.lastKey) {
      // The same inputs, now committed (a slider's change after its input): start the waiting run at once.
      if (delay === 0 && this.timer !== undefined) {
        clearTimeout(this.timer);
        this.timer = undefined;
        void this.run({ designs, state: s });
      }
      return;
    }
    this.lastKey = key;
    clearTimeout(this.timer);
    this.task.abort();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run({ designs, state: s });
    }, delay);
  }

  hostConnected(): void {
    if (this.left) this.schedule(this.state(), 0);
    this.left = false;
  }

  hostDisconnected(): void {
    // Runs for a page no one sees must not hold the workers.
    clearTimeout(this.timer);
    this.timer = undefined;
    this.task.abort();
    this.lastKey = '';
    this.left = true;
  }

  private async run(input: Input): Promise<void> {
    this.setStatus({ state: 'running', done: 0, total: input.designs.length * input.state.replicates });
    try {
      this.result = await this.task.run(input);
      this.setStatus({ state: 'done' });
      this.host.dispatchEvent(new CustomEvent('comparison', { detail: this.result }));
      this.resolveReady();
    } catch (e) {
      if (e instanceof StaleError) return;
      this.setStatus({ state: 'error', message: e instanceof Error ? e.message : String(e) });
      this.resolveReady();
    }
  }

  private setStatus(status: RunStatus): void {
    this.status = status;
    this.host.requestUpdate();
  }
}
