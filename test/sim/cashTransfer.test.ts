// Cash transfers as a transfer program: who is paid (eligibility), when and how much (schedule, in whole
// rupiah through the ledger), what it costs, which designs are refused, and that the books balance for
// any valid cash design.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Flow, Sector, SECTOR_COUNT } from '../../sim/ledger/accounts.js';
import { cashSchedule } from '../../sim/program/cashSchedule.js';
import { womenHeaded } from '../../sim/program/cashRecipients.js';
import { affordablePlaces, createEconomy, parseScenario, runScenario, ScenarioError, stepMonth, type ScenarioInput } from '../../sim/index.js';
import { arbitraryCashTransfer, arbitraryScenario } from './arbitraryScenario.js';

const file = (f: string) => JSON.parse(readFileSync(`scenarios/${f}`, 'utf8')) as ScenarioInput;

/** A pure cash design on a small economy (300 businesses, 600 households). */
const cashDesign = (cash: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  parseScenario({
    months: 14,
    economy: { businesses: 300 },
    program: { budgetRupiah: 100_000_000, cashTransfer: { enabled: true, households: 80, ...cash }, ...extra },
  });

const recipientsOf = (s: ReturnType<typeof parseScenario>, seed = 1) => {
  const e = createEconomy(s, seed, true);
  const chosen = new Set(e.program.cashRecipients);
  const others = Array.from({ length: e.households.count }, (_, i) => i).filter((i) => !chosen.has(i));
  return { e, chosen: [...chosen], others };
};

/** Problems of a design that should be refused, as "path: expected" lines. */
function problems(input: ScenarioInput): string[] {
  try {
    parseScenario(input);
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems.map((q) => `${q.path}: ${String(q.value)} → ${q.expected}`);
    throw e;
  }
  return [];
}

describe('cash-transfer recipients', () => {
  it('pays exactly `households` households and enrols no business: participants 0, no account retagged', () => {
    const { e, chosen } = recipientsOf(cashDesign({}));
    expect(chosen).toHaveLength(80);
    expect(e.program.cohorts.reduce((a, c) => a + c.length, 0)).toBe(0);
    for (let id = 0; id < 300; id++) {
      expect(e.businesses.membership.participant[id]).toBe(0);
      expect(e.ledger.sectorOf[id]).toBe(Sector.otherBusinesses);
    }
    const r = runScenario(cashDesign({}), { seed: 1 });
    expect(r.program.participants).toBe(0);
    expect(r.program.cashTransfer?.recipients).toBe(80);
  });

  it('poorestByIncome: every recipient started with an income no higher than any non-recipient', () => {
    const { e, chosen, others } = recipientsOf(cashDesign({ eligibility: 'poorestByIncome' }));
    const income = e.households.incomeLast;
    const richestRecipient = Math.max(...chosen.map((i) => income[i]));
    expect(richestRecipient).toBeLessThanOrEqual(Math.min(...others.map((i) => income[i])));
    // Not trivially so: incomes differ across households.
    expect(Math.min(...others.map((i) => income[i]))).toBeGreaterThan(Math.min(...chosen.map((i) => income[i])));
  });

  it('poorestByMoney: every recipient started with no more money than any non-recipient', () => {
    const { e, chosen, others } = recipientsOf(cashDesign({ eligibility: 'poorestByMoney' }));
    const money = (i: number) => e.ledger.money[e.householdAccount0 + i];
    expect(Math.max(...chosen.map(money))).toBeLessThanOrEqual(Math.min(...others.map(money)));
  });

  it('womenHeaded: recipients own a woman-owned business, or own none and were drawn women-headed at the stated share', () => {
    const s = cashDesign({ eligibility: 'womenHeaded', households: 5000, womenHeadedShareWithoutBusiness: 0.2 });
    const { e, chosen } = recipientsOf(s);
    const draws = e.streams.uniforms('cashTransfer', 0, 2 * e.households.count);
    const women = womenHeaded(e, draws);
    const eligible = women.reduce((a, x) => a + x, 0);
    // More places than eligible households: every eligible one is paid and no one else.
    expect(chosen).toHaveLength(eligible);
    for (const i of chosen) {
      if (i < 300) expect(e.businesses.owner.female[i]).toBe(1);
      expect(women[i]).toBe(1);
    }
    for (let i = 0; i < 300; i++) expect(women[i]).toBe(e.businesses.owner.female[i]);
    // 300 households without a business: the drawn share is 0.2 within sampling error (sd 0.023).
    const drawn = Array.from(women.subarray(300)).reduce((a, x) => a + x, 0) / 300;
    expect(drawn).toBeGreaterThan(0.13);
    expect(drawn).toBeLessThan(0.27);
    // A recipient total is then split over the eligible households only.
    expect(e.program.cashPerRecipientRupiah).toBe(Math.floor((100_000_000 * 0.97) / eligible));
  });

  it('random: a seeded draw of its own, so the counterfactual economy is the one without any program', () => {
    const a = recipientsOf(cashDesign({ eligibility: 'random' }), 1).chosen;
    expect(recipientsOf(cashDesign({ eligibility: 'random' }), 1).chosen).toEqual(a);
    expect(recipientsOf(cashDesign({ eligibility: 'random' }), 2).chosen).not.toEqual(a);
    // Recipients spread over owners and non-owners alike (300 of 600 households own a business).
    const owners = a.filter((i) => i < 300).length;
    expect(owners).toBeGreaterThan(20);
    expect(owners).toBeLessThan(60);
    for (const eligibility of ['random', 'womenHeaded', 'poorestByMoney'] as const) {
      const withCash = runScenario(cashDesign({ eligibility }), { seed: 4, months: 6 });
      const none = runScenario(parseScenario({ months: 14, economy: { businesses: 300 } }), { seed: 4, months: 6 });
      expect(withCash.series.counterfactual).toEqual(none.series.counterfactual);
    }
  });
});

describe('cash-transfer schedule and cost', () => {
  const schedule = [{ month: 0, share: 0.2 }, { month: 3, share: 0.5 }, { month: 7, share: 0.3 }];

  it('pays each share in its month (from program.startMonth) and nothing in any other month', () => {
    const s = cashDesign({ schedule }, { startMonth: 2 });
    const e = createEconomy(s, 3, true);
    const total = e.program.cashPerRecipientRupiah;
    expect(total).toBe(Math.floor((100_000_000 * 0.97) / 80));
    const paid: number[] = [];
    for (let t = 1; t <= 14; t++) {
      stepMonth(e);
      paid.push(e.ledger.monthFlows[Flow.cashTransfers * SECTOR_COUNT + Sector.households]);
    }
    const expected = Array<number>(14).fill(0);
    // Months 2, 5 and 9: the cumulative shares 0.2, 0.7 and 1 of the total, rounded, less what came before.
    expected[2 - 1] = 80 * Math.round(total * 0.2);
    expected[5 - 1] = 80 * (Math.round(total * 0.7) - Math.round(total * 0.2));
    expected[9 - 1] = 80 * (total - Math.round(total * 0.7));
    expect(paid).toEqual(expected);
    expect(paid.reduce((a, x) => a + x, 0)).toBe(80 * total);
    schedule.forEach((x, k) => expect(Math.abs(paid[[1, 4, 8][k]] / 80 - total * x.share)).toBeLessThanOrEqual(1));
  });

  it('cost = transfers + delivery, read from the ledger, and the books balance', () => {
    const r = runScenario(cashDesign({ schedule, deliveryCostShare: 0.1 }), { seed: 2 });
    const m = r.accounting.transactionFlowMatrix;
    const transfers = m.cashTransfers.households;
    const delivery = m.programOutsideSpending.restOfWorld;
    expect(transfers).toBe(80 * Math.floor((100_000_000 * 0.9) / 80));
    expect(m.cashTransfers.program).toBe(-transfers);
    expect(r.summary.programCost).toBe(transfers + delivery);
    // Delivery is a tenth of the cash's cost: transfers × 0.1 / 0.9, to the rupiah in each of 3 months.
    expect(Math.abs(delivery - (transfers * 0.1) / 0.9)).toBeLessThanOrEqual(1.5);
    expect(m.programLocalSpending?.households ?? 0).toBe(0);
    expect(r.program.injectedLocally).toBe(transfers);
    expect(r.accounting.maxImbalance).toBe(0);
  });

  it('an explicit amount is paid in full and reserved from the budget before the other levers are sized', () => {
    const full = file('full-cycle.json');
    const cash = { enabled: true, households: 50, amountRupiahPerHousehold: 4_000_000 };
    const s = parseScenario({ ...full, months: 14, economy: { businesses: 300 }, program: { ...full.program, cashTransfer: cash } });
    const r = runScenario(s, { seed: 5 });
    expect(r.program.cashTransfer).toEqual({ recipients: 50, perRecipientRupiah: 4_000_000 });
    expect(r.accounting.transactionFlowMatrix.cashTransfers.households).toBe(50 * 4_000_000);
    // The levers get the budget less 50 × 4 million ÷ 0.97.
    const reserved = (50 * 4_000_000) / 0.97;
    const levers = parseScenario({ ...full, program: { ...full.program, budgetRupiah: 500_000_000 - reserved } });
    expect(r.program.participants).toBe(affordablePlaces(levers));
    expect(r.program.participants).toBeLessThan(affordablePlaces(parseScenario(full)));
    expect(r.program.participants).toBeGreaterThan(0);
    expect(r.summary.programCost).toBeLessThanOrEqual(500_000_000);
  });

  it('the shipped design: the full-cycle budget to the 150 poorest households in a token payment and two lump sums', () => {
    const s = parseScenario(file('cash-transfer.json'));
    const full = parseScenario(file('full-cycle.json'));
    expect(s.program.budgetRupiah).toBe(full.program.budgetRupiah);
    expect(s.program.cashTransfer).toMatchObject({ enabled: true, households: 150, eligibility: 'poorestByIncome' });
    const r = runScenario(s, { seed: 1, months: 12 });
    expect(r.program.participants).toBe(0);
    const perHousehold = Math.floor((500_000_000 * 0.97) / 150);
    expect(r.accounting.transactionFlowMatrix.cashTransfers.households).toBe(150 * perHousehold);
    expect(r.series.program.economy.programSpending[0]).toBeLessThan(0.1 * 500_000_000);
    expect(r.series.program.economy.programSpending[2]).toBeGreaterThan(0.5 * 500_000_000);
  });
});

describe('how recipients spend a transfer', () => {
  // One payment of the whole transfer in the program's first month, on a small economy.
  const lumpSum = (rate: number) =>
    parseScenario({
      months: 14,
      economy: { businesses: 300 },
      households: { transferSpendingPerMonth: rate },
      program: { budgetRupiah: 100_000_000, cashTransfer: { enabled: true, households: 80, schedule: [{ month: 0, share: 1 }] } },
    });
  /** Recipients' money above the same households' money without the program, per rupiah of transfer, after each month. */
  function extraMoney(rate: number, months: number): { kept: number[]; unspent: number[] } {
    const s = lumpSum(rate);
    const withCash = createEconomy(s, 4, true);
    const without = createEconomy(s, 4, false);
    const recipients = [...withCash.program.cashRecipients];
    const T = withCash.program.cashPerRecipientRupiah;
    const kept: number[] = [];
    const unspent: number[] = [];
    for (let t = 1; t <= months; t++) {
      stepMonth(withCash);
      stepMonth(without);
      let extra = 0, left = 0;
      for (const i of recipients) {
        extra += withCash.ledger.money[withCash.householdAccount0 + i] - without.ledger.money[without.householdAccount0 + i];
        left += withCash.households.transferUnspent[i];
      }
      kept.push(extra / (T * recipients.length));
      unspent.push(left / (T * recipients.length));
    }
    return { kept, unspent };
  }

  it('a lump sum is counted as income a share at a time: what is left falls by (1 − rate) each month', () => {
    const { unspent } = extraMoney(0.4, 6);
    unspent.forEach((x, k) => expect(x).toBeCloseTo(0.6 ** (k + 1), 9));
  });

  it('at 0.4 recipients still hold most of a lump sum after its month, and spend it over the next months', () => {
    const { kept } = extraMoney(0.4, 6);
    // Spent in the month it arrives: about mpc × 0.4 = 0.34 of it, and 0.15 × 0.3 × 0.4 saved outside.
    expect(kept[0]).toBeGreaterThan(0.55);
    expect(kept[0]).toBeLessThan(0.72);
    // Each later month spends part of what is left; after six months little remains.
    for (let k = 1; k < 6; k++) expect(kept[k]).toBeLessThan(kept[k - 1]);
    expect(kept[5]).toBeLessThan(0.25);
  });

  it('at 1 the whole transfer is income in the month it arrives: most of it is spent at once', () => {
    const { kept, unspent } = extraMoney(1, 2);
    expect(unspent).toEqual([0, 0]);
    expect(kept[0]).toBeLessThan(0.25);
  });

  it('without cash transfers the records are empty and nothing about spending changes', () => {
    const e = createEconomy(parseScenario({ months: 3, economy: { businesses: 50 } }), 1, true);
    expect(e.households.transferUnspent.length).toBe(0);
    const cf = createEconomy(lumpSum(0.4), 1, false);
    expect(cf.households.transferUnspent.length).toBe(0);
  });
});

describe('cash-transfer validation', () => {
  const base = { months: 12, program: { budgetRupiah: 100_000_000, cashTransfer: { enabled: true } } };
  const withCash = (cash: Record<string, unknown>, program: Record<string, unknown> = {}): ScenarioInput =>
    ({ ...base, program: { ...base.program, ...program, cashTransfer: { ...base.program.cashTransfer, ...cash } } }) as ScenarioInput;

  it('the default schedule is 12 equal monthly payments from the program start', () => {
    const s = parseScenario(base);
    expect(s.program.cashTransfer.schedule.map((x) => x.month)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(s.program.cashTransfer.schedule.every((x) => x.share === 1 / 12)).toBe(true);
  });

  it('names the field and the sum of shares that do not add up to 1', () => {
    expect(problems(withCash({ schedule: [{ month: 0, share: 0.5 }, { month: 1, share: 0.4 }] }))).toEqual([
      'program.cashTransfer.schedule: shares summing to 0.9 → shares summing to 1',
    ]);
  });

  it('names a repeated month, a month past the horizon, a non-positive share and an unknown rule', () => {
    expect(problems(withCash({ schedule: [{ month: 0, share: 0.5 }, { month: 0, share: 0.5 }] }))).toEqual([
      'program.cashTransfer.schedule[1].month: 0 → a month not already in the schedule (schedule[0] pays in month 0)',
    ]);
    expect(problems(withCash({ schedule: [{ month: 0, share: 0.5 }, { month: 12, share: 0.5 }] }))).toEqual([
      'program.cashTransfer.schedule[1].month: 12 → a month within the horizon: program.startMonth (1) + month <= months (12), so at most 11',
    ]);
    expect(problems(withCash({ schedule: [{ month: 0, share: 0 }, { month: 1, share: 1 }] }))[0]).toMatch(/^program\.cashTransfer\.schedule\[0\]\.share: 0 → a number > 0/);
    expect(problems(withCash({ eligibility: 'poorest' }))).toEqual([
      'program.cashTransfer.eligibility: poorest → one of "poorestByIncome", "poorestByMoney", "womenHeaded", "random"',
    ]);
    // Off, the horizon does not bind the (default) schedule.
    expect(problems({ months: 6, program: { cashTransfer: { enabled: false } } })).toEqual([]);
  });

  it('refuses an explicit amount the budget cannot pay, naming the amount, the budget and the most it pays', () => {
    const [problem, ...rest] = problems(withCash({ households: 100, amountRupiahPerHousehold: 1_000_000 }));
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^program\.cashTransfer\.amountRupiahPerHousehold: 1000000 → an amount program\.budgetRupiah \(Rp 100,000,000\) can pay: 100 households × Rp 1,000,000 ÷ \(1 − deliveryCostShare 0\.03\) = Rp 103,092,784, so at most Rp 970,000 per household$/);
    expect(problems(withCash({ households: 100, amountRupiahPerHousehold: 970_000 }))).toEqual([]);
  });
});

describe('cash-transfer properties', () => {
  it('payments add up to the total exactly and each is its share to within a rupiah', () => {
    fc.assert(
      fc.property(arbitraryCashTransfer, fc.integer({ min: 0, max: 50_000_000 }), fc.integer({ min: 1, max: 5 }), (cash, total, start) => {
        const payments = cashSchedule(cash.schedule, start, total);
        expect(payments.reduce((a, x) => a + x.rupiahPerHousehold, 0)).toBe(total);
        const sorted = [...cash.schedule].sort((x, y) => x.month - y.month);
        payments.forEach((x, k) => {
          expect(x.month).toBe(start + sorted[k].month);
          expect(Number.isInteger(x.rupiahPerHousehold) && x.rupiahPerHousehold >= 0).toBe(true);
          expect(Math.abs(x.rupiahPerHousehold - total * sorted[k].share)).toBeLessThanOrEqual(1);
        });
      }),
    );
  });

  it('the books balance and every recipient is paid its whole total, for arbitrary valid cash designs', () => {
    fc.assert(
      fc.property(arbitraryScenario, arbitraryCashTransfer, fc.boolean(), fc.integer({ min: 0, max: 10_000 }), (input, cash, explicit, seed) => {
        const budget = input.program?.budgetRupiah ?? 0;
        const households = cash.households;
        // An explicit amount within the budget (or none): the design must validate.
        const amount = explicit ? Math.floor((budget * (1 - cash.deliveryCostShare)) / households) : 0;
        const cashTransfer = { ...cash, enabled: true, ...(amount >= 1 ? { amountRupiahPerHousehold: amount } : {}) };
        const s = parseScenario({ ...input, program: { ...input.program, cashTransfer } });
        const r = runScenario(s, { seed });
        expect(r.accounting.maxImbalance).toBe(0);
        expect(r.accounting.negativeBalances).toBe(0);
        const report = r.program.cashTransfer!;
        expect(report.recipients).toBeLessThanOrEqual(households);
        // The schedule ends by month 6, within every generated horizon: all of it is paid.
        expect(r.accounting.transactionFlowMatrix.cashTransfers?.households ?? 0).toBe(report.recipients * report.perRecipientRupiah);
        expect(r.summary.programCost).toBeLessThanOrEqual(budget + 1);
      }),
      { numRuns: 30 },
    );
  });
});
