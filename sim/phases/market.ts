// Phase 6: the market. Households look for new shops, spend last month's income (a marginal propensity
// to consume plus a draw on savings), split the local part over the shops they know in proportion to
// each shop's pull, and buy the rest outside. Part of a shop's extra pull is new local demand (taken
// from imports) and part is taken from its competitors: the business-stealing share. Outside buyers
// add their orders; shops sell what their stock allows; local demand they cannot meet is bought outside.
import { Flow } from '../ledger/accounts.js';
import { CAPACITY_COUNT, Cap, type Economy } from '../state/economy.js';

export function trade(e: Economy): void {
  const s = e.scenario;
  const b = e.b;
  const h = e.h;
  const HH = s.households;
  const P = s.performance;
  const ledger = e.ledger;
  const money = ledger.money;
  const used = b.used;
  const K = h.shopsKnown;
  const H = h.count;
  const h0 = e.householdAccount0;
  const row = e.accounts.restOfWorld;
  const cond = e.conditions;
  const stealing = s.businessStealingShare;

  switchShops(e);

  b.ordersRupiah.fill(0, 0, used);
  b.localSales.fill(0, 0, used);
  b.customers.fill(0, 0, used);
  // Pass 1: orders.
  const consumption = new Float64Array(H);
  for (let i = 0; i < H; i++) {
    const held = money[h0 + i];
    let c = HH.marginalPropensityToConsume * h.incomeLast[i] + HH.spendingFromSavings * held;
    c *= cond.localDemandFactor < 1 ? cond.localDemandFactor : 1;
    if (c > held) c = held;
    consumption[i] = c;
    let w = 0, w0 = 0;
    for (let k = 0; k < K; k++) {
      const shop = h.shops[i * K + k];
      if (b.open[shop]) {
        w += b.attraction[shop];
        w0 += b.attractionStart[shop];
      }
    }
    if (w <= 0) {
      for (let k = 0; k < K; k++) h.orders[i * K + k] = 0;
      continue;
    }
    let local = HH.localSpendingShare * c * (cond.localDemandFactor > 1 ? cond.localDemandFactor : 1);
    // New local demand from shops' extra pull, the part not taken from competitors.
    local *= 1 + (1 - stealing) * (w / w0 - 1);
    if (local > c) local = c;
    for (let k = 0; k < K; k++) {
      const shop = h.shops[i * K + k];
      const order = b.open[shop] ? (local * b.attraction[shop]) / w : 0;
      h.orders[i * K + k] = order;
      b.ordersRupiah[shop] += order;
    }
  }

  // Outside orders and what each shop can deliver.
  const fill = new Float64Array(used);
  for (let id = 0; id < used; id++) {
    if (!b.open[id]) {
      b.outsideSales[id] = 0;
      continue;
    }
    const i = id * CAPACITY_COUNT;
    let outsideGain = b.marketLinks[id];
    if (s.mechanisms.capacityToPerformance) {
      outsideGain += P.outsideMarketingGain * Math.max(0, b.capacity[i + Cap.marketing] - b.capacityStart[i + Cap.marketing]);
    }
    if (e.programActive && s.program.forums.enabled && b.forum[id] >= 0 && e.month - e.program.cohortStart[b.cohort[id]] < s.program.forums.months) {
      outsideGain += s.program.forums.promotionOutsideGain;
    }
    const newDigital = b.digitalChannel[id] && !(b.practicesStart[id] & 4) ? 1 : 0;
    const digital = newDigital * P.digitalSalesUplift * (0.5 + b.capacity[i + Cap.digital]) * b.turnoverStart[id];
    const outsideOrders = cond.outsideDemandFactor * (b.outsideBase[id] * (1 + outsideGain) + digital);
    const demandUnits = (b.ordersRupiah[id] + outsideOrders) / b.price[id];
    const sold = Math.min(demandUnits, b.inventory[id]);
    fill[id] = demandUnits > 0 ? sold / demandUnits : 0;
    b.outsideSales[id] = outsideOrders * fill[id];
    b.expectedDemand[id] += s.firms.expectationSmoothing * (demandUnits - b.expectedDemand[id]);
  }

  // Pass 2: households pay for what they get, buy the rest of their consumption outside and save.
  for (let i = 0; i < H; i++) {
    const acct = h0 + i;
    let local = 0;
    for (let k = 0; k < K; k++) {
      const order = h.orders[i * K + k];
      if (order <= 0) continue;
      const shop = h.shops[i * K + k];
      const paid = ledger.pay(acct, shop, order * fill[shop], Flow.consumption);
      if (paid > 0) {
        b.localSales[shop] += paid;
        b.customers[shop] += 1;
        local += paid;
      }
    }
    // What local shops could not deliver is bought outside instead.
    const imports = consumption[i] - local;
    ledger.pay(acct, row, imports, Flow.householdImports);
    const saving = h.incomeLast[i] - (consumption[i] > 0 ? consumption[i] : 0);
    if (saving > 0) ledger.pay(acct, row, saving * HH.savingsOutsideShare, Flow.savingsOutside);
  }

  // Outside buyers pay; stock falls by what was sold.
  for (let id = 0; id < used; id++) {
    if (!b.open[id]) continue;
    const paid = ledger.transfer(row, id, b.outsideSales[id], Flow.outsideSales);
    b.outsideSales[id] = paid;
    b.turnover[id] = b.localSales[id] + paid;
    const units = b.turnover[id] / b.price[id];
    b.salesUnits[id] = units;
    b.inventory[id] = Math.max(0, b.inventory[id] - units);
    // Outside buyers counted as customers at the business's average local ticket.
    const ticket = b.customers[id] > 0 ? b.localSales[id] / b.customers[id] : b.turnoverStart[id] / 10;
    if (ticket > 0) b.customers[id] += paid / ticket;
  }
}

/**
 * Households replace shops that closed and, now and then, try a new one. One draw per household: below
 * the switching chance it also yields two candidate shops (the draw rescaled), and the one with more
 * pull is compared with the household's weakest shop.
 */
function switchShops(e: Economy): void {
  const b = e.b;
  const h = e.h;
  const K = h.shopsKnown;
  const used = b.used;
  const pSwitch = e.scenario.households.shopSwitchingPerMonth;
  const u = e.streams.uniforms('shopSwitch', e.month, h.count);
  for (let i = 0; i < h.count; i++) {
    let weakest = -1;
    let weakestPull = Infinity;
    for (let k = 0; k < K; k++) {
      const shop = h.shops[i * K + k];
      const pull = b.open[shop] ? b.attraction[shop] : -1;
      if (pull < weakestPull) {
        weakestPull = pull;
        weakest = k;
      }
    }
    const closedLink = weakestPull < 0;
    if (!closedLink && u[i] >= pSwitch) continue;
    const v = closedLink ? u[i] : u[i] / pSwitch;
    let c1 = Math.floor(v * used);
    let c2 = Math.floor(((v * used) % 1) * used);
    c1 = nextOpen(e, c1);
    c2 = nextOpen(e, c2);
    if (c1 < 0) continue;
    const cand = c2 >= 0 && b.attraction[c2] > b.attraction[c1] ? c2 : c1;
    let known = false;
    for (let k = 0; k < K; k++) if (h.shops[i * K + k] === cand) known = true;
    if (!known && b.attraction[cand] > weakestPull) h.shops[i * K + weakest] = cand;
  }
}

function nextOpen(e: Economy, start: number): number {
  const used = e.b.used;
  for (let t = 0, id = start; t < used; t++, id = id + 1 === used ? 0 : id + 1) if (e.b.open[id]) return id;
  return -1;
}
