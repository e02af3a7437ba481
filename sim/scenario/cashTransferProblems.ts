// Cross-field rules of a cash-transfer design: a schedule whose shares sum to 1 in unique months within
// the horizon, and an explicit amount the budget can pay. Each problem names its field.
import type { Scenario } from './schema.js';
import type { ScenarioProblem } from './problems.js';

const rupiah = (x: number) => `Rp ${Math.round(x).toLocaleString('en-US')}`;

export function cashTransferProblems(s: Scenario): ScenarioProblem[] {
  const c = s.program.cashTransfer;
  const problems: ScenarioProblem[] = [];
  const at = 'program.cashTransfer';
  const sum = c.schedule.reduce((a, x) => a + x.share, 0);
  if (Math.abs(sum - 1) > 1e-9) {
    problems.push({ path: `${at}.schedule`, value: `shares summing to ${Number(sum.toFixed(6))}`, expected: 'shares summing to 1' });
  }
  const seen = new Map<number, number>();
  c.schedule.forEach((payment, i) => {
    const first = seen.get(payment.month);
    if (first !== undefined) {
      problems.push({ path: `${at}.schedule[${i}].month`, value: payment.month, expected: `a month not already in the schedule (schedule[${first}] pays in month ${payment.month})` });
    } else seen.set(payment.month, i);
  });
  if (!c.enabled) return problems;
  const last = s.months - s.program.startMonth;
  c.schedule.forEach((payment, i) => {
    if (payment.month > last) {
      problems.push({ path: `${at}.schedule[${i}].month`, value: payment.month, expected: `a month within the horizon: program.startMonth (${s.program.startMonth}) + month <= months (${s.months}), so at most ${last}` });
    }
  });
  if (c.amountRupiahPerHousehold !== undefined) {
    const cost = (c.households * c.amountRupiahPerHousehold) / (1 - c.deliveryCostShare);
    if (cost > s.program.budgetRupiah + 0.5) {
      problems.push({
        path: `${at}.amountRupiahPerHousehold`,
        value: c.amountRupiahPerHousehold,
        expected: `an amount program.budgetRupiah (${rupiah(s.program.budgetRupiah)}) can pay: ${c.households} households × ${rupiah(c.amountRupiahPerHousehold)} ÷ (1 − deliveryCostShare ${c.deliveryCostShare}) = ${rupiah(cost)}, so at most ${rupiah(Math.floor((s.program.budgetRupiah * (1 - c.deliveryCostShare)) / c.households))} per household`,
      });
    }
  }
  return problems;
}
