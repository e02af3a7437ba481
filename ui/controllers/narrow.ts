// Whether the window is phone-narrow (a CSS media query), as a Lit ReactiveController: the host re-renders
// when it changes. The classroom's predict and rupiah views use it to switch to their narrow layouts.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Up to this width (CSS px) a view uses its narrow layout. */
export const NARROW_MAX_WIDTH = 640;

export class NarrowController implements ReactiveController {
  /** The window is at most `maxWidth` wide (false where there is no matchMedia, e.g. in Node). */
  matches = false;
  private query: MediaQueryList | null = null;
  private readonly onChange = () => {
    const now = !!this.query?.matches;
    if (now !== this.matches) {
      this.matches = now;
      this.host.requestUpdate();
    }
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly maxWidth = NARROW_MAX_WIDTH,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.query = typeof matchMedia === 'function' ? matchMedia(`(max-width: ${this.maxWidth}px)`) : null;
    this.query?.addEventListener('change', this.onChange);
    this.onChange();
  }

  hostDisconnected(): void {
    this.query?.removeEventListener('change', this.onChange);
  }
}
