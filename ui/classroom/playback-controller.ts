// Playback of a month-by-month run, as a Lit ReactiveController: play, pause, the speed in months per
// second, and the beat. While playing it asks for the next month as soon as the one before has arrived
// (so the worker computes while the page shows), keeps it until its beat comes, then shows it. The months
// are whatever the host says (F); asking for one is a Task, so a month asked for in a run since left is
// dropped. Nothing moves unless the user plays or steps (WCAG 2.2.2).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { StaleError, Task } from '../controllers/task.js';
import { DEFAULT_SPEED, SPEEDS } from './live-style.js';

export interface PlaybackOptions<F> {
  /** Whether there is a month after the one shown. */
  hasNext(): boolean;
  /** Ask the simulation for the next month. */
  fetch(): Promise<F>;
  /** Whether a month that arrived still belongs on screen (not when asked for before a switch of arm). */
  wanted(month: F): boolean;
  /** Show a month, gliding to it or not. */
  show(month: F, glide: boolean): void;
  /** Say the month on screen (for a month that arrived after a pause). */
  announce(): void;
  fail(error: unknown): void;
  /** Ask for an animation frame: tick() is to be called on it. */
  wake(): void;
}

export class PlaybackController<F> implements ReactiveController {
  private playingNow = false;
  private speedNow = DEFAULT_SPEED;
  /** The next month, asked for while playing. */
  private readonly next: Task<void, F>;
  /** A month that arrived and waits for its beat. */
  private queued: F | null = null;
  private lastAdvance = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PlaybackOptions<F>,
  ) {
    this.next = new Task<void, F>(() => this.options.fetch());
    host.addController(this);
  }

  get playing(): boolean {
    return this.playingNow;
  }

  /** Months per second (one of SPEEDS). */
  get speed(): number {
    return this.speedNow;
  }

  set speed(speed: number) {
    this.speedNow = speed;
    this.host.requestUpdate();
  }

  /** Set the speed if it is one of those offered. */
  setSpeed(speed: number): void {
    if (SPEEDS.includes(speed)) this.speed = speed;
  }

  /** Milliseconds between months. */
  get interval(): number {
    return 1000 / this.speedNow;
  }

  /** A month asked for has not arrived yet. */
  get fetching(): boolean {
    return this.next.pending;
  }

  play(): void {
    if (this.playingNow) return;
    this.setPlaying(true);
    // The first month comes at once.
    this.lastAdvance = performance.now() - this.interval;
    this.options.wake();
  }

  /** Stop; a month that already arrived is shown at once (the worker is already there). */
  pause(): void {
    if (!this.playingNow) return;
    this.setPlaying(false);
    if (this.queued) this.options.show(this.queued, false);
    this.queued = null;
  }

  /** Stop without showing anything more (the run ended or failed). */
  stop(): void {
    this.setPlaying(false);
  }

  /** Stop and forget the months on their way and waiting (a new run, a reset, leaving the page). */
  clear(): void {
    this.setPlaying(false);
    this.queued = null;
    this.next.abort();
  }

  /** Forget a month waiting for its beat (a switch of arm shows this month in the other economy). */
  dropQueued(): void {
    this.queued = null;
  }

  /** On each animation frame: show the month waiting if its beat has come, and ask for the next one. */
  tick(now: number): void {
    if (!this.playingNow) return;
    if (this.queued && now - this.lastAdvance >= this.interval - 4) {
      const month = this.queued;
      this.queued = null;
      // On the beat rather than from now, so frame timing does not slow the months down (no catch-up bursts).
      this.lastAdvance = Math.max(this.lastAdvance + this.interval, now - this.interval);
      this.options.show(month, true);
    }
    if (this.playingNow && !this.next.pending && !this.queued && this.options.hasNext()) {
      this.next.run().then(
        (month) => {
          if (!this.options.wanted(month)) {
            // Asked for before a switch of arm: the switch's answer carries this month.
          } else if (this.playingNow) this.queued = month;
          else {
            this.options.show(month, false);
            this.options.announce();
          }
          this.options.wake();
        },
        (e: unknown) => {
          if (!(e instanceof StaleError)) this.options.fail(e);
        },
      );
    }
  }

  hostDisconnected(): void {
    this.clear();
  }

  private setPlaying(playing: boolean): void {
    if (playing === this.playingNow) return;
    this.playingNow = playing;
    this.host.requestUpdate();
  }
}
