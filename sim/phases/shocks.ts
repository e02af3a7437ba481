// Phase 1: this month's conditions: the trend growth of what comes from outside the district
// (localEconomy.outsideGrowthPerYear) and the raw-material price and demand shocks of the scenario's list.
import { pow } from '../math/elementary.js';
import type { Economy } from '../state/economy.js';

export function applyShocks(e: Economy): void {
  const g = e.scenario.localEconomy.outsideGrowthPerYear;
  // Month t is t/12 years after the start (month 0); no growth leaves every factor exactly 1.
  const trend = g === 0 ? 1 : pow(1 + g, e.month / 12);
  const c = { inputPriceFactor: 1, localDemandFactor: 1, outsideDemandFactor: trend, outsideIncomeFactor: trend };
  for (const shock of e.scenario.shocks) {
    if (e.month < shock.startMonth || e.month >= shock.startMonth + shock.months) continue;
    if (shock.kind === 'rawMaterialPrice') c.inputPriceFactor *= 1 + shock.size;
    else if (shock.kind === 'localDemand') c.localDemandFactor *= 1 + shock.size;
    else c.outsideDemandFactor *= 1 + shock.size;
  }
  e.conditions = c;
}
