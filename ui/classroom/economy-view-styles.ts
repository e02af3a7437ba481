// The live economy view's styles (<pendamping-economy-view>): controls, the canvas stage and its overlay,
// the highlight note, the numbers with their sparklines, and the legend.
import { css, unsafeCSS } from 'lit';
import { focusStyles } from '../app/styles.js';
import { HIGHLIGHT_COLOUR } from './live-style.js';

export const economyViewStyles = [
  focusStyles,
  css`
    :host {
      display: block;
      --live-gap: 1rem;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(14rem, 19rem);
      gap: var(--live-gap);
      align-items: start;
    }
    :host([trainer]) .layout {
      grid-template-columns: minmax(0, 1fr) minmax(16rem, 24rem);
    }
    @media (max-width: 760px) {
      .layout {
        grid-template-columns: 1fr;
      }
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      margin-bottom: 0.5rem;
    }
    .controls button {
      min-width: 2.75rem;
      min-height: 2.75rem;
    }
    .controls button[aria-pressed='true'] {
      background: #0072b2;
      color: #fff;
      border-color: #0072b2;
    }
    .arms {
      display: inline-flex;
      gap: 0;
    }
    .arms button {
      border-radius: 0;
    }
    .arms button:first-child {
      border-radius: 6px 0 0 6px;
    }
    .arms button:last-child {
      border-radius: 0 6px 6px 0;
      margin-left: -1px;
    }
    .controls .arms button[aria-pressed='true'] {
      background: #1f2933;
      border-color: #1f2933;
    }
    .without {
      margin: 0 0 0.5rem;
      padding: 0.4rem 0.6rem;
      border-left: 4px solid #1f2933;
      background: #f2f4f6;
    }
    .month {
      font-weight: 600;
      font-variant-numeric: tabular-nums;
      margin-left: auto;
      font-size: 1.1em;
    }
    .stage {
      position: relative;
      border: 1px solid #d5dbe1;
      border-radius: 6px;
      background: #fff;
      height: clamp(320px, 62vh, 760px);
      overflow: hidden;
    }
    canvas {
      display: block;
      width: 100%;
      height: 100%;
    }
    .overlay {
      position: absolute;
      inset: 0;
      display: grid;
      place-items: center;
      color: #4a5560;
      background: rgba(255, 255, 255, 0.7);
      text-align: center;
      padding: 1rem;
    }
    .spotlight {
      margin: 0.4rem 0 0;
    }
    .highlight {
      margin: 0.4rem 0 0;
      padding: 0.3rem 0.5rem;
      border-left: 4px solid ${unsafeCSS(HIGHLIGHT_COLOUR)};
      background: #fffbe0;
    }
    .program-only,
    .places {
      display: block;
      font-style: italic;
    }
    .places {
      font-size: 0.9em;
      color: #4a5560;
    }
    .recipients {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin-top: 0.3rem;
    }
    .marks svg {
      vertical-align: middle;
      margin-right: 0.3rem;
    }
    .numbers {
      margin: 0;
      display: grid;
      gap: 0.6rem;
    }
    .numbers div {
      border-left: 4px solid #0072b2;
      padding-left: 0.6rem;
    }
    .numbers dt {
      font-size: 0.9em;
      color: #2c3640;
    }
    .numbers dd {
      margin: 0;
      font-size: 1.6em;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .numbers svg.spark {
      display: block;
      width: 100%;
      height: 1.6em;
      margin-top: 0.15rem;
    }
    .numbers .hint {
      display: block;
      font-size: 0.8em;
      color: #4a5560;
    }
    /* On the projector every word of the numbers and the legend is at least 20 px. */
    :host([trainer]) .numbers .hint,
    :host([trainer]) .numbers dt,
    :host([trainer]) ul.legend {
      font-size: max(0.8em, 20px);
    }
    p.open {
      margin: 0.6rem 0 0;
    }
    h3 {
      font-size: 1em;
      margin: 1rem 0 0.4rem;
    }
    ul.legend {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.3rem;
      font-size: 0.92em;
    }
    ul.legend li {
      display: flex;
      gap: 0.5rem;
      align-items: center;
    }
    ul.legend svg {
      flex: none;
    }
    ul.legend .count {
      margin-left: auto;
      font-variant-numeric: tabular-nums;
      color: #2c3640;
    }
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      padding: 0;
      margin: -1px;
      overflow: hidden;
      clip: rect(0, 0, 0, 0);
      white-space: nowrap;
      border: 0;
    }
  `,
];
