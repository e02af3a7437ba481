// The economy-wide measures of docs/metrics.md: local GDP as the sum of local sectors' value added, the
// spending multiplier's rounds from a hand-made ledger, and the initial non-participants' group.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUSINESS_METRICS, ECONOMY_METRICS, createEconomy, parseScenario, runScenario, stepMonth } from '../../sim/index.js';
import { FLOW_COUNT, Flow, SECTOR_COUNT, Sector } from '../../sim/ledger/accounts.js';
import { allIds } from '../../sim/metrics/definitions.js';
import { LOCAL_SECTORS_VALUE_ADDED, localGdp } from '../../sim/metrics/localGdp.js';
import { spendingMultiplier } from '../../sim/metrics/spendingMultiplier.js';

const load = (f: string, businesses: number) => {
  const s = parseScenario(JSON.parse(readFileSync(`scenarios/${f}`, 'utf8')), f);
  return { ...s, economy: { ...s.economy, businesses } };
};

describe('local GDP', () => {
  it('is the sum of every local sector\'s value added; the micro-businesses\' part is their valueAdded metric', () => {
    const e = createEconomy(load('full-cycle.json', 120), 3, true);
    const metric = ECONOMY_METRICS.find((m) => m.id === 'localGdp')!;
    const valueAdded = BUSINESS_METRICS.find((m) => m.id === 'valueAdded')!;
    for (let month = 1; month <= 6; month++) {
      stepMonth(e);
      const parts = LOCAL_SECTORS_VALUE_ADDED.map((s) => s.valueAdded(e));
      expect(metric.compute(e)).toBe(localGdp(e));
      expect(localGdp(e)).toBe(parts.reduce((a, x) => a + x, 0));
      expect(parts[0]).toBe(valueAdded.compute(e, allIds(e)));
      // Suppliers: sales to local businesses less their imports, from the month's ledger.
      const f = e.ledger.monthFlows;
      expect(parts[1]).toBe(f[Flow.localInputs * SECTOR_COUNT + Sector.suppliers] + f[Flow.supplierImports * SECTOR_COUNT + Sector.suppliers]);
    }
    expect(metric.description).toMatch(/^local value added \(GDP\) of every local sector: micro-businesses/);
  });
});

describe('spending multiplier from the ledger', () => {
  const S = SECTOR_COUNT;
  const ledger = () => {
    const cells = new Float64Array(FLOW_COUNT * S * S);
    const set = (kind: number, from: number, to: number, v: number) => (cells[(kind * S + from) * S + to] = v);
    return { cells, set };
  };

  it('sums local output round by round: households pass money on, their receipts are not output', () => {
    const { cells, set } = ledger();
    // Businesses receive 100 from outside buyers and 60 from households; they pay 40 to local suppliers,
    // 40 wages and 20 owner draws to households, 60 on imports. Suppliers pay 30 to households, import 10.
    // Households also receive 30 from outside and spend 60 locally, 60 outside.
    set(Flow.outsideSales, Sector.restOfWorld, Sector.otherBusinesses, 100);
    set(Flow.consumption, Sector.households, Sector.otherBusinesses, 60);
    set(Flow.localInputs, Sector.otherBusinesses, Sector.suppliers, 40);
    set(Flow.wages, Sector.otherBusinesses, Sector.households, 40);
    set(Flow.ownerDraws, Sector.otherBusinesses, Sector.households, 20);
    set(Flow.importedInputs, Sector.otherBusinesses, Sector.restOfWorld, 60);
    set(Flow.supplierPayouts, Sector.suppliers, Sector.households, 30);
    set(Flow.supplierImports, Sector.suppliers, Sector.restOfWorld, 10);
    set(Flow.outsideIncome, Sector.restOfWorld, Sector.households, 30);
    set(Flow.householdImports, Sector.households, Sector.restOfWorld, 60);
    // Shares: businesses → suppliers 40/160, → households 60/160; suppliers → households 30/40;
    // households → businesses 60/120. Per rupiah through businesses x_B = 1 + 0.5·x_H, x_S = 0.25·x_B,
    // x_H = 0.375·x_B + 0.75·x_S, so x_B = 1/0.71875 and the multiplier is x_B + x_S = 1.25·x_B.
    const r = spendingMultiplier(cells);
    expect(r.multiplier).toBeCloseTo(1.25 / 0.71875, 10);
    expect(r.rounds.slice(0, 3)).toEqual([1, 0.25, expect.closeTo(0.375 * 0.5, 12)]);
  });

  it('money kept is a leakage (savings held); without outside sales it is not defined', () => {
    const { cells, set } = ledger();
    set(Flow.outsideSales, Sector.restOfWorld, Sector.participants, 100);
    set(Flow.wages, Sector.participants, Sector.households, 50);
    set(Flow.outsideIncome, Sector.restOfWorld, Sector.households, 50);
    set(Flow.consumption, Sector.households, Sector.participants, 25);
    // The business keeps 75 of the 125 it received, households 75 of 100: x_P = 1 + (50/125)·(25/100)·x_P.
    expect(spendingMultiplier(cells).multiplier).toBeCloseTo(1 / (1 - 0.1), 10);
    expect(spendingMultiplier(new Float64Array(FLOW_COUNT * S * S)).multiplier).toBeNaN();
  });

  it('is between 1 and 2 in the default economy, and the summary reports it for both runs', () => {
    const r = runScenario(load('full-cycle.json', 150), { seed: 2, months: 12 });
    const m = r.summary.spendingMultiplier;
    expect(m.program).toBeGreaterThan(1);
    expect(m.program).toBeLessThan(2);
    expect(m.effect).toBeCloseTo(m.program! - m.counterfactual!, 12);
  });
});

describe('initial non-participants', () => {
  it('are the businesses there at the start never enrolled, the same in both runs; entrants are left out', () => {
    const s = load('full-cycle.json', 150);
    const r = runScenario(s, { seed: 4, months: 18 });
    for (const arm of ['program', 'counterfactual'] as const) {
      const g = r.series[arm];
      for (let t = 0; t < 18; t++) {
        expect(g.initialNonParticipants.businesses[t] + g.participants.businesses[t]).toBe(150);
      }
      expect(g.nonParticipants.businesses[17]).toBeGreaterThan(g.initialNonParticipants.businesses[17]); // entrants
    }
    const n = r.summary.nonParticipantTurnover;
    const mean = (xs: number[]) => xs.slice(-12).reduce((a, x) => a + x, 0) / 12;
    expect(n.program).toBeCloseTo(mean(r.series.program.initialNonParticipants.turnover), 6);
    expect(n.counterfactual).toBeCloseTo(mean(r.series.counterfactual.initialNonParticipants.turnover), 6);
    expect(r.summary.nonParticipantSurvival.unit).toBe('share of initial non-participants open');
  });
});

describe('the all-businesses group across months', () => {
  it('reads each month\'s own turnover and profit: medians, the 90th percentile and the Gini never carry over from a month with the same businesses', async () => {
    const { startRun } = await import('../../sim/run/engine.js');
    const { giniOfSorted } = await import('../../sim/stats/gini.js');
    // Entry off: the set of businesses never changes, so the list of all of them is the same array every month.
    const s = load('full-cycle.json', 150);
    const scenario = { ...s, mechanisms: { ...s.mechanisms, entry: false } };
    const run = startRun(scenario, { seed: 4, months: 8, arms: 'program' });
    const sorted = (xs: number[]) => Float64Array.from(xs).sort();
    const nearest = (xs: Float64Array, q: number) => xs[Math.min(xs.length - 1, Math.max(0, Math.ceil(q * xs.length) - 1))];
    const ginis = new Set<number>();
    while (run.step()) {
      const e = run.program;
      const t = run.month - 1;
      const all = run.series().program.all;
      const ids = [...Array(e.businesses.used).keys()];
      const open = ids.filter((id) => e.businesses.life.open[id]);
      const turnover = sorted(open.map((id) => e.businesses.flows.turnover[id]));
      const profit = sorted(ids.map((id) => (e.businesses.life.open[id] ? e.businesses.flows.profit[id] : 0)));
      expect(all.turnoverGini[t]).toBe(giniOfSorted(turnover));
      expect(all.turnoverMedian[t]).toBe(nearest(turnover, 0.5));
      expect(all.profitMedian[t]).toBe(nearest(profit, 0.5));
      expect(all.profitP90[t]).toBe(nearest(profit, 0.9));
      ginis.add(all.turnoverGini[t]);
    }
    // Turnover moves every month, so a list carried over would repeat month 1's Gini.
    expect(ginis.size).toBe(8);
  });
});
