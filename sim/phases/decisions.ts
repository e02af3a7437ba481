// Phase 5: businesses decide. Learned capacities set productivity, waste, price and the pull on
// customers; each business plans output from expected demand, buys raw materials it can pay for
// (local share to a local supplier, the rest imported), hires or lets go, and may buy equipment.
import { Flow } from '../ledger/accounts.js';
import { CAPACITY_COUNT, Cap, MAX_EMPLOYEES, openIds, type Economy } from '../state/economy.js';
import { pow } from '../math/elementary.js';

const C = CAPACITY_COUNT;

export function decide(e: Economy): void {
  const s = e.scenario;
  const m = s.mechanisms;
  const P = s.performance;
  const F = s.firms;
  const forums = s.program.forums;
  const b = e.businesses;
  const { life, flows, technology, capacities, practices, membership, workforce, finance } = b;
  const ledger = e.ledger;
  const money = ledger.money;
  const used = b.used;
  const wage = s.households.wageRupiahPerMonth * e.labour.wageIndex;
  const cond = e.conditions;
  const forumsOn = e.programActive && forums.enabled;
  const cohortStart = e.program.cohortStart;
  const u = e.streams.uniforms('labour', e.month, used * 2);
  const world = e.accounts.restOfWorld;

  const ids = openIds(b);
  // Whether anyone in the area may still be free for paid work this month: false once a search for a
  // worker has found no one, true again when a business lets a worker go.
  let someoneFree = true;
  for (let n = 0; n < ids.length; n++) {
    const id = ids[n];
    const i = id * C;
    // Capacities → performance, measured as learning above the business's own start.
    let attractionGain = 0;
    if (m.capacityToPerformance) {
      const gProd = Math.max(0, capacities.capacity[i + Cap.production] - capacities.capacityStart[i + Cap.production]);
      const gPlan = Math.max(0, capacities.capacity[i + Cap.management] - capacities.capacityStart[i + Cap.management]);
      const gMkt = Math.max(0, capacities.capacity[i + Cap.marketing] - capacities.capacityStart[i + Cap.marketing]);
      const gMind = Math.max(0, capacities.capacity[i + Cap.mindset] - capacities.capacityStart[i + Cap.mindset]);
      technology.productivity[id] = technology.productivityStart[id] * (1 + P.productionProductivityGain * gProd + P.planningProductivityGain * gPlan) * (1 + technology.equipmentGain[id]);
      technology.waste[id] = P.wasteAtStart * Math.max(0, 1 - P.wasteReduction * (gProd + gPlan));
      const newBooks = practices.keepsBooks[id] && !(practices.practicesStart[id] & 1) ? 1 : 0;
      technology.price[id] = technology.priceStart[id] * (1 + P.bookkeepingMarkupGain * newBooks) * (1 + technology.scarcityMarkup[id]);
      attractionGain = P.marketingAttractionGain * gMkt + P.mindsetAttractionGain * gMind;
    } else {
      technology.productivity[id] = technology.productivityStart[id] * (1 + technology.equipmentGain[id]);
      technology.price[id] = technology.priceStart[id] * (1 + technology.scarcityMarkup[id]);
    }
    const promoting = forumsOn && membership.forum[id] >= 0 && e.month - cohortStart[membership.cohort[id]] < forums.months;
    if (promoting) attractionGain += forums.promotionAttractionGain;
    // Most prices are at their start (no new books, no markup): the power of 1 is 1, so it is not computed.
    const relativePrice = technology.price[id] / technology.priceStart[id];
    b.market.attraction[id] = b.market.attractionStart[id] * (relativePrice === 1 ? 1 : pow(relativePrice, -F.priceElasticity)) * (1 + attractionGain);

    // Raw-material price this month: shocks, softened inside an active forum network; joint purchasing.
    let priceFactor = cond.inputPriceFactor;
    if (promoting) {
      if (m.shockCushioning && priceFactor > 1) priceFactor = 1 + (priceFactor - 1) * (1 - forums.shockCushion);
      priceFactor *= 1 - forums.jointPurchasingDiscount;
    }
    // A mentor's market information: inputs bought cheaper (the seller, local or outside, earns less).
    priceFactor *= 1 - s.program.mentoring.informationInputDiscount * membership.mentorInformation[id];
    const unitCost = technology.inputCostPerUnit[id] * priceFactor * (1 + technology.waste[id]);
    flows.unitCostPaid[id] = unitCost;

    // Production plan: expected demand plus the stock buffer, within capacity and what cash can buy
    // after keeping back this month's wages and loan installment. Capacity is the workers' usual hours;
    // in a busy month the owner and family work longer (stretchedCapacity), at no wage.
    const workers = 1 + workforce.familyWorkers[id] + workforce.employees[id];
    const capacityUnits = workers * technology.productivity[id];
    const stretchedUnits = stretchedCapacity(e, id, capacityUnits);
    const wanted = Math.max(0, b.market.expectedDemand[id] * (1 + F.inventoryTargetMonths) - b.market.inventory[id]);
    const planned = Math.min(wanted, stretchedUnits);
    const reserve = workforce.employees[id] * wage + finance.loanInstallment[id];
    const affordable = unitCost > 0 ? Math.max(0, money[id] - reserve) / unitCost : Infinity;
    const q = Math.min(planned, affordable);
    const localShare = technology.localInputShare[id];
    const supplierAccount = e.supplierAccount0 + technology.supplier[id];
    const paidLocal = ledger.transfer(id, supplierAccount, q * unitCost * localShare, Flow.localInputs);
    const paidImported = ledger.pay(id, world, q * unitCost * (1 - localShare), Flow.importedInputs);
    e.suppliers.sales[technology.supplier[id]] += paidLocal;
    flows.inputsLocal[id] = paidLocal;
    flows.inputsImported[id] = paidImported;
    flows.production[id] = q;
    b.market.inventory[id] += q;
    // Distress: cash cannot buy even half of what the business needs to make.
    if (planned > 0 && affordable < 0.5 * planned) finance.distressMonths[id] = Math.min(255, finance.distressMonths[id] + 1);
    else finance.distressMonths[id] = 0;

    const demandOutruns = b.market.expectedDemand[id] > 0.95 * capacityUnits;
    // Prices creep up while demand outruns what longer hours can make and back down as soon as it does not;
    // hiring and investment are judged on the usual hours.
    if (b.market.expectedDemand[id] > 0.95 * stretchedUnits) technology.scarcityMarkup[id] = Math.min(F.maxScarcityMarkup, technology.scarcityMarkup[id] + F.priceAdjustmentPerMonth);
    else if (technology.scarcityMarkup[id] > 0) technology.scarcityMarkup[id] = Math.max(0, technology.scarcityMarkup[id] - F.priceAdjustmentPerMonth);
    if (m.hiring) {
      // Hire when demand outruns capacity, the extra worker's value added pays the wage and cash allows;
      // let the last worker go when what they add falls well below the wage.
      const overhead = s.economy.sectors[life.sector[id]].overheadShare;
      const valuePerUnit = technology.price[id] * (1 - overhead) - unitCost;
      const extra = extraWorkerUnits(e, id, capacityUnits);
      // The last worker is judged on the same demand as the next one, so a worker just hired is not let go
      // while the markup that signalled the hire winds down.
      const lastWorker = Math.min(Math.max(0, latentDemand(e, id) - (workers - 1) * technology.productivity[id]), technology.productivity[id]);
      const draw = u[id * 2];
      const mindset = capacities.capacity[i + Cap.mindset];
      if (demandOutruns && extra * valuePerUnit > F.hireValueAddedShare * wage && workforce.employees[id] < MAX_EMPLOYEES &&
          money[id] > F.hireCashMonths * wage * (workforce.employees[id] + 1) && draw < F.hireProbability * (0.5 + mindset)) {
        if (someoneFree) someoneFree = hire(e, id, draw);
      } else if (workforce.employees[id] > 0 && (lastWorker * valuePerUnit < F.fireValueAddedShare * wage || money[id] < workforce.employees[id] * wage)) {
        if (draw < 0.5) {
          fire(e, id);
          someoneFree = true;
        }
      }
    }
    if (m.investment && demandOutruns && u[id * 2 + 1] < 0.1 * (0.5 + capacities.capacity[i + Cap.mindset])) {
      // Buy equipment only when it pays back within two years and cash stays above a buffer of costs.
      const monthlyCosts = reserve + q * unitCost;
      const valuePerUnit = technology.price[id] * (1 - s.economy.sectors[life.sector[id]].overheadShare) - unitCost;
      const paysBack = F.investmentProductivityGain * capacityUnits * valuePerUnit * 24 > F.investmentRupiah;
      if (paysBack && money[id] - F.investmentRupiah > F.investCashMonths * monthlyCosts) {
        ledger.transfer(id, world, F.investmentRupiah, Flow.equipment);
        technology.equipmentGain[id] += F.investmentProductivityGain;
      }
    }
  }
}

/**
 * What the business can make in a month with the owner and unpaid family working longer than usual
 * (units/month): `capacityUnits` (everyone's usual hours) plus `ownerExtraHoursShare` of the owner's and
 * family's usual output. Employees work their usual hours.
 */
export function stretchedCapacity(e: Economy, id: number, capacityUnits: number): number {
  const b = e.businesses;
  return capacityUnits + e.scenario.firms.ownerExtraHoursShare * (1 + b.workforce.familyWorkers[id]) * b.technology.productivity[id];
}

/**
 * What one more worker would add (units/month): the demand beyond capacity, up to a worker's output. It is
 * judged on the demand the shop would have at its price without the scarcity markup (the customers the
 * markup is turning away): a markup is a sign of room to expand.
 */
export function extraWorkerUnits(e: Economy, id: number, capacityUnits: number): number {
  return Math.min(Math.max(0, latentDemand(e, id) - capacityUnits), e.businesses.technology.productivity[id]);
}

/** Expected demand (units/month) at the price without the scarcity markup. */
function latentDemand(e: Economy, id: number): number {
  const { market, technology } = e.businesses;
  const markup = technology.scarcityMarkup[id];
  // Without a markup the power of 1 is 1 (most businesses): not computed.
  return market.expectedDemand[id] * (markup === 0 ? 1 : pow(1 + markup, e.scenario.firms.priceElasticity));
}

/**
 * Hire one worker from a household with a member free for paid work, asking household after household
 * from a place set by the draw, as far as the whole area: a business finds a worker whenever anyone is
 * free. Returns false when no one is.
 */
export function hire(e: Economy, id: number, draw: number): boolean {
  const h = e.households;
  const H = h.count;
  let k = Math.floor(((draw * 7919) % 1) * H);
  for (let tries = 0; tries < H; tries++, k = k + 1 === H ? 0 : k + 1) {
    if (h.employed[k] < h.labourSupply[k]) {
      h.employed[k]++;
      const { workforce } = e.businesses;
      workforce.employeeHousehold[id * MAX_EMPLOYEES + workforce.employees[id]] = k;
      workforce.employees[id]++;
      return true;
    }
  }
  return false;
}

export function fire(e: Economy, id: number): void {
  const b = e.businesses;
  const { workforce } = b;
  if (workforce.employees[id] === 0) return;
  workforce.employees[id]--;
  const slot = id * MAX_EMPLOYEES + workforce.employees[id];
  const hh = workforce.employeeHousehold[slot];
  if (hh >= 0) e.households.employed[hh]--;
  workforce.employeeHousehold[slot] = -1;
}
