// The counterfactual arm, reused across designs. Its dynamics do not depend on the program, not even on
// who is enrolled: the enrolment only decides which businesses are counted as participants (their group's
// metrics and their sector in the ledger). So one simulation per economy, seed, horizon and metric plan
// serves every design: it runs with every business in the other-businesses sector, keeps a per-account
// tap of the ledger and copies of the columns the enrolment-dependent groups' metrics read, and
// each design's enrolment is applied afterwards — exactly: the same values, summed in the same order, and
// the ledger's cells re-cut in whole rupiah.
import { Sector } from '../ledger/accounts.js';
import { AccountTap, recutCells } from '../ledger/tap.js';
import { forgetMonth, membersOf, type BusinessView, type MetricColumn } from '../metrics/definitions.js';
import { COLUMN_COMPONENT, type BusinessComponents } from '../state/businesses.js';
import type { Scenario } from '../scenario/schema.js';
import { CAPACITY_COUNT, type Economy } from '../state/economy.js';
import { createEconomy, withHorizon } from '../state/init.js';
import { ArmRecorder, type ArmOutcome, type ArmSeries, type MetricPlan } from './arm.js';

type Column = Float64Array | Uint8Array | Int32Array;

/** The business groups whose members depend on the enrolment (re-cut per design; `all` does not). */
const ENROLMENT_GROUPS = ['participants', 'nonParticipants', 'initialNonParticipants'] as const;

/** The columns the group metrics read, copied at the close of one month, as a view the metrics can read. */
interface ColumnSnapshot {
  used: number;
  view: BusinessView;
}

/** A simulated counterfactual before any enrolment is applied (what the cache keeps). */
export interface NeutralCounterfactual {
  /** The arm with every business in the other-businesses sector; its business groups hold only `all`. */
  arm: ArmOutcome;
  tap: AccountTap;
  snapshots: ColumnSnapshot[];
}

/**
 * Finished counterfactual arms kept between runs (the web app keeps a few per worker). The counterfactual
 * depends on the program only through the tie slots forums reserve, so designs that differ in any other
 * lever — who is enrolled included — share it.
 */
export interface CounterfactualCache {
  get(key: string): NeutralCounterfactual | undefined;
  set(key: string, arm: NeutralCounterfactual): void;
}

const planIds = (metrics: MetricPlan) => [
  metrics.participants.map((m) => m.id), metrics.nonParticipants.map((m) => m.id), metrics.initialNonParticipants.map((m) => m.id), metrics.all.map((m) => m.id),
  metrics.economy.map((m) => m.id), [...metrics.windowOnly], metrics.windowFrom,
];

/** What a counterfactual arm depends on: the scenario without its program, seed, horizon and metric plan. */
export function counterfactualKey(scenario: Scenario, seed: number, months: number, metrics: MetricPlan): string {
  const { program, name: _name, description: _description, title: _title, summary: _summary, ...economy } = scenario;
  return JSON.stringify([economy, program.forums.size, seed, months, planIds(metrics)]);
}

function snapshot(e: Economy, reads: readonly MetricColumn[]): ColumnSnapshot {
  const used = e.businesses.used;
  const components: Record<string, Record<string, Column>> = {};
  let tieCounts = new Uint8Array(0);
  for (const col of reads) {
    if (col === 'tieCounts') {
      tieCounts = e.tieCounts.slice(0, used);
      continue;
    }
    const component = COLUMN_COMPONENT[col];
    const source = (e.businesses[component] as unknown as Record<string, Column>)[col];
    (components[component] ??= {})[col] = source.slice(0, col === 'capacity' ? used * CAPACITY_COUNT : used);
  }
  // Only the declared columns are present: the metrics' column test holds each metric to its `reads`.
  return { used, view: { businesses: components as unknown as BusinessComponents, tieCounts } };
}

/**
 * A counterfactual simulated once for every enrolment: every business in the other-businesses sector, the
 * ledger tapped per account and the metrics' columns copied each month. The run engine steps it.
 */
export class NeutralArm {
  private readonly recorder: ArmRecorder;
  private readonly tap: AccountTap;
  private readonly reads: MetricColumn[];
  private readonly snapshots: ColumnSnapshot[] = [];

  constructor(scenario: Scenario, seed: number, months: number, metrics: MetricPlan) {
    const e = createEconomy(withHorizon(scenario, months), seed, false);
    const slots = e.householdAccount0; // business accounts come first
    e.ledger.sectorOf.fill(Sector.otherBusinesses, 0, slots);
    this.tap = new AccountTap(slots);
    e.ledger.attachTap(this.tap);
    this.reads = [...new Set(ENROLMENT_GROUPS.flatMap((g) => metrics[g]).flatMap((m) => m.reads))];
    // Object.assign, not spread: spread copies from one place change hidden class after about ten (withHorizon).
    this.recorder = new ArmRecorder(e, Object.assign({}, metrics, { participants: [], nonParticipants: [], initialNonParticipants: [] }));
  }

  step(): void {
    this.recorder.step();
    this.snapshots.push(snapshot(this.recorder.economy, this.reads));
  }

  /** The finished arm, before any enrolment is applied (what the cache keeps). */
  finish(): NeutralCounterfactual {
    this.recorder.economy.ledger.attachTap(null);
    return { arm: this.recorder.outcome(), tap: this.tap, snapshots: this.snapshots };
  }
}

/** The counterfactual arm for one enrolment (`enrolled[id]` = 1 for participants), as if simulated with it. */
export function applyEnrolment(c: NeutralCounterfactual, enrolled: Uint8Array, metrics: MetricPlan): ArmOutcome {
  const series: ArmSeries = { ...c.arm.series };
  for (const g of ENROLMENT_GROUPS) series[g] = Object.fromEntries(metrics[g].map((m) => [m.id, [] as number[]]));
  const initial = c.arm.economy.scenario.economy.businesses;
  c.snapshots.forEach((snap, i) => {
    const month = i + 1;
    const view = snap.view;
    const skip = month < metrics.windowFrom ? metrics.windowOnly : null;
    for (const g of ENROLMENT_GROUPS) {
      if (metrics[g].length === 0) continue;
      const members = membersOf(g, enrolled, snap.used, initial);
      for (const m of metrics[g]) series[g][m.id].push(skip?.has(`${g}.${m.id}`) ? NaN : m.compute(view, members));
      forgetMonth(members);
    }
  });
  const participants: number[] = [];
  for (let id = 0; id < enrolled.length; id++) if (enrolled[id] === 1) participants.push(id);
  const cells = recutCells(c.arm.cells, c.tap, participants, Sector.otherBusinesses, Sector.participants);
  return { ...c.arm, series, cells };
}
