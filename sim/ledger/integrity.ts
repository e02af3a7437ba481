// The error a run stops with when its books stop holding (sim/run/arm.ts). In a module of its own, with
// no imports, so the command line can recognise it without loading the simulation.

/**
 * The books did not hold in a month: an imbalance (or a non-finite amount) or a local account below zero.
 * Inputs are bounded so that this cannot happen (sim/scenario/parse.ts); if it does, the run stops here
 * rather than report numbers that do not add up (the CLI exits 4).
 */
export class LedgerIntegrityError extends Error {
  constructor(readonly month: number, readonly imbalance: number, readonly negativeBalances: number) {
    super(
      `the ledger did not balance in month ${month} (largest imbalance ${imbalance} rupiah, ${negativeBalances} local accounts below zero): ` +
      'the run is stopped rather than report numbers that do not add up; please report the scenario',
    );
    this.name = 'LedgerIntegrityError';
  }
}
