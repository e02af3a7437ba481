// A live run for the classroom: the run engine's program arm and counterfactual advanced one month at a
// time, with what the live economy view draws after each month — a state code per business, the ties
// between businesses and the live numbers. The numbers are the engine's recorded series and its summary
// so far, not new formulas, so after month t they equal runScenario's series at t exactly.
import { startRun } from '../run/engine.js';
import type { Scenario } from '../scenario/schema.js';
import { MAX_EMPLOYEES, openIds, type Economy } from '../state/economy.js';

/**
 * A business's state, one byte: its performance in the low two bits and two flags.
 *
 * Performance (bits 0–1), for an open business, from this month's columns:
 * - STRUGGLING: profit < 0, or turnover below STRUGGLING_TURNOVER × its start turnover;
 * - GROWING: not struggling and turnover at least GROWING_TURNOVER × its start turnover;
 * - STEADY: anything else (and every open business before the first month).
 * A closed business is CLOSED (0) whatever else holds, with no flags.
 *
 * Flags (open businesses only):
 * - DIGITAL (bit 2): it sells through a digital channel (b.digitalChannel);
 * - MENTORED (bit 3): a program participant whose cohort has started (program arm only; the flag stays
 *   after mentoring ends: the business has been through the program).
 */
export const LiveState = {
  CLOSED: 0,
  STRUGGLING: 1,
  STEADY: 2,
  GROWING: 3,
  PERFORMANCE_MASK: 3,
  DIGITAL: 4,
  MENTORED: 8,
} as const;

/** Turnover at or above this multiple of the business's start turnover (and profit ≥ 0) counts as growing. */
export const GROWING_TURNOVER = 1.2;
/** Turnover below this multiple of the start turnover (or a loss) counts as struggling. */
export const STRUGGLING_TURNOVER = 0.8;

/** Live summary numbers after a month (program arm vs its counterfactual); the UI's LiveNumbers. */
export interface LiveRunNumbers {
  month: number;
  /** ECONOMY_METRICS totalJobs of the program arm. */
  jobs: number;
  /** totalJobs program − counterfactual this month. */
  jobsEffect: number;
  /** ECONOMY_METRICS localGdp of the program arm this month (rupiah). */
  localGdp: number;
  /**
   * The summary's localGdpPerRupiah over the months so far: local GDP gained so far ÷ what the program has
   * cost so far; null while nothing is spent.
   */
  localGdpPerRupiah: number | null;
  /** Open businesses, program arm. */
  open: number;
  /** The same three of the counterfactual arm (the economy without the program), this month. */
  counterfactualJobs: number;
  counterfactualLocalGdp: number;
  counterfactualOpen: number;
}

/** Business ids beside which households and suppliers are drawn (-1: none to draw it beside). */
export interface LiveAnchors {
  households: Int32Array;
  suppliers: Int32Array;
}

/** Which of the two economies a picture shows: with the program, or the same economy without it. */
export type LiveArm = 'program' | 'counterfactual';
export const LIVE_ARMS: readonly LiveArm[] = ['program', 'counterfactual'];

export interface LiveRun {
  readonly scenario: Scenario;
  readonly seed: number;
  /** Months the run can be stepped (the scenario's horizon: entrant slots are sized for it). */
  readonly horizon: number;
  /** Months stepped so far (0 before the first). */
  readonly month: number;
  readonly done: boolean;
  /** The program arm and its counterfactual (the view shows either; see LiveArm). */
  readonly program: Economy;
  readonly counterfactual: Economy;
  /** Advance both arms one month; false (and nothing happens) once the horizon is reached. */
  step(): boolean;
  /*
   * What an arm looks like (default: the program arm). Both arms start as the same businesses with the
   * same ties (ids 0..initial-1 are the same businesses in both); entrants and new ties differ.
   */
  /** Businesses that exist or existed in the arm (ids 0..count-1). */
  businessCount(arm?: LiveArm): number;
  /** State code per business id (LiveState); a new array of businessCount(arm) entries. */
  states(arm?: LiveArm): Uint8Array;
  /** Sector index per business id. */
  sectors(arm?: LiveArm): Uint8Array;
  /** Ties as pairs [a0, b0, a1, b1, …] with a < b, each tie once, ordered by a then slot. */
  edges(arm?: LiveArm): Int32Array;
  /** Ties in the arm (changes only when ties are added: they are never removed). */
  tieTotal(arm?: LiveArm): number;
  /** Open businesses in the arm now. */
  openCount(arm?: LiveArm): number;
  /**
   * Where to draw households and suppliers, which have no place of their own in the picture: the business
   * each sits beside. A household sits beside the business it owns (the lowest id if several), else the one
   * it works at, else the first shop it knows; a supplier beside its first buyer (the lowest business id
   * buying from it). -1 for an index out of range or with no such business.
   */
  anchors(households: readonly number[], suppliers: readonly number[], arm?: LiveArm): LiveAnchors;
  /** The numbers after the last month; null before the first. */
  numbers(): LiveRunNumbers | null;
}

/** The state code of business `id` in economy `e` after its latest month (see LiveState). */
export function stateOf(e: Economy, id: number): number {
  const b = e.businesses;
  if (!b.life.open[id]) return LiveState.CLOSED;
  let code: number = LiveState.STEADY;
  if (e.month > 0) {
    const start = b.market.turnoverStart[id];
    const turnover = b.flows.turnover[id];
    if (b.flows.profit[id] < 0 || turnover < STRUGGLING_TURNOVER * start) code = LiveState.STRUGGLING;
    else if (turnover >= GROWING_TURNOVER * start) code = LiveState.GROWING;
  }
  if (b.practices.digitalChannel[id]) code |= LiveState.DIGITAL;
  if (e.programActive && b.membership.participant[id] && b.membership.cohort[id] >= 0 && e.program.cohortStart[b.membership.cohort[id]] <= e.month) code |= LiveState.MENTORED;
  return code;
}

export function createLiveRun(scenario: Scenario, seed: number): LiveRun {
  const horizon = scenario.months;
  // As runScenario: both arms from the scenario with its horizon, on the same seed, stepped in lockstep.
  const engine = startRun(scenario, { seed, metrics: ['economy.totalJobs', 'economy.localGdp'] });
  const program = engine.program;
  const counterfactual = engine.counterfactual!;
  let latest: LiveRunNumbers | null = null;
  const economyOf = (arm: LiveArm): Economy => {
    if (arm === 'program') return program;
    if (arm === 'counterfactual') return counterfactual;
    throw new Error(`unknown arm ${String(arm)}: expected ${LIVE_ARMS.join(' or ')}`);
  };

  const run: LiveRun = {
    scenario,
    seed,
    horizon,
    get month() {
      return engine.month;
    },
    get done() {
      return engine.done;
    },
    program,
    counterfactual,
    step() {
      if (!engine.step()) return false;
      const month = engine.month;
      const { program: p, counterfactual: c } = engine.series();
      const jobsP = p.economy.totalJobs[month - 1];
      const jobsC = c.economy.totalJobs[month - 1];
      latest = {
        month,
        jobs: jobsP,
        jobsEffect: jobsP - jobsC,
        localGdp: p.economy.localGdp[month - 1],
        localGdpPerRupiah: engine.summary().localGdpPerRupiah,
        open: run.openCount('program'),
        counterfactualJobs: jobsC,
        counterfactualLocalGdp: c.economy.localGdp[month - 1],
        counterfactualOpen: run.openCount('counterfactual'),
      };
      return true;
    },
    businessCount: (arm = 'program') => economyOf(arm).businesses.used,
    states(arm = 'program') {
      const e = economyOf(arm);
      const out = new Uint8Array(e.businesses.used);
      for (let id = 0; id < out.length; id++) out[id] = stateOf(e, id);
      return out;
    },
    sectors: (arm = 'program') => economyOf(arm).businesses.life.sector.slice(0, economyOf(arm).businesses.used),
    edges(arm = 'program') {
      const { ties, tieCounts, maxTies } = economyOf(arm);
      const n = economyOf(arm).businesses.used;
      let count = 0;
      for (let a = 0; a < n; a++) for (let k = 0; k < tieCounts[a]; k++) if (ties[a * maxTies + k] > a) count++;
      const out = new Int32Array(count * 2);
      let i = 0;
      for (let a = 0; a < n; a++) {
        for (let k = 0; k < tieCounts[a]; k++) {
          const other = ties[a * maxTies + k];
          if (other > a) {
            out[i++] = a;
            out[i++] = other;
          }
        }
      }
      return out;
    },
    tieTotal(arm = 'program') {
      const e = economyOf(arm);
      let sum = 0;
      for (let a = 0; a < e.businesses.used; a++) sum += e.tieCounts[a];
      return sum / 2;
    },
    openCount: (arm = 'program') => openIds(economyOf(arm).businesses).length,
    numbers: () => latest,
    anchors(households, suppliers, arm = 'program') {
      const e = economyOf(arm);
      const b = e.businesses;
      const owns = new Int32Array(e.households.count).fill(-1);
      const worksAt = new Int32Array(e.households.count).fill(-1);
      const buyer = new Int32Array(e.suppliers.count).fill(-1);
      // From the highest id down, so the lowest id is the one left.
      for (let id = b.used - 1; id >= 0; id--) {
        owns[b.owner.ownerHousehold[id]] = id;
        for (let j = 0; j < b.workforce.employees[id]; j++) {
          const worker = b.workforce.employeeHousehold[id * MAX_EMPLOYEES + j];
          if (worker >= 0) worksAt[worker] = id;
        }
        buyer[b.technology.supplier[id]] = id;
      }
      const K = e.households.shopsKnown;
      const home = (i: number) => {
        if (!Number.isInteger(i) || i < 0 || i >= e.households.count) return -1;
        if (owns[i] >= 0) return owns[i];
        if (worksAt[i] >= 0) return worksAt[i];
        const shop = e.households.shops[i * K];
        return shop >= 0 && shop < b.used ? shop : -1;
      };
      return {
        households: Int32Array.from(households, home),
        suppliers: Int32Array.from(suppliers, (j) => (Number.isInteger(j) && j >= 0 && j < e.suppliers.count ? buyer[j] : -1)),
      };
    },
  };
  return run;
}
