// Stepping through follow the rupiah's spending rounds, as a Lit ReactiveController: the round shown
// (1 = where the money went in), next / previous within 1..rounds, back to the start, and a presenter's
// clicker (PageDown / PageUp) from anywhere in the view (listened for on the host while it is on the
// page). Like the live economy's playback, nothing moves until the trainer steps.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class RoundStepper implements ReactiveController {
  private current = 1;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** How many rounds there are. */
    private readonly rounds: () => number,
    /** The trainer stepped to this round. */
    private readonly moved: (round: number) => void,
  ) {
    host.addController(this);
  }

  get round(): number {
    return this.current;
  }

  /** Step to `round` (kept within 1..rounds); nothing happens if it is the round shown. */
  go(round: number): void {
    const r = Math.max(1, Math.min(this.rounds(), round));
    if (r === this.current) return;
    this.set(r);
    this.moved(r);
  }

  /** Back to round 1 (quietly: the caller says what that means). */
  restart(): void {
    this.set(1);
  }

  /** Fewer rounds than the one shown (a new run): show the last. */
  clamp(): void {
    this.set(Math.min(this.current, this.rounds()));
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKey);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKey);
  }

  /** PageDown / PageUp step rounds (a presenter's clicker sends these). */
  private readonly onKey = (e: KeyboardEvent): void => {
    if (e.key === 'PageDown') {
      e.preventDefault();
      this.go(this.current + 1);
    } else if (e.key === 'PageUp') {
      e.preventDefault();
      this.go(this.current - 1);
    }
  };

  private set(round: number): void {
    if (round === this.current) return;
    this.current = round;
    this.host.requestUpdate();
  }
}
