import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../sim/ledger/ledger.js';
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
