// One month of the model: the phases in their one visible order, each with the parts of the state it
// reads and writes (a test, test/sim/phases.test.ts, holds every phase to its declaration).
import type { MonthCheck } from './ledger/ledger.js';
import { startMonth } from './phases/reset.js';
import { applyShocks } from './phases/shocks.js';
import { runProgram } from './phases/program.js';
import { learn } from './phases/learning.js';
import { adoptPractices } from './phases/practices.js';
import { decide } from './phases/decisions.js';
import { trade } from './phases/market.js';
import { payIncomes } from './phases/incomes.js';
import { runLocalSectors } from './phases/localSectors.js';
import { exitAndEnter } from './phases/entryExit.js';
import type { BusinessComponent } from './state/businesses.js';
import type { Economy } from './state/economy.js';

/**
 * A part of the state a phase can read or write: a business component (sim/state/businesses.ts; the
 * businesses' counters `used` and the open-id list belong to `life`), or one of the economy's other
 * parts. What every phase may read without saying so: the scenario, the month, the random streams,
 * whether the program is active, the account numbers and the start's turnover per business (set at the
 * start, never changed).
 */
export type StatePart =
  | `businesses.${BusinessComponent}`
  | 'households' | 'suppliers' | 'program' | 'ties' | 'ledger' | 'conditions' | 'entryBlocked' | 'outsideBuyers'
  | 'localSectors' | 'labour';

export interface Phase {
  name: string;
  run: (e: Economy) => void;
  reads: readonly StatePart[];
  writes: readonly StatePart[];
}

export const PHASES: readonly Phase[] = [
  { name: 'startMonth', run: startMonth,
    reads: ['businesses.life'],
    writes: ['businesses.membership', 'businesses.flows', 'suppliers'] },
  { name: 'shocks', run: applyShocks,
    reads: [],
    writes: ['conditions'] },
  { name: 'program', run: runProgram,
    reads: ['businesses.life', 'businesses.owner'],
    writes: ['businesses.membership', 'businesses.market', 'businesses.technology', 'program', 'ties', 'households', 'ledger'] },
  { name: 'learning', run: learn,
    reads: ['businesses.life', 'businesses.practices', 'program', 'ties'],
    writes: ['businesses.capacities', 'businesses.membership', 'businesses.owner'] },
  { name: 'practices', run: adoptPractices,
    reads: ['businesses.life', 'businesses.capacities', 'businesses.owner'],
    writes: ['businesses.practices'] },
  { name: 'decisions', run: decide,
    reads: ['businesses.life', 'businesses.capacities', 'businesses.membership', 'businesses.practices', 'conditions', 'program', 'labour'],
    writes: ['businesses.technology', 'businesses.market', 'businesses.workforce', 'businesses.finance', 'businesses.flows', 'households', 'suppliers', 'ledger'] },
  { name: 'market', run: trade,
    reads: ['businesses.life', 'businesses.capacities', 'businesses.membership', 'businesses.practices', 'businesses.technology', 'conditions', 'program', 'suppliers'],
    writes: ['businesses.market', 'businesses.flows', 'households', 'ledger', 'localSectors'] },
  { name: 'localSectors', run: runLocalSectors,
    reads: ['businesses.life', 'businesses.workforce', 'businesses.flows', 'businesses.technology', 'conditions', 'suppliers'],
    writes: ['localSectors', 'labour', 'households', 'ledger'] },
  { name: 'incomes', run: payIncomes,
    reads: ['businesses.life', 'businesses.owner', 'businesses.practices', 'businesses.technology', 'businesses.market', 'businesses.workforce', 'businesses.finance', 'suppliers', 'labour', 'conditions'],
    writes: ['businesses.flows', 'households', 'ledger'] },
  { name: 'entryExit', run: exitAndEnter,
    reads: ['businesses.finance', 'businesses.flows', 'suppliers'],
    writes: [
      'businesses.life', 'businesses.owner', 'businesses.capacities', 'businesses.practices', 'businesses.technology', 'businesses.market',
      'businesses.workforce', 'businesses.membership', 'households', 'ties', 'ledger', 'entryBlocked', 'outsideBuyers',
    ] },
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
