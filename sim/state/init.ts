// Build the starting economy (ODD: initialization). The same (scenario, seed) always gives the same
// economy, with or without the program: initialisation draws only from the `init` stream.
import { Flow, Sector } from '../ledger/accounts.js';
import type { Scenario } from '../scenario/schema.js';
import { Streams, normal, type Uniform } from '../rng/streams.js';
import {
  CAPACITY_COUNT, Cap, MAX_EMPLOYEES, allocateBusinesses, businessSlots, newLedgerFor, setOpen,
  type Businesses, type Economy, type Households, type Suppliers,
} from './economy.js';
import { setupProgram } from '../program/setup.js';
import { addTie } from './ties.js';

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Steady-state outside income per household that makes mean turnover equal the scenario's target. */
export function steadyStateOutsideIncome(s: Scenario): number {
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
  // Local income per rupiah of turnover: wages + profit + suppliers' payouts to households.
  const v = 1 - c - o + (1 - s.suppliers.importShare) * localInputs;
  const hh = s.households;
  // In steady state households spend all income but the part saved outside.
  const spendingShare = 1 - (1 - hh.marginalPropensityToConsume) * hh.savingsOutsideShare;
  // A nearly closed-off local market cannot reach the target from local demand; cap what outside income
  // would have to be (at four times the target turnover per household) instead of dividing by ~0.
  const cap = 4 * T;
  const localPull = hh.localSpendingShare * spendingShare;
  const perBusiness = localPull > 0 ? ((1 - x) * T) / localPull - T * v : Infinity;
  return Math.min(cap, Math.max(0, perBusiness / s.economy.householdsPerBusiness));
}

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

export function createEconomy(scenario: Scenario, seed: number, programActive: boolean): Economy {
  const s = scenario;
  const streams = new Streams(seed);
  const rng = streams.stream('init', 0);
  const n = s.economy.businesses;
  const slots = businessSlots(s);
  const H = Math.max(n, Math.round(n * s.economy.householdsPerBusiness));
  const S = Math.max(1, Math.ceil(n / s.suppliers.businessesPerSupplier));
  const K = s.economy.shopsKnownPerHousehold;
  const { ledger, accounts } = newLedgerFor(slots, H, S);
  const b = allocateBusinesses(slots);
  const h: Households = {
    count: H, shopsKnown: K,
    incomeLast: new Float64Array(H), outsideIncome: new Float64Array(H),
    labourSupply: new Uint8Array(H), employed: new Uint8Array(H),
    shops: new Int32Array(H * K), orders: new Float64Array(H * K),
  };
  const sup: Suppliers = { count: S, ownerHousehold: new Int32Array(S), sales: new Float64Array(S) };
  const maxTies = Math.min(250, 2 * s.economy.baselineTiesPerBusiness + s.program.forums.size + 4);
  const e: Economy = {
    scenario: s, programActive, streams, ledger, businesses: b, households: h, suppliers: sup,
    program: undefined as unknown as Economy['program'],
    ties: new Int32Array(slots * maxTies).fill(-1), maxTies, tieCounts: new Uint8Array(slots),
    accounts, householdAccount0: slots, supplierAccount0: slots + H,
    month: 0, conditions: { inputPriceFactor: 1, localDemandFactor: 1, outsideDemandFactor: 1 }, entryBlocked: 0,
    outsideBuyers: new Float64Array(s.economy.sectors.length),
  };

  // Businesses: owners, capacities, technology and size (a lognormal preference weight, mean 1).
  const sigma = s.economy.turnoverDispersion;
  for (let id = 0; id < n; id++) {
    drawOwnerAndCapacities(e, id, rng);
    setTechnology(e, id, rng);
    const size = Math.exp(sigma * normal(rng(), rng()) - (sigma * sigma) / 2);
    b.market.attractionStart[id] = size;
    b.market.attraction[id] = size;
    setOpen(b, id, true);
    b.owner.ownerHousehold[id] = id;
    b.technology.supplier[id] = Math.floor(rng() * S);
  }
  b.used = n;

  // Households: outside income, labour supply and the shops they know.
  const outsideMean = steadyStateOutsideIncome(s);
  const osig = s.households.outsideIncomeDispersion;
  for (let i = 0; i < H; i++) {
    h.outsideIncome[i] = outsideMean * Math.exp(osig * normal(rng(), rng()) - (osig * osig) / 2);
    const adults = s.households.adultsAvailableForWork;
    h.labourSupply[i] = Math.min(255, Math.floor(adults) + (rng() < adults - Math.floor(adults) ? 1 : 0));
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

  // Expected demand at the start: each household's steady-state local budget split over its shops.
  const hh = s.households;
  const spendingShare = 1 - (1 - hh.marginalPropensityToConsume) * hh.savingsOutsideShare;
  const totalLocalDemand = n * s.economy.meanTurnoverRupiahPerMonth *
    (1 - s.economy.sectors.reduce((a, k) => a + k.share * k.outsideSalesShare, 0));
  const localPull = hh.localSpendingShare * spendingShare;
  const localIncomePerHousehold = localPull > 0 ? Math.min(totalLocalDemand / localPull / H - outsideMean, 4 * s.economy.meanTurnoverRupiahPerMonth) : 0;
  for (let i = 0; i < H; i++) {
    const income = h.outsideIncome[i] + Math.max(0, localIncomePerHousehold);
    h.incomeLast[i] = income;
    const budget = income * spendingShare * hh.localSpendingShare;
    let wsum = 0;
    for (let k = 0; k < K; k++) wsum += b.market.attraction[h.shops[i * K + k]];
    for (let k = 0; k < K; k++) {
      const shop = h.shops[i * K + k];
      b.flows.ordersRupiah[shop] += (budget * b.market.attraction[shop]) / wsum;
    }
  }

  // Size each business to its demand: workers, outside sales, stocks and cash.
  const wage = hh.wageRupiahPerMonth;
  let labourCursor = Math.floor(rng() * H);
  for (let id = 0; id < n; id++) {
    const sector = s.economy.sectors[b.life.sector[id]];
    const local = b.flows.ordersRupiah[id];
    b.market.outsideBase[id] = sector.outsideSalesShare < 1 ? (local * sector.outsideSalesShare) / (1 - sector.outsideSalesShare) : 0;
    const units = (local + b.market.outsideBase[id]) / b.technology.price[id];
    // Workers: the whole number that best fits demand (an extra worker adds about a wage of value added
    // in most sectors, so micro-businesses hire only when demand clearly needs it).
    const fam = s.economy.familyWorkersMean;
    const family = Math.floor(fam) + (rng() < fam - Math.floor(fam) ? 1 : 0);
    b.workforce.familyWorkers[id] = family;
    const workersNeeded = Math.max(1, Math.round(units / b.technology.productivity[id]));
    const employees = Math.max(0, Math.min(s.economy.maxEmployeesAtStart, workersNeeded - 1 - family));
    for (let j = 0; j < employees; j++) {
      // The next household with free labour, scanning from a random start.
      for (let tries = 0; tries < H; tries++) {
        labourCursor = (labourCursor + 1) % H;
        if (h.employed[labourCursor] < h.labourSupply[labourCursor]) break;
      }
      if (h.employed[labourCursor] >= h.labourSupply[labourCursor]) break;
      h.employed[labourCursor]++;
      b.workforce.employeeHousehold[id * MAX_EMPLOYEES + b.workforce.employees[id]] = labourCursor;
      b.workforce.employees[id]++;
    }
    const workers = 1 + family + b.workforce.employees[id];
    // Larger businesses are more productive per worker than the micro norm (capped workforce at start).
    b.technology.productivity[id] = Math.max(b.technology.productivity[id], units / (workers * 0.9));
    b.technology.productivityStart[id] = b.technology.productivity[id];
    b.market.expectedDemand[id] = units;
    b.market.turnoverStart[id] = units * b.technology.price[id];
    // What the business earns in a normal month at the start (a lender's first look at it).
    b.flows.unitCostPaid[id] = b.technology.inputCostPerUnit[id] * (1 + b.technology.waste[id]);
    b.flows.profit[id] = units * (b.technology.price[id] * (1 - sector.overheadShare) - b.flows.unitCostPaid[id]) - b.workforce.employees[id] * wage;
    b.market.inventory[id] = units * s.firms.inventoryTargetMonths;
    b.flows.ordersRupiah[id] = 0;
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
  const bufferMonths = ((1 - hh.savingsOutsideShare) * (1 - hh.marginalPropensityToConsume)) / Math.max(1e-9, hh.spendingFromSavings);
  for (let i = 0; i < H; i++) ledger.transfer(world, e.householdAccount0 + i, h.incomeLast[i] * Math.min(6, bufferMonths), Flow.openingBalance);
  ledger.closeMonth();
  ledger.resetTotals();
  // Enrolment is decided after the opening balances (targeting may read working capital); it retags
  // participants' accounts between months, which the next month's opening snapshot takes into account.
  e.program = setupProgram(e);
  return e;
}

export { Sector };
