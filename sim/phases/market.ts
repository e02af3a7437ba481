// Phase 6: the market. Households look for new shops, spend last month's income (a marginal propensity
// to consume plus a draw on savings), split the local part over the shops they know in proportion to
// each shop's pull, and buy the rest outside. Part of a shop's extra pull is new local demand (taken
// from imports) and part is taken from its competitors: the business-stealing share. Outside buyers
// add their orders; shops sell what their stock allows; a household a shop could not serve tries its other
// shops with stock left, and what none of them can deliver is bought outside.
import { Flow, SECTOR_COUNT } from '../ledger/accounts.js';
import { CAPACITY_COUNT, Cap, type Economy } from '../state/economy.js';
import { BLOCK_COUNT, GOVERNMENT_BLOCK } from '../state/localSectors.js';
import { LOCAL_SECTORS } from '../scenario/names.js';
import { deliverable, otherOrders } from './localSectors.js';

export function trade(e: Economy): void {
  const s = e.scenario;
  const b = e.businesses;
  const { life, flows, market, technology, capacities, practices, membership } = b;
  const h = e.households;
  const HH = s.households;
  const P = s.performance;
  const ledger = e.ledger;
  const money = ledger.money;
  const used = b.used;
  const K = h.shopsKnown;
  const H = h.count;
  const h0 = e.householdAccount0;
  const world = e.accounts.restOfWorld;
  const cond = e.conditions;
  const stealing = s.businessStealingShare;

  const scratch = scratchFor(e);
  const { pull, links, fill, before, consumption, hasClosedShop, spare, second, secondDemand } = scratch;
  // Each business's pull now and at the start, side by side (0 when closed): one cache line per shop.
  for (let id = 0; id < used; id++) {
    const open = life.open[id] === 1;
    pull[2 * id] = open ? market.attraction[id] : 0;
    pull[2 * id + 1] = open ? market.attractionStart[id] : 0;
  }
  switchShops(e, scratch);

  const ordersRupiah = flows.ordersRupiah;
  links.fill(0, 0, used);
  // Pass 1: orders.
  const shops = h.shops;
  const orders = h.orders;
  const incomeLast = h.incomeLast;
  const mpc = HH.marginalPropensityToConsume;
  const fromSavings = HH.spendingFromSavings;
  const localShare = HH.localSpendingShare * (cond.localDemandFactor > 1 ? cond.localDemandFactor : 1);
  const demandCut = cond.localDemandFactor < 1 ? cond.localDemandFactor : 1;
  let totalConsumption = 0;
  for (let i = 0; i < H; i++) {
    const held = money[h0 + i];
    let c = (mpc * incomeLast[i] + fromSavings * held) * demandCut;
    if (c > held) c = held;
    consumption[i] = c;
    totalConsumption += c;
    let w = 0, w0 = 0, closed = 0;
    const base = i * K;
    for (let k = 0; k < K; k++) {
      const shop = shops[base + k];
      const pw = pull[2 * shop];
      w += pw;
      w0 += pull[2 * shop + 1];
      if (pw === 0) closed = 1;
    }
    hasClosedShop[i] = closed;
    if (w <= 0) {
      for (let k = 0; k < K; k++) orders[base + k] = 0;
      continue;
    }
    // New local demand from shops' extra pull, the part not taken from competitors.
    let local = localShare * c * (1 + (1 - stealing) * (w / w0 - 1));
    if (local > c) local = c;
    const perPull = local / w;
    for (let k = 0; k < K; k++) {
      const shop = shops[base + k];
      const order = pull[2 * shop] * perPull;
      orders[base + k] = order;
      if (order > 0) {
        ordersRupiah[shop] += order;
        links[shop] += 1;
      }
    }
  }

  // The sector blocks: households' orders and the share of all orders each block can deliver this month.
  const blocks = orderFromBlocks(e, totalConsumption);

  // Outside orders and what each shop can deliver.
  for (let id = 0; id < used; id++) {
    if (!life.open[id]) {
      flows.outsideSales[id] = 0;
      fill[id] = 0;
      continue;
    }
    const i = id * CAPACITY_COUNT;
    let outsideGain = market.marketLinks[id];
    if (s.mechanisms.capacityToPerformance) {
      outsideGain += P.outsideMarketingGain * Math.max(0, capacities.capacity[i + Cap.marketing] - capacities.capacityStart[i + Cap.marketing]);
    }
    if (e.programActive && s.program.forums.enabled && membership.forum[id] >= 0 && e.month - e.program.cohortStart[membership.cohort[id]] < s.program.forums.months) {
      outsideGain += s.program.forums.promotionOutsideGain;
    }
    const newDigital = practices.digitalChannel[id] && !(practices.practicesStart[id] & 4) ? 1 : 0;
    const digital = newDigital * P.digitalSalesUplift * (0.5 + capacities.capacity[i + Cap.digital]) * market.turnoverStart[id];
    const outsideOrders = cond.outsideDemandFactor * (market.outsideBase[id] * (1 + outsideGain) + digital + market.outsideExpansion[id]);
    const demandUnits = (flows.ordersRupiah[id] + outsideOrders) / technology.price[id];
    const sold = Math.min(demandUnits, market.inventory[id]);
    fill[id] = demandUnits > 0 ? sold / demandUnits : 0;
    flows.outsideSales[id] = outsideOrders * fill[id];
    // Market links open outside markets that a business keeps winning while it can deliver: orders grow
    // with its links and its learned marketing, up to a cap (C5: firms that grow with consulting).
    if (s.mechanisms.marketExpansion && market.marketLinks[id] > 0 && fill[id] >= 0.95) {
      const learned = Math.max(0, capacities.capacity[i + Cap.marketing] - capacities.capacityStart[i + Cap.marketing]);
      const cap = P.marketExpansionCap * market.turnoverStart[id];
      market.outsideExpansion[id] = Math.min(cap, market.outsideExpansion[id] + P.marketExpansionPerMonth * market.marketLinks[id] * learned * market.turnoverStart[id]);
    }
    market.expectedDemand[id] += s.firms.expectationSmoothing * (demandUnits - market.expectedDemand[id]);
    // Stock left after the first round of orders (rupiah at the shop's price).
    spare[id] = (market.inventory[id] - sold) * technology.price[id];
  }

  // A household whose shop ran out tries its other known shops that still have stock, in proportion to
  // their pull, before buying outside: a second round of orders, each shop delivering what its spare
  // stock allows.
  second.fill(0, 0, H * K);
  secondDemand.fill(0, 0, used);
  for (let i = 0; i < H; i++) {
    const base = i * K;
    let unmet = 0, w = 0;
    for (let k = 0; k < K; k++) {
      const shop = shops[base + k];
      unmet += orders[base + k] * (1 - fill[shop]);
      if (spare[shop] > 0) w += pull[2 * shop];
    }
    if (unmet <= 0 || w <= 0) continue;
    for (let k = 0; k < K; k++) {
      const shop = shops[base + k];
      if (spare[shop] <= 0) continue;
      const order = (unmet * pull[2 * shop]) / w;
      second[base + k] = order;
      secondDemand[shop] += order;
    }
  }
  // The share of second-round orders each shop can deliver from its spare stock.
  for (let id = 0; id < used; id++) spare[id] = secondDemand[id] > 0 ? Math.min(1, spare[id] / secondDemand[id]) : 0;

  // Pass 2: households pay for what they get, buy the rest of their consumption outside and save.
  // Only these payments reach business accounts in this pass, so local sales are the change in cash.
  before.set(money.subarray(0, used));
  const blocksBefore = money.slice(blocks.account0, blocks.account0 + BLOCK_COUNT);
  // Households' payments to the blocks leave each household at once and reach each block together after
  // the loop (Ledger.settleBatch), the same result as paying one by one.
  const blockCount = blocks.count;
  const perRupiah = blocks.perRupiah;
  const blockPaid = new Float64Array(blockCount * SECTOR_COUNT);
  const blockPayments = new Int32Array(blockCount);
  const sectorOf = ledger.sectorOf;
  const tap = ledger.tap;
  const saveOutside = HH.savingsOutsideShare;
  for (let i = 0; i < H; i++) {
    const acct = h0 + i;
    const base = i * K;
    let local = 0;
    for (let k = 0; k < K; k++) {
      const order = orders[base + k];
      if (order > 0) {
        const shop = shops[base + k];
        local += ledger.pay(acct, shop, order * fill[shop], Flow.consumption);
      }
      const rerouted = second[base + k];
      if (rerouted > 0) local += ledger.pay(acct, shops[base + k], rerouted * spare[shops[base + k]], Flow.consumption);
    }
    const c = consumption[i];
    for (let k = 0; k < blockCount; k++) {
      const amount = c * perRupiah[k];
      const held = money[acct];
      const a = Math.floor((amount < held ? amount : held) + 0.5);
      if (!(a > 0)) continue;
      money[acct] = held - a;
      blockPaid[k * SECTOR_COUNT + sectorOf[acct]] += a;
      blockPayments[k]++;
      local += a;
      if (tap) tap.record(acct, blocks.account0 + k, a, Flow.consumption, sectorOf[acct], sectorOf[blocks.account0 + k]);
    }
    // What local shops and blocks could not deliver is bought outside instead.
    ledger.pay(acct, world, c - local, Flow.householdImports);
    // The part of this month's income saved (1 − mpc) that is deposited outside the area.
    ledger.pay(acct, world, incomeLast[i] * (1 - mpc) * saveOutside, Flow.savingsOutside);
  }

  for (let k = 0; k < blockCount; k++) {
    ledger.settleBatch(blocks.account0 + k, Flow.consumption, blockPaid.subarray(k * SECTOR_COUNT, (k + 1) * SECTOR_COUNT), blockPayments[k]);
    e.localSectors.householdSales[k] = money[blocks.account0 + k] - blocksBefore[k];
  }

  // Outside buyers pay; stock falls by what was sold.
  for (let id = 0; id < used; id++) {
    flows.localSales[id] = money[id] - before[id];
    if (!life.open[id]) {
      flows.customers[id] = 0;
      continue;
    }
    const paid = ledger.transfer(world, id, flows.outsideSales[id], Flow.outsideSales);
    flows.outsideSales[id] = paid;
    flows.turnover[id] = flows.localSales[id] + paid;
    const units = flows.turnover[id] / technology.price[id];
    flows.salesUnits[id] = units;
    market.inventory[id] = Math.max(0, market.inventory[id] - units);
    // Customers: households buying from the shop, plus outside buyers counted at the average local ticket.
    const households = fill[id] > 0 ? links[id] : 0;
    const ticket = households > 0 ? flows.localSales[id] / households : market.turnoverStart[id] / 10;
    flows.customers[id] = households + (ticket > 0 ? paid / ticket : 0);
  }
}

interface MarketScratch {
  pull: Float64Array;
  links: Float64Array;
  fill: Float64Array;
  before: Float64Array;
  consumption: Float64Array;
  /** Households that found a closed shop among theirs in last month's market. */
  hasClosedShop: Uint8Array;
  /** Spare stock after the first round (rupiah), then the share of second-round orders delivered. */
  spare: Float64Array;
  /** Second-round orders, [h * shopsKnown + k], and their sum per shop. */
  second: Float64Array;
  secondDemand: Float64Array;
}
const scratches = new WeakMap<Economy, MarketScratch>();
function scratchFor(e: Economy): MarketScratch {
  let sc = scratches.get(e);
  if (!sc) {
    const n = e.businesses.slots;
    sc = {
      pull: new Float64Array(2 * n), links: new Float64Array(n), fill: new Float64Array(n), before: new Float64Array(n),
      consumption: new Float64Array(e.households.count), hasClosedShop: new Uint8Array(e.households.count),
      spare: new Float64Array(n), second: new Float64Array(e.households.count * e.households.shopsKnown), secondDemand: new Float64Array(n),
    };
    scratches.set(e, sc);
  }
  return sc;
}

/**
 * Households replace shops that had closed by last month's market and, now and then, try a new one. One
 * draw per household: below the switching chance it also yields two candidate shops (the draw rescaled),
 * and the one with more pull now (its size, marketing, service and prices; a scarcity markup loses pull)
 * replaces the household's known shop with least pull, if it has more. Comparing levels moves customers
 * towards the largest shops over the years, the main source of the no-program economy's price drift
 * (docs/wip/README.md, "four measured causes").
 */
function switchShops(e: Economy, scratch: MarketScratch): void {
  const b = e.businesses;
  const h = e.households;
  const K = h.shopsKnown;
  const used = b.used;
  const pull = scratch.pull;
  const gain = (shop: number) => pull[2 * shop];
  const pSwitch = e.scenario.households.shopSwitchingPerMonth;
  const u = e.streams.uniforms('shopSwitch', e.month, h.count);
  for (let i = 0; i < h.count; i++) {
    const closedLink = scratch.hasClosedShop[i] === 1;
    if (!closedLink && u[i] >= pSwitch) continue;
    let weakest = 0;
    let weakestGain = Infinity;
    for (let k = 0; k < K; k++) {
      const g = gain(h.shops[i * K + k]);
      if (g < weakestGain) {
        weakestGain = g;
        weakest = k;
      }
    }
    const v = closedLink ? u[i] : u[i] / pSwitch;
    const c1 = nextOpen(e, Math.floor(v * used));
    const c2 = nextOpen(e, Math.floor(((v * used) % 1) * used));
    if (c1 < 0) continue;
    const cand = c2 >= 0 && gain(c2) > gain(c1) ? c2 : c1;
    let known = false;
    for (let k = 0; k < K; k++) if (h.shops[i * K + k] === cand) known = true;
    if (!known && gain(cand) > weakestGain) h.shops[i * K + weakest] = cand;
  }
}

function nextOpen(e: Economy, start: number): number {
  const used = e.businesses.used;
  for (let t = 0, id = start; t < used; t++, id = id + 1 === used ? 0 : id + 1) if (e.businesses.life.open[id]) return id;
  return -1;
}

/**
 * Households' orders to the sector blocks (each block's share of consumption) and the share of all its
 * orders, households' and the others' (inputs for the blocks, outside buyers), each block can deliver
 * this month. Returns what a household pays each block per rupiah it consumes; blocks that sell nothing to
 * households (local government) are left out.
 */
function orderFromBlocks(e: Economy, total: number): { count: number; account0: number; perRupiah: Float64Array } {
  const ls = e.localSectors;
  const perRupiah = new Float64Array(BLOCK_COUNT);
  if (!ls.active) return { count: 0, account0: ls.account0, perRupiah };
  let count = 0;
  for (let k = 0; k < BLOCK_COUNT; k++) {
    const share = k === GOVERNMENT_BLOCK ? 0 : e.scenario.localEconomy[LOCAL_SECTORS[k]].householdSpendingShare;
    ls.householdOrders[k] = share * total;
    ls.demand[k] = k === GOVERNMENT_BLOCK ? ls.outputStart[k] : ls.householdOrders[k] / ls.price[k] + otherOrders(e, k);
    const can = deliverable(e, k);
    ls.fill[k] = ls.demand[k] > can ? can / ls.demand[k] : 1;
    perRupiah[k] = share * ls.fill[k];
    if (share > 0) count = k + 1;
  }
  return { count, account0: ls.account0, perRupiah };
}
