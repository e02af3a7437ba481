// The app's keyboard shortcuts, as a Lit ReactiveController listening on the window while the app is on
// the page, and their help dialog (`?`): Ctrl/⌘+Z undo, Ctrl/⌘+Shift+Z or Ctrl+Y redo, R replay the last
// change; in the classroom Space plays or pauses the live economy, → or N steps one month and W switches
// its picture between the economy with the program and without it. Letters and Space are left alone while
// typing, and Space and arrows while a button, link or slider has focus (they operate it).
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { t } from '../i18n/i18n.js';

/** What the shortcuts do. */
export interface ShortcutActions {
  undo(): void;
  redo(): void;
  replay(): void;
  help(): void;
  /** The classroom's live economy, when the classroom page is shown (null otherwise). */
  classroom(): { togglePlay(): void; stepMonth(): void; toggleArm(): void } | null;
}

export class ShortcutsController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly actions: ShortcutActions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('keydown', this.onKey);
  }

  hostDisconnected(): void {
    removeEventListener('keydown', this.onKey);
  }

  private readonly onKey = (e: KeyboardEvent) => {
    const target = e.composedPath()[0] as HTMLElement | undefined;
    const tag = target?.tagName ?? '';
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || target?.isContentEditable) return;
    const a = this.actions;
    if (e.ctrlKey || e.metaKey) {
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) a.undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') a.redo();
      else return;
      e.preventDefault();
      return;
    }
    if (e.altKey) return;
    const operable = tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || target?.getAttribute('role') === 'slider' || target?.getAttribute('role') === 'button';
    const classroom = a.classroom();
    if (e.key === '?') a.help();
    else if (e.key === 'r' || e.key === 'R') a.replay();
    else if (classroom && e.key === ' ' && !operable) classroom.togglePlay();
    else if (classroom && ((e.key === 'ArrowRight' && !operable) || e.key === 'n' || e.key === 'N')) classroom.stepMonth();
    else if (classroom && (e.key === 'w' || e.key === 'W')) classroom.toggleArm();
    else return;
    e.preventDefault();
  };
}

/** The help dialog listing the shortcuts (opened with `?` or the header's button). */
export function shortcutsDialog() {
  const rows: [string, string][] = [
    ['?', t('shortcuts.help')],
    ['Space', t('shortcuts.play')],
    ['→ / N', t('shortcuts.step')],
    ['W', t('shortcuts.arm')],
    ['R', t('shortcuts.replay')],
    ['Ctrl/⌘ + Z', t('shortcuts.undo')],
    ['Ctrl/⌘ + Shift + Z, Ctrl + Y', t('shortcuts.redo')],
  ];
  return html`<dialog class="shortcuts" data-testid="shortcuts-dialog" aria-labelledby="shortcuts-h">
    <h2 id="shortcuts-h">${t('shortcuts.title')}</h2>
    <table>
      ${rows.map(([k, what]) => html`<tr><th scope="row"><kbd>${k}</kbd></th><td>${what}</td></tr>`)}
    </table>
    <p>${t('shortcuts.note')}</p>
    <form method="dialog"><button data-testid="shortcuts-close">${t('shortcuts.close')}</button></form>
  </dialog>`;
}
