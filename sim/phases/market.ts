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
import { pow } from '../math/elementary.js';

// Each shop's market-phase data is kept in two records of 4 numbers, one for the first round of orders
// and one for the second round and the payments, so that each of the households' loops, which visit
// shops in random order, reads and updates a shop in one place, and its working set is half the size.
const STRIDE = 4;
// First round, [id * STRIDE + field] of `first`.
const PULL = 0; // pull now (0 when closed)
const PULL_START = 1; // pull at the start (0 when closed)
const ORDERS = 2; // households' first-round orders (rupiah)
const LINKS = 3; // households ordering from it
// Second round and payments, [id * STRIDE + field] of `second round`.
const FILL = 0; // share of first-round orders delivered
const SPARE = 1; // spare stock after the first round (rupiah), then the share of second-round orders delivered
const PULL2 = 2; // pull now, as PULL
const SECOND = 3; // second-round orders (rupiah), then:
const PAID = 3; // households' payments this month (whole rupiah), settled with the ledger after the loop

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
  const { first: A, secondRound: R, consumption, spendable, hasClosedShop, hasSecond, second } = scratch;
  const open = life.open;
  const attraction = market.attraction;
  const attractionStart = market.attractionStart;
  // Each business's pull now and at the start (0 when closed); the accumulators start from zero.
  for (let id = 0, r = 0; id < used; id++, r += STRIDE) {
    const isOpen = open[id] === 1;
    const pull = isOpen ? attraction[id] : 0;
    A[r + PULL] = pull;
    A[r + PULL_START] = isOpen ? attractionStart[id] : 0;
    A[r + ORDERS] = 0;
    A[r + LINKS] = 0;
    R[r + PULL2] = pull;
    R[r + SECOND] = 0;
  }
  switchShops(e, scratch);

  const ordersRupiah = flows.ordersRupiah;
  // Pass 1: orders.
  const shops = h.shops;
  const orders = h.orders;
  const incomeLast = h.incomeLast;
  const mpc = HH.marginalPropensityToConsume;
  const fromSavings = HH.spendingFromSavings;
  // Cash transfers: a share of what each recipient has not yet spent counts as this month's income
  // (households.transferSpendingPerMonth), in place of the transfer inside last month's income.
  const { transferUnspent, transferInIncome } = h;
  const spreadTransfers = transferUnspent.length > 0;
  const transferRate = HH.transferSpendingPerMonth;
  const localShare = HH.localSpendingShare * (cond.localDemandFactor > 1 ? cond.localDemandFactor : 1);
  const demandCut = cond.localDemandFactor < 1 ? cond.localDemandFactor : 1;
  let totalConsumption = 0;
  for (let i = 0; i < H; i++) {
    const held = money[h0 + i];
    let c: number;
    if (spreadTransfers) {
      const counted = transferRate * transferUnspent[i];
      const unspent = transferUnspent[i] - counted;
      transferUnspent[i] = unspent;
      const income = incomeLast[i] - transferInIncome[i] + counted;
      spendable[i] = income;
      // Savings exclude the part of the transfer still to be spent.
      c = (mpc * income + fromSavings * (held > unspent ? held - unspent : 0)) * demandCut;
    } else {
      c = (mpc * incomeLast[i] + fromSavings * held) * demandCut;
    }
    if (c > held) c = held;
    consumption[i] = c;
    totalConsumption += c;
    let w = 0, w0 = 0, closed = 0;
    const base = i * K;
    for (let k = 0; k < K; k++) {
      const r = shops[base + k] * STRIDE;
      const pw = A[r + PULL];
      w += pw;
      w0 += A[r + PULL_START];
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
      const r = shops[base + k] * STRIDE;
      const order = A[r + PULL] * perPull;
      orders[base + k] = order;
      if (order > 0) {
        A[r + ORDERS] += order;
        A[r + LINKS] += 1;
      }
    }
  }

  // The sector blocks: households' orders and the share of all orders each block can deliver this month.
  const blocks = orderFromBlocks(e, totalConsumption, scratch);

  // Outside orders and what each shop can deliver.
  const forumsOn = e.programActive && s.program.forums.enabled;
  for (let id = 0, r = 0; id < used; id++, r += STRIDE) {
    // Households' orders (rupiah), kept in the business's flows (zero when closed).
    ordersRupiah[id] = A[r + ORDERS];
    if (!open[id]) {
      flows.outsideSales[id] = 0;
      R[r + FILL] = 0;
      R[r + SPARE] = 0;
      continue;
    }
    const i = id * CAPACITY_COUNT;
    let outsideGain = market.marketLinks[id];
    if (s.mechanisms.capacityToPerformance) {
      outsideGain += P.outsideMarketingGain * Math.max(0, capacities.capacity[i + Cap.marketing] - capacities.capacityStart[i + Cap.marketing]);
    }
    if (forumsOn && membership.forum[id] >= 0 && e.month - e.program.cohortStart[membership.cohort[id]] < s.program.forums.months) {
      outsideGain += s.program.forums.promotionOutsideGain;
    }
    const newDigital = practices.digitalChannel[id] && !(practices.practicesStart[id] & 4) ? 1 : 0;
    const digital = newDigital * P.digitalSalesUplift * (0.5 + capacities.capacity[i + Cap.digital]) * market.turnoverStart[id];
    const outsideOrders = cond.outsideDemandFactor * (market.outsideBase[id] * (1 + outsideGain) + digital + market.outsideExpansion[id]);
    const price = technology.price[id];
    const demandUnits = (ordersRupiah[id] + outsideOrders) / price;
    const stock = market.inventory[id];
    const sold = Math.min(demandUnits, stock);
    const fill = demandUnits > 0 ? sold / demandUnits : 0;
    R[r + FILL] = fill;
    flows.outsideSales[id] = outsideOrders * fill;
    // Market links open outside markets that a business keeps winning while it can deliver: orders grow
    // with its links and its learned marketing, up to a cap (C5: firms that grow with consulting).
    if (s.mechanisms.marketExpansion && market.marketLinks[id] > 0 && fill >= 0.95) {
      const learned = Math.max(0, capacities.capacity[i + Cap.marketing] - capacities.capacityStart[i + Cap.marketing]);
      const cap = P.marketExpansionCap * market.turnoverStart[id];
      market.outsideExpansion[id] = Math.min(cap, market.outsideExpansion[id] + P.marketExpansionPerMonth * market.marketLinks[id] * learned * market.turnoverStart[id]);
    }
    market.expectedDemand[id] += s.firms.expectationSmoothing * (demandUnits - market.expectedDemand[id]);
    // Stock left after the first round of orders (rupiah at the shop's price).
    R[r + SPARE] = (stock - sold) * price;
  }

  // The blocks' money before households pay them (their household sales are the change).
  const blocksBefore = scratch.blocksBefore;
  for (let k = 0; k < BLOCK_COUNT; k++) blocksBefore[k] = money[blocks.account0 + k];

  // A household whose shop ran out tries its other known shops that still have stock, in proportion to
  // their pull, before buying outside: a second round of orders, each shop delivering what its spare
  // stock allows.
  for (let i = 0; i < H; i++) {
    const base = i * K;
    let unmet = 0, w = 0;
    for (let k = 0; k < K; k++) {
      const r = shops[base + k] * STRIDE;
      unmet += orders[base + k] * (1 - R[r + FILL]);
      if (R[r + SPARE] > 0) w += R[r + PULL2];
    }
    if (unmet <= 0 || w <= 0) {
      hasSecond[i] = 0;
      continue;
    }
    hasSecond[i] = 1;
    for (let k = 0; k < K; k++) {
      const r = shops[base + k] * STRIDE;
      let order = 0;
      if (!(R[r + SPARE] <= 0)) {
        order = (unmet * R[r + PULL2]) / w;
        R[r + SECOND] += order;
      }
      second[base + k] = order;
    }
  }
  // The share of second-round orders each shop can deliver from its spare stock.
  for (let r = 0, end = used * STRIDE; r < end; r += STRIDE) {
    const d = R[r + SECOND];
    R[r + SPARE] = d > 0 ? Math.min(1, R[r + SPARE] / d) : 0;
    R[r + PAID] = 0;
  }
  // Pass 2: households pay for what they get, buy the rest of their consumption outside and save. A
  // payment to a shop leaves the household at once, exactly as Ledger.pay would move it (at most what the
  // household holds, in whole rupiah), and is added to the shop's record; the shops are credited after the
  // loop (Ledger.settleCredits), and households' payments to the blocks reach each block together
  // (Ledger.settleBatch). Amounts are whole rupiah, so this is the same result as paying one by one.
  const blockCount = blocks.count;
  const blockAccount0 = blocks.account0;
  const perRupiah = blocks.perRupiah;
  const blockPaid = scratch.blockPaid;
  const blockPayments = scratch.blockPayments;
  blockPaid.fill(0);
  blockPayments.fill(0);
  const sectorOf = ledger.sectorOf;
  const tap = ledger.tap;
  const saveOutside = HH.savingsOutsideShare;
  let shopPayments = 0;
  for (let i = 0; i < H; i++) {
    const acct = h0 + i;
    const base = i * K;
    const rerouted = hasSecond[i] === 1;
    let local = 0;
    for (let k = 0; k < K; k++) {
      const order = orders[base + k];
      const again = rerouted ? second[base + k] : 0;
      if (!(order > 0) && !(again > 0)) continue;
      const shop = shops[base + k];
      const r = shop * STRIDE;
      // Two payments, each rounded on its own: the first-round order at its fill, then the rerouted one.
      for (let round = 0; round < 2; round++) {
        const amount = round === 0 ? (order > 0 ? order * R[r + FILL] : 0) : again > 0 ? again * R[r + SPARE] : 0;
        const held = money[acct];
        const a = Math.floor((amount < held ? amount : held) + 0.5);
        if (a > 0) {
          money[acct] = held - a;
          R[r + PAID] += a;
          shopPayments++;
          local += a;
          if (tap) tap.record(acct, shop, a, Flow.consumption, sectorOf[acct], sectorOf[shop]);
        }
      }
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
      if (tap) tap.record(acct, blockAccount0 + k, a, Flow.consumption, sectorOf[acct], sectorOf[blockAccount0 + k]);
    }
    // What local shops and blocks could not deliver is bought outside instead.
    ledger.pay(acct, world, c - local, Flow.householdImports);
    // The part of this month's income saved (1 − mpc) that is deposited outside the area.
    ledger.pay(acct, world, (spreadTransfers ? spendable[i] : incomeLast[i]) * (1 - mpc) * saveOutside, Flow.savingsOutside);
  }

  for (let k = 0; k < blockCount; k++) {
    ledger.settleBatch(blocks.account0 + k, Flow.consumption, blockPaid.subarray(k * SECTOR_COUNT, (k + 1) * SECTOR_COUNT), blockPayments[k]);
    e.localSectors.householdSales[k] = money[blocks.account0 + k] - blocksBefore[k];
  }
  // The shops are credited with households' payments (all households are of one sector); outside buyers
  // pay; stock falls by what was sold.
  ledger.settleCredits(sectorOf[h0], Flow.consumption, R, STRIDE, PAID, used, shopPayments);
  for (let id = 0, r = 0; id < used; id++, r += STRIDE) {
    const paidLocal = R[r + PAID];
    flows.localSales[id] = paidLocal;
    if (!open[id]) {
      flows.customers[id] = 0;
      continue;
    }
    const paid = ledger.transfer(world, id, flows.outsideSales[id], Flow.outsideSales);
    flows.outsideSales[id] = paid;
    flows.turnover[id] = paidLocal + paid;
    const units = flows.turnover[id] / technology.price[id];
    flows.salesUnits[id] = units;
    market.inventory[id] = Math.max(0, market.inventory[id] - units);
    // Customers: households buying from the shop, plus outside buyers counted at the average local ticket.
    const households = R[r + FILL] > 0 ? A[r + LINKS] : 0;
    // Read on every pass, not only in the rare branch that needs it: optimised code compiled before a shop
    // had lost every customer had no feedback for this load and bailed out each month it was reached.
    const startTicket = market.turnoverStart[id] / 10;
    const ticket = households > 0 ? paidLocal / households : startTicket;
    flows.customers[id] = households + (ticket > 0 ? paid / ticket : 0);
  }
}

interface MarketScratch {
  /** Per-shop records of the first round and of the second round and payments, [id * STRIDE + field]. */
  first: Float64Array;
  secondRound: Float64Array;
  consumption: Float64Array;
  /** Each household's income counted this month when it receives cash transfers (empty otherwise). */
  spendable: Float64Array;
  /** Households that found a closed shop among theirs in last month's market. */
  hasClosedShop: Uint8Array;
  /** Households with second-round orders this month, and those orders, [h * shopsKnown + k]. */
  hasSecond: Uint8Array;
  second: Float64Array;
  perRupiah: Float64Array;
  blocksBefore: Float64Array;
  blockPaid: Float64Array;
  blockPayments: Int32Array;
}
const scratches = new WeakMap<Economy, MarketScratch>();
function scratchFor(e: Economy): MarketScratch {
  let sc = scratches.get(e);
  if (sc && sc.first.length < e.businesses.allocated * STRIDE) {
    // The businesses grew: the shop records grow with them (they are rewritten every month).
    sc.first = new Float64Array(e.businesses.allocated * STRIDE);
    sc.secondRound = new Float64Array(e.businesses.allocated * STRIDE);
  }
  if (!sc) {
    const n = e.businesses.allocated;
    const H = e.households.count;
    sc = {
      first: new Float64Array(n * STRIDE), secondRound: new Float64Array(n * STRIDE), consumption: new Float64Array(H),
      spendable: new Float64Array(e.households.transferUnspent.length), hasClosedShop: new Uint8Array(H),
      hasSecond: new Uint8Array(H), second: new Float64Array(H * e.households.shopsKnown),
      perRupiah: new Float64Array(BLOCK_COUNT), blocksBefore: new Float64Array(BLOCK_COUNT),
      blockPaid: new Float64Array(BLOCK_COUNT * SECTOR_COUNT), blockPayments: new Int32Array(BLOCK_COUNT),
    };
    scratches.set(e, sc);
  }
  return sc;
}

/**
 * A shop's pull relative to its own start (its prices, service and marketing against what the household
 * knew; 0 when closed). Households compare shops on it: a shop's size is how many buy there and how much,
 * not a reason to leave a smaller shop that has not changed.
 */
const relativePull = (A: Float64Array, shop: number): number => {
  const r = shop * STRIDE;
  return A[r + PULL] > 0 ? A[r + PULL] / A[r + PULL_START] : 0;
};

/**
 * Another uniform from the fractional digits of `u` scaled by a large prime: the extra choices of a
 * household's search share its one draw, so the stream's length does not depend on who searches.
 */
const digits = (u: number, prime: number): number => (u * prime) % 1;

/**
 * Households replace shops that had closed by last month's market and, now and then, try a new one. One
 * draw per household: below the switching chance it also yields two candidate shops (the draw rescaled).
 * Shops are compared on their pull relative to their own start (`relativePull`), with
 * `households.shopChoiceSensitivity` (β): the candidate is the second with probability g₂^β/(g₁^β + g₂^β),
 * and it replaces the household's known shop with the least relative pull (a closed one always; among ties
 * the one a draw picks) with probability 1 − (g_weakest/g_candidate)^β when its relative pull is higher.
 * Nothing changes while no shop has changed, so the start's customers are the steady state; a shop whose
 * prices rise loses customers, and one whose service or marketing improves gains them, in proportion to
 * how much (docs/model.md §7.6).
 */
function switchShops(e: Economy, scratch: MarketScratch): void {
  const b = e.businesses;
  const h = e.households;
  const K = h.shopsKnown;
  const used = b.used;
  const A = scratch.first;
  const shops = h.shops;
  const hasClosedShop = scratch.hasClosedShop;
  const pSwitch = e.scenario.households.shopSwitchingPerMonth;
  const beta = e.scenario.households.shopChoiceSensitivity;
  const u = e.streams.uniforms('shopSwitch', e.month, h.count);
  for (let i = 0; i < h.count; i++) {
    const closedLink = hasClosedShop[i] === 1;
    if (!closedLink && u[i] >= pSwitch) continue;
    const base = i * K;
    let weakest = 0;
    let weakestGain = Infinity;
    const k0 = Math.floor(digits(u[i], 7919) * K);
    for (let j = 0; j < K; j++) {
      const k = k0 + j < K ? k0 + j : k0 + j - K;
      const g = relativePull(A, shops[base + k]);
      if (g < weakestGain) {
        weakestGain = g;
        weakest = k;
      }
    }
    const v = closedLink ? u[i] : u[i] / pSwitch;
    const c1 = nextOpen(e, Math.floor(v * used));
    const c2 = nextOpen(e, Math.floor(((v * used) % 1) * used));
    if (c1 < 0) continue;
    let cand = c1;
    if (c2 >= 0) {
      const w1 = pow(relativePull(A, c1), beta);
      const w2 = pow(relativePull(A, c2), beta);
      if (digits(u[i], 15485863) * (w1 + w2) < w2) cand = c2;
    }
    let known = false;
    for (let k = 0; k < K; k++) if (shops[base + k] === cand) known = true;
    if (known) continue;
    const g = relativePull(A, cand);
    if (weakestGain <= 0 ? g > 0 : g > weakestGain && digits(u[i], 104729) < 1 - pow(weakestGain / g, beta)) shops[base + weakest] = cand;
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
function orderFromBlocks(e: Economy, total: number, scratch: MarketScratch): { count: number; account0: number; perRupiah: Float64Array } {
  const ls = e.localSectors;
  const perRupiah = scratch.perRupiah;
  perRupiah.fill(0);
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
