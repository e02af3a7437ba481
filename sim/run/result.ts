// What a finished run reports: its program figures, the summary, the accounts and every monthly series
// (the document `pendamping run --format json` prints; docs/output.md describes it).
import type { ArmSeries } from './arm.js';
import type { Summary } from './summary.js';
import type { Scenario } from '../scenario/schema.js';

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
  /**
   * Cash per recipient household spread over the months from its first to its last payment (with equal
   * monthly payments, the monthly payment); 0 without cash transfers.
   */
  cashTransferPerRecipientMonth: number;
  /** Present only with cash transfers on: the recipient households and what each is paid in all. */
  cashTransfer?: CashTransferReport;
}

export interface CashTransferReport {
  /** Recipient households (at most `cashTransfer.households`; no business is enrolled for them). */
  recipients: number;
  /** Paid to each recipient over the whole schedule (rupiah), whether or not the horizon reaches it all. */
  perRecipientRupiah: number;
}

export interface RunResult {
  scenario: string;
  /** The region profile the scenario's economy came from (scenarios/regions/<name>.json). */
  region: string;
  /** Present only when the scenario sets a trend: localEconomy.outsideGrowthPerYear (share per year). */
  outsideGrowthPerYear?: number;
  seed: number;
  months: number;
  summaryWindowMonths: number;
  program: ProgramReport;
  summary: Summary;
  accounting: AccountingReport;
  series: { program: ArmSeries; counterfactual: ArmSeries };
}

/** A scenario's trend as reports carry it: the field only when the scenario sets one (absent means 0). */
export function outsideGrowthField(scenario: Scenario): { outsideGrowthPerYear?: number } {
  const g = scenario.localEconomy.outsideGrowthPerYear;
  return g !== 0 ? { outsideGrowthPerYear: g } : {};
}
