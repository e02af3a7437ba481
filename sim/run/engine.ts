// The one run engine. A scenario, a seed and the metrics to collect give a Run: step() advances the
// program arm and its counterfactual (the same economy, seed and random streams with the program's levers
// off) by one month and records the metrics; the series so far, summary() and result() read them.
// runScenario (the CLI, batch, calibration and web app), the classroom's live view and follow-the-rupiah
// all run through it: nothing else steps months.
import { FLOW_NAMES, SECTOR_NAMES } from '../ledger/accounts.js';
import type { Scenario } from '../scenario/schema.js';
import type { Economy } from '../state/economy.js';
import { createEconomy, withHorizon } from '../state/init.js';
import { ArmRecorder, selectMetrics, type ArmOutcome, type ArmSeries, type MetricPlan } from './arm.js';
import { NeutralArm, applyEnrolment, counterfactualKey, type CounterfactualCache, type NeutralCounterfactual } from './counterfactual.js';
import { outsideGrowthField, type ProgramReport, type RunResult } from './result.js';
import { summarise, type Summary } from './summary.js';
import { cashPerMonth } from '../program/cashSchedule.js';

export interface RunOptions {
  seed?: number;
  /** Months the run can be stepped (default: the scenario's); entrant slots are sized for it. */
  months?: number;
  /**
   * Metrics to record besides those the summary needs; all when omitted, none with 'none' (then the run
   * has no series and no summary: follow-the-rupiah reads the ledger only). An entry is `group.metric`
   * (group: participants, nonParticipants, all or economy) or a business metric's id alone (every business
   * group). Recording fewer makes a run faster (the web app records only what it charts); the summary and
   * every recorded value are the same either way. The Gini coefficients the summary reads only over its
   * window are then computed only in the window's months when not requested (NaN before).
   */
  metrics?: readonly string[] | 'none';
  /** Which arms run: both (default), or the program arm alone (no counterfactual, no summary). */
  arms?: 'both' | 'program';
  /** Reuse counterfactual arms across runs that share one (see CounterfactualCache). */
  counterfactualCache?: CounterfactualCache;
}

export interface Run {
  readonly scenario: Scenario;
  readonly seed: number;
  /** Months the run can be stepped. */
  readonly months: number;
  /** Months stepped so far (0 before the first). */
  readonly month: number;
  readonly done: boolean;
  /** The program arm's economy. */
  readonly program: Economy;
  /**
   * The counterfactual's economy, stepped in lockstep with the program arm; null when the program arm
   * runs alone or a counterfactual cache serves it (its dynamics are then simulated once, neutrally).
   */
  readonly counterfactual: Economy | null;
  /** Advance every arm one month and record it; false (and nothing happens) once the horizon is reached. */
  step(): boolean;
  /**
   * The recorded series so far (one value per month stepped). With a counterfactual cache the
   * counterfactual's participant groups are filled in only when the run is done.
   */
  series(): { program: ArmSeries; counterfactual: ArmSeries };
  /** The program's spending and enrolment so far. */
  programReport(): ProgramReport;
  /** The summary over the months so far (window: the last min(12, months so far)). */
  summary(): Summary;
  /** The whole result; the run must be done. */
  result(): RunResult;
}

export function startRun(scenario: Scenario, options: RunOptions = {}): Run {
  const seed = options.seed ?? scenario.seed;
  const months = options.months ?? scenario.months;
  const summaryWindowMonths = Math.min(12, months);
  const plan: MetricPlan | null = options.metrics === 'none' ? null : selectMetrics(options.metrics, months, summaryWindowMonths);
  const both = (options.arms ?? 'both') === 'both';
  const withProgram = new ArmRecorder(createEconomy(withHorizon(scenario, months), seed, true), plan);
  // The counterfactual: stepped in lockstep (plain), or neutrally for a cache (or read from it, not stepped).
  const cache = both && plan ? options.counterfactualCache : undefined;
  const key = cache && plan ? counterfactualKey(scenario, seed, months, plan) : '';
  const cached = cache?.get(key);
  const neutral = cache && !cached && plan ? new NeutralArm(scenario, seed, months, plan) : null;
  const plain = both && !cache ? new ArmRecorder(createEconomy(withHorizon(scenario, months), seed, false), plan) : null;
  let month = 0;
  let neutralDone: NeutralCounterfactual | undefined = cached;

  const counterfactualOutcome = (): ArmOutcome => {
    if (plain) return plain.outcome();
    if (!plan) throw new Error('this run records no counterfactual');
    if (!neutralDone && neutral && month >= months) {
      neutralDone = neutral.finish();
      cache!.set(key, neutralDone);
    }
    if (!neutralDone) throw new Error('the cached counterfactual is complete only when the run is done');
    return applyEnrolment(neutralDone, withProgram.economy.businesses.membership.participant, plan);
  };
  const needsSummary = () => {
    if (!plan) throw new Error('this run records no metrics, so it has no summary');
    if (!both) throw new Error('this run has no counterfactual, so it has no summary');
  };
  const programReport = (): ProgramReport => {
    const p = withProgram.economy.program;
    return {
      participants: p.cohorts.reduce((a, c) => a + c.length, 0),
      cohorts: p.cohorts.length,
      plannedCostPerParticipant: p.plannedCostPerParticipant,
      spent: p.spent,
      spentLocally: p.spentLocal,
      injectedLocally: p.injectedLocal,
      cashTransferPerRecipientMonth: cashPerMonth(p.cashPerRecipientRupiah, p.cashPayments),
      ...(withProgram.economy.scenario.program.cashTransfer.enabled
        ? { cashTransfer: { recipients: p.cashRecipients.length, perRecipientRupiah: p.cashPerRecipientRupiah } }
        : {}),
    };
  };
  const summaryOf = (counterfactual: ArmOutcome): Summary =>
    summarise({
      program: withProgram.series,
      counterfactual: counterfactual.series,
      window: Math.min(summaryWindowMonths, month),
      programReport: programReport(),
      cellsProgram: withProgram.economy.ledger.totalCells,
      cellsCounterfactual: counterfactual.cells,
    });

  return {
    scenario,
    seed,
    months,
    get month() {
      return month;
    },
    get done() {
      return month >= months;
    },
    program: withProgram.economy,
    counterfactual: plain?.economy ?? null,
    step() {
      if (month >= months) return false;
      withProgram.step();
      plain?.step();
      neutral?.step();
      month++;
      return true;
    },
    series() {
      const counterfactual = !both ? {} : plain ? plain.series : neutralDone || month >= months ? counterfactualOutcome().series : {};
      return { program: withProgram.series, counterfactual };
    },
    programReport,
    summary() {
      needsSummary();
      return summaryOf(counterfactualOutcome());
    },
    result() {
      needsSummary();
      if (month < months) throw new Error(`the run is at month ${month} of ${months}: step it to the end first`);
      const without = counterfactualOutcome();
      const e = withProgram.economy;
      const tfm: Record<string, Record<string, number>> = {};
      FLOW_NAMES.forEach((kind, k) => {
        tfm[kind] = Object.fromEntries(SECTOR_NAMES.map((sector, s) => [sector, e.ledger.totalFlows[k * SECTOR_NAMES.length + s]]));
      });
      return {
        scenario: scenario.name,
        region: scenario.region,
        ...outsideGrowthField(scenario),
        seed,
        months,
        summaryWindowMonths,
        program: programReport(),
        summary: summaryOf(without),
        accounting: {
          maxImbalance: Math.max(e.ledger.maxImbalance, without.economy.ledger.maxImbalance),
          negativeBalances: Math.max(withProgram.negativeBalances, without.negativeBalances),
          injections: withProgram.injections,
          leakages: withProgram.leakages,
          transactionFlowMatrix: tfm,
        },
        series: { program: withProgram.series, counterfactual: without.series },
      };
    },
  };
}
