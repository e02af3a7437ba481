// Styles shared by the app's components: visible keyboard focus and the Okabe–Ito accents.
import { css } from 'lit';

export const focusStyles = css`
  :focus-visible {
    outline: 3px solid #0072b2;
    outline-offset: 2px;
  }
  button,
  select,
  input {
    font: inherit;
  }
  button {
    cursor: pointer;
    border: 1px solid #5a6470;
    background: #fff;
    border-radius: 4px;
    padding: 0.3rem 0.6rem;
  }
  button[disabled] {
    opacity: 0.5;
    cursor: not-allowed;
  }
`;
