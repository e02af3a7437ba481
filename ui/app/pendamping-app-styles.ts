// The app shell's styles (<pendamping-app>): the header with its page switch and tools, the shortcuts
// dialog, the two-column layout of the design & compare page, and the skip link.
import { css } from 'lit';
import { focusStyles } from './styles.js';

export const appStyles = [
  focusStyles,
  css`
    :host {
      display: block;
      font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif;
      color: #1b1f23;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1.5rem;
      align-items: center;
      justify-content: space-between;
      padding: 0.75rem 1rem;
      border-bottom: 1px solid #c9d0d6;
      background: #f7f9fa;
    }
    h1 {
      margin: 0;
      font-size: 1.4rem;
    }
    header p {
      margin: 0.15rem 0 0;
      color: #4a5560;
      font-size: 0.9rem;
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      align-items: center;
    }
    dialog.shortcuts {
      max-width: 36rem;
      border: 2px solid #0072b2;
      border-radius: 6px;
    }
    dialog.shortcuts th {
      text-align: left;
      padding-right: 1rem;
      white-space: nowrap;
    }
    kbd {
      border: 1px solid #5a6470;
      border-radius: 3px;
      padding: 0 0.3rem;
      background: #f7f9fa;
    }
    .views {
      display: flex;
      gap: 0.3rem;
    }
    .views button[aria-current='page'] {
      background: #1b1f23;
      color: #fff;
    }
    :host([trainer]) header {
      font-size: 1.3rem;
    }
    .tools button[aria-pressed='true'] {
      background: #0072b2;
      color: #fff;
    }
    .tools label {
      font-size: 0.9rem;
      display: flex;
      gap: 0.3rem;
      align-items: center;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(320px, 480px) 1fr;
      gap: 1.25rem;
      padding: 1rem;
      align-items: start;
    }
    .layout > * {
      min-width: 0;
    }
    aside {
      display: grid;
      gap: 1rem;
    }
    /* The levers stay in view beside the answer: on a wide screen the design column scrolls on its own. */
    @media (min-width: 901px) {
      aside {
        position: sticky;
        top: 0.5rem;
        max-height: calc(100vh - 1rem);
        overflow-y: auto;
        overscroll-behavior: contain;
        padding-right: 0.25rem;
      }
    }
    /* Printing gives the decision memo only: no toolbar, no levers. */
    @media print {
      header,
      aside,
      .phone-status,
      .skip {
        display: none !important;
      }
      .layout {
        display: block;
        padding: 0;
      }
    }
    .phone-status {
      display: none;
    }
    @media (max-width: 900px) {
      .layout {
        grid-template-columns: 1fr;
      }
      /* While new numbers are computed, a bar at the bottom of the screen says so beside the levers. */
      .phone-status {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.25rem 0.75rem;
        position: fixed;
        left: 0;
        right: 0;
        bottom: 0;
        z-index: 10;
        padding: 0.5rem 1rem calc(0.5rem + env(safe-area-inset-bottom, 0px));
        background: #ffffff;
        border-top: 1px solid #c9d1d8;
        box-shadow: 0 -2px 6px rgba(0, 0, 0, 0.12);
        font-size: 0.9rem;
      }
      .phone-status span {
        flex: 1 1 12rem;
      }
      .phone-status progress {
        flex: 1 1 100%;
        width: 100%;
        height: 4px;
        appearance: none;
        border: none;
        background: #e3e8ec;
        color: #0072b2;
      }
      .phone-status progress::-webkit-progress-bar {
        background: #e3e8ec;
      }
      .phone-status progress::-webkit-progress-value {
        background: #0072b2;
      }
      .phone-status progress::-moz-progress-bar {
        background: #0072b2;
      }
      /* On a phone the answer comes first, the levers after it. */
      main {
        order: -1;
      }
    }
    .skip {
      position: absolute;
      left: -999px;
    }
    .skip:focus {
      left: 1rem;
      top: 0.5rem;
      background: #fff;
      padding: 0.3rem;
    }
  `,
];
