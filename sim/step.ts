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

export function stepMonth(e: Economy): MonthCheck {
  e.month += 1;
  e.ledger.openMonth();
  applyShocks(e);
  runProgram(e);
  learn(e);
  adoptPractices(e);
  decide(e);
  trade(e);
  payIncomes(e);
  exitAndEnter(e);
  return e.ledger.closeMonth();
}
