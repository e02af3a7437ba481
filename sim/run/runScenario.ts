// Run a scenario with its counterfactual: the same economy, seed and random streams with the program's
// levers switched off. Collects the declared metrics every month for every group.
import { FLOW_NAMES, SECTOR_NAMES, Sector } from '../ledger/accounts.js';
import { BUSINESS_GROUPS, BUSINESS_METRICS, ECONOMY_METRICS, groupMembers, type BusinessMetric, type EconomyMetric, type GroupName } from '../metrics/definitions.js';
import type { Scenario } from '../scenario/schema.js';
import { createEconomy } from '../state/init.js';
import type { Economy } from '../state/economy.js';
import { stepMonth } from '../step.js';
import { SUMMARY_BUSINESS_METRICS, summarise, type Summary } from './summary.js';

/** metric id → one value per month (months 1..horizon). */
export type MetricSeries = Record<string, number[]>;
/** group → metric series; groups are the business groups plus `economy`. */
export type ArmSeries = Record<string, MetricSeries>;

export interface AccountingReport {
  /** Largest ledger imbalance seen in any month of either run (rupiah). */
  maxImbalance: number;
  /** Most local accounts below zero at the close of any month (must be 0). */
  negativeBalances: number;
  /** Money entering and leaving the local economy over the horizon, program run (rupiah). */
  injections: number;
  leakages: number;
  /** Program run, whole horizon: flow kind → sector → rupiah (payer negative, payee positive). */
  transactionFlowMatrix: Record<string, Record<string, number>>;
}

export interface ProgramReport {
  participants: number;
  cohorts: number;
  plannedCostPerParticipant: number;
  spent: number;
  spentLocally: number;
  injectedLocally: number;
  cashTransferPerRecipientMonth: number;
}

export interface RunResult {
  scenario: string;
  seed: number;
  months: number;
  summaryWindowMonths: number;
  program: ProgramReport;
  summary: Summary;
  accounting: AccountingReport;
  series: { program: ArmSeries; counterfactual: ArmSeries };
}

export interface RunOptions {
  seed?: number;
  months?: number;
  /**
   * Metrics to record besides those the summary needs; all when omitted. An entry is `group.metric`
   * (group: participants, nonParticipants, all or economy) or a business metric's id alone (every business
   * group). Recording fewer makes a run faster (the web app records only what it charts); the summary and
   * every recorded value are the same either way. The Gini coefficients the summary reads only over its
   * window are then computed only in the window's months when not requested (NaN before).
   */
  metrics?: readonly string[];
  /** Reuse counterfactual arms across runs that share one (see CounterfactualCache). */
  counterfactualCache?: CounterfactualCache;
  /** Called after each month of each arm (for progress). */
  onMonth?: (arm: 'program' | 'counterfactual', month: number) => void;
}

/** The metrics recorded: business metrics for each group, economy metrics, and from which month the window-only ones are. */
export interface MetricPlan {
  readonly participants: readonly BusinessMetric[];
  readonly nonParticipants: readonly BusinessMetric[];
  readonly all: readonly BusinessMetric[];
  readonly economy: readonly EconomyMetric[];
  /** Metrics (`group.metric`) computed only from month `windowFrom` on; NaN before. */
  readonly windowOnly: ReadonlySet<string>;
  readonly windowFrom: number;
}
const ALL_METRICS: MetricPlan = { participants: BUSINESS_METRICS, nonParticipants: BUSINESS_METRICS, all: BUSINESS_METRICS, economy: ECONOMY_METRICS, windowOnly: new Set(), windowFrom: 1 };

/** Metrics the summary reads only as a mean over its window (expensive: each sorts a column every month). */
const SUMMARY_WINDOW_ONLY = ['all.turnoverGini', 'economy.householdIncomeGini'];
const SUMMARY_ECONOMY_METRICS = ['totalJobs', 'localIncome', 'householdIncomeGini'];

function emptySeries(plan: MetricPlan): ArmSeries {
  const out: ArmSeries = {};
  for (const g of BUSINESS_GROUPS) out[g] = Object.fromEntries(plan[g].map((m) => [m.id, [] as number[]]));
  out.economy = Object.fromEntries(plan.economy.map((m) => [m.id, [] as number[]]));
  return out;
}

/**
 * The metrics to record: all of them, or the requested ones plus, in the groups the summary reads, the
 * ones it needs (those it reads only over its window, from the window's first month when not requested).
 */
function selectMetrics(requested: readonly string[] | undefined, months: number, window: number): MetricPlan {
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
  for (const id of SUMMARY_BUSINESS_METRICS.participants) wanted.add(`participants.${id}`);
  for (const id of SUMMARY_BUSINESS_METRICS.all) wanted.add(`all.${id}`);
  for (const id of SUMMARY_ECONOMY_METRICS) wanted.add(`economy.${id}`);
  const pick = (g: GroupName) => BUSINESS_METRICS.filter((m) => wanted.has(`${g}.${m.id}`));
  return {
    participants: pick('participants'),
    nonParticipants: pick('nonParticipants'),
    all: pick('all'),
    economy: ECONOMY_METRICS.filter((m) => wanted.has(`economy.${m.id}`)),
    windowOnly,
    windowFrom: months - window + 1,
  };
}

function record(e: Economy, series: ArmSeries, plan: MetricPlan, month: number): void {
  const skip = month < plan.windowFrom ? plan.windowOnly : null;
  for (const g of BUSINESS_GROUPS) {
    if (plan[g].length === 0) continue;
    const members = groupMembers(e, g);
    for (const m of plan[g]) series[g][m.id].push(skip?.has(`${g}.${m.id}`) ? NaN : m.compute(e, members));
  }
  for (const m of plan.economy) series.economy[m.id].push(skip?.has(`economy.${m.id}`) ? NaN : m.compute(e));
}

export interface ArmOutcome {
  economy: Economy;
  series: ArmSeries;
  negativeBalances: number;
  injections: number;
  leakages: number;
}

/**
 * Finished counterfactual arms kept between runs. The counterfactual depends on the program only through
 * who is enrolled (and the tie slots forums reserve), so designs that differ in other levers share it.
 */
export interface CounterfactualCache {
  get(key: string): ArmOutcome | undefined;
  set(key: string, arm: ArmOutcome): void;
}

/** What a counterfactual arm depends on: the scenario without its program, the enrolment, seed, horizon, metrics. */
export function counterfactualKey(scenario: Scenario, e: Economy, seed: number, months: number, metrics: MetricPlan): string {
  const { program, name: _name, description: _description, ...economy } = scenario;
  const enrolment = e.program.cohorts.map((c, i) => [e.program.cohortStart[i], Array.from(c)]);
  const recorded = [...BUSINESS_GROUPS.map((g) => metrics[g].map((m) => m.id)), metrics.economy.map((m) => m.id), [...metrics.windowOnly], metrics.windowFrom];
  return JSON.stringify([economy, program.forums.size, enrolment, seed, months, recorded]);
}

export function simulateArm(
  scenario: Scenario,
  seed: number,
  months: number,
  programActive: boolean,
  onMonth?: (m: number) => void,
  metrics: MetricPlan = ALL_METRICS,
  economy?: Economy,
): ArmOutcome {
  const e = economy ?? createEconomy({ ...scenario, months }, seed, programActive);
  const series = emptySeries(metrics);
  let negativeBalances = 0, injections = 0, leakages = 0;
  for (let t = 1; t <= months; t++) {
    const check = stepMonth(e);
    negativeBalances = Math.max(negativeBalances, check.negativeBalances);
    injections += check.injections;
    leakages += check.leakages;
    record(e, series, metrics, t);
    onMonth?.(t);
  }
  return { economy: e, series, negativeBalances, injections, leakages };
}

function counterfactualArm(scenario: Scenario, seed: number, months: number, metrics: MetricPlan, options: RunOptions): ArmOutcome {
  const onMonth = (m: number) => options.onMonth?.('counterfactual', m);
  const cache = options.counterfactualCache;
  if (!cache) return simulateArm(scenario, seed, months, false, onMonth, metrics);
  const start = createEconomy({ ...scenario, months }, seed, false);
  const key = counterfactualKey(scenario, start, seed, months, metrics);
  const hit = cache.get(key);
  if (hit) return hit;
  const arm = simulateArm(scenario, seed, months, false, onMonth, metrics, start);
  cache.set(key, arm);
  return arm;
}

export function runScenario(scenario: Scenario, options: RunOptions = {}): RunResult {
  const seed = options.seed ?? scenario.seed;
  const months = options.months ?? scenario.months;
  const summaryWindowMonths = Math.min(12, months);
  const metrics = selectMetrics(options.metrics, months, summaryWindowMonths);
  const withProgram = simulateArm(scenario, seed, months, true, (m) => options.onMonth?.('program', m), metrics);
  const without = counterfactualArm(scenario, seed, months, metrics, options);
  const e = withProgram.economy;
  const tfm: Record<string, Record<string, number>> = {};
  FLOW_NAMES.forEach((kind, k) => {
    tfm[kind] = Object.fromEntries(SECTOR_NAMES.map((sector, s) => [sector, e.ledger.totalFlows[k * SECTOR_NAMES.length + s]]));
  });
  const program: ProgramReport = {
    participants: e.program.cohorts.reduce((a, c) => a + c.length, 0),
    cohorts: e.program.cohorts.length,
    plannedCostPerParticipant: e.program.plannedCostPerParticipant,
    spent: e.program.spent,
    spentLocally: e.program.spentLocal,
    injectedLocally: e.program.injectedLocal,
    cashTransferPerRecipientMonth: e.program.cashPerRecipientMonth,
  };
  return {
    scenario: scenario.name,
    seed,
    months,
    summaryWindowMonths,
    program,
    summary: summarise({
      program: withProgram.series,
      counterfactual: without.series,
      window: summaryWindowMonths,
      programReport: program,
      cellsProgram: e.ledger.totalCells,
      cellsCounterfactual: without.economy.ledger.totalCells,
    }),
    accounting: {
      maxImbalance: Math.max(e.ledger.maxImbalance, without.economy.ledger.maxImbalance),
      negativeBalances: Math.max(withProgram.negativeBalances, without.negativeBalances),
      injections: withProgram.injections,
      leakages: withProgram.leakages,
      transactionFlowMatrix: tfm,
    },
    series: { program: withProgram.series, counterfactual: without.series },
  };
}

export { Sector };
