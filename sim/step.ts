// One month of the model: the phases in their one visible order.
import type { MonthCheck } from './ledger/ledger.js';
import { applyShocks } from './phases/shocks.js';
import { runProgram } from './phases/program.js';
import { learn } from './phases/learning.js';
import { adoptPractices } from './phases/practices.js';
import { decide } from './phases/decisions.js';
import { trade } from './phases/market.js';
import { payIncomes } from './phases/incomes.js';
import { exitAndEnter } from './phases/entryExit.js';
import type { Economy } from './state/economy.js';

export const PHASES: readonly { name: string; run: (e: Economy) => void }[] = [
  { name: 'shocks', run: applyShocks },
  { name: 'program', run: runProgram },
  { name: 'learning', run: learn },
  { name: 'practices', run: adoptPractices },
  { name: 'decisions', run: decide },
  { name: 'market', run: trade },
  { name: 'incomes', run: payIncomes },
  { name: 'entryExit', run: exitAndEnter },
];

/** Advance one month; `onPhase` (for profiling) is told when each phase ends. */
export function stepMonth(e: Economy, onPhase?: (name: string) => void): MonthCheck {
  e.month += 1;
  e.ledger.openMonth();
  for (const phase of PHASES) {
    phase.run(e);
    onPhase?.(phase.name);
  }
  return e.ledger.closeMonth();
}
