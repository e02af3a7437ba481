// The cost-effectiveness of the compared designs (issue 17 item 4; sim/stats/costEffectiveness.ts): for
// extra jobs and for local GDP gained, each design's status on the efficiency frontier with its
// incremental cost per extra unit over the frontier option before it, and the acceptability curve over the
// replicates (common random numbers: replicate r of every design is one draw). Until draws of the
// assumptions exist (`--uncertainty`), the curve shows only the replicates' randomness. The computation
// lives in sim/ so the web app's cost-effectiveness plane and acceptability curve give the same numbers.
export { CEA_EFFECTS, costEffectiveness, type CeaDesign, type CeaEffectId, type CeaReplicateValues, type CeaResult } from '../../sim/stats/costEffectiveness.js';
