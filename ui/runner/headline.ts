// The answer first: one card per pinned design against no program, with the five numbers a district
// planner asks for — extra jobs, local GDP gained, total cost, cost per job and local GDP per rupiah —
// each the mean over replicates with its 95% interval, computed as the CLI's compare computes them
// (sim/stats/replicates.ts). Pure: no workers, no DOM.
import { costPerJob, drawStats, replicateStats, type ReplicateStats } from '../../sim/index.js';
import type { DesignRuns } from './aggregate.js';
import type { RunDigest } from './protocol.js';

/** A number on a card: the mean over replicates and its 95% interval (null where undefined). */
export type CardValue = Pick<ReplicateStats, 'mean' | 'low' | 'high'>;

export interface HeadlineCard {
  id: string;
  name: string;
  /**
   * Replicates behind the card's figures: all of them, or in a preview the moved design's first ones beside
   * an unchanged design's full set from the cache.
   */
  replicates: number;
  /** Jobs in the whole local economy with minus without the program, mean of the summary window. */
  jobs: CardValue;
  /** Local GDP with minus without the program, summed over the horizon (rupiah). */
  localGdpGained: CardValue;
  /** The program's total cost (rupiah). */
  programCost: CardValue;
  /** Mean cost ÷ mean jobs effect, its interval from the jobs interval (as the CLI's compare). */
  costPerJob: CardValue;
  /** Local GDP gained ÷ total cost. */
  localGdpPerRupiah: CardValue;
}

/**
 * A figure's mean and interval. A design shown with one replicate (a preview's first) has no interval: its
 * zero-width one would read as a figure every replicate agrees on. (With more replicates the figures are
 * the CLI's compare's, whatever number of them has a value.)
 */
const pick = ({ mean, low, high }: ReplicateStats | CardValue, replicates: number): CardValue => (replicates < 2 ? { mean, low: null, high: null } : { mean, low, high });

/**
 * The cards of every design except the no-program baseline, in the designs' order. With `overAssumptions`
 * (each replicate a draw of the assumptions) every figure is `compare --uncertainty`'s: the mean over the
 * draws and the range over the assumptions (low, high = its rangeLow, rangeHigh), cost per job each draw's own.
 */
export function headlineCards(designs: readonly DesignRuns[], overAssumptions = false): HeadlineCard[] {
  if (overAssumptions) {
    return designs
      .filter((d) => d.id !== 'baseline')
      .map((d) => {
        const over = (f: (s: RunDigest['summary']) => number | null) => {
          const { mean, rangeLow, rangeHigh } = drawStats(d.runs.map((r) => f(r.summary)));
          return pick({ mean, low: rangeLow, high: rangeHigh }, d.runs.length);
        };
        return {
          id: d.id,
          name: d.name,
          replicates: d.runs.length,
          jobs: over((s) => s.jobs.effect),
          localGdpGained: over((s) => s.localGdpGained),
          programCost: over((s) => s.programCost),
          costPerJob: over((s) => s.costPerJob),
          localGdpPerRupiah: over((s) => s.localGdpPerRupiah),
        };
      });
  }
  return designs
    .filter((d) => d.id !== 'baseline')
    .map((d) => {
      const cost = replicateStats(d.runs.map((r) => r.summary.programCost));
      const jobs = replicateStats(d.runs.map((r) => r.summary.jobs.effect));
      return {
        id: d.id,
        name: d.name,
        replicates: d.runs.length,
        jobs: pick(jobs, d.runs.length),
        localGdpGained: pick(replicateStats(d.runs.map((r) => r.summary.localGdpGained)), d.runs.length),
        programCost: pick(cost, d.runs.length),
        costPerJob: pick(costPerJob(cost, jobs), d.runs.length),
        localGdpPerRupiah: pick(replicateStats(d.runs.map((r) => r.summary.localGdpPerRupiah)), d.runs.length),
      };
    });
}
