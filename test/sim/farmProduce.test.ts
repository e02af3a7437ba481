// Local farms supply the raw-material suppliers (issue 12, item 1: agriculture "supplies raw materials"):
// a supplier buys suppliers.farmProduceShare of its sales from the agriculture block, which delivers what
// it can and sells it as output; the rest is bought outside. Checked in the ledger month by month, in the
// starting steady state, in local GDP, in what a scenario may ask, and in what it does to a transfer's
// local GDP in the rural profile, where the profile sets it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Flow, SECTOR_COUNT, Sector } from '../../sim/ledger/accounts.js';
import { createEconomy, parseScenario, runScenario, ScenarioError, stepMonth, type ScenarioInput } from '../../sim/index.js';
import { LOCAL_SECTORS_VALUE_ADDED } from '../../sim/metrics/localGdp.js';
import { AGRICULTURE_BLOCK, BLOCK_COUNT, inputCoefficients, spendingShareOf } from '../../sim/state/localSectors.js';

/** Whole-run payments of one kind from one sector to another (the ledger's cells, summed at each month's close). */
const cell = (e: ReturnType<typeof createEconomy>, kind: number, payer: number, payee: number) => e.ledger.totalCells[(kind * SECTOR_COUNT + payer) * SECTOR_COUNT + payee];
/** Step a month and return that month's payments of the kinds asked for, by [kind, payer, payee]. */
function stepAndRead(e: ReturnType<typeof createEconomy>, cells: readonly (readonly [number, number, number])[]): number[] {
  const before = cells.map(([k, p, q]) => cell(e, k, p, q));
  stepMonth(e);
  return cells.map(([k, p, q], i) => cell(e, k, p, q) - before[i]);
}
const town = (farmProduceShare: number, extra: Record<string, unknown> = {}) =>
  parseScenario({ months: 12, economy: { businesses: 200 }, suppliers: { importShare: 0.3, farmProduceShare }, ...extra } as ScenarioInput);

describe('suppliers buying farm produce from the agriculture block', () => {
  it('each month the block is paid farmProduceShare × suppliers\' sales × its delivered share, the rest bought outside', () => {
    const e = createEconomy(town(0.4), 2, true);
    for (let t = 1; t <= 12; t++) {
      const [toFarms, imported] = stepAndRead(e, [[Flow.localInputs, Sector.suppliers, Sector.agriculture], [Flow.supplierImports, Sector.suppliers, Sector.restOfWorld]]);
      let sales = 0;
      for (let j = 0; j < e.suppliers.count; j++) sales += e.suppliers.sales[j];
      expect(sales).toBeGreaterThan(0);
      const fill = e.localSectors.fill[AGRICULTURE_BLOCK];
      expect(fill).toBeGreaterThan(0.5);
      // Whole rupiah per supplier: within half a rupiah each.
      expect(Math.abs(toFarms - 0.4 * sales * fill)).toBeLessThanOrEqual(0.5 * e.suppliers.count);
      // What suppliers import: importShare of their sales plus the produce the block could not deliver.
      expect(Math.abs(imported - (0.3 + 0.4 * (1 - fill)) * sales)).toBeLessThanOrEqual(e.suppliers.count);
    }
  });

  it('the start counts those purchases in the block\'s local demand: output = households + blocks + suppliers + outside', () => {
    const s = town(0.4);
    const e = createEconomy(s, 1, true);
    const ls = e.localSectors;
    const k = AGRICULTURE_BLOCK;
    const a = inputCoefficients(s);
    let blocks = 0;
    for (let j = 0; j < BLOCK_COUNT; j++) blocks += a[k * BLOCK_COUNT + j] * ls.outputStart[j];
    // The suppliers' start purchases, from what the sized businesses buy locally at their expected demand.
    const b = e.businesses;
    let supplierSales = 0;
    for (let id = 0; id < s.economy.businesses; id++) {
      supplierSales += b.market.expectedDemand[id] * b.technology.inputCostPerUnit[id] * (1 + b.technology.waste[id]) * b.technology.localInputShare[id];
    }
    const households = ls.outputStart[k] - blocks - ls.exportsStart[k] - 0.4 * supplierSales;
    // What remains is households' orders at the start: their share of consumption, positive and below output.
    expect(households).toBeGreaterThan(0);
    expect(households / ls.outputStart[k]).toBeCloseTo(s.localEconomy.agriculture.householdSpendingShare * sumConsumption(e) / ls.outputStart[k], 2);
    // Without the purchases the block sells more of the same output outside.
    const without = createEconomy(town(0), 1, true).localSectors;
    expect(without.exportsStart[k]).toBeGreaterThan(ls.exportsStart[k]);
  });

  it('local GDP counts the produce once: the suppliers\' value added falls by what they buy from the farms', () => {
    const e = createEconomy(town(0.4), 3, true);
    const suppliersLine = LOCAL_SECTORS_VALUE_ADDED.find((l) => l.sector === 'raw-material suppliers')!;
    for (let t = 1; t <= 3; t++) {
      const [fromOthers, fromParticipants, toFarms, imported] = stepAndRead(e, [
        [Flow.localInputs, Sector.otherBusinesses, Sector.suppliers], [Flow.localInputs, Sector.participants, Sector.suppliers],
        [Flow.localInputs, Sector.suppliers, Sector.agriculture], [Flow.supplierImports, Sector.suppliers, Sector.restOfWorld],
      ]);
      expect(toFarms).toBeGreaterThan(0);
      expect(suppliersLine.valueAdded(e)).toBeCloseTo(fromOthers + fromParticipants - toFarms - imported, 6);
    }
  });

  it('a scenario whose suppliers would spend more than they sell is refused, naming the field', () => {
    let problems: string[] = [];
    try {
      parseScenario({ suppliers: { importShare: 0.7, farmProduceShare: 0.5 } });
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      problems = e.problems.map((p) => p.path);
    }
    expect(problems).toContain('suppliers.farmProduceShare');
    expect(() => parseScenario({ suppliers: { importShare: 0.5, farmProduceShare: 0.5 } })).not.toThrow();
  });

  it('in rural, where the profile buys farm produce locally, a large transfer gains more local GDP than with that produce imported', () => {
    const file = JSON.parse(readFileSync('scenarios/rural-cash-transfer.json', 'utf8')) as ScenarioInput;
    const linked = parseScenario(file);
    expect(linked.suppliers.farmProduceShare).toBeGreaterThan(0.3);
    // The same purchases from outside: the profile's import share before farms supplied the suppliers.
    const imported = parseScenario({ ...file, suppliers: { importShare: linked.suppliers.importShare + linked.suppliers.farmProduceShare, farmProduceShare: 0 } });
    const gained = (s: ReturnType<typeof parseScenario>) => [1, 2].reduce((a, seed) => a + runScenario(s, { seed, months: 24 }).summary.localGdpGained / 2, 0);
    const withFarms = gained(linked);
    const withoutFarms = gained(imported);
    expect(withFarms).toBeGreaterThan(1.1 * withoutFarms);
  });
});

/** Households' consumption at the start, as the steady state reads it (income × the share spent). */
function sumConsumption(e: ReturnType<typeof createEconomy>): number {
  let income = 0;
  for (let i = 0; i < e.households.count; i++) income += e.households.incomeLast[i];
  return income * spendingShareOf(e.scenario);
}
