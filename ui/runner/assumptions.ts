// The uncertainty switch's draws: replicate r of a design runs with seed + r and the draw of every uncertain
// assumption for that seed (sim/uncertainty/parameters.ts drawAssumptions, the code `compare --uncertainty`
// runs), except the fields the design sets itself. The draw depends only on the seed and the parameter, so
// every design gets the same draw in the same replicate (common random numbers), and the CLI's draw r of the
// same design file is the same scenario.
import type { Scenario, ScenarioInput } from '../../sim/index.js';
import { drawAssumptions } from '../../sim/uncertainty/parameters.js';

/** What a design needs to be drawn: its scenario (every default filled in) and the fields it sets itself. */
export interface DrawableDesign {
  scenario: ScenarioInput;
  /** Dotted leaf paths the design sets (ui/state/levers.ts designFields); never drawn. */
  explicit?: readonly string[];
}

/** The design's scenario for the replicate with this seed: with the assumptions drawn, or as it is. */
export function replicateScenario(design: DrawableDesign, seed: number, uncertainty: boolean): ScenarioInput {
  if (!uncertainty) return design.scenario;
  return drawAssumptions(design.scenario as Scenario, new Set(design.explicit ?? []), seed).scenario as ScenarioInput;
}
