// Phase 7: incomes. Businesses pay overheads, wages, taxes and loan installments, work out profit and
// pay the owner's household; suppliers pay for their own imports and pay out the rest to their
// households; households receive income from outside. Then what each household received through the
// ledger since the last incomes phase (every payment to it: wages, profits, payouts, program fees, cash,
// liquidations, outside income) becomes its income, next month's spending power.
import { Flow } from '../ledger/accounts.js';
import { MAX_EMPLOYEES, openIds, type Economy } from '../state/economy.js';
import { extraWorkerUnits, stretchedCapacity } from './decisions.js';

export function payIncomes(e: Economy): void {
  const s = e.scenario;
  const F = s.firms;
  const b = e.businesses;
  const { life, flows, market, practices, workforce, finance } = b;
  const h = e.households;
  const ledger = e.ledger;
  const money = ledger.money;
  const h0 = e.householdAccount0;
  const world = e.accounts.restOfWorld;
  const wage = s.households.wageRupiahPerMonth * e.labour.wageIndex;
  const subsidy = s.government.interestSubsidyShare;
  const rate = s.program.resourceAccess.creditInterestPerMonth;
  const emergencies = e.streams.uniforms('household', e.month, b.used);

  const ids = openIds(b);
  for (let n = 0; n < ids.length; n++) {
    const id = ids[n];
    const sector = s.economy.sectors[life.sector[id]];
    const turnover = flows.turnover[id];
    const overheads = ledger.pay(id, world, turnover * sector.overheadShare, Flow.overheads);
    flows.overheads[id] = overheads;
    let wages = 0;
    for (let j = 0; j < workforce.employees[id]; j++) {
      const hh = workforce.employeeHousehold[id * MAX_EMPLOYEES + j];
      wages += ledger.pay(id, h0 + hh, wage, Flow.wages);
    }
    flows.wagesPaid[id] = wages;
    const taxes = ledger.pay(id, e.accounts.government, Math.max(0, turnover - F.taxExemptTurnoverRupiahPerMonth) * F.turnoverTaxRate, Flow.taxes);
    let interest = 0;
    if (finance.loanBalance[id] > 0) {
      interest = finance.loanBalance[id] * rate;
      const subsidised = interest * subsidy;
      if (subsidised > 0) ledger.transfer(e.accounts.government, e.accounts.lender, subsidised, Flow.interestSubsidy);
      const due = Math.min(finance.loanInstallment[id] - subsidised, finance.loanBalance[id] + interest - subsidised);
      const paid = ledger.pay(id, e.accounts.lender, due, Flow.loanRepayments);
      finance.loanBalance[id] = Math.max(0, finance.loanBalance[id] + interest - subsidised - paid);
      if (finance.loanBalance[id] < 1) {
        finance.loanBalance[id] = 0;
        finance.loanInstallment[id] = 0;
      }
      interest -= subsidised;
    }
    // Profit on an accrual basis: the raw materials in what was sold, at this month's cost per unit.
    const materials = flows.salesUnits[id] * flows.unitCostPaid[id];
    const profit = turnover - materials - overheads - wages - taxes - interest;
    flows.profit[id] = profit;
    // The owner's household takes its share of profit (at least a subsistence amount) from the cash above
    // next month's working capital, and idle cash beyond a few months of it. With mixed money, household
    // emergencies are paid out of business cash, working capital or not.
    const owner = b.owner.ownerHousehold[id];
    // Working capital: what next month's production plan will need — raw materials to meet expected demand
    // and refill the stock target, within what longer hours can make — plus next month's wages and loan
    // installment.
    const capacityUnits = (1 + workforce.familyWorkers[id] + workforce.employees[id]) * b.technology.productivity[id];
    const nextPlan = Math.min(stretchedCapacity(e, id, capacityUnits), Math.max(0, market.expectedDemand[id] * (1 + F.inventoryTargetMonths) - market.inventory[id]));
    // A business whose demand justifies another worker also keeps the cash the hire needs: owners retain
    // earnings to expand.
    const valuePerUnit = b.technology.price[id] * (1 - sector.overheadShare) - flows.unitCostPaid[id];
    const expanding = s.mechanisms.hiring && extraWorkerUnits(e, id, capacityUnits) * valuePerUnit > F.hireValueAddedShare * wage;
    const payroll = expanding ? F.hireCashMonths * wage * (workforce.employees[id] + 1) : workforce.employees[id] * wage;
    const workingCapital = Math.max(nextPlan, market.expectedDemand[id]) * flows.unitCostPaid[id] + payroll + finance.loanInstallment[id];
    const cash = money[id];
    let draw = Math.min(Math.max(F.ownerDrawShare * profit, F.subsistenceDrawRupiahPerMonth), Math.max(0, cash - workingCapital));
    // Cash that stands against an outstanding loan is not idle.
    draw += Math.max(0, cash - draw - F.idleCashMonths * workingCapital - finance.loanBalance[id]);
    ledger.pay(id, h0 + owner, draw, Flow.ownerDraws);
    if (!practices.separatesMoney[id] && emergencies[id] < F.householdEmergencyPerMonth) {
      ledger.pay(id, h0 + owner, money[id] * F.householdEmergencyShare, Flow.householdUse);
    }
    // The other direction of mixed household and business money: when the business lacks working capital
    // (after an emergency, a bad month or a restock), the owner's household puts savings back in.
    const shortfall = workingCapital - money[id];
    if (shortfall > 0) ledger.pay(h0 + owner, id, Math.min(shortfall, F.ownerTopUpShare * money[h0 + owner]), Flow.ownerCapital);
  }

  const sup = e.suppliers;
  const importShare = s.suppliers.importShare;
  for (let j = 0; j < sup.count; j++) {
    const acct = e.supplierAccount0 + j;
    ledger.pay(acct, world, sup.sales[j] * importShare, Flow.supplierImports);
    ledger.pay(acct, h0 + sup.ownerHousehold[j], money[acct], Flow.supplierPayouts);
  }

  // Income from outside: remittances, commuters' wages, pensions, public transfers (growing with the trend).
  const outsideFactor = e.conditions.outsideIncomeFactor;
  for (let i = 0; i < h.count; i++) ledger.transfer(world, h0 + i, h.outsideIncome[i] * outsideFactor, Flow.outsideIncome);
  ledger.takeReceived(h0, h.incomeLast);
  // Which part of that income was cash transfers: the market phase counts them as they are spent instead.
  if (h.transferPending.length > 0) {
    h.transferInIncome.set(h.transferPending);
    h.transferPending.fill(0);
  }
}
