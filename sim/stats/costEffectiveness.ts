// Cost-effectiveness of program designs, as health economics reads a decision (Drummond et al., Methods
// for the Economic Evaluation of Health Care Programmes, 4th ed., 2015, ch. 4; Fenwick, Claxton &
// Sculpher 2001, "Representing uncertainty: the role of cost-effectiveness acceptability curves", Health
// Economics 10:779–787):
// - the efficiency frontier: designs that are not dominated (another design costs no more and achieves
//   at least as much) nor extendedly dominated (a mix of two other designs would buy more for the same
//   money, i.e. its incremental cost-effectiveness ratio is higher than the next design's);
// - the incremental cost-effectiveness ratio (ICER) of each frontier design over the one before it:
//   extra cost ÷ extra effect, e.g. rupiah per extra job;
// - the acceptability curve: over draws (replicates, or draws of the assumptions), the share in which each
//   design has the highest net benefit λ × effect − cost at a value λ of one unit of effect.
// "Doing nothing" is always an option, at cost 0 and effect 0: every effect here is already measured
// against no program. Pure functions; docs/metrics.md reads them for the planner.
// `costEffectiveness` applies them to compared designs' replicates (each design's mean cost and effect,
// replicate r of every design one draw): the CLI's compare and the web app's plane and curve share it.
import { replicateStats } from './replicates.js';

/** One design's cost (rupiah) and effect (jobs, or rupiah of local GDP) against no program. */
export interface CostEffect {
  id: string;
  cost: number;
  effect: number;
}

export type FrontierStatus = 'frontier' | 'dominated' | 'extendedDominated';

export interface FrontierEntry extends CostEffect {
  status: FrontierStatus;
  /** For a frontier design: the frontier option before it (null: doing nothing) and the ICER over it. */
  previous?: string | null;
  incrementalCost?: number;
  incrementalEffect?: number;
  /** Extra cost per extra unit of effect over the previous frontier option. */
  icer?: number;
  /** For a dominated design: a design (or "none", doing nothing) that costs no more and achieves at least as much. */
  dominatedBy?: string;
}

/** The id of the implicit option "no program" (cost 0, effect 0). */
export const DO_NOTHING = 'none';

/**
 * Classify every design and give the frontier designs their ICERs, in the designs' order. Cost and effect
 * must be finite (a caller leaves out a design whose mean is undefined); ids must differ from "none".
 */
export function efficiencyFrontier(designs: readonly CostEffect[]): FrontierEntry[] {
  for (const d of designs) {
    if (!Number.isFinite(d.cost) || !Number.isFinite(d.effect)) throw new Error(`design ${d.id}: cost and effect must be finite numbers`);
    if (d.id === DO_NOTHING) throw new Error(`"${DO_NOTHING}" is the reserved id of doing nothing`);
  }
  const options: CostEffect[] = [{ id: DO_NOTHING, cost: 0, effect: 0 }, ...designs];
  const result = new Map<string, FrontierEntry>(designs.map((d) => [d.id, { ...d, status: 'frontier' as FrontierStatus }]));
  // Strong dominance: another option costs no more and achieves at least as much, one of them strictly;
  // of two identical options the first listed stays.
  options.forEach((d, i) => {
    if (i === 0) return;
    const by = options.find(
      (o, j) => j !== i && o.cost <= d.cost && o.effect >= d.effect && (o.cost < d.cost || o.effect > d.effect || j < i),
    );
    if (by) result.set(d.id, { ...d, status: 'dominated', dominatedBy: by.id });
  });
  // Extended dominance among the rest, cheapest first: while some option's ICER over the one before it
  // exceeds the next option's ICER over it, that option is dropped.
  // Doing nothing stays first: no design costs less than nothing, and one that costs nothing and achieves
  // more has an ICER of 0 over it.
  let frontier = [options[0], ...options.slice(1).filter((o) => result.get(o.id)!.status === 'frontier').sort((a, b) => a.cost - b.cost || b.effect - a.effect)];
  const icer = (a: CostEffect, b: CostEffect) => (b.cost - a.cost) / (b.effect - a.effect);
  for (let changed = true; changed; ) {
    changed = false;
    for (let k = 1; k + 1 < frontier.length; k++) {
      if (icer(frontier[k - 1], frontier[k]) > icer(frontier[k], frontier[k + 1])) {
        result.set(frontier[k].id, { ...frontier[k], status: 'extendedDominated' });
        frontier = frontier.filter((_, j) => j !== k);
        changed = true;
        break;
      }
    }
  }
  for (let k = 1; k < frontier.length; k++) {
    const prev = frontier[k - 1];
    const d = frontier[k];
    result.set(d.id, {
      ...d,
      status: 'frontier',
      previous: prev.id === DO_NOTHING ? null : prev.id,
      incrementalCost: d.cost - prev.cost,
      incrementalEffect: d.effect - prev.effect,
      icer: icer(prev, d),
    });
  }
  return designs.map((d) => result.get(d.id)!);
}

export interface AcceptabilityPoint {
  /** Value of one unit of effect (rupiah per job, or per rupiah of local GDP). */
  value: number;
  /** Share of draws in which each option (designs and "none") has the highest net benefit; sums to 1. */
  probability: Record<string, number>;
}

/**
 * The acceptability curve: `draws[r]` holds every design's cost and effect in draw r (the same designs
 * in every draw, e.g. one replicate on common random numbers). At each value λ the net benefit of a design
 * is λ × effect − cost (doing nothing: 0); a draw's best option gets 1, split equally among exact ties.
 */
export function acceptabilityCurve(draws: readonly (readonly CostEffect[])[], values: readonly number[]): AcceptabilityPoint[] {
  if (draws.length === 0) throw new Error('the acceptability curve needs at least one draw');
  const ids = [DO_NOTHING, ...draws[0].map((d) => d.id)];
  for (const draw of draws) {
    if (draw.length !== ids.length - 1 || draw.some((d, i) => d.id !== ids[i + 1])) throw new Error('every draw must list the same designs in the same order');
  }
  return values.map((value) => {
    const wins: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
    for (const draw of draws) {
      const benefits = [0, ...draw.map((d) => (Number.isFinite(d.cost) && Number.isFinite(d.effect) ? value * d.effect - d.cost : -Infinity))];
      const best = Math.max(...benefits);
      const winners = ids.filter((_, i) => benefits[i] === best);
      for (const id of winners) wins[id] += 1 / winners.length;
    }
    return { value, probability: Object.fromEntries(ids.map((id) => [id, wins[id] / draws.length])) };
  });
}

// ——— Compared designs: the CLI's compare and the web app read the same numbers. ———

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

/**
 * One design's replicate values, quantity id → one value per replicate (null where undefined): at least
 * `programCost` and every CEA_EFFECTS quantity. The CLI's compare passes its ReplicateValues, the web app
 * the same numbers from its run digests.
 */
export type CeaReplicateValues = Readonly<Record<string, readonly (number | null)[]>>;

/**
 * Cost-effectiveness of every design on both effects, from each design's replicate values. `values` reads
 * the acceptability curve at other values than CEA_EFFECTS's (the web app's finer grid over its range).
 */
export function costEffectiveness(
  allKeys: readonly string[],
  allValues: readonly CeaReplicateValues[],
  options: { values?: Partial<Record<CeaEffectId, readonly number[]>> } = {},
): CeaResult[] {
  // A design that costs nothing and changes nothing in every replicate (the no-program baseline) is doing
  // nothing itself: it is not listed beside it.
  const nothing = (v: CeaReplicateValues) => v.programCost.every((x) => x === 0) && CEA_EFFECTS.every((e) => v[e.quantity].every((x) => x === 0));
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
      ? acceptabilityCurve(draws, options.values?.[e.id] ?? e.values).map((p) => ({ value: p.value, probability: Object.fromEntries(Object.entries(p.probability).map(([id, x]) => [key(id)!, x])) }))
      : [];
    return { effect: e.id, valueUnit: e.valueUnit, designs, draws: draws.length, acceptability };
  });
}
