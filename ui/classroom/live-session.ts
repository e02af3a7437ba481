// The live economy view's worker session, as a Lit ReactiveController: it holds the simulation source (the
// live worker's client; a fake in the component tests), created when the first run starts and let go when
// the view leaves the page. Every request is a Task or follows one: a new run (init) or a reset makes the
// answers to everything asked in the run before stale, a switch of arm replaces the switch before it, and
// a new highlight's anchors replace the last one's. Stale answers reject with StaleError.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LiveAnchors, LiveArm, ScenarioInput } from '../../sim/index.js';
import { Task } from '../controllers/task.js';
import type { LiveFrame } from './live-protocol.js';

/** What the view needs from its simulation (the worker client; a fake in the component tests). */
export interface LiveSource {
  init(scenario: ScenarioInput, seed: number, arm?: LiveArm): Promise<LiveFrame>;
  step(months?: number): Promise<LiveFrame>;
  reset(): Promise<LiveFrame>;
  /** The same month of the other economy (the run goes on in both). */
  arm(arm: LiveArm): Promise<LiveFrame>;
  /** The businesses beside which households and suppliers are drawn (program arm). */
  anchors(households: readonly number[], suppliers: readonly number[]): Promise<LiveAnchors>;
  dispose(): void;
}

export class LiveSession implements ReactiveController {
  private source: LiveSource | null = null;
  /** The run: started by init, started again by reset. */
  private readonly run = new Task<(source: LiveSource) => Promise<LiveFrame>, LiveFrame>((ask) => ask(this.ensureSource()));
  private readonly switchArm = new Task<LiveArm, LiveFrame>((arm) => this.run.follow(this.ensureSource().arm(arm)));
  private readonly anchorsOf = new Task<{ households: readonly number[]; suppliers: readonly number[] }, LiveAnchors>((h) =>
    this.run.follow(this.ensureSource().anchors(h.households, h.suppliers)),
  );

  constructor(
    host: ReactiveControllerHost,
    private readonly create: () => LiveSource,
  ) {
    host.addController(this);
  }

  /** A source is there (a run was started since the view came on the page). */
  get started(): boolean {
    return this.source !== null;
  }

  /** Start a run of the scenario (a copy: the worker may keep it) and seed, showing `arm`. */
  start(scenario: ScenarioInput, seed: number, arm: LiveArm): Promise<LiveFrame> {
    return this.run.run((source) => source.init(structuredClone(scenario), seed, arm));
  }

  /** Back to month 0 of the same run. */
  reset(): Promise<LiveFrame> {
    return this.run.run((source) => source.reset());
  }

  step(): Promise<LiveFrame> {
    return this.run.follow(this.ensureSource().step(1));
  }

  arm(arm: LiveArm): Promise<LiveFrame> {
    return this.switchArm.run(arm);
  }

  anchors(households: readonly number[], suppliers: readonly number[]): Promise<LiveAnchors> {
    return this.anchorsOf.run({ households, suppliers });
  }

  /** Drop the anchors asked for last (the highlight changed to one that needs none). */
  dropAnchors(): void {
    this.anchorsOf.abort();
  }

  hostDisconnected(): void {
    this.run.abort();
    this.source?.dispose();
    this.source = null;
  }

  private ensureSource(): LiveSource {
    return (this.source ??= this.create());
  }
}
