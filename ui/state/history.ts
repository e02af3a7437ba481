// Undo / redo over immutable states, plus the last change (before, after) so it can be replayed.
export class History<T> {
  private past: T[] = [];
  private future: T[] = [];
  private last: { before: T; after: T } | null = null;
  /** The state before a run of previews (a slider being dragged), recorded as one change on push. */
  private previewBase: T | null = null;

  constructor(
    private current: T,
    private readonly limit = 200,
  ) {}

  get present(): T {
    return this.current;
  }

  /** Record a new state; a state identical to the present one is not a change. */
  push(next: T): void {
    const before = this.previewBase ?? this.current;
    this.previewBase = null;
    if (next === before) {
      this.current = next;
      return;
    }
    this.past.push(before);
    if (this.past.length > this.limit) this.past.shift();
    this.future = [];
    this.last = { before, after: next };
    this.current = next;
  }

  /** Show a state without recording it yet; the next push records one change from before the first preview. */
  preview(next: T): void {
    if (this.previewBase === null) this.previewBase = this.current;
    this.current = next;
  }

  /** Replace the present without a history entry (e.g. typing in a name box). */
  replace(next: T): void {
    this.current = next;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  undo(): T {
    this.commitPreview();
    const prev = this.past.pop();
    if (prev === undefined) return this.current;
    this.future.push(this.current);
    this.last = { before: this.current, after: prev };
    this.current = prev;
    return prev;
  }

  redo(): T {
    this.commitPreview();
    const next = this.future.pop();
    if (next === undefined) return this.current;
    this.past.push(this.current);
    this.last = { before: this.current, after: next };
    this.current = next;
    return next;
  }

  private commitPreview(): void {
    if (this.previewBase !== null) this.push(this.current);
  }

  /** The last change made (by push, undo or redo), for "replay last change". */
  get lastChange(): { before: T; after: T } | null {
    return this.last;
  }
}
