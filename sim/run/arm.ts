// One arm of a run (with or without the program): its economy stepped month by month with the planned
// metrics recorded for every group. Which metrics are recorded is a plan made from the run's options.
import { BUSINESS_GROUPS, BUSINESS_METRICS, ECONOMY_METRICS, forgetMonth, groupMembers, type BusinessMetric, type EconomyMetric, type GroupName } from '../metrics/definitions.js';
import type { Scenario } from '../scenario/schema.js';
import type { Economy } from '../state/economy.js';
import { stepMonth } from '../step.js';
import { LedgerIntegrityError } from '../ledger/integrity.js';

export { LedgerIntegrityError };
import { SUMMARY_BUSINESS_METRICS } from './summary.js';

/** metric id → one value per month (months 1..horizon). */
export type MetricSeries = Record<string, number[]>;
/** group → metric series; groups are the business groups plus `economy`. */
export type ArmSeries = Record<string, MetricSeries>;

/** The metrics recorded: business metrics for each group, economy metrics, and from which month the window-only ones are. */
export interface MetricPlan {
  readonly participants: readonly BusinessMetric[];
  readonly nonParticipants: readonly BusinessMetric[];
  readonly initialNonParticipants: readonly BusinessMetric[];
  readonly all: readonly BusinessMetric[];
  readonly economy: readonly EconomyMetric[];
  /** Metrics (`group.metric`) computed only from month `windowFrom` on; NaN before. */
  readonly windowOnly: ReadonlySet<string>;
  readonly windowFrom: number;
}
export const ALL_METRICS: MetricPlan = {
  participants: BUSINESS_METRICS, nonParticipants: BUSINESS_METRICS, initialNonParticipants: BUSINESS_METRICS, all: BUSINESS_METRICS, economy: ECONOMY_METRICS, windowOnly: new Set(), windowFrom: 1 };

/** Metrics the summary reads only as a mean over its window (expensive: each sorts a column every month). */
const SUMMARY_WINDOW_ONLY = ['all.turnoverGini', 'economy.householdIncomeGini'];
const SUMMARY_ECONOMY_METRICS = ['totalJobs', 'localGdp', 'householdIncomeGini', 'consumerPriceIndex', 'wageIndex', 'unemploymentRate'];

export function emptySeries(plan: MetricPlan): ArmSeries {
  const out: ArmSeries = {};
  for (const g of BUSINESS_GROUPS) out[g] = Object.fromEntries(plan[g].map((m) => [m.id, [] as number[]]));
  out.economy = Object.fromEntries(plan.economy.map((m) => [m.id, [] as number[]]));
  return out;
}

/**
 * The metrics to record: all of them, or the requested ones plus, in the groups the summary reads, the
 * ones it needs (those it reads only over its window, from the window's first month when not requested).
 */
export function selectMetrics(requested: readonly string[] | undefined, months: number, window: number): MetricPlan {
  if (!requested) return ALL_METRICS;
  const business = new Set(BUSINESS_METRICS.map((m) => m.id));
  const economy = new Set(ECONOMY_METRICS.map((m) => m.id));
  const groups = new Set<string>([...BUSINESS_GROUPS, 'economy']);
  const wanted = new Set<string>();
  for (const entry of requested) {
    const dot = entry.indexOf('.');
    const [group, id] = dot < 0 ? [null, entry] : [entry.slice(0, dot), entry.slice(dot + 1)];
    if (group === null) {
      if (business.has(id)) for (const g of BUSINESS_GROUPS) wanted.add(`${g}.${id}`);
      else if (economy.has(id)) wanted.add(`economy.${id}`);
      else throw new Error(`unknown metric "${entry}"`);
    } else if (!groups.has(group)) {
      throw new Error(`unknown metric group "${group}" in "${entry}" (groups: ${[...groups].join(', ')})`);
    } else if (!(group === 'economy' ? economy : business).has(id)) {
      throw new Error(`unknown metric "${entry}"`);
    } else wanted.add(entry);
  }
  const windowOnly = new Set(SUMMARY_WINDOW_ONLY.filter((m) => !wanted.has(m)));
  for (const g of ['participants', 'initialNonParticipants', 'all'] as const) for (const id of SUMMARY_BUSINESS_METRICS[g]) wanted.add(`${g}.${id}`);
  for (const id of SUMMARY_ECONOMY_METRICS) wanted.add(`economy.${id}`);
  const pick = (g: GroupName) => BUSINESS_METRICS.filter((m) => wanted.has(`${g}.${m.id}`));
  return {
    participants: pick('participants'),
    nonParticipants: pick('nonParticipants'),
    initialNonParticipants: pick('initialNonParticipants'),
    all: pick('all'),
    economy: ECONOMY_METRICS.filter((m) => wanted.has(`economy.${m.id}`)),
    windowOnly,
    windowFrom: months - window + 1,
  };
}

export function record(e: Economy, series: ArmSeries, plan: MetricPlan, month: number): void {
  const skip = month < plan.windowFrom ? plan.windowOnly : null;
  for (const g of BUSINESS_GROUPS) {
    if (plan[g].length === 0) continue;
    const members = groupMembers(e, g);
    for (const m of plan[g]) series[g][m.id].push(skip?.has(`${g}.${m.id}`) ? NaN : m.compute(e, members));
    forgetMonth(members);
  }
  for (const m of plan.economy) series.economy[m.id].push(skip?.has(`economy.${m.id}`) ? NaN : m.compute(e));
}

export interface ArmOutcome {
  economy: Economy;
  series: ArmSeries;
  negativeBalances: number;
  injections: number;
  leakages: number;
  /** Payments over the run by kind, payer sector and payee sector (what LM3 is read from). */
  cells: Float64Array;
}

/**
 * One arm as it runs: steps its economy a month at a time, keeps the ledger's monthly checks and records
 * the planned metrics. The run engine (engine.ts) is its only user: nothing else steps months.
 */
export class ArmRecorder {
  readonly series: ArmSeries;
  negativeBalances = 0;
  injections = 0;
  leakages = 0;

  constructor(readonly economy: Economy, readonly plan: MetricPlan | null) {
    this.series = plan ? emptySeries(plan) : {};
  }

  /** Months stepped so far. */
  get month(): number {
    return this.economy.month;
  }

  step(): void {
    const check = stepMonth(this.economy);
    const imbalance = Math.max(check.rowImbalance, check.columnImbalance, check.localMoneyImbalance, check.netWorthImbalance);
    if (!(imbalance === 0) || check.negativeBalances > 0) throw new LedgerIntegrityError(this.economy.month, imbalance, check.negativeBalances);
    this.negativeBalances = Math.max(this.negativeBalances, check.negativeBalances);
    this.injections += check.injections;
    this.leakages += check.leakages;
    if (this.plan) record(this.economy, this.series, this.plan, this.economy.month);
  }

  outcome(): ArmOutcome {
    const { economy, series, negativeBalances, injections, leakages } = this;
    return { economy, series, negativeBalances, injections, leakages, cells: economy.ledger.totalCells };
  }
}
