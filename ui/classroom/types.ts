// Contracts between the classroom's parts: the live economy view, follow the rupiah, predict-then-reveal
// and the lesson. Each part is a Lit element in ui/classroom/; the page (classroom-page.ts) wires them.
import type { LiveRunNumbers, ScenarioInput } from '../../sim/index.js';
import type { Locale } from '../charts/types.js';

/** What every classroom element receives from the page. */
export interface ClassroomInputs {
  /** The design being taught (the active pinned design's scenario, as JSON). */
  scenario: ScenarioInput;
  seed: number;
  locale: Locale;
  /** Animation paused by the user, or the system asks for reduced motion: no movement without a step. */
  paused: boolean;
  /** Trainer mode (projector): larger type. */
  trainer: boolean;
}

/** Lit's declarations of the ClassroomInputs properties, for every part's `static properties`. */
export const CLASSROOM_INPUT_PROPERTIES = {
  scenario: { attribute: false },
  seed: { type: Number },
  locale: { type: String, reflect: true },
  paused: { type: Boolean, reflect: true },
  trainer: { type: Boolean, reflect: true },
} as const;

/**
 * Accounts lit up in the economy view (follow the rupiah): ids are the simulation's business ids, household
 * indices and supplier indices; `round` is the spending round they belong to (1 = where the money went in).
 */
export interface Highlight {
  round: number;
  businesses: readonly number[];
  households: readonly number[];
  suppliers: readonly number[];
}

/** Live summary numbers after a month of the live run (program arm vs its counterfactual): sim/classroom/live.ts. */
export type LiveNumbers = LiveRunNumbers;
