// A follow-the-rupiah highlight on the live economy: the businesses it lights up (each once), and where its
// households and suppliers are drawn — beside businesses the run names (they have no place of their own),
// asked of the worker session whenever the highlight or the run changes. It is drawn over the economy with
// either economy alike when the trainer turns it on (the money it traces went through the program's ledger;
// the same businesses exist in both economies, so the same ones light up in both pictures).
import type { LiveAnchors } from '../../sim/index.js';
import type { SceneHighlight } from './economy-painter.js';
import type { LiveSession } from './live-session.js';
import type { Highlight } from './types.js';

export class LiveHighlight {
  private highlight: Highlight | null = null;
  private lit: number[] = [];
  /** The businesses beside which the households and suppliers go (null until known). */
  private anchors: LiveAnchors | null = null;

  constructor(
    private readonly session: LiveSession,
    /** The anchors arrived: draw again. */
    private readonly changed: () => void,
    private readonly fail: (error: unknown) => void,
  ) {}

  set(highlight: Highlight | null): void {
    this.highlight = highlight;
    this.lit = [...new Set(highlight?.businesses ?? [])];
  }

  /** Ask the run (when `ready`) where the households and suppliers go; a newer question replaces an older one. */
  async fetchAnchors(ready: boolean): Promise<void> {
    const h = this.highlight;
    this.anchors = null;
    if (!h || (h.households.length === 0 && h.suppliers.length === 0) || !ready) {
      this.session.dropAnchors();
      return;
    }
    try {
      this.anchors = await this.session.anchors(h.households, h.suppliers);
      this.changed();
    } catch (e) {
      this.fail(e);
    }
  }

  /**
   * What the painter draws over the picture: null when nothing is to be lit up. The same in both arms, so
   * neither picture is dimmed more than the other.
   */
  scene(): SceneHighlight | null {
    const h = this.highlight;
    if (!h || (this.lit.length === 0 && h.households.length === 0 && h.suppliers.length === 0)) return null;
    return { businesses: this.lit, households: h.households, suppliers: h.suppliers, anchors: this.anchors };
  }
}
