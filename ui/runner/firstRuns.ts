// The runs of the page's first comparison, computed when the app is built (scripts/first-runs.mjs writes
// dist/ui/first-runs.json with ui/runner/firstRunsBuild.ts), so that a first visit shows its answer at
// once instead of after 3–5 s of simulation in cold workers. They are the very runs the workers would make: the same sim/ code, the
// same scenarios and seeds (a run depends on nothing else), so the numbers are the ones computed in the
// page, to the last digit; test/e2e checks the two against each other. The file holds runs for the app's
// default state only; any other state, or a page without the file, is computed in the workers as before.
import type { ScenarioInput } from '../../sim/index.js';
import type { RunDigest } from './protocol.js';

/** The file's name beside index.html. */
export const FIRST_RUNS_FILE = 'first-runs.json';

export interface FirstRuns {
  months: number;
  /** Each design's scenario (as the page makes it) and its digests by seed. */
  designs: { scenario: ScenarioInput; runs: { seed: number; digest: RunDigest }[] }[];
}

/** Fetch the built file (a missing or unreadable file gives no runs: the page computes them). */
export async function fetchFirstRuns(url: string = FIRST_RUNS_FILE): Promise<FirstRuns | null> {
  try {
    const response = await fetch(url);
    if (!response.ok) return null;
    const file = (await response.json()) as FirstRuns;
    return Array.isArray(file?.designs) && typeof file.months === 'number' ? file : null;
  } catch {
    return null;
  }
}
