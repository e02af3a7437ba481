// Run a scenario with its counterfactual: the same economy, seed and random streams with the program's
// levers switched off. Collects the declared metrics every month for every group.
import { FLOW_NAMES, SECTOR_NAMES, Sector } from '../ledger/accounts.js';
import type { Scenario } from '../scenario/schema.js';
import { selectMetrics, simulateArm, type ArmSeries } from './arm.js';
import { counterfactualArm, type CounterfactualCache } from './counterfactual.js';
import { summarise, type Summary } from './summary.js';

export type { ArmSeries, MetricSeries, ArmOutcome, MetricPlan } from './arm.js';
export { simulateArm } from './arm.js';
export { counterfactualKey, type CounterfactualCache, type NeutralCounterfactual } from './counterfactual.js';

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

export function runScenario(scenario: Scenario, options: RunOptions = {}): RunResult {
  const seed = options.seed ?? scenario.seed;
  const months = options.months ?? scenario.months;
  const summaryWindowMonths = Math.min(12, months);
  const metrics = selectMetrics(options.metrics, months, summaryWindowMonths);
  const withProgram = simulateArm(scenario, seed, months, true, (m) => options.onMonth?.('program', m), metrics);
  const without = counterfactualArm(scenario, seed, months, metrics, withProgram.economy.businesses.membership.participant, options.counterfactualCache, (m) => options.onMonth?.('counterfactual', m));
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
      cellsCounterfactual: without.cells,
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
