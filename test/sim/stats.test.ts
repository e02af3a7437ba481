import { describe, expect, it } from 'vitest';
import { gini, interval, tQuantile975 } from '../../sim/index.js';
import { lm3 } from '../../sim/metrics/lm3.js';
import { FLOW_COUNT, Flow, SECTOR_COUNT, Sector } from '../../sim/ledger/accounts.js';

describe('statistics', () => {
  it('95% interval uses Student t', () => {
    const r = interval([1, 2, 3, 4, 5]);
    expect(r.mean).toBe(3);
    expect(r.sd).toBeCloseTo(Math.sqrt(2.5));
    expect(r.high - r.mean).toBeCloseTo(2.776 * Math.sqrt(2.5) / Math.sqrt(5), 6);
    expect(tQuantile975(1000)).toBe(1.96);
  });
  it('gini is 0 for equal values and (n-1)/n when one holds everything', () => {
    expect(gini([5, 5, 5, 5])).toBe(0);
    expect(gini([0, 0, 0, 10])).toBeCloseTo(0.75);
    expect(gini([1, 2, 3, 4])).toBeCloseTo(0.25);
  });
});

describe('LM3 from the ledger', () => {
  it('follows the NEF three rounds, leaving owners\' profit withdrawals out of round 2', () => {
    const S = SECTOR_COUNT;
    const cells = new Float64Array(FLOW_COUNT * S * S);
    const set = (kind: number, from: number, to: number, v: number) => (cells[(kind * S + from) * S + to] = v);
    // A business earns 100: 60 from households, 40 from outside; spends 30 on local supplies, 20 on local
    // wages, 30 outside, and its owner takes 20 of profit. Households spend 50% locally; suppliers 80%.
    set(Flow.consumption, Sector.households, Sector.participants, 60);
    set(Flow.outsideSales, Sector.restOfWorld, Sector.participants, 40);
    set(Flow.localInputs, Sector.participants, Sector.suppliers, 30);
    set(Flow.wages, Sector.participants, Sector.households, 20);
    set(Flow.ownerDraws, Sector.participants, Sector.households, 20);
    set(Flow.importedInputs, Sector.participants, Sector.restOfWorld, 30);
    set(Flow.householdImports, Sector.households, Sector.restOfWorld, 60);
    set(Flow.supplierPayouts, Sector.suppliers, Sector.households, 80);
    set(Flow.supplierImports, Sector.suppliers, Sector.restOfWorld, 20);
    const r = lm3(cells, Sector.participants);
    expect(r.round1).toBe(100);
    expect(r.round2).toBe(50);
    expect(r.round3).toBeCloseTo(20 * 0.5 + 30 * 0.8);
    expect(r.lm3).toBeCloseTo((100 + 50 + 34) / 100);
  });
});
