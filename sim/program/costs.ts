// What one place in the program costs, lever by lever — used to size the program to its budget before it
// starts, and reported so a design's cost structure can be read.
import { CAPACITIES, type Scenario } from '../scenario/schema.js';

export interface CostPlan {
  needsAnalysis: number;
  training: number;
  mentoring: number;
  resourceAccess: number;
  monitoring: number;
  forums: number;
  /** Per place, before administration. */
  directPerParticipant: number;
  /** Per place, with administration. */
  perParticipant: number;
  /** Whole-program costs that do not scale with places (reflection rounds), with administration. */
  fixed: number;
}

export function trainingHoursTotal(s: Scenario): number {
  return CAPACITIES.reduce((a, k) => a + s.program.training.hoursByModule[k], 0);
}

/** Months a cohort is active (sessions, visits, monitoring). */
export function cohortActiveMonths(s: Scenario): number {
  const p = s.program;
  let m = 0;
  if (p.training.enabled) m = Math.max(m, p.training.months);
  if (p.mentoring.enabled) m = Math.max(m, p.mentoring.months);
  if (p.resourceAccess.enabled) m = Math.max(m, p.resourceAccess.month + 1);
  if (p.forums.enabled) m = Math.max(m, p.forums.months);
  if (p.needsAnalysis.enabled) m = Math.max(m, 1);
  return m;
}

export function planCosts(s: Scenario): CostPlan {
  const p = s.program;
  const needsAnalysis = p.needsAnalysis.enabled ? p.needsAnalysis.costRupiahPerParticipant : 0;
  const training = p.training.enabled ? trainingHoursTotal(s) * p.training.costRupiahPerParticipantHour : 0;
  const mentoring = p.mentoring.enabled ? (p.mentoring.months * p.mentoring.feeRupiahPerMentorMonth) / p.mentoring.caseload : 0;
  const resourceAccess = p.resourceAccess.enabled ? p.resourceAccess.grantRupiah + p.resourceAccess.costRupiahPerParticipant : 0;
  const monitoring = p.monitoring.enabled ? cohortActiveMonths(s) * p.monitoring.costRupiahPerParticipantMonth : 0;
  const forums = p.forums.enabled ? (p.forums.months * p.forums.costRupiahPerForumMonth) / p.forums.size : 0;
  const directPerParticipant = needsAnalysis + training + mentoring + resourceAccess + monitoring + forums;
  const overhead = 1 + p.adminOverheadShare;
  const fixed = p.reflection.enabled ? (p.cohorts - 1) * p.reflection.costRupiahPerCohort * overhead : 0;
  return { needsAnalysis, training, mentoring, resourceAccess, monitoring, forums, directPerParticipant, perParticipant: directPerParticipant * overhead, fixed };
}

/**
 * Places the budget pays for (before eligibility and the cap on places). With cash transfers on, the
 * places are those offered, and whatever the other levers leave of the budget is paid out as cash.
 */
export function affordablePlaces(s: Scenario): number {
  const p = s.program;
  const plan = planCosts(s);
  const byLevers = plan.perParticipant > 0 ? Math.max(0, Math.floor((p.budgetRupiah - plan.fixed) / plan.perParticipant)) : 0;
  if (p.cashTransfer.enabled) return p.budgetRupiah > 0 ? (plan.perParticipant > 0 ? Math.min(byLevers, p.maxParticipants) : p.maxParticipants) : 0;
  return byLevers;
}

/** Budget left for cash transfers once `places` places of the other levers are paid for. */
export function cashPool(s: Scenario, places: number): number {
  if (!s.program.cashTransfer.enabled) return 0;
  const plan = planCosts(s);
  const rest = s.program.budgetRupiah - plan.fixed - places * plan.perParticipant;
  return Math.max(0, rest * (1 - s.program.cashTransfer.deliveryCostShare));
}
