// Follow the rupiah's styles (<pendamping-rupiah-view>): the controls, the LM shown big, the cards with
// their Sankey diagrams (new columns fade in unless motion is paused or reduced), the legend and the table.
import { css } from 'lit';
import { focusStyles } from '../app/styles.js';

export const rupiahViewStyles = [
  focusStyles,
  css`
    :host {
      display: block;
      color: #1d2730;
    }
    .intro {
      max-width: 60rem;
      margin: 0 0 0.75rem;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 0.75rem 1.25rem;
      margin-bottom: 1rem;
    }
    label {
      display: grid;
      gap: 0.2rem;
      font-weight: 600;
      min-width: 0;
      max-width: 100%;
    }
    input[type='number'] {
      width: 10rem;
      padding: 0.3rem 0.4rem;
      border: 1px solid #5a6470;
      border-radius: 4px;
    }
    select {
      padding: 0.3rem 0.4rem;
      max-width: 100%;
      min-width: 0;
    }
    .hint {
      font-weight: 400;
      color: #4a5560;
    }
    .steps {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .steps button {
      padding: 0.45rem 0.9rem;
    }
    button.primary {
      background: #0072b2;
      border-color: #0072b2;
      color: #fff;
      font-weight: 600;
    }
    button[aria-pressed='true'] {
      background: #0072b2;
      border-color: #0072b2;
      color: #fff;
    }
    .round {
      min-width: 9rem;
      text-align: center;
      font-weight: 700;
      font-size: 1.1em;
    }
    .compare {
      border-left: 6px solid #0072b2;
      background: #f3f7fa;
      padding: 0.6rem 0.9rem;
      margin: 0 0 1rem;
      max-width: 70rem;
      font-size: 1.05em;
    }
    .cards {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 1.25rem;
    }
    .card {
      min-width: 0;
      border: 1px solid #d6d6d6;
      border-radius: 6px;
      padding: 0.75rem 1rem 1rem;
      background: #fff;
    }
    .card header {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.5rem;
      align-items: center;
    }
    h3 {
      margin: 0;
      font-size: 1.1em;
      flex: 1 1 20rem;
    }
    .lm {
      display: flex;
      align-items: baseline;
      gap: 0.6rem;
    }
    .lm .name {
      font-size: 1.4em;
      font-weight: 700;
      color: #4a5560;
    }
    .lm .value {
      font-size: 3.2em;
      font-weight: 800;
      line-height: 1;
      font-variant-numeric: tabular-nums;
    }
    :host([trainer]) .lm .value {
      font-size: 4.2em;
    }
    .lm-explain {
      margin: 0.2rem 0 0.4rem;
      color: #33404c;
    }
    .sentence {
      margin: 0.25rem 0 0.5rem;
      max-width: 70rem;
    }
    .downloads {
      display: inline-flex;
      gap: 0.4rem;
    }
    svg {
      display: block;
      width: 100%;
      height: auto;
      max-height: 70vh;
    }
    svg text {
      font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif;
      paint-order: stroke;
      /* A wide white halo: where a label lies over a flow, the flow is cut away behind its letters. */
      stroke: #fff;
      stroke-opacity: 0.92;
      stroke-width: 7px;
      stroke-linejoin: round;
    }
    .future {
      fill: #9aa3ab;
    }
    @media (prefers-reduced-motion: no-preference) {
      :host(:not([paused])) .appear {
        animation: appear 450ms ease-out;
      }
    }
    @keyframes appear {
      from {
        opacity: 0;
      }
      to {
        opacity: 1;
      }
    }
    .legend,
    .note {
      color: #4a5560;
      font-size: 0.9em;
      margin: 0.4rem 0 0;
    }
    :host([trainer]) .legend,
    :host([trainer]) .note,
    :host([trainer]) .kinds {
      font-size: max(0.9em, 20px);
    }
    .swatch {
      display: inline-block;
      width: 0.9em;
      height: 0.9em;
      border-radius: 2px;
      vertical-align: -0.1em;
      margin: 0 0.25em 0 0.6em;
    }
    .table-wrap {
      max-width: 100%;
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
      margin-top: 0.5rem;
    }
    caption {
      text-align: left;
      color: #4a5560;
      padding-bottom: 0.3rem;
    }
    th,
    td {
      padding: 0.3rem 0.7rem;
      border-bottom: 1px solid #e4e4e4;
      text-align: right;
      vertical-align: top;
    }
    th:first-child,
    td:first-child {
      text-align: left;
    }
    .kinds {
      display: block;
      color: #4a5560;
      font-size: 0.85em;
    }
    .status[data-state='error'] {
      color: #b00020;
    }
  `,
];
