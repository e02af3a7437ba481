// Phase 8: businesses close when cash has run out for several months (or for reasons outside the model)
// and hand what is left to the owner's household; new businesses open with capital from a household's
// savings. One exit draw per business slot; a fixed number of entry candidates per month, each with its
// own block of draws, so entry in one run does not shift the draws of the other.
import { Flow, Sector } from '../ledger/accounts.js';
import { normal } from '../rng/streams.js';
import { drawOwnerAndCapacities, setTechnology } from '../state/init.js';
import { growBusinesses, openIds, setOpen, type Economy } from '../state/economy.js';
import { addTie } from '../state/ties.js';
import { fire } from './decisions.js';
import { exp, pow } from '../math/elementary.js';

export function exitAndEnter(e: Economy): void {
  const m = e.scenario.mechanisms;
  if (m.exit) exits(e);
  if (m.entry) entries(e);
  findOtherSellers(e);
}

/**
 * Outside buyers left by a closed business that no entrant has taken find another seller of the same
 * sector in the area: each month a share of them (firms.outsideBuyersFindSellerPerMonth) move to the open
 * businesses of that sector, in proportion to their start turnover.
 */
function findOtherSellers(e: Economy): void {
  const rate = e.scenario.firms.outsideBuyersFindSellerPerMonth;
  const b = e.businesses;
  const pool = e.outsideBuyers;
  if (rate <= 0 || !pool.some((x) => x > 0)) return;
  const weight = new Float64Array(pool.length);
  const ids = openIds(b);
  for (let n = 0; n < ids.length; n++) weight[b.life.sector[ids[n]]] += b.market.turnoverStart[ids[n]];
  const moved = pool.map((x, k) => (weight[k] > 0 ? x * rate : 0));
  for (let n = 0; n < ids.length; n++) {
    const id = ids[n];
    const k = b.life.sector[id];
    if (moved[k] > 0) b.market.outsideBase[id] += (moved[k] * b.market.turnoverStart[id]) / weight[k];
  }
  for (let k = 0; k < pool.length; k++) pool[k] -= moved[k];
}

export function closeBusiness(e: Economy, id: number): void {
  const b = e.businesses;
  while (b.workforce.employees[id] > 0) fire(e, id);
  const owner = b.owner.ownerHousehold[id];
  // The cash returns to the owner's savings, as their start-up capital and top-ups came from them: capital,
  // not this month's income, so the household does not spend it as if it were (docs/model.md §7.8).
  e.ledger.payCapital(id, e.householdAccount0 + owner, e.ledger.money[id], Flow.liquidation);
  setOpen(b, id, false);
  b.life.closedMonth[id] = e.month;
  // Its outside buyers (traders, visitors) still want the area's goods: they wait for a new business of
  // the same sector.
  e.outsideBuyers[b.life.sector[id]] += b.market.outsideBase[id];
  b.market.attraction[id] = 0;
  b.market.inventory[id] = 0;
  // An unpaid loan is written off: a loss for the lender, not a money flow.
  b.finance.loanBalance[id] = 0;
  b.finance.loanInstallment[id] = 0;
}

function exits(e: Economy): void {
  const b = e.businesses;
  const F = e.scenario.firms;
  const u = e.streams.uniforms('exit', e.month, b.used);
  const ids = openIds(b);
  for (let n = 0; n < ids.length; n++) {
    const id = ids[n];
    if (b.finance.distressMonths[id] >= F.distressMonthsToExit || u[id] < F.baseExitHazardPerMonth) closeBusiness(e, id);
  }
}

/**
 * A new shop is noticed: as many households as an open shop has customers on average (the list places a
 * closure frees), from a place set by the draw. Each puts it in place of one of its shops: a closed one if
 * it has one, otherwise one drawn with weight (relative pull)^−β, β = `households.shopChoiceSensitivity`,
 * so a shop whose prices rose is the likeliest to be given up and one that improved the least likely (as
 * in a search, market.ts switchShops; the new shop's relative pull is 1).
 */
function noticeOpening(e: Economy, id: number, draw: number, open: number): void {
  const h = e.households;
  const b = e.businesses;
  const K = h.shopsKnown;
  const H = h.count;
  const beta = e.scenario.households.shopChoiceSensitivity;
  const reach = Math.round((H * K) / Math.max(1, open));
  const weight = (shop: number) => pow(b.market.attraction[shop] / b.market.attractionStart[shop], -beta);
  for (let j = 0, i = Math.floor(draw * H); j < reach; j++, i = (i + 1) % H) {
    const base = i * K;
    let slot = -1;
    let total = 0;
    let known = false;
    for (let k = 0; k < K; k++) {
      const shop = h.shops[base + k];
      if (shop === id) known = true;
      if (!b.life.open[shop]) slot = k;
      else total += weight(shop);
    }
    if (known) continue;
    if (slot < 0) {
      let x = ((draw * 7919 + i * 0.6180339887) % 1) * total;
      for (let k = 0; k < K; k++) {
        x -= weight(h.shops[base + k]);
        if (x < 0 || k === K - 1) {
          slot = k;
          break;
        }
      }
    }
    h.shops[base + slot] = id;
  }
}

/** Uniforms reserved for each entry candidate (about 35 are used). */
const DRAWS_PER_CANDIDATE = 64;

/** Households that own an open business, and those free to found one, rebuilt each month by entries (scratch, not state). */
let ownsScratch = new Uint8Array(0);
let foundersScratch = new Int32Array(0);

function entries(e: Economy): void {
  const s = e.scenario;
  const F = s.firms;
  const b = e.businesses;
  const n0 = s.economy.businesses;
  const ids = openIds(b);
  const open = ids.length;
  const candidates = Math.max(1, Math.ceil(3 * n0 * F.entryRatePerMonth));
  // Free entry: more businesses open when each established one sells more than a business did at the
  // start (room in the market), fewer when it sells less. The start is the economy's own, so room is 1
  // there. An entrant counts once it has been open `entrySignalAgeMonths`: until then its customers are
  // still finding it and its sales tell nothing of what the market buys. The start holds no such young
  // businesses, so counting them would read their ramp-up as a shrinking market (docs/model.md §7.8).
  let turnover = 0;
  let established = 0;
  for (let k = 0; k < open; k++) {
    const id = ids[k];
    if (id >= n0 && e.month - b.life.openedMonth[id] < F.entrySignalAgeMonths) continue;
    turnover += b.flows.turnover[id];
    established++;
  }
  const room = established > 0 && e.month > 0 ? turnover / established / e.turnoverPerBusinessStart : 1;
  // Founders come from the households that do not run a business (occupational choice): when businesses
  // close, their owners can found again and entry rises; when more run one, fewer are left to. At the
  // start the n initial owners are n distinct households, so entry there is n × entryRatePerMonth.
  const H = e.households.count;
  if (ownsScratch.length < H) {
    ownsScratch = new Uint8Array(H);
    foundersScratch = new Int32Array(H);
  }
  const owns = ownsScratch;
  owns.fill(0, 0, H);
  let owners = 0;
  for (let k = 0; k < open; k++) {
    const owner = b.owner.ownerHousehold[ids[k]];
    if (!owns[owner]) owners++;
    owns[owner] = 1;
  }
  const freeAtStart = Math.max(1, H - n0);
  const expected = (n0 * (H - owners)) / freeAtStart * F.entryRatePerMonth * (0.5 + s.government.permitEase) * pow(room, F.entryResponse);
  const pEnter = Math.min(1, expected / candidates);
  // Would-be founders: households that run no business and have the start-up capital saved, listed when
  // the first candidate enters (in id order; a founder leaves the list).
  const founders = foundersScratch;
  let free = -1;
  // One stream per month, a fixed block of draws per candidate: candidate j's draws do not depend on
  // what happened to the candidates before it.
  const draws = e.streams.uniforms('entry', e.month, candidates * DRAWS_PER_CANDIDATE);
  for (let j = 0; j < candidates; j++) {
    let next = j * DRAWS_PER_CANDIDATE;
    const end = next + DRAWS_PER_CANDIDATE;
    const rng = () => {
      if (next >= end) throw new Error('entry candidate used more draws than its block');
      return draws[next++];
    };
    if (rng() >= pEnter) continue;
    // The founder: drawn from the would-be founders; with none, the candidate does not enter.
    if (free < 0) {
      free = 0;
      const money = e.ledger.money;
      for (let k = 0; k < H; k++) if (!owns[k] && money[e.householdAccount0 + k] >= F.entrantCapitalRupiah) founders[free++] = k;
    }
    const u = rng();
    if (free === 0) continue;
    const pick = Math.floor(u * free);
    const founder = founders[pick];
    founders[pick] = founders[--free];
    if (b.used >= b.slots) {
      e.entryBlocked++;
      continue;
    }
    if (b.used >= b.allocated) growBusinesses(e);
    const id = b.used++;
    e.ledger.sectorOf[id] = Sector.otherBusinesses;
    drawOwnerAndCapacities(e, id, rng);
    setTechnology(e, id, rng);
    b.owner.ownerHousehold[id] = founder;
    b.technology.supplier[id] = Math.floor(rng() * e.suppliers.count);
    // Its size (pull) is drawn as the initial businesses' was; customers find it only as they look for
    // new shops, so it starts small in sales and grows as households switch to it.
    const sigma = s.economy.turnoverDispersion;
    const size = exp(sigma * normal(rng(), rng()) - (sigma * sigma) / 2);
    b.market.attractionStart[id] = size;
    b.market.attraction[id] = size;
    const sectorId = b.life.sector[id];
    const sector = s.economy.sectors[sectorId];
    const startTurnover = e.turnoverPerBusinessStart * size;
    b.market.turnoverStart[id] = startTurnover;
    // Outside buyers: those left by closed businesses of its sector, up to its size's share of outside sales.
    const outside = Math.min(e.outsideBuyers[sectorId], startTurnover * sector.outsideSalesShare);
    e.outsideBuyers[sectorId] -= outside;
    b.market.outsideBase[id] = outside;
    const fam = s.economy.familyWorkersMean;
    b.workforce.familyWorkers[id] = Math.floor(fam) + (rng() < fam - Math.floor(fam) ? 1 : 0);
    b.market.expectedDemand[id] = (0.3 * startTurnover) / b.technology.price[id];
    b.technology.productivityStart[id] = b.technology.productivity[id];
    b.market.inventory[id] = 0;
    b.life.openedMonth[id] = e.month;
    b.life.closedMonth[id] = -1;
    setOpen(b, id, true);
    const other = Math.floor(rng() * b.used);
    if (b.life.open[other]) addTie(e, id, other);
    noticeOpening(e, id, rng(), open);
    e.ledger.transfer(e.householdAccount0 + founder, id, F.entrantCapitalRupiah, Flow.entryCapital);
  }
}
