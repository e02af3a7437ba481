// Build the starting economy (ODD: initialization). The same (scenario, seed) always gives the same
// economy, with or without the program: initialisation draws only from the `init` stream.
import { Flow, Sector } from '../ledger/accounts.js';
import type { Scenario } from '../scenario/schema.js';
import { Streams, normal, resumeStream, type StatefulUniform, type Uniform } from '../rng/streams.js';
import {
  CAPACITY_COUNT, Cap, MAX_EMPLOYEES, allocateBusinesses, businessSlots, businessesAllocated, newLedgerFor, setOpen,
  type Businesses, type Economy, type Households, type Suppliers,
} from './economy.js';
import { setupProgram } from '../program/setup.js';
import { LOCAL_SECTORS } from '../scenario/names.js';
import {
  BLOCK_COUNT, GOVERNMENT_BLOCK, LocalEconomyError, inputCoefficients, solveLocalSteadyState, spendingShareOf, steadyStateIncomes,
  supplierFarmProduceShare,
  type Labour, type LocalSectors, type LocalSteadyState,
} from './localSectors.js';
import { addTie } from './ties.js';
import { exp } from '../math/elementary.js';

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

function pickByShares(shares: readonly number[], u: number): number {
  let acc = 0;
  for (let i = 0; i < shares.length; i++) {
    acc += shares[i];
    if (u < acc) return i;
  }
  return shares.length - 1;
}

/** Draw the owner, capacities and practices of business `b` (initial businesses and entrants alike). */
export function drawOwnerAndCapacities(e: Pick<Economy, 'scenario' | 'businesses'>, id: number, rng: Uniform): void {
  const s = e.scenario;
  const b = e.businesses;
  b.life.sector[id] = pickByShares(s.economy.sectors.map((k) => k.share), rng());
  const female = rng() < s.economy.womenOwnedShare ? 1 : 0;
  b.owner.female[id] = female;
  const edu = pickByShares(s.economy.educationShares, rng());
  b.owner.education[id] = edu;
  b.owner.digitalLiteracy[id] = clamp01(0.15 + 0.15 * edu + 0.15 * normal(rng(), rng()));
  const timeMean = female ? s.economy.womenTimeAvailable : s.economy.menTimeAvailable;
  b.owner.timeAvailable[id] = Math.min(1, Math.max(0.05, timeMean + 0.15 * normal(rng(), rng())));
  const openness = clamp01(0.5 + 0.2 * normal(rng(), rng()));
  b.owner.openness[id] = openness;
  b.owner.resistance[id] = 1 - openness;
  const base = 0.2 + 0.07 * edu;
  for (let k = 0; k < CAPACITY_COUNT; k++) {
    let v = base + 0.1 * normal(rng(), rng());
    if (k === Cap.digital) v = 0.6 * v + 0.4 * b.owner.digitalLiteracy[id];
    if (k === Cap.mindset) v = 0.5 * v + 0.4 * openness;
    v = Math.min(0.95, Math.max(0.02, v));
    b.capacities.capacity[id * CAPACITY_COUNT + k] = v;
    b.capacities.capacityStart[id * CAPACITY_COUNT + k] = v;
  }
  // Practices at the start: more likely for owners with the matching capacity; shares match the scenario.
  const fin = b.capacities.capacity[id * CAPACITY_COUNT + Cap.bookkeeping];
  b.practices.keepsBooks[id] = rng() < clamp01(s.economy.bookkeepingShare * (0.5 + 2 * fin)) ? 1 : 0;
  b.practices.separatesMoney[id] = rng() < clamp01(s.economy.separatedMoneyShare * (0.5 + 2 * fin)) ? 1 : 0;
  b.practices.digitalChannel[id] = rng() < clamp01(s.economy.digitalConnectedShare * (0.4 + 2 * b.owner.digitalLiteracy[id])) ? 1 : 0;
  b.practices.practicesStart[id] = b.practices.keepsBooks[id] | (b.practices.separatesMoney[id] << 1) | (b.practices.digitalChannel[id] << 2);
  b.membership.trust[id] = s.learning.initialTrust;
}

/** Set the price, unit cost and productivity of business `id` from its sector and capacities. */
export function setTechnology(e: Pick<Economy, 'scenario' | 'businesses'>, id: number, rng: Uniform): void {
  const s = e.scenario;
  const b = e.businesses;
  const sector = s.economy.sectors[b.life.sector[id]];
  const price = sector.priceRupiah * (0.85 + 0.3 * rng());
  b.technology.price[id] = price;
  b.technology.priceStart[id] = price;
  b.technology.inputCostPerUnit[id] = sector.inputCostShare * price;
  b.technology.waste[id] = s.performance.wasteAtStart;
  const kProd = b.capacities.capacity[id * CAPACITY_COUNT + Cap.production];
  b.technology.productivity[id] = (sector.revenuePerWorkerRupiah / price) * (0.8 + 0.4 * kProd);
  b.technology.localInputShare[id] = clamp01(sector.localInputShare + 0.1 * normal(rng(), rng()));
  b.technology.localInputShareStart[id] = b.technology.localInputShare[id];
}

/**
 * Passes of the start (buildEconomy): the first sizes the businesses from a guess that every household has
 * the same local income; each later pass undoes the previous one's jobs and sizes them from the incomes the
 * previous pass's households would earn in a month (their jobs, businesses, block shares and outside
 * income: `monthIncomes`).
 */
export const START_PASSES = 3;

/**
 * The scenario with its horizon set to `months`: the same object when it already has that horizon, else a
 * shallow copy made with Object.assign. Not `{ ...scenario, months }`: V8's cache for object spread changes
 * state after about ten copies from one place, later copies get another hidden class, and every phase's
 * optimised code then bails out at its first read of `e.scenario` and is compiled again (the 11th run of a
 * process took 3–4 times as long; docs/wip/README.md, item 17).
 */
export function withHorizon(scenario: Scenario, months: number): Scenario {
  if (scenario.months === months) return scenario;
  const copy = Object.assign({}, scenario);
  copy.months = months;
  return copy;
}

/** The per-household records of cash transfers not yet spent (Households.transferUnspent): `n` long, or empty. */
function transferArrays(n: number): Pick<Households, 'transferUnspent' | 'transferPending' | 'transferInIncome'> {
  return { transferUnspent: new Float64Array(n), transferPending: new Float64Array(n), transferInIncome: new Float64Array(n) };
}

/**
 * `allocated`: businesses the columns hold at the start (default businessesAllocated; at least the initial
 * ones, at most the slots). Only memory depends on it; the tests set it low to make the columns grow.
 */
export function createEconomy(scenario: Scenario, seed: number, programActive: boolean, allocated?: number): Economy {
  const e = buildEconomy(scenario, seed, programActive, allocated);
  // Enrolment is decided after the opening balances (targeting may read working capital); it retags
  // participants' accounts between months, which the next month's opening snapshot takes into account.
  e.program = setupProgram(e);
  return e;
}

/**
 * What each household of a sized start would earn in a month: its outside income,
 * the wages of its members' jobs (micro-businesses at the wage, blocks at their wage and start hours), the
 * profit of the business it owns, its supplier's payout and its share of block surplus; and the part of
 * it micro-businesses and their suppliers pay (`microIncome`, before scaling), and what the suppliers buy from
 * the agriculture block (`farmOrders`, rupiah a month). The local part is scaled to
 * the starting steady state's total (the blocks' accounts are solved for it), so the guess moves income
 * between households, not in total; once the blocks are solved again for `microIncome`, the scale is
 * about 1. Null when there is no local income to move (or it is too small to scale): the previous pass's
 * sizing stands.
 */
function monthIncomes(e: Economy): { incomes: Float64Array; microIncome: number; farmOrders: number } | null {
  const s = e.scenario;
  const b = e.businesses;
  const h = e.households;
  const H = h.count;
  const n = s.economy.businesses;
  const wage = s.households.wageRupiahPerMonth;
  const local = new Float64Array(H);
  const supplierSales = new Float64Array(e.suppliers.count);
  for (let id = 0; id < n; id++) {
    local[b.owner.ownerHousehold[id]] += Math.max(0, b.flows.profit[id]);
    for (let j = 0; j < b.workforce.employees[id]; j++) local[b.workforce.employeeHousehold[id * MAX_EMPLOYEES + j]] += wage;
    supplierSales[b.technology.supplier[id]] +=
      b.market.expectedDemand[id] * b.technology.inputCostPerUnit[id] * (1 + b.technology.waste[id]) * b.technology.localInputShare[id];
  }
  const farmShare = supplierFarmProduceShare(s);
  const kept = 1 - s.suppliers.importShare - farmShare;
  let farmOrders = 0;
  for (let j = 0; j < e.suppliers.count; j++) {
    local[e.suppliers.ownerHousehold[j]] += supplierSales[j] * kept;
    farmOrders += supplierSales[j] * farmShare;
  }
  let microIncome = 0;
  for (let i = 0; i < H; i++) microIncome += local[i];
  const ls = e.localSectors;
  if (ls.active) {
    for (let k = 0; k < BLOCK_COUNT; k++) {
      const pay = ls.wage[k] * ls.hoursStart[k];
      for (let i = 0; i < H; i++) local[i] += h.blockJobs[i * BLOCK_COUNT + k] * pay;
      const block = s.localEconomy[LOCAL_SECTORS[k]];
      const owners = ls.owners[k];
      if (k === GOVERNMENT_BLOCK || owners.length === 0) continue;
      const surplus = Math.max(0, block.valueAddedShare - block.wageShare - block.taxAndDepreciationShare) * ls.outputStart[k];
      const each = (surplus * block.surplusLocalShare) / owners.length;
      for (let o = 0; o < owners.length; o++) local[owners[o]] += each;
    }
  }
  let guessed = 0, target = 0;
  for (let i = 0; i < H; i++) {
    guessed += local[i];
    target += h.incomeLast[i] - h.outsideIncome[i];
  }
  const scale = target / guessed;
  if (!(guessed > 0 && target > 0 && scale > 0 && Number.isFinite(scale))) return null;
  const out = new Float64Array(H);
  for (let i = 0; i < H; i++) {
    out[i] = h.outsideIncome[i] + local[i] * scale;
    if (!Number.isFinite(out[i])) return null;
  }
  return { incomes: out, microIncome, farmOrders };
}

/** What the start's sizing passes share: the labour cursor and the figures every pass reads. */
interface StartSizing {
  workers: LabourCursor;
  /** Members of each household who would take a job at a micro-business at the start. */
  microLabour: Uint8Array;
  wage: number;
  spendingShare: number;
  localIncomePerHousehold: number;
}

/**
 * The start's search for paid workers: each comes from the next household after the cursor with a member
 * free for it (up to `limit[i]` members of household i, else MAX_WAGE_JOBS). A module-level class rather
 * than a closure made per economy: V8 dropped a closure's optimised code at each full garbage collection and
 * compiled it again (docs/wip/README.md, item 17).
 */
class LabourCursor {
  cursor: number;
  constructor(private readonly h: Economy['households'], start: number) {
    this.cursor = start;
  }

  next(limit: Uint8Array | null = null): number {
    const h = this.h;
    const H = h.count;
    for (let tries = 0; tries < H; tries++) {
      this.cursor = (this.cursor + 1) % H;
      const c = this.cursor;
      if (h.employed[c] < (limit ? limit[c] : MAX_WAGE_JOBS)) {
        h.employed[c]++;
        h.labourSupply[c]++;
        return c;
      }
    }
    return -1;
  }
}

/**
 * Expected demand at the start, each household's local budget split over its shops in proportion to their
 * pull (from `guess`, each household's month income, or in the first pass the shared-out steady state), then
 * each business's crew, outside sales, stock and first-look profit. A module-level function for the same
 * reason as LabourCursor.
 */
function sizeBusinesses(e: Economy, guess: Float64Array | null, sizing: StartSizing): void {
  const s = e.scenario;
  const h = e.households;
  const b = e.businesses;
  const hh = s.households;
  const n = s.economy.businesses;
  const H = h.count;
  const K = h.shopsKnown;
  for (let i = 0; i < H; i++) {
    const income = guess ? guess[i] : h.outsideIncome[i] + Math.max(0, sizing.localIncomePerHousehold);
    h.incomeLast[i] = income;
    const budget = income * sizing.spendingShare * hh.localSpendingShare;
    let wsum = 0;
    for (let k = 0; k < K; k++) wsum += b.market.attraction[h.shops[i * K + k]];
    for (let k = 0; k < K; k++) {
      const shop = h.shops[i * K + k];
      b.flows.ordersRupiah[shop] += (budget * b.market.attraction[shop]) / wsum;
    }
  }

  // Workers, outside sales, stocks and cash.
  for (let id = 0; id < n; id++) {
    const sector = s.economy.sectors[b.life.sector[id]];
    const local = b.flows.ordersRupiah[id];
    b.market.outsideBase[id] = sector.outsideSalesShare < 1 ? (local * sector.outsideSalesShare) / (1 - sector.outsideSalesShare) : 0;
    const units = (local + b.market.outsideBase[id]) / b.technology.price[id];
    // Workers: the crew the business's own rule reaches as its demand grows (decisions.ts): it hires when
    // the demand beyond its crew's usual output is worth more than `hireValueAddedShare` of a wage, so it
    // stops at the smallest crew where that demand is worth less; the owner and family work longer hours
    // for it (stretchedCapacity). With a wage worth r workers' value added, that is the smallest whole
    // number at least need − hireValueAddedShare·r. A business whose units add no value hires no one.
    const family = b.workforce.familyWorkers[id];
    const unitCost = b.technology.inputCostPerUnit[id] * (1 + b.technology.waste[id]);
    const valuePerUnit = b.technology.price[id] * (1 - sector.overheadShare) - unitCost;
    const wageInWorkers = valuePerUnit > 0 ? sizing.wage / (b.technology.productivity[id] * valuePerUnit) : Infinity;
    const workersNeeded = Math.max(1, Math.ceil(units / b.technology.productivity[id] - s.firms.hireValueAddedShare * wageInWorkers));
    const employees = Math.max(0, Math.min(s.economy.maxEmployeesAtStart, workersNeeded - 1 - family));
    for (let j = 0; j < employees; j++) {
      const worker = sizing.workers.next(sizing.microLabour);
      if (worker < 0) break;
      b.workforce.employeeHousehold[id * MAX_EMPLOYEES + b.workforce.employees[id]] = worker;
      b.workforce.employees[id]++;
    }
    const workers = 1 + family + b.workforce.employees[id];
    // A business that needs more workers than the start allows (maxEmployeesAtStart, or no household had a
    // member free) is more productive per worker than the micro norm: it runs at 90% of its capacity.
    if (workersNeeded - 1 - family > b.workforce.employees[id]) {
      b.technology.productivity[id] = Math.max(b.technology.productivity[id], units / (workers * 0.9));
    }
    b.technology.productivityStart[id] = b.technology.productivity[id];
    b.market.expectedDemand[id] = units;
    b.market.turnoverStart[id] = units * b.technology.price[id];
    // What the business earns in a normal month at the start (a lender's first look at it).
    b.flows.unitCostPaid[id] = unitCost;
    b.flows.profit[id] = units * valuePerUnit - b.workforce.employees[id] * sizing.wage;
    b.market.inventory[id] = units * s.firms.inventoryTargetMonths;
    b.flows.ordersRupiah[id] = 0;
  }

  let turnoverStart = 0;
  for (let id = 0; id < n; id++) turnoverStart += b.market.turnoverStart[id];
  if (n > 0) e.turnoverPerBusinessStart = turnoverStart / n;
}

function buildEconomy(scenario: Scenario, seed: number, programActive: boolean, allocatedAtStart?: number): Economy {
  const s = scenario;
  const streams = new Streams(seed);
  let rng: StatefulUniform = streams.statefulStream('init', 0);
  const n = s.economy.businesses;
  const slots = businessSlots(s);
  const H = Math.max(n, Math.round(n * s.economy.householdsPerBusiness));
  const S = Math.max(1, Math.ceil(n / s.suppliers.businessesPerSupplier));
  const K = s.economy.shopsKnownPerHousehold;
  const { ledger, accounts, localSectorAccount0 } = newLedgerFor(slots, H, S);
  const allocated = Math.min(slots, Math.max(n, allocatedAtStart ?? businessesAllocated(s)));
  const b = allocateBusinesses(allocated, slots);
  const h: Households = {
    count: H, shopsKnown: K,
    incomeLast: new Float64Array(H), outsideIncome: new Float64Array(H),
    ...transferArrays(programActive && s.program.cashTransfer.enabled ? H : 0),
    labourSupply: new Uint8Array(H), employed: new Uint8Array(H), blockJobs: new Uint8Array(H * BLOCK_COUNT),
    shops: new Int32Array(H * K), orders: new Float64Array(H * K),
  };
  const sup: Suppliers = { count: S, ownerHousehold: new Int32Array(S), sales: new Float64Array(S) };
  const maxTies = Math.min(250, 2 * s.economy.baselineTiesPerBusiness + s.program.forums.size + 4);
  const e: Economy = {
    scenario: s, programActive, streams, ledger, businesses: b, households: h, suppliers: sup,
    program: undefined as unknown as Economy['program'],
    ties: new Int32Array(allocated * maxTies).fill(-1), maxTies, tieCounts: new Uint8Array(allocated),
    accounts, householdAccount0: slots, supplierAccount0: slots + H,
    month: 0, conditions: { inputPriceFactor: 1, localDemandFactor: 1, outsideDemandFactor: 1, outsideIncomeFactor: 1 }, entryBlocked: 0,
    outsideBuyers: new Float64Array(s.economy.sectors.length), turnoverPerBusinessStart: s.economy.meanTurnoverRupiahPerMonth,
    localSectors: undefined as unknown as LocalSectors,
    labour: undefined as unknown as Labour,
  };

  // Businesses: owners, capacities, technology and size (a lognormal preference weight, mean 1).
  const sigma = s.economy.turnoverDispersion;
  for (let id = 0; id < n; id++) {
    drawOwnerAndCapacities(e, id, rng);
    setTechnology(e, id, rng);
    const size = exp(sigma * normal(rng(), rng()) - (sigma * sigma) / 2);
    b.market.attractionStart[id] = size;
    b.market.attraction[id] = size;
    setOpen(b, id, true);
    b.owner.ownerHousehold[id] = id;
    b.technology.supplier[id] = Math.floor(rng() * S);
  }
  b.used = n;

  // Households' income in the starting steady state: in all, from micro-businesses, from the sector
  // blocks, and from outside (the exogenous part, spread lognormally over households).
  const incomes = steadyStateIncomes(s);
  const hh = s.households;
  const spendingShare = spendingShareOf(s);
  const householdIncome = incomes.householdIncome * n;
  let steady = solveLocalSteadyState(s, householdIncome, incomes.microIncome * n, householdIncome * spendingShare, incomes.farmOrders * n);
  const outsideMean = steady.exogenousIncome / H;
  const osig = hh.outsideIncomeDispersion;
  // Each household's members who would take a job at a micro-business at the start (whole people, mean
  // households.adultsAvailableForWork): micro-businesses staff up from them; the sector blocks add workers
  // of their own (sim/state/init.ts startLocalSectors).
  const microLabour = new Uint8Array(H);
  for (let i = 0; i < H; i++) {
    h.outsideIncome[i] = outsideMean * exp(osig * normal(rng(), rng()) - (osig * osig) / 2);
    const adults = hh.adultsAvailableForWork;
    microLabour[i] = Math.min(MAX_WAGE_JOBS, Math.floor(adults) + (rng() < adults - Math.floor(adults) ? 1 : 0));
  }
  // Each household knows a few shops drawn uniformly; it then spends in proportion to their pull, so a
  // business's turnover scales with its size weight (I1's right skew comes from the lognormal).
  for (let i = 0; i < H; i++) {
    for (let k = 0; k < K; k++) {
      let pick = Math.floor(rng() * n);
      for (let tries = 0; tries < 4 && n > K; tries++) {
        let dup = false;
        for (let j = 0; j < k; j++) if (h.shops[i * K + j] === pick) dup = true;
        if (!dup) break;
        pick = Math.floor(rng() * n);
      }
      h.shops[i * K + k] = pick;
    }
  }
  // Supplier owners are drawn from households that own no micro-business where there are such households.
  for (let j = 0; j < S; j++) sup.ownerHousehold[j] = H > n ? n + Math.floor(rng() * (H - n)) : Math.floor(rng() * H);

  // Size each business to its demand, in START_PASSES passes over the same economy: each pass undoes the
  // previous one's jobs and sizes from the incomes it would pay (monthIncomes). Every pass uses the same
  // draws: the family workers and the labour cursor's start are drawn once, and each pass's blocks draw
  // from the same position of the stream (the last pass's position is where the ties go on). Each paid worker comes from the next household (from the cursor's start) with a member free
  // for it: for micro-businesses, one of those who would take such a job; for the blocks, up to
  // MAX_WAGE_JOBS members in paid work.
  const wage = hh.wageRupiahPerMonth;
  const cursorStart = Math.floor(rng() * H);
  const fam = s.economy.familyWorkersMean;
  for (let id = 0; id < n; id++) b.workforce.familyWorkers[id] = Math.floor(fam) + (rng() < fam - Math.floor(fam) ? 1 : 0);
  const drawnProductivity = b.technology.productivity.slice(0, n);
  const beforeBlocks = rng.state();
  const sizing: StartSizing = {
    workers: new LabourCursor(h, cursorStart),
    microLabour,
    wage,
    spendingShare,
    // The first pass gives every household the same local income (the steady state's, shared out).
    localIncomePerHousehold: (householdIncome - steady.exogenousIncome) / H,
  };
  const sizeStart = (guess: Float64Array | null): void => {
    h.employed.fill(0);
    h.labourSupply.fill(0);
    h.blockJobs.fill(0);
    b.workforce.employees.fill(0);
    b.workforce.employeeHousehold.fill(-1);
    b.technology.productivity.set(drawnProductivity);
    sizing.workers.cursor = cursorStart;
    sizeBusinesses(e, guess, sizing);
    // The sector blocks: their workers, the households that own them, and the unemployed.
    rng = resumeStream(beforeBlocks);
    startLocalSectors(e, steady, localSectorAccount0, sizing.workers, rng);
  };

  sizeStart(null);
  for (let pass = 1; pass < START_PASSES; pass++) {
    const guess = monthIncomes(e);
    if (!guess) break;
    // The blocks' steady state again, now with what the sized micro-businesses and their suppliers pay
    // households rather than the formula's v·T (docs/model.md §5), so households start with the incomes
    // month 1 pays them. A scenario whose blocks have no steady state with it keeps the previous one.
    try {
      steady = solveLocalSteadyState(s, householdIncome, guess.microIncome, householdIncome * spendingShare, guess.farmOrders);
    } catch (err) {
      if (!(err instanceof LocalEconomyError)) throw err;
    }
    sizeStart(guess.incomes);
  }

  // Informal ties between businesses (same sector preferred): the channel of information spillovers.
  for (let id = 0; id < n; id++) {
    for (let k = 0; k < s.economy.baselineTiesPerBusiness; k++) {
      let other = Math.floor(rng() * n);
      if (b.life.sector[other] !== b.life.sector[id]) other = Math.floor(rng() * n);
      if (other !== id) addTie(e, id, other);
    }
  }

  // Opening balances: all money is issued from outside (the rest of the world holds the matching
  // liability), so the sum of all balances is zero: money adds nothing to the economy's net worth.
  ledger.openMonth();
  const world = accounts.restOfWorld;
  for (let id = 0; id < n; id++) {
    const sector = s.economy.sectors[b.life.sector[id]];
    const monthlyCosts = b.market.expectedDemand[id] * b.technology.inputCostPerUnit[id] * (1 + b.technology.waste[id]) +
      b.market.expectedDemand[id] * b.technology.price[id] * sector.overheadShare + b.workforce.employees[id] * wage;
    ledger.transfer(world, id, monthlyCosts * s.economy.workingCapitalMonths, Flow.openingBalance);
  }
  // Each block starts with a month of its costs as working capital (inputs, imports, wages, taxes).
  for (let k = 0; k < BLOCK_COUNT; k++) {
    const block = s.localEconomy[LOCAL_SECTORS[k]];
    const surplus = Math.max(0, block.valueAddedShare - block.wageShare - block.taxAndDepreciationShare);
    ledger.transfer(world, localSectorAccount0 + k, e.localSectors.outputStart[k] * (1 - surplus), Flow.openingBalance);
  }
  const bufferMonths = ((1 - hh.savingsOutsideShare) * (1 - hh.marginalPropensityToConsume)) / Math.max(1e-9, hh.spendingFromSavings);
  for (let i = 0; i < H; i++) ledger.transfer(world, e.householdAccount0 + i, h.incomeLast[i] * Math.min(6, bufferMonths), Flow.openingBalance);
  ledger.closeMonth();
  ledger.resetTotals();
  return e;
}

export { Sector };

/** Most members of one household in paid work at the start (micro-business employees and block workers). */
const MAX_WAGE_JOBS = 3;

/**
 * Set up the sector blocks from the steady state: each block's workers (its wage bill at the start wage,
 * at the hours the underemployed leave unused), the households that share its surplus, and the unemployed
 * (the labour force share the scenario's unemployment rate gives), drawn from the init stream.
 */
function startLocalSectors(e: Economy, steady: LocalSteadyState, account0: number, workers: LabourCursor, rng: Uniform): void {
  const s = e.scenario;
  const L = s.localEconomy;
  const h = e.households;
  const H = h.count;
  const n = s.economy.businesses;
  const wage = s.households.wageRupiahPerMonth;
  const B = BLOCK_COUNT;
  const f = () => new Float64Array(B);
  const ls: LocalSectors = {
    active: s.mechanisms.localSectors, account0, inputs: inputCoefficients(s), importShare: f(), owners: [],
    outputStart: Float64Array.from(steady.output), exportsStart: Float64Array.from(steady.exports), capacity: f(),
    productivity: f(), hoursStart: f(), price: new Float64Array(B).fill(1), jobs: f(), hours: f(),
    output: Float64Array.from(steady.output), demand: Float64Array.from(steady.output), fill: new Float64Array(B).fill(1),
    householdOrders: f(), householdSales: f(), valueAdded: f(), sales: f(), outsideSales: f(), wage: f(), outputLast: Float64Array.from(steady.output),
    cpiWeights: { micro: s.households.localSpendingShare, blocks: f(), imports: 0 },
  };
  let blockShares = 0;
  for (let k = 0; k < B; k++) {
    const name = LOCAL_SECTORS[k];
    const b = L[name];
    let local = 0;
    for (let j = 0; j < B; j++) local += ls.inputs[j * B + k];
    ls.importShare[k] = Math.max(0, 1 - b.valueAddedShare - local);
    ls.cpiWeights.blocks[k] = ls.active ? b.householdSpendingShare : 0;
    blockShares += ls.cpiWeights.blocks[k];
    const Y = ls.outputStart[k];
    ls.capacity[k] = Y / b.startUtilisation;
    const hours = k === GOVERNMENT_BLOCK ? 1 : 1 - 0.5 * L.labour.underemploymentRate;
    ls.hoursStart[k] = hours;
    ls.hours[k] = hours;
    const jobs = Y > 0 ? Math.max(1, Math.round((b.wageShare * Y) / (wage * hours))) : 0;
    let hired = 0;
    for (; hired < jobs; hired++) {
      const worker = workers.next();
      if (worker < 0) break;
      h.blockJobs[worker * B + k]++;
    }
    ls.jobs[k] = hired;
    ls.productivity[k] = hired > 0 ? Y / (hired * hours) : 0;
    // The wage bill of the input–output table, shared by the workers the block found (more each when
    // households could not supply every job at the micro-business wage).
    ls.wage[k] = hired > 0 ? (b.wageShare * Y) / (hired * hours) : wage;
    const surplus = b.valueAddedShare - b.wageShare - b.taxAndDepreciationShare;
    const owners = Y > 0 && surplus > 0 && b.surplusLocalShare > 0 ? Math.max(1, Math.round(b.ownerHouseholdShare * H)) : 0;
    const list = new Int32Array(owners);
    // Farm households are drawn from households that own no micro-business, where there are such households.
    for (let o = 0; o < owners; o++) list[o] = name === 'agriculture' && H > n ? n + Math.floor(rng() * (H - n)) : Math.floor(rng() * H);
    ls.owners.push(list);
  }
  ls.cpiWeights.imports = Math.max(0, 1 - ls.cpiWeights.micro - blockShares);
  // The unemployed: the scenario's share of a labour force of everyone in paid work, the owners and their
  // family workers, and the unemployed themselves.
  let paid = 0;
  for (let i = 0; i < H; i++) paid += h.employed[i];
  let family = 0;
  for (let id = 0; id < n; id++) family += e.businesses.workforce.familyWorkers[id];
  const u = L.labour.unemploymentRate;
  const unemployed = Math.round((u / (1 - u)) * (paid + n + family));
  for (let k = 0; k < unemployed; k++) {
    const i = Math.floor(rng() * H);
    if (h.labourSupply[i] < 255) h.labourSupply[i]++;
  }
  const labourForce = paid + n + family + unemployed;
  let unusedHours = 0;
  for (let k = 0; k < B; k++) unusedHours += ls.jobs[k] * (1 - ls.hoursStart[k]);
  const slackStart = labourForce > 0 ? (unemployed + unusedHours) / labourForce : 0;
  e.localSectors = ls;
  e.labour = {
    wageIndex: 1, slackStart, slack: slackStart, unemployed, labourForce,
    underemployment: L.labour.underemploymentRate, consumerPriceIndex: 1, microPriceIndex: 1, cursor: Math.floor(rng() * H),
  };
}
