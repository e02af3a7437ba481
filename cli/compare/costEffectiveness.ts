// The cost-effectiveness of the compared designs (issue 17 item 4; sim/stats/costEffectiveness.ts): for
// extra jobs and for local GDP gained, each design's status on the efficiency frontier with its
// incremental cost per extra unit over the frontier option before it, and the acceptability curve over the
// replicates (common random numbers: replicate r of every design is one draw). Until draws of the
// assumptions exist (`--uncertainty`), the curve shows only the replicates' randomness.
import { DO_NOTHING, acceptabilityCurve, efficiencyFrontier, type AcceptabilityPoint, type CostEffect, type FrontierEntry } from '../../sim/stats/costEffectiveness.js';
import type { ReplicateValues } from './compareDesigns.js';
import { replicateStats } from '../../sim/stats/replicates.js';

/** The two effects a planner buys with a program. */
export const CEA_EFFECTS = [
  {
    id: 'jobs',
    quantity: 'jobs.effect',
    label: 'extra jobs',
    valueUnit: 'rupiah per job',
    /** Values of one job at which the curve is read (rupiah): a range around the model's costs per job. */
    values: [0, 5e6, 10e6, 20e6, 30e6, 50e6, 75e6, 100e6, 200e6],
  },
  {
    id: 'localGdp',
    quantity: 'localGdpGained',
    label: 'local GDP gained',
    valueUnit: 'rupiah per rupiah of local GDP',
    values: [0, 0.1, 0.25, 0.5, 1, 2, 5],
  },
] as const;

export type CeaEffectId = (typeof CEA_EFFECTS)[number]['id'];

export interface CeaDesign {
  /** The design's key (its name, numbered when two share one). */
  design: string;
  cost: number | null;
  effect: number | null;
  status: FrontierEntry['status'] | 'undefined';
  previous?: string | null;
  incrementalCost?: number;
  incrementalEffect?: number;
  icer?: number;
  dominatedBy?: string;
}

export interface CeaResult {
  effect: CeaEffectId;
  valueUnit: string;
  designs: CeaDesign[];
  /** Replicates used as draws (those where every design has a cost and an effect). */
  draws: number;
  acceptability: AcceptabilityPoint[];
}

const meanOf = (xs: readonly (number | null)[]) => replicateStats(xs).mean;

/** Cost-effectiveness of every design on both effects, from each design's replicate values. */
export function costEffectiveness(allKeys: readonly string[], allValues: readonly ReplicateValues[]): CeaResult[] {
  // A design that costs nothing and changes nothing in every replicate (the no-program baseline) is doing
  // nothing itself: it is not listed beside it.
  const nothing = (v: ReplicateValues) => v.programCost.every((x) => x === 0) && CEA_EFFECTS.every((e) => v[e.quantity].every((x) => x === 0));
  const kept = allValues.map((v, i) => i).filter((i) => !nothing(allValues[i]));
  const keys = kept.map((i) => allKeys[i]);
  const values = kept.map((i) => allValues[i]);
  return CEA_EFFECTS.map((e) => {
    // Designs go by their position (`#0`, `#1`, …) inside: a scenario may well be named "none".
    const key = (id: string | null | undefined) => (id === null || id === undefined ? id : id === DO_NOTHING ? DO_NOTHING : keys[Number(id.slice(1))]);
    const means = keys.map((design, i) => ({ id: `#${i}`, design, cost: meanOf(values[i].programCost), effect: meanOf(values[i][e.quantity]) }));
    const defined = means.filter((m): m is { id: string; design: string; cost: number; effect: number } => m.cost !== null && m.effect !== null);
    const frontier = new Map(efficiencyFrontier(defined.map((m) => ({ id: m.id, cost: m.cost, effect: m.effect }))).map((f) => [f.id, f]));
    const designs: CeaDesign[] = means.map((m) => {
      const f = frontier.get(m.id);
      if (!f) return { design: m.design, cost: m.cost, effect: m.effect, status: 'undefined' };
      const { id: _id, previous, dominatedBy, ...rest } = f;
      return {
        design: m.design,
        ...rest,
        ...(previous === undefined ? {} : { previous: key(previous) }),
        ...(dominatedBy === undefined ? {} : { dominatedBy: key(dominatedBy)! }),
      };
    });
    // Draws: replicates where every design has both numbers.
    const replicates = values[0]?.programCost.length ?? 0;
    const draws: CostEffect[][] = [];
    for (let r = 0; r < replicates; r++) {
      const draw = keys.map((_, i) => ({ id: `#${i}`, cost: values[i].programCost[r], effect: values[i][e.quantity][r] }));
      if (draw.every((d) => d.cost !== null && d.effect !== null)) draws.push(draw.map((d) => ({ id: d.id, cost: d.cost!, effect: d.effect! })));
    }
    const acceptability = draws.length
      ? acceptabilityCurve(draws, e.values).map((p) => ({ value: p.value, probability: Object.fromEntries(Object.entries(p.probability).map(([id, x]) => [key(id)!, x])) }))
      : [];
    return { effect: e.id, valueUnit: e.valueUnit, designs, draws: draws.length, acceptability };
  });
}
