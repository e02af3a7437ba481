// Who the program enrols, in which cohort, with which mentor — decided once from the starting economy,
// identically in the program run and its counterfactual (like a randomisation list drawn at baseline),
// so "participants" means the same businesses in both.
import { Sector } from '../ledger/accounts.js';
import type { Economy, ProgramState } from '../state/economy.js';
import { affordablePlaces, cashPool, cohortSizes, planCosts } from './costs.js';
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

  // Cash benchmarking: the same number of recipients as places, either the participants' own households
  // or the households with the lowest income.
  let cashRecipients = new Int32Array(0);
  let cashPerRecipientMonth = 0;
  if (p.cashTransfer.enabled && places > 0) {
    if (p.cashTransfer.recipients === 'participantOwners') {
      cashRecipients = Int32Array.from(chosen, (id) => b.owner.ownerHousehold[id]);
    } else {
      const ids = Array.from({ length: e.households.count }, (_, i) => i);
      ids.sort((x, y) => e.households.incomeLast[x] - e.households.incomeLast[y] || x - y);
      cashRecipients = Int32Array.from(ids.slice(0, places));
    }
    const months = Math.max(1, p.cashTransfer.months);
    cashPerRecipientMonth = Math.floor(cashPool(s, places) / (cashRecipients.length * months));
  }

  return {
    cohorts, cohortStart, mentorCompetence, mentorHousehold, providerHouseholds,
    plannedCostPerParticipant: planCosts(s).perParticipant,
    spent: 0, spentLocal: 0, cashRecipients, cashPerRecipientMonth, injectedLocal: 0,
  };
}
