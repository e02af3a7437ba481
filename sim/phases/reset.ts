// Phase 0: a new month starts. The columns that count only this month's activity start again from zero:
// the program's attendance, visits and training flags, households' orders to each shop, and suppliers'
// sales. (Columns such as profit and turnover are overwritten by the phase that computes them; profit is
// also read as last month's by the lender in the program phase, so it is not cleared here.)
import type { Economy } from '../state/economy.js';

export function startMonth(e: Economy): void {
  const b = e.businesses;
  const used = b.used;
  b.membership.visits.fill(0, 0, used);
  b.membership.inTraining.fill(0, 0, used);
  b.membership.attendance.fill(0, 0, used);
  b.flows.ordersRupiah.fill(0, 0, used);
  e.suppliers.sales.fill(0);
}
