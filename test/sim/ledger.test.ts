import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../sim/ledger/ledger.js';
import { AccountTap } from '../../sim/ledger/tap.js';
import { Flow, SECTOR_COUNT, Sector } from '../../sim/ledger/accounts.js';
import { createEconomy, parseScenario, stepMonth } from '../../sim/index.js';
import { arbitraryScenario } from './arbitraryScenario.js';

describe('ledger', () => {
  it('transfer debits the payer, credits the payee in whole rupiah, and records both sides', () => {
    const l = new Ledger(3);
    l.sectorOf.set([Sector.households, Sector.participants, Sector.restOfWorld]);
    l.openMonth();
    expect(l.transfer(2, 0, 1000.6, Flow.outsideIncome)).toBe(1001);
    expect(l.transfer(0, 1, 400.4, Flow.consumption)).toBe(400);
    expect(l.pay(0, 1, 10_000, Flow.consumption)).toBe(601);
    expect(Array.from(l.money)).toEqual([0, 1001, -1001]);
    const check = l.closeMonth();
    expect(check.rowImbalance).toBe(0);
    expect(check.columnImbalance).toBe(0);
    expect(check.netWorthImbalance).toBe(0);
    expect(check.injections).toBe(1001);
    expect(check.leakages).toBe(0);
    expect(l.totalPairs[Sector.households * SECTOR_COUNT + Sector.participants]).toBe(1001);
  });

  it('a balance written outside transfer() is caught by the column check', () => {
    const l = new Ledger(2);
    l.sectorOf.set([Sector.households, Sector.restOfWorld]);
    l.openMonth();
    l.transfer(1, 0, 500, Flow.outsideIncome);
    l.money[0] += 7; // money from nowhere
    const check = l.closeMonth();
    expect(check.columnImbalance).toBe(7);
    expect(check.localMoneyImbalance).toBe(7);
    expect(l.maxImbalance).toBe(7);
  });

  it('every month of arbitrary valid scenarios balances exactly, with no local account below zero', () => {
    fc.assert(
      fc.property(arbitraryScenario, fc.integer({ min: 0, max: 1000 }), fc.boolean(), (input, seed, active) => {
        const scenario = parseScenario(input);
        const e = createEconomy(scenario, seed, active);
        for (let t = 0; t < scenario.months; t++) {
          const c = stepMonth(e);
          expect(c.rowImbalance).toBe(0);
          expect(c.columnImbalance).toBe(0);
          expect(c.localMoneyImbalance).toBe(0);
          expect(c.netWorthImbalance).toBe(0);
          expect(c.negativeBalances).toBe(0);
        }
        expect(e.ledger.maxImbalance).toBe(0);
        // The program never spends more than its budget.
        expect(e.program.spent).toBeLessThanOrEqual(scenario.program.budgetRupiah);
      }),
      { numRuns: 100 },
    );
  });
});

describe('household income comes from the ledger', () => {
  const small = () => parseScenario({ economy: { businesses: 120 }, program: { budgetRupiah: 0 } });

  it('a household paid through every flow kind between two incomes phases has exactly that much more income', async () => {
    const { PHASES } = await import('../../sim/step.js');
    const seed = 5;
    const plain = createEconomy({ ...small(), months: 3 }, seed, true);
    const paid = createEconomy({ ...small(), months: 3 }, seed, true);
    const household = 7;
    const kinds = Object.values(Flow);
    let extra = 0;
    for (const e of [plain, paid]) {
      e.month += 1;
      e.ledger.openMonth();
      for (const phase of PHASES) {
        if (phase.name === 'incomes' && e === paid) {
          // Every kind of flow, from outside and from a local business, just before incomes are taken.
          kinds.forEach((kind, k) => {
            extra += e.ledger.transfer(e.accounts.restOfWorld, e.householdAccount0 + household, 1000 + k, kind);
          });
          extra += e.ledger.transfer(0, e.householdAccount0 + household, 333, Flow.wages);
        }
        phase.run(e);
      }
      e.ledger.closeMonth();
    }
    expect(kinds.length).toBeGreaterThan(20);
    expect(extra).toBe(kinds.reduce<number>((a, _k, k) => a + 1000 + k, 0) + 333);
    const h = (e: typeof plain) => e.households.incomeLast[household];
    expect(h(paid) - h(plain)).toBe(extra);
    // No other household's income moved, but for the owner of the business that paid the 333: with 333 less
    // cash, its draw this month may be up to 333 smaller.
    const owner = plain.businesses.owner.ownerHousehold[0];
    expect(owner).not.toBe(household);
    for (let i = 0; i < plain.households.count; i++) {
      if (i === household) continue;
      const moved = paid.households.incomeLast[i] - plain.households.incomeLast[i];
      if (i === owner) {
        expect(moved).toBeGreaterThanOrEqual(-333);
        expect(moved).toBeLessThanOrEqual(0);
      } else expect(moved, `household ${i}`).toBe(0);
    }
  });

  it('in a run with every lever and cash, each household income is the sum of the payments it received that month, capital returned from a closed business excepted', () => {
    const s = parseScenario(JSON.parse(readFileSync('scenarios/full-cycle.json', 'utf8')));
    const withCash = { ...s, economy: { ...s.economy, businesses: 150 }, program: { ...s.program, cashTransfer: { ...s.program.cashTransfer, enabled: true } } };
    const e = createEconomy({ ...withCash, months: 8 }, 11, true);
    const h0 = e.householdAccount0;
    const H = e.households.count;
    const received = new Float64Array(H);
    let liquidations = 0;
    // Every payment, one by one or batched, is reported to an attached tap: count what households receive.
    class HouseholdTap extends AccountTap {
      override record(payer: number, payee: number, amount: number, kind: number, payerSector: number, payeeSector: number): void {
        super.record(payer, payee, amount, kind, payerSector, payeeSector);
        if (payee >= h0 && payee < h0 + H && kind !== Flow.liquidation) received[payee - h0] += amount;
        if (kind === Flow.liquidation) liquidations++;
      }
    }
    e.ledger.attachTap(new HouseholdTap(0));
    let checked = 0;
    for (let t = 0; t < 8; t++) {
      // The income window runs from one incomes phase to the next (liquidations after it count next month).
      stepMonth(e, (phase) => {
        if (phase !== 'incomes') return;
        for (let i = 0; i < H; i++) expect(e.households.incomeLast[i]).toBe(received[i]);
        received.fill(0);
        checked++;
      });
    }
    expect(checked).toBe(8);
    expect(e.program.cashRecipients.length).toBeGreaterThan(0);
    expect(liquidations).toBeGreaterThan(0);
  });
});

describe('capital transfers', () => {
  it('payCapital moves money like pay but is not the payee\'s income', () => {
    const l = new Ledger(3);
    l.transfer(2, 0, 5000, Flow.outsideIncome);
    l.takeReceived(0, new Float64Array(2));
    expect(l.payCapital(0, 1, 7000, Flow.liquidation)).toBe(5000);
    expect([l.money[0], l.money[1]]).toEqual([0, 5000]);
    const income = new Float64Array(2);
    l.takeReceived(0, income);
    expect(Array.from(income)).toEqual([0, 0]);
    l.transfer(0, 1, 0, Flow.wages);
    expect(l.pay(1, 0, 1200, Flow.ownerCapital)).toBe(1200);
    l.takeReceived(0, income);
    expect(Array.from(income)).toEqual([1200, 0]);
  });
});

describe('batched payments equal paying one by one', () => {
  // Accounts 0..7: households (payers or payees), 8: a sector block, 9: rest of the world (issues money).
  function ledgerWith(balances: number[]): Ledger {
    const L = new Ledger(10);
    L.sectorOf.fill(Sector.households, 0, 8);
    L.sectorOf[8] = Sector.tradeServices;
    L.sectorOf[9] = Sector.restOfWorld;
    L.openMonth();
    balances.forEach((m, i) => L.transfer(9, i < 8 ? i : 8, m, Flow.openingBalance));
    L.closeMonth();
    L.resetTotals();
    L.openMonth();
    return L;
  }
  const state = (L: Ledger) => ({ money: [...L.money], received: [...L.received], flows: [...L.monthFlows], transfers: L.transfers });
  const balances = fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 9, maxLength: 9 });
  const amounts = fc.array(fc.double({ min: 0, max: 3_000_000, noNaN: true }), { minLength: 8, maxLength: 8 });

  it('a block paying households (PayerBatch) and households paying a block (settleBatch), whatever the amounts and balances', () => {
    fc.assert(
      fc.property(balances, amounts, (b, xs) => {
        const one = ledgerWith(b);
        const many = ledgerWith(b);
        xs.forEach((x, i) => one.pay(8, i, x, Flow.wages));
        const batch = many.payerBatch(8, Flow.wages);
        xs.forEach((x, i) => batch.pay(i, x));
        batch.settle();
        // Households pay the block back what they can of the same amounts.
        xs.forEach((x, i) => one.pay(i, 8, x / 2, Flow.consumption));
        const bySector = new Float64Array(SECTOR_COUNT);
        let count = 0;
        xs.forEach((x, i) => {
          const a = Math.floor(Math.min(x / 2, many.money[i]) + 0.5);
          if (!(a > 0)) return;
          many.money[i] -= a;
          bySector[many.sectorOf[i]] += a;
          count++;
        });
        many.settleBatch(8, Flow.consumption, bySector, count);
        one.closeMonth();
        many.closeMonth();
        expect(state(many)).toEqual(state(one));
        expect(many.maxImbalance).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});
