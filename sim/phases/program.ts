// Phase 2: the program acts — sessions, visits, grants, loans, forums, cash — and pays for them through
// the ledger. Nothing happens here in the counterfactual run.
import { Flow } from '../ledger/accounts.js';
import { cohortActiveMonths, trainingHoursTotal } from '../program/costs.js';
import type { Economy } from '../state/economy.js';
import { addTie } from '../state/ties.js';
import { pow } from '../math/elementary.js';

/** Pay from the program account; local payments count as money injected into the local economy. */
function spend(e: Economy, payee: number, amount: number, local: boolean): void {
  const kind = local ? Flow.programLocalSpending : Flow.programOutsideSpending;
  const paid = e.ledger.pay(e.accounts.program, payee, amount, kind);
  e.program.spent += paid;
  if (local) {
    e.program.spentLocal += paid;
    e.program.injectedLocal += paid;
  }
}

/** Split a program expense between local providers (households) and outside suppliers. */
function spendSplit(e: Economy, amount: number, localShare: number, salt: number): void {
  if (amount <= 0) return;
  const providers = e.program.providerHouseholds;
  const provider = providers[(e.month + salt) % providers.length];
  spend(e, e.householdAccount0 + provider, amount * localShare, true);
  spend(e, e.accounts.restOfWorld, amount * (1 - localShare), false);
}

export function runProgram(e: Economy): void {
  const b = e.businesses;
  if (!e.programActive) return;
  const s = e.scenario;
  const p = s.program;
  const t = e.month;
  const ledger = e.ledger;
  const program = e.program;
  if (t === 1 && p.budgetRupiah > 0) ledger.transfer(e.accounts.restOfWorld, e.accounts.program, p.budgetRupiah, Flow.programFunding);
  const spentBefore = program.spent;
  let cashPaid = 0;
  const active = cohortActiveMonths(s);
  const services = p.localShareOfServices;
  const draws = e.streams.uniforms('attendance', t, b.used);

  program.cohorts.forEach((members, c) => {
    const start = program.cohortStart[c];
    const since = t - start;
    if (since < 0) return;
    const count = members.length;
    if (count === 0) return;
    if (since === 0) {
      if (p.needsAnalysis.enabled) spendSplit(e, count * p.needsAnalysis.costRupiahPerParticipant, services, c);
      if (p.reflection.enabled && c > 0) spendSplit(e, p.reflection.costRupiahPerCohort, services, c + 1);
      if (p.forums.enabled) formForums(e, members, c);
    }
    if (p.resourceAccess.enabled && since === p.resourceAccess.month) grantResources(e, members);
    const training = p.training.enabled && since < p.training.months;
    const mentoring = p.mentoring.enabled && since < p.mentoring.months;
    const inProgram = since < active;
    if (training) spendSplit(e, count * (trainingHoursTotal(s) / p.training.months) * p.training.costRupiahPerParticipantHour, p.training.localShareOfCost, c + 2);
    if (p.monitoring.enabled && inProgram) spendSplit(e, count * p.monitoring.costRupiahPerParticipantMonth, services, c + 3);
    if (p.forums.enabled && since < p.forums.months) {
      spendSplit(e, Math.ceil(count / p.forums.size) * p.forums.costRupiahPerForumMonth, 1, c + 4);
    }
    if (mentoring) payMentors(e, members);
    if (!(training || mentoring)) return;
    // Attendance: time available (raised for women by a gender-sensitive design), cut by resistance,
    // raised by monitoring, with month-to-month noise.
    const visitCapacity = Math.min(1, p.mentoring.maxVisitsPerMentorMonth / (p.mentoring.caseload * p.mentoring.visitsPerMonth || 1));
    for (const id of members) {
      if (!b.life.open[id]) continue;
      let a = 1;
      if (s.mechanisms.attendanceLimits) {
        let time = b.owner.timeAvailable[id];
        if (p.genderSensitive && b.owner.female[id]) time = Math.min(1, time * (1 + p.womenTimeBoost));
        a = time;
        if (s.mechanisms.resistance) a *= 1 - s.learning.resistanceWeight * b.owner.resistance[id];
        a *= 0.75 + 0.5 * draws[id];
      }
      if (p.monitoring.enabled) a *= 1 + p.monitoring.attendanceBoost;
      b.membership.attendance[id] = a < 0 ? 0 : a > 1 ? 1 : a;
      b.membership.inTraining[id] = training ? 1 : 0;
      // Mentors come to the business: a busy or reluctant owner misses some visits, not most.
      b.membership.visits[id] = mentoring ? p.mentoring.visitsPerMonth * visitCapacity * (0.5 + 0.5 * b.membership.attendance[id]) : 0;
    }
  });

  // Cash transfers on their schedule from the program's start, whether or not any business is enrolled.
  if (p.cashTransfer.enabled) for (const payment of program.cashPayments) if (payment.month === t) cashPaid += payCash(e, payment.rupiahPerHousehold);

  // Administration on the levers' spending; cash transfers carry their own delivery cost instead.
  const overhead = (program.spent - spentBefore - cashPaid) * p.adminOverheadShare;
  if (overhead > 0) spend(e, e.accounts.restOfWorld, overhead, false);
}

function payMentors(e: Economy, members: Int32Array): void {
  const p = e.scenario.program.mentoring;
  const seen = new Set<number>();
  for (const id of members) seen.add(e.businesses.membership.mentor[id]);
  for (const m of seen) {
    if (m < 0) continue;
    const payee = p.local ? e.householdAccount0 + e.program.mentorHousehold[m] : e.accounts.restOfWorld;
    spend(e, payee, p.feeRupiahPerMentorMonth, p.local);
  }
}

function grantResources(e: Economy, members: Int32Array): void {
  const r = e.scenario.program.resourceAccess;
  const b = e.businesses;
  for (const id of members) {
    if (!b.life.open[id]) continue;
    spend(e, e.accounts.restOfWorld, r.costRupiahPerParticipant, false);
    if (r.grantRupiah > 0) {
      const paid = e.ledger.pay(e.accounts.program, id, r.grantRupiah, Flow.grants);
      e.program.spent += paid;
      e.program.injectedLocal += paid;
    }
    if (r.creditRupiah > 0 && b.finance.loanBalance[id] === 0) {
      // The lender sizes the loan to repayment capacity: installment within a share of monthly profit.
      const i = r.creditInterestPerMonth;
      const n = r.creditTermMonths;
      const annuity = i > 0 ? i / (1 - pow(1 + i, -n)) : 1 / n;
      const affordable = (r.creditMaxInstallmentShareOfProfit * Math.max(0, b.flows.profit[id])) / annuity;
      const lent = e.ledger.transfer(e.accounts.lender, id, Math.min(r.creditRupiah, affordable), Flow.loans);
      b.finance.loanBalance[id] = lent;
      b.finance.loanInstallment[id] = lent * annuity;
    }
    b.technology.localInputShare[id] = Math.min(1, b.technology.localInputShareStart[id] + r.supplierLinks);
    b.market.marketLinks[id] = r.marketLinks;
  }
}

/** Pay this month's transfers and their delivery cost; returns everything spent. */
function payCash(e: Economy, rupiahPerHousehold: number): number {
  const before = e.program.spent;
  const { transferUnspent, transferPending } = e.households;
  let total = 0;
  for (const hh of e.program.cashRecipients) {
    const paid = e.ledger.pay(e.accounts.program, e.householdAccount0 + hh, rupiahPerHousehold, Flow.cashTransfers);
    e.program.spent += paid;
    e.program.injectedLocal += paid;
    total += paid;
    // Households spend a transfer over the following months (market phase), not as one month's income.
    transferUnspent[hh] += paid;
    transferPending[hh] += paid;
  }
  const d = e.scenario.program.cashTransfer.deliveryCostShare;
  spend(e, e.accounts.restOfWorld, (total * d) / (1 - d), false);
  return e.program.spent - before;
}

/** Forums: consecutive participants (grouped by sector first) meet as groups; every pair gets a tie. */
function formForums(e: Economy, members: Int32Array, cohort: number): void {
  const size = e.scenario.program.forums.size;
  const sorted = Array.from(members).sort((x, y) => e.businesses.life.sector[x] - e.businesses.life.sector[y] || x - y);
  for (let g = 0; g * size < sorted.length; g++) {
    const group = sorted.slice(g * size, (g + 1) * size);
    const forumId = cohort * 10_000 + g;
    for (const id of group) e.businesses.membership.forum[id] = forumId;
    for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) addTie(e, group[i], group[j]);
  }
}

