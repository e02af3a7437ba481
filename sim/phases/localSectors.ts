// Phase 7: the rest of the local economy. Households have paid the sector blocks in the market phase;
// now each block sells to the other blocks (inputs for this month, ordered on last month's output), to
// outside buyers and, for local government, is paid by the centre. It delivers what its capacity and its
// workers allow (the same share of every order; the rest is bought outside), pays for inputs, imports,
// taxes and wages, and pays out its surplus to the households that own it. Then blocks hire from the
// unemployed or let workers go, the local wage moves along the wage curve, block prices follow their
// costs and how close demand is to capacity, and the consumer price index is read.
import { Flow } from '../ledger/accounts.js';
import { LOCAL_SECTORS } from '../scenario/names.js';
import { AGRICULTURE_BLOCK, BLOCK_COUNT, GOVERNMENT_BLOCK, supplierFarmProduceShare } from '../state/localSectors.js';
import type { Economy } from '../state/economy.js';
import { pow } from '../math/elementary.js';

const B = BLOCK_COUNT;

/**
 * What each block can deliver this month (real output at start prices): its capacity (capital), and its
 * workers at full hours.
 */
export function deliverable(e: Economy, k: number): number {
  const ls = e.localSectors;
  return Math.min(ls.capacity[k], ls.productivity[k] * ls.jobs[k]);
}

/**
 * Orders from the blocks and from outside this month, at start prices (real): inputs for this month's
 * work, ordered on last month's output, and outside demand. Households' orders come on top.
 */
export function otherOrders(e: Economy, k: number): number {
  const ls = e.localSectors;
  let d = k === GOVERNMENT_BLOCK ? 0 : outsideOrders(e, k);
  // Farm produce the raw-material suppliers buy for what they sold this month (rupiah, at this month's price).
  if (k === AGRICULTURE_BLOCK) d += supplierFarmOrders(e) / ls.price[k];
  for (let j = 0; j < B; j++) d += ls.inputs[k * B + j] * ls.outputLast[j];
  return d;
}

/** What the raw-material suppliers order from the agriculture block this month (rupiah): farmProduceShare of their sales. */
function supplierFarmOrders(e: Economy): number {
  const share = supplierFarmProduceShare(e.scenario);
  if (share <= 0) return 0;
  let sales = 0;
  for (let j = 0; j < e.suppliers.count; j++) sales += e.suppliers.sales[j];
  return share * sales;
}

/** What outside buyers order from block k this month (real): start orders × shocks, fewer as its price rises. */
function outsideOrders(e: Economy, k: number): number {
  const ls = e.localSectors;
  return ls.exportsStart[k] * e.conditions.outsideDemandFactor * pow(ls.price[k], -e.scenario.localEconomy.outsideDemandPriceElasticity);
}

export function runLocalSectors(e: Economy): void {
  const ls = e.localSectors;
  const s = e.scenario;
  if (!s.mechanisms.localSectors) {
    readLabour(e);
    readPrices(e);
    return;
  }
  const L = s.localEconomy;
  const ledger = e.ledger;
  const money = ledger.money;
  const world = e.accounts.restOfWorld;
  const acct = (k: number) => ls.account0 + k;
  const wageIndex = e.labour.wageIndex;
  const g = GOVERNMENT_BLOCK;
  // Per block this month: what it received for its output and what it paid for inputs (rupiah).
  const revenue = new Float64Array(B);
  const bought = new Float64Array(B);

  // Sales to households (paid in the market phase) and to outside buyers.
  for (let k = 0; k < B; k++) {
    revenue[k] = ls.householdSales[k];
    ls.outsideSales[k] = k === g ? 0 : ledger.transfer(world, acct(k), outsideOrders(e, k) * ls.fill[k] * ls.price[k], Flow.outsideSales);
    revenue[k] += ls.outsideSales[k];
  }
  // Raw-material suppliers buy the farm produce in what they sold this month from the agriculture block, as
  // far as it delivers, and the rest outside.
  const farmShare = supplierFarmProduceShare(s);
  if (farmShare > 0) {
    const k = AGRICULTURE_BLOCK;
    for (let j = 0; j < e.suppliers.count; j++) {
      const wanted = farmShare * e.suppliers.sales[j];
      if (!(wanted > 0)) continue;
      const supplier = e.supplierAccount0 + j;
      const paid = ledger.pay(supplier, acct(k), wanted * ls.fill[k], Flow.localInputs);
      revenue[k] += paid;
      ledger.pay(supplier, world, wanted - paid, Flow.supplierImports);
    }
  }
  // Inputs each block buys from the others for this month's work (ordered on last month's output), at the
  // seller's price as far as the seller delivers; the rest is bought outside at outside prices.
  for (let j = 0; j < B; j++) {
    for (let k = 0; k < B; k++) {
      const wanted = ls.inputs[k * B + j] * ls.outputLast[j];
      if (wanted <= 0) continue;
      const got = wanted * ls.fill[k];
      const paid = ledger.pay(acct(j), acct(k), got * ls.price[k], Flow.localInputs);
      revenue[k] += paid;
      bought[j] += paid + ledger.pay(acct(j), world, wanted - got, Flow.importedInputs);
    }
  }
  // Real output: what was sold, at the block's price; local government's is its budgeted work.
  for (let k = 0; k < B; k++) ls.output[k] = k === g ? ls.outputStart[g] : revenue[k] / ls.price[k];

  // Imports, taxes and depreciation, and wages for the hours worked at the local wage.
  for (let k = 0; k < B; k++) {
    const b = L[LOCAL_SECTORS[k]];
    const Y = ls.output[k];
    bought[k] += ledger.pay(acct(k), world, ls.importShare[k] * Y, Flow.importedInputs);
    ledger.pay(acct(k), e.accounts.government, b.taxAndDepreciationShare * Y * ls.price[k], Flow.taxes);
    if (k !== g) ls.hours[k] = ls.jobs[k] > 0 ? Math.min(1, Y / (ls.productivity[k] * ls.jobs[k])) : 0;
  }
  const people = payWages(e, wageIndex);
  // The surplus above a month's costs goes to the owners: the local share to the households that own the
  // block, the rest outside. Local government has none: the centre tops its account up to a month of costs.
  for (let k = 0; k < B; k++) {
    const b = L[LOCAL_SECTORS[k]];
    let costs = ls.importShare[k] * ls.output[k] + ls.wage[k] * wageIndex * ls.jobs[k] * ls.hours[k] + b.taxAndDepreciationShare * ls.output[k] * ls.price[k];
    for (let i = 0; i < B; i++) costs += ls.inputs[i * B + k] * ls.output[k] * ls.price[i];
    if (k === g) {
      ledger.transfer(e.accounts.government, acct(k), Math.max(0, costs - money[acct(k)]), Flow.fiscalTransfer);
      // Its output is valued at what it costs (the centre's transfer pays for it).
      revenue[k] = costs;
      continue;
    }
    const surplus = Math.max(0, money[acct(k)] - costs);
    const owners = ls.owners[k];
    const local = owners.length > 0 ? surplus * b.surplusLocalShare : 0;
    ledger.pay(acct(k), world, surplus - local, Flow.operatingSurplus);
    const each = local / Math.max(1, owners.length);
    for (let o = 0; o < owners.length; o++) ledger.pay(acct(k), e.householdAccount0 + owners[o], each, Flow.operatingSurplus);
  }
  for (let k = 0; k < B; k++) {
    ls.sales[k] = revenue[k];
    ls.valueAdded[k] = revenue[k] - bought[k];
  }

  const hired = adjustWorkforce(e);
  for (let k = 0; k < B; k++) ls.outputLast[k] = ls.output[k];
  readLabour(e, { unemployed: people.unemployed - hired, supply: people.supply });
  if (s.mechanisms.wageCurve) moveWage(e);
  movePrices(e);
  readPrices(e);
}

/**
 * Each block pays its workers for the hours they worked this month at its wage, household by household.
 * Returns the households' unemployed and labour supply, counted on the way.
 */
function payWages(e: Economy, wageIndex: number): { unemployed: number; supply: number } {
  const ls = e.localSectors;
  const h = e.households;
  const jobs = h.blockJobs;
  const h0 = e.householdAccount0;
  const payers = Array.from({ length: B }, (_, k) => e.ledger.payerBatch(ls.account0 + k, Flow.wages));
  const perWorker = Array.from({ length: B }, (_, k) => ls.wage[k] * wageIndex * ls.hours[k]);
  let unemployed = 0, supply = 0;
  for (let i = 0; i < h.count; i++) {
    unemployed += h.labourSupply[i] - h.employed[i];
    supply += h.labourSupply[i];
    const base = i * B;
    for (let k = 0; k < B; k++) {
      const n = jobs[base + k];
      if (n > 0) payers[k].pay(h0 + i, n * perWorker[k]);
    }
  }
  for (const p of payers) p.settle();
  return { unemployed, supply };
}

/**
 * Blocks whose orders outrun what their workers can deliver hire from the unemployed (up to the hiring
 * share of their workforce a month); blocks whose hours fall well below the start's let workers go.
 * Local government keeps its workforce. Returns the workers hired less those let go.
 */
function adjustWorkforce(e: Economy): number {
  const ls = e.localSectors;
  const lab = e.scenario.localEconomy.labour;
  let hired = 0;
  for (let k = 0; k < B; k++) {
    if (k === GOVERNMENT_BLOCK || ls.productivity[k] <= 0) continue;
    const neededWorkers = Math.min(ls.demand[k], ls.capacity[k]) / (ls.productivity[k] * ls.hoursStart[k]);
    const gap = neededWorkers - ls.jobs[k];
    if (gap >= 1) {
      const want = Math.min(Math.floor(gap), Math.max(1, Math.floor(lab.hiringPerMonth * ls.jobs[k])));
      for (let n = 0; n < want && hireBlockWorker(e, k); n++) hired++;
    } else if (ls.hours[k] < ls.hoursStart[k] - 0.05 && -gap >= 1) {
      const want = Math.min(Math.floor(-gap), Math.max(1, Math.floor(lab.separationPerMonth * ls.jobs[k])));
      for (let n = 0; n < want && letGoBlockWorker(e, k); n++) hired--;
    }
  }
  return hired;
}

/**
 * The next household, from the labour cursor on (which moves past it), that `wanted` accepts; -1 when none
 * does. Hiring and letting go search the same way, so neither favours the households with low ids.
 */
function nextHousehold(e: Economy, wanted: (i: number) => boolean): number {
  const H = e.households.count;
  const lab = e.labour;
  for (let tries = 0; tries < H; tries++) {
    const i = lab.cursor;
    lab.cursor = i + 1 === H ? 0 : i + 1;
    if (wanted(i)) return i;
  }
  return -1;
}

/** Take one unemployed person into block k. */
function hireBlockWorker(e: Economy, k: number): boolean {
  const h = e.households;
  const i = nextHousehold(e, (j) => h.employed[j] < h.labourSupply[j]);
  if (i < 0) return false;
  h.employed[i]++;
  h.blockJobs[i * B + k]++;
  e.localSectors.jobs[k]++;
  return true;
}

/** Let one worker of block k go. */
function letGoBlockWorker(e: Economy, k: number): boolean {
  const h = e.households;
  const i = nextHousehold(e, (j) => h.blockJobs[j * B + k] > 0);
  if (i < 0) return false;
  h.blockJobs[i * B + k]--;
  h.employed[i]--;
  e.localSectors.jobs[k]--;
  return true;
}

/**
 * This month's unemployed, labour force, unused labour and underemployment; `people` (the unemployed and
 * the labour supply of households) when already counted this month, else counted here.
 */
function readLabour(e: Economy, people?: { unemployed: number; supply: number }): void {
  const lab = e.labour;
  const ls = e.localSectors;
  const h = e.households;
  const b = e.businesses;
  let unemployed = 0, supply = 0;
  if (people) ({ unemployed, supply } = people);
  else {
    for (let i = 0; i < h.count; i++) {
      unemployed += h.labourSupply[i] - h.employed[i];
      supply += h.labourSupply[i];
    }
  }
  let selfEmployed = 0;
  for (let id = 0; id < b.used; id++) if (b.life.open[id]) selfEmployed += 1 + b.workforce.familyWorkers[id];
  let unusedHours = 0, blockWorkers = 0;
  for (let k = 0; k < B; k++) {
    unusedHours += ls.jobs[k] * (1 - ls.hours[k]);
    blockWorkers += ls.jobs[k];
  }
  lab.unemployed = unemployed;
  lab.labourForce = supply + selfEmployed;
  lab.slack = lab.labourForce > 0 ? (unemployed + unusedHours) / lab.labourForce : 0;
  // Underemployment as the share of block workers who would be underemployed if each worked half time.
  lab.underemployment = blockWorkers > 0 ? Math.min(1, unusedHours / (0.5 * blockWorkers)) : 0;
}

/**
 * The wage curve: the local wage moves towards (unused labour ÷ unused labour at the start) to the power
 * −elasticity, closing the scenario's share of the gap each month. At the start's slack it holds still.
 */
function moveWage(e: Economy): void {
  const lab = e.labour;
  const c = e.scenario.localEconomy.labour;
  if (!(lab.slackStart > 0)) return;
  const ratio = Math.max(lab.slack, 0.05 * lab.slackStart) / lab.slackStart;
  const target = pow(ratio, -c.wageCurveElasticity);
  lab.wageIndex += c.wageAdjustmentPerMonth * (target - lab.wageIndex);
}

/**
 * Block prices: cost (wages, local inputs at their prices; imports are priced outside) times a scarcity
 * rise that grows as demand passes the start's utilisation of capacity. Scarce labour reaches prices
 * through the wage (the wage curve), and a block short of workers delivers less (its fill). Prices close
 * the scenario's share of the gap to that target each month.
 */
function movePrices(e: Economy): void {
  const ls = e.localSectors;
  const L = e.scenario.localEconomy;
  const w = e.labour.wageIndex;
  const target = new Float64Array(B);
  for (let k = 0; k < B; k++) {
    const b = L[LOCAL_SECTORS[k]];
    let cost = 1 + b.wageShare * (w - 1);
    for (let i = 0; i < B; i++) cost += ls.inputs[i * B + k] * (ls.price[i] - 1);
    let pressure = 0;
    if (k !== GOVERNMENT_BLOCK && ls.capacity[k] > 0) {
      const u0 = b.startUtilisation;
      pressure = u0 < 1 ? Math.max(0, ls.demand[k] / ls.capacity[k] - u0) / (1 - u0) : 0;
    }
    // The rise is capped at three times scarcityPriceRise: beyond that, buyers go elsewhere.
    target[k] = cost * (1 + b.scarcityPriceRise * Math.min(3, pressure));
  }
  for (let k = 0; k < B; k++) ls.price[k] += L.priceAdjustmentPerMonth * (target[k] - ls.price[k]);
}

/** The micro-businesses' price index (this month's sales at today's ÷ start prices) and the consumer price index. */
function readPrices(e: Economy): void {
  const b = e.businesses;
  const { life, flows, technology } = b;
  let now = 0, start = 0;
  for (let id = 0; id < b.used; id++) {
    if (!life.open[id]) continue;
    const units = flows.salesUnits[id];
    now += units * technology.price[id];
    start += units * technology.priceStart[id];
  }
  const lab = e.labour;
  lab.microPriceIndex = start > 0 ? now / start : 1;
  const ls = e.localSectors;
  const wts = ls.cpiWeights;
  let cpi = wts.micro * lab.microPriceIndex + wts.imports;
  for (let k = 0; k < B; k++) cpi += wts.blocks[k] * ls.price[k];
  lab.consumerPriceIndex = cpi / (wts.micro + wts.imports + wts.blocks.reduce((a, x) => a + x, 0));
}
