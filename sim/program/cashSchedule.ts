// The payment schedule of a cash transfer in whole rupiah: each payment is the recipient's total times
// the cumulative share up to it, rounded, less what was paid before, so the payments add up to the total
// exactly and each is its share to within a rupiah.
import type { CashPayment } from '../scenario/schema.js';

export interface ScheduledPayment {
  /** Simulated month of the payment (program.startMonth + the schedule's month). */
  month: number;
  /** Paid to each recipient household that month (whole rupiah). */
  rupiahPerHousehold: number;
}

export function cashSchedule(schedule: readonly CashPayment[], startMonth: number, totalRupiahPerHousehold: number): ScheduledPayment[] {
  const sorted = [...schedule].sort((x, y) => x.month - y.month);
  const total = Math.floor(totalRupiahPerHousehold);
  let cumulative = 0;
  let paid = 0;
  return sorted.map((payment, k) => {
    cumulative += payment.share;
    // The last payment takes whatever is left, so the total is exact whatever the float sum of shares.
    const upTo = k === sorted.length - 1 ? total : Math.min(total, Math.floor(total * cumulative + 0.5));
    const amount = upTo - paid;
    paid = upTo;
    return { month: startMonth + payment.month, rupiahPerHousehold: amount };
  });
}

/** A recipient's total spread over the months from its first to its last payment (0 without payments). */
export function cashPerMonth(totalRupiahPerHousehold: number, payments: readonly ScheduledPayment[]): number {
  if (payments.length === 0) return 0;
  const span = payments[payments.length - 1].month - payments[0].month + 1;
  return totalRupiahPerHousehold / span;
}
