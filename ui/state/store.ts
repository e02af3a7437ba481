// The app's one state holder: applies changes, keeps undo/redo history and mirrors the state into the
// URL hash (replaceState, so the browser's back button leaves the app rather than stepping levers).
import { History } from './history.js';
import { decodeState, defaultState, encodeState, type AppState } from './state.js';

export class Store extends EventTarget {
  readonly history: History<AppState>;

  constructor(initial: AppState) {
    super();
    this.history = new History(initial);
  }

  static fromLocation(): Store {
    const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    const store = new Store(decodeState(location.hash, defaultState({ paused: reduced })));
    store.writeHash();
    addEventListener('hashchange', () => {
      if (location.hash === encodeState(store.state)) return;
      store.history.push(decodeState(location.hash, store.state));
      store.emit();
    });
    return store;
  }

  get state(): AppState {
    return this.history.present;
  }

  /**
   * Apply a change. `record: false` previews it (a slider being dragged): the next recorded change
   * makes the whole drag one undo step.
   */
  update(change: (s: AppState) => AppState, record = true): void {
    const next = change(this.state);
    if (next === this.state && record) {
      this.history.push(next);
      return;
    }
    if (next === this.state) return;
    if (record) this.history.push(next);
    else this.history.preview(next);
    this.emit();
  }

  undo(): void {
    this.history.undo();
    this.emit();
  }

  redo(): void {
    this.history.redo();
    this.emit();
  }

  /** Show the last change again: back to the state before it, then (after `delayMs`) forward. */
  replayLast(delayMs = 700): void {
    const last = this.history.lastChange;
    if (!last) return;
    this.history.replace(last.before);
    this.emit();
    setTimeout(() => {
      this.history.replace(last.after);
      this.emit();
    }, delayMs);
  }

  private writeHash(): void {
    if (typeof location === 'undefined') return;
    const hash = encodeState(this.state);
    if (location.hash !== hash) window.history.replaceState(null, '', hash);
  }

  private emit(): void {
    this.writeHash();
    this.dispatchEvent(new Event('change'));
  }
}
