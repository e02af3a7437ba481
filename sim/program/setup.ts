// Who the program enrols, in which cohort, with which mentor — decided once from the starting economy,
// identically in the program run and its counterfactual (like a randomisation list drawn at baseline),
// so "participants" means the same businesses in both.
import { Sector } from '../ledger/accounts.js';
import type { Economy, ProgramState } from '../state/economy.js';
import { affordablePlaces, cashPerRecipient, cohortSizes, planCosts } from './costs.js';
import { pickCashRecipients } from './cashRecipients.js';
import { cashSchedule, type ScheduledPayment } from './cashSchedule.js';
import { targetingOrder } from './targeting.js';

export function setupProgram(e: Economy): ProgramState {
  const s = e.scenario;
  const p = s.program;
  const b = e.businesses;
  const n = s.economy.businesses;
  const order = targetingOrder(e, n);
  const places = Math.min(p.maxParticipants, order.length, affordablePlaces(s));
  const chosen = order.subarray(0, places);

  const cohorts: Int32Array[] = [];
  const cohortStart: number[] = [];
  let first = 0;
  for (const [c, size] of cohortSizes(places, p.cohorts).entries()) {
    const members = chosen.subarray(first, first + size);
    first += size;
    cohorts.push(Int32Array.from(members));
    cohortStart.push(p.startMonth + c * p.monthsBetweenCohorts);
    for (const id of members) {
      b.membership.participant[id] = 1;
      b.membership.cohort[id] = c;
      e.ledger.sectorOf[id] = Sector.participants;
    }
  }

  // Mentors: one per caseload within each cohort; local mentors live in (and are paid into) local households.
  const rng = e.streams.stream('mentors', 0);
  const mentorCount = p.mentoring.enabled ? cohorts.reduce((a, c) => a + Math.ceil(c.length / p.mentoring.caseload), 0) : 0;
  const mentorCompetence = new Float64Array(mentorCount);
  const mentorHousehold = new Int32Array(mentorCount);
  let m = 0;
  for (const members of cohorts) {
    if (!p.mentoring.enabled) break;
    const first = m;
    for (let k = 0; k < Math.ceil(members.length / p.mentoring.caseload); k++, m++) {
      mentorCompetence[m] = Math.min(1, Math.max(0.05, p.mentoring.competence + 0.1 * (rng() - 0.5) * 2));
      mentorHousehold[m] = Math.floor(rng() * e.households.count);
    }
    members.forEach((id, i) => (b.membership.mentor[id] = first + Math.floor(i / p.mentoring.caseload)));
  }
  const providerHouseholds = new Int32Array(10);
  for (let k = 0; k < providerHouseholds.length; k++) providerHouseholds[k] = Math.floor(rng() * e.households.count);

  // Cash benchmarking: households picked by the eligibility rule, paid on the schedule from the program's
  // start; they enrol no business.
  let cashRecipients: Int32Array = new Int32Array(0);
  let cashPerRecipientRupiah = 0;
  let cashPayments: ScheduledPayment[] = [];
  if (p.cashTransfer.enabled) {
    cashRecipients = pickCashRecipients(e);
    cashPerRecipientRupiah = cashPerRecipient(s, places, cashRecipients.length);
    cashPayments = cashSchedule(p.cashTransfer.schedule, p.startMonth, cashPerRecipientRupiah);
  }

  return {
    cohorts, cohortStart, mentorCompetence, mentorHousehold, providerHouseholds,
    plannedCostPerParticipant: planCosts(s).perParticipant,
    spent: 0, spentLocal: 0, cashRecipients, cashPerRecipientRupiah, cashPayments, injectedLocal: 0,
  };
}
