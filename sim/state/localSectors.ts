// The rest of the local economy as four sector blocks (agriculture, trade and services, small and medium
// firms, local government), each one ledger account and a few numbers rather than agents, so the month
// stays fast; and the local labour market they share with the micro-businesses. docs/model.md §7.11
// describes the mechanisms; the starting steady state is solved here (a small social accounting matrix).
import { LOCAL_SECTORS } from '../scenario/names.js';
import type { Scenario } from '../scenario/schema.js';

export const BLOCK_COUNT = LOCAL_SECTORS.length;
/** Index of local government among the blocks: its output is its budget, not sold to local demand. */
export const GOVERNMENT_BLOCK = LOCAL_SECTORS.indexOf('localGovernment');
/** The farm block: households' produce, and the raw materials suppliers buy locally (suppliers.farmProduceShare). */
export const AGRICULTURE_BLOCK = LOCAL_SECTORS.indexOf('agriculture');

/** The blocks' state. Per-block arrays are indexed like LOCAL_SECTORS; money is rupiah per month. */
export interface LocalSectors {
  /** Whether the blocks exist in this economy (mechanisms.localSectors). */
  readonly active: boolean;
  /** Ledger account of the first block (the others follow in LOCAL_SECTORS order). */
  readonly account0: number;
  /** inputs[supplier * BLOCK_COUNT + user]: local inputs per rupiah of the user's output, at start prices. */
  readonly inputs: Float64Array;
  /** Imports (inputs from outside) per rupiah of output: 1 − value added − local inputs. */
  readonly importShare: Float64Array;
  /** Households each block's operating surplus is shared among. */
  readonly owners: Int32Array[];
  /** Real output at the start (rupiah at start prices), outside demand at the start, capacity. */
  readonly outputStart: Float64Array;
  readonly exportsStart: Float64Array;
  readonly capacity: Float64Array;
  /** Monthly wage of a full-time block worker at the start (the block's wage bill ÷ its workers' hours). */
  readonly wage: Float64Array;
  /** Output per worker-month at full hours, and hours worked at the start (share of full time). */
  readonly productivity: Float64Array;
  readonly hoursStart: Float64Array;
  /** Price index (1 at the start). */
  readonly price: Float64Array;
  /** Workers employed (headcount) and their hours this month (share of full time). */
  readonly jobs: Float64Array;
  readonly hours: Float64Array;
  /** This month: real output, real demand (orders at the block's price, met or not), the share of orders delivered. */
  readonly output: Float64Array;
  readonly demand: Float64Array;
  readonly fill: Float64Array;
  /** This month: households' orders (rupiah) and what they paid, and the block's value added (rupiah). */
  readonly householdOrders: Float64Array;
  readonly householdSales: Float64Array;
  readonly valueAdded: Float64Array;
  /** This month: what each block sold (rupiah; local government: what its work cost), and the part sold outside. */
  readonly sales: Float64Array;
  readonly outsideSales: Float64Array;
  /** Last month's real output: what the blocks buy inputs for this month (one month's lag). */
  readonly outputLast: Float64Array;
  /** Household consumption shares at the start (CPI weights): micro-businesses, each block, imports. */
  readonly cpiWeights: { micro: number; blocks: Float64Array; imports: number };
}

/** The local labour market and the price level. */
export interface Labour {
  /** Local wage relative to the start (micro-businesses' and the blocks' wages move with it). */
  wageIndex: number;
  /** Unused labour at the start: unemployed plus the hours the employed in blocks want but lack, share of the labour force. */
  readonly slackStart: number;
  /** This month: unused labour, unemployed people, labour force, underemployment in the blocks. */
  slack: number;
  unemployed: number;
  labourForce: number;
  underemployment: number;
  /** Consumer price index (1 at the start) and the micro-businesses' price index. */
  consumerPriceIndex: number;
  microPriceIndex: number;
  /** Where the next search for a worker or for a block worker to let go starts (household index). */
  cursor: number;
}

export interface LocalSteadyState {
  /** Output of each block at the start (rupiah/month at start prices). */
  output: Float64Array;
  /** Outside demand for each block at the start (for local government: the central transfer). */
  exports: Float64Array;
  /** Household income from the blocks (wages and local surplus), and from outside (rupiah/month, all households). */
  blockIncome: number;
  exogenousIncome: number;
}

/**
 * Households' income in the starting steady state, per micro-business (rupiah/month): what they must earn
 * in all for their local spending to buy the target turnover, and the part micro-businesses and their
 * suppliers pay them (wages, profit, supplier payouts). The rest comes from the sector blocks and from
 * outside (sim/state/localSectors.ts).
 */
export function steadyStateIncomes(s: Scenario): { householdIncome: number; microIncome: number; farmOrders: number } {
  const sectors = s.economy.sectors;
  const T = s.economy.meanTurnoverRupiahPerMonth;
  let x = 0, c = 0, o = 0, localInputs = 0;
  for (const k of sectors) {
    x += k.share * k.outsideSalesShare;
    const ci = k.inputCostShare * (1 + s.performance.wasteAtStart);
    c += k.share * ci;
    o += k.share * k.overheadShare;
    localInputs += k.share * ci * k.localInputShare;
  }
  // Local income per rupiah of turnover: wages + profit + suppliers' payouts to households (what they keep
  // of their sales after buying from outside and from local farms).
  const farmProduceShare = supplierFarmProduceShare(s);
  const v = 1 - c - o + (1 - s.suppliers.importShare - farmProduceShare) * localInputs;
  const microIncome = T * v;
  // A nearly closed-off local market cannot reach the target from local demand; cap what other income
  // would have to be (at four times the target turnover per household) instead of dividing by ~0.
  const cap = microIncome + 4 * T * s.economy.householdsPerBusiness;
  const localPull = s.households.localSpendingShare * spendingShareOf(s);
  const householdIncome = localPull > 0 ? Math.min(cap, Math.max(microIncome, ((1 - x) * T) / localPull)) : cap;
  return { householdIncome, microIncome, farmOrders: T * localInputs * farmProduceShare };
}

/**
 * The share of suppliers' sales bought from the agriculture block: `suppliers.farmProduceShare` when the
 * sector blocks run, 0 without them (the supplier then keeps it, as it did before the blocks existed).
 */
export function supplierFarmProduceShare(s: Scenario): number {
  return s.mechanisms.localSectors ? s.suppliers.farmProduceShare : 0;
}

/** In steady state households spend all income but the part saved outside. */
export function spendingShareOf(s: Scenario): number {
  const hh = s.households;
  return 1 - (1 - hh.marginalPropensityToConsume) * hh.savingsOutsideShare;
}

/** Households' income per rupiah of a block's output: wages plus the locally owned part of the surplus. */
export function householdIncomePerOutput(s: Scenario, k: number): number {
  const b = s.localEconomy[LOCAL_SECTORS[k]];
  const surplus = Math.max(0, b.valueAddedShare - b.wageShare - b.taxAndDepreciationShare);
  return b.wageShare + surplus * b.surplusLocalShare;
}

/** inputs[supplier * BLOCK_COUNT + user] from the scenario's per-block `inputsFrom`. */
export function inputCoefficients(s: Scenario): Float64Array {
  const a = new Float64Array(BLOCK_COUNT * BLOCK_COUNT);
  LOCAL_SECTORS.forEach((user, j) => {
    LOCAL_SECTORS.forEach((supplier, i) => {
      a[i * BLOCK_COUNT + j] = s.localEconomy[user].inputsFrom[supplier];
    });
  });
  return a;
}

/** Error for a region or scenario whose local economy has no steady state: the field to change, its value, why. */
export class LocalEconomyError extends Error {
  constructor(readonly path: string, readonly value: unknown, message: string) {
    super(message);
  }
}

/**
 * The starting steady state (a small social accounting matrix). Given households' total income and the
 * part micro-businesses and their suppliers pay them, the blocks' value added is what households earn
 * beyond that and beyond the exogenous share; it is split by the blocks' GDP shares. Outside demand
 * (exports; the central transfer for local government) closes each block's account: output = household
 * demand + inputs sold to the blocks + outside demand. A block whose local demand alone exceeds that
 * output produces its local demand instead (no negative exports), and the exogenous income shrinks by
 * what it then pays households.
 */
export function solveLocalSteadyState(s: Scenario, householdIncome: number, microHouseholdIncome: number, consumption: number, supplierFarmOrders = 0): LocalSteadyState {
  const output = new Float64Array(BLOCK_COUNT);
  const exports = new Float64Array(BLOCK_COUNT);
  if (!s.mechanisms.localSectors) {
    return { output, exports, blockIncome: 0, exogenousIncome: Math.max(0, householdIncome - microHouseholdIncome) };
  }
  const L = s.localEconomy;
  const a = inputCoefficients(s);
  const target = householdIncome * (1 - L.exogenousIncomeShare) - microHouseholdIncome;
  if (!(target > 0)) {
    throw new LocalEconomyError(
      'localEconomy.exogenousIncomeShare', L.exogenousIncomeShare,
      'a share that leaves the sector blocks something to pay: micro-businesses and outside income already pay households all they ' +
      'spend (lower it, or households.localSpendingShare)',
    );
  }
  let gdp = 0;
  for (const name of LOCAL_SECTORS) gdp += L[name].gdpShare;
  if (!(gdp > 0)) throw new LocalEconomyError('localEconomy.<block>.gdpShare', 0, 'at least one block with a gdpShare above 0');
  // Household income per rupiah of the blocks' combined value added.
  let perValueAdded = 0;
  LOCAL_SECTORS.forEach((name, k) => {
    const b = L[name];
    if (b.gdpShare > 0) perValueAdded += ((b.gdpShare / gdp) * householdIncomePerOutput(s, k)) / b.valueAddedShare;
  });
  // Outputs for the blocks' combined value added V: split by GDP shares, then any output below its local
  // demand (households' orders and the other blocks' inputs) raised to it, a few passes as inputs feed back.
  const local = new Float64Array(BLOCK_COUNT);
  const outputsFor = (V: number): number => {
    LOCAL_SECTORS.forEach((name, k) => {
      const b = L[name];
      output[k] = b.gdpShare > 0 ? ((b.gdpShare / gdp) * V) / b.valueAddedShare : 0;
    });
    for (let pass = 0; pass < 200; pass++) {
      let raised = false;
      for (let k = 0; k < BLOCK_COUNT; k++) {
        let d = L[LOCAL_SECTORS[k]].householdSpendingShare * consumption + (k === AGRICULTURE_BLOCK ? supplierFarmOrders : 0);
        for (let j = 0; j < BLOCK_COUNT; j++) d += a[k * BLOCK_COUNT + j] * output[j];
        local[k] = d;
        if (d > output[k] * (1 + 1e-12)) {
          output[k] = d;
          raised = true;
        }
      }
      if (!raised) break;
    }
    let income = 0;
    for (let k = 0; k < BLOCK_COUNT; k++) income += householdIncomePerOutput(s, k) * output[k];
    return income;
  };
  // The value added whose outputs pay households the target: V = target ÷ income per V when no output is
  // raised; otherwise less, found by bisection (income grows with V). If local demand alone pays more than
  // the target, there is no steady state.
  if (!(perValueAdded > 0)) {
    throw new LocalEconomyError(
      'localEconomy.<block>.wageShare', LOCAL_SECTORS.map((k) => L[k].wageShare).join(', '),
      'blocks that pay households something: with no wages and no locally owned surplus, no output of theirs can pay households what they earn',
    );
  }
  let V = target / perValueAdded;
  if (outputsFor(V) > target * (1 + 1e-12)) {
    let lo = 0, hi = V;
    if (outputsFor(0) > target) {
      throw new LocalEconomyError(
        'localEconomy.<block>.householdSpendingShare', LOCAL_SECTORS.map((k) => L[k].householdSpendingShare).join(', '),
        `shares the blocks can meet: households' spending at the blocks and the blocks' inputs from each other pay households ` +
        `more than their income leaves for the blocks; lower a block's share or localEconomy.exogenousIncomeShare`,
      );
    }
    for (let iter = 0; iter < 100; iter++) {
      const mid = (lo + hi) / 2;
      if (outputsFor(mid) > target) hi = mid;
      else lo = mid;
    }
    V = lo;
  }
  const blockIncome = outputsFor(V);
  for (let k = 0; k < BLOCK_COUNT; k++) exports[k] = Math.max(0, output[k] - local[k]);
  const exogenousIncome = Math.max(0, householdIncome - microHouseholdIncome - blockIncome);
  return { output, exports, blockIncome, exogenousIncome };
}
