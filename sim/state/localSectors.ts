// The rest of the local economy as four sector blocks (agriculture, trade and services, small and medium
// firms, local government), each one ledger account and a few numbers rather than agents, so the month
// stays fast; and the local labour market they share with the micro-businesses. docs/model.md §7.11
// describes the mechanisms; the starting steady state is solved here (a small social accounting matrix).
import { LOCAL_SECTORS, type Scenario } from '../scenario/schema.js';

export const BLOCK_COUNT = LOCAL_SECTORS.length;
/** Index of local government among the blocks: its output is its budget, not sold to local demand. */
export const GOVERNMENT_BLOCK = LOCAL_SECTORS.indexOf('localGovernment');

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

/** Error for a region or scenario whose local economy has no steady state. */
export class LocalEconomyError extends Error {}

/**
 * The starting steady state (a small social accounting matrix). Given households' total income and the
 * part micro-businesses and their suppliers pay them, the blocks' value added is what households earn
 * beyond that and beyond the exogenous share; it is split by the blocks' GDP shares. Outside demand
 * (exports; the central transfer for local government) closes each block's account: output = household
 * demand + inputs sold to the blocks + outside demand. A block whose local demand alone exceeds that
 * output produces its local demand instead (no negative exports), and the exogenous income shrinks by
 * what it then pays households.
 */
export function solveLocalSteadyState(s: Scenario, householdIncome: number, microHouseholdIncome: number, consumption: number): LocalSteadyState {
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
      `localEconomy.exogenousIncomeShare = ${L.exogenousIncomeShare}: micro-businesses and outside income already pay households ` +
      `all they spend, leaving nothing for the sector blocks; lower the exogenous share or households.localSpendingShare`,
    );
  }
  let gdp = 0;
  for (const name of LOCAL_SECTORS) gdp += L[name].gdpShare;
  if (!(gdp > 0)) throw new LocalEconomyError('localEconomy.<block>.gdpShare: every block has a share of 0; at least one must be above 0');
  // Household income per rupiah of the blocks' combined value added.
  let perValueAdded = 0;
  LOCAL_SECTORS.forEach((name, k) => {
    const b = L[name];
    if (b.gdpShare > 0) perValueAdded += ((b.gdpShare / gdp) * householdIncomePerOutput(s, k)) / b.valueAddedShare;
  });
  const valueAdded = target / perValueAdded;
  LOCAL_SECTORS.forEach((name, k) => {
    const b = L[name];
    output[k] = b.gdpShare > 0 ? ((b.gdpShare / gdp) * valueAdded) / b.valueAddedShare : 0;
  });
  // Local demand at these outputs; raise an output below its local demand (a few passes: inputs feed back).
  const local = new Float64Array(BLOCK_COUNT);
  for (let pass = 0; pass < 200; pass++) {
    let raised = false;
    for (let k = 0; k < BLOCK_COUNT; k++) {
      let d = L[LOCAL_SECTORS[k]].householdSpendingShare * consumption;
      for (let j = 0; j < BLOCK_COUNT; j++) d += a[k * BLOCK_COUNT + j] * output[j];
      local[k] = d;
      if (d > output[k] * (1 + 1e-12)) {
        output[k] = d;
        raised = true;
      }
    }
    if (!raised) break;
  }
  let blockIncome = 0;
  for (let k = 0; k < BLOCK_COUNT; k++) {
    exports[k] = Math.max(0, output[k] - local[k]);
    blockIncome += householdIncomePerOutput(s, k) * output[k];
  }
  const exogenousIncome = householdIncome - microHouseholdIncome - blockIncome;
  if (exogenousIncome < 0) {
    throw new LocalEconomyError(
      `localEconomy: households' spending at the blocks (householdSpendingShare) and the blocks' inputs from each other ` +
      `need more output than households' income allows (outside income would be ${Math.round(exogenousIncome)} rupiah/month); ` +
      `lower a block's householdSpendingShare`,
    );
  }
  return { output, exports, blockIncome, exogenousIncome };
}
