// Phase 1: this month's raw-material price and demand conditions from the scenario's shock list.
import type { Economy } from '../state/economy.js';

export function applyShocks(e: Economy): void {
  const c = { inputPriceFactor: 1, localDemandFactor: 1, outsideDemandFactor: 1 };
  for (const shock of e.scenario.shocks) {
    if (e.month < shock.startMonth || e.month >= shock.startMonth + shock.months) continue;
    if (shock.kind === 'rawMaterialPrice') c.inputPriceFactor *= 1 + shock.size;
    else if (shock.kind === 'localDemand') c.localDemandFactor *= 1 + shock.size;
    else c.outsideDemandFactor *= 1 + shock.size;
  }
  e.conditions = c;
}
