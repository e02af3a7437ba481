// The live economy view's control bar, as a Lit template: play / pause, step, reset, the speed, the switch
// between the economy with the program and without it, and the month shown. It only draws the controls and
// reports presses; the element decides what they do.
import { html } from 'lit';
import type { LiveArm } from '../../sim/index.js';
import type { Locale } from '../charts/types.js';
import { t } from '../i18n/i18n.js';
import { SPEEDS } from './live-style.js';

export interface ControlsInput {
  playing: boolean;
  canPlay: boolean;
  canStep: boolean;
  canReset: boolean;
  speed: number;
  arm: LiveArm;
  armsDisabled: boolean;
  /** The month shown and the run's horizon (null before the run is there). */
  month: { month: number; horizon: number } | null;
  locale: Locale;
  onPlay(): void;
  onStep(): void;
  onReset(): void;
  onSpeed(speed: number): void;
  onArm(arm: LiveArm): void;
}

export function liveControls(c: ControlsInput) {
  const L = c.locale;
  return html`<div class="controls" role="group" aria-label=${t('live.controls', {}, L)}>
    <button data-testid="live-play" aria-pressed=${c.playing ? 'true' : 'false'} ?disabled=${!c.canPlay && !c.playing} @click=${() => c.onPlay()}>
      ${c.playing ? `❚❚ ${t('live.pause', {}, L)}` : `▶ ${t('live.play', {}, L)}`}
    </button>
    <button data-testid="live-step" ?disabled=${!c.canStep} @click=${() => c.onStep()}>→ ${t('live.step', {}, L)}</button>
    <button data-testid="live-reset" ?disabled=${!c.canReset} @click=${() => c.onReset()}>⟲ ${t('live.reset', {}, L)}</button>
    <label
      >${t('live.speed', {}, L)}
      <select data-testid="live-speed" @change=${(e: Event) => c.onSpeed(Number((e.target as HTMLSelectElement).value))}>
        ${SPEEDS.map((s) => html`<option value=${s} ?selected=${s === c.speed}>${t('live.speedOption', { speed: formatSpeed(s, L) }, L)}</option>`)}
      </select></label
    >
    <span class="arms" role="group" aria-label=${t('live.show', {}, L)}>
      ${(['program', 'counterfactual'] as const).map(
        (arm) => html`<button data-testid=${`live-arm-${arm}`} aria-pressed=${c.arm === arm ? 'true' : 'false'} ?disabled=${c.armsDisabled} @click=${() => c.onArm(arm)}>
          ${t(arm === 'program' ? 'live.showProgram' : 'live.showCounterfactual', {}, L)}
        </button>`,
      )}
    </span>
    <span class="month" data-testid="live-month" data-value=${c.month?.month ?? 0}>${c.month ? t('live.month', { month: c.month.month, horizon: c.month.horizon }, L) : ''}</span>
  </div>`;
}

function formatSpeed(speed: number, locale: Locale): string {
  return Number.isInteger(speed) ? String(speed) : String(speed).replace('.', locale === 'id' ? ',' : '.');
}
