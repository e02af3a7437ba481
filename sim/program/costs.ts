// What one place in the program costs, lever by lever — used to size the program to its budget before it
// starts, and reported so a design's cost structure can be read.
import { CAPACITIES } from '../scenario/names.js';
import type { Scenario } from '../scenario/schema.js';

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
  /** Reflection rounds if every cohort is filled, with administration (for reports; sizing uses leverCost). */
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

/**
 * How `places` places are split into cohorts: as evenly as possible, the first cohorts taking one more.
 * Every cohort's size grows with `places`, so the cost of the levers does too (sizing relies on it).
 */
export function cohortSizes(places: number, cohorts: number): number[] {
  const base = Math.floor(places / cohorts);
  const extra = places - base * cohorts;
  return Array.from({ length: cohorts }, (_, c) => base + (c < extra ? 1 : 0));
}

/** Per-place costs of each lever (mentors and forums at their per-place share). */
export function planCosts(s: Scenario): CostPlan {
  const p = s.program;
  const needsAnalysis = p.needsAnalysis.enabled ? p.needsAnalysis.costRupiahPerParticipant : 0;
  const training = p.training.enabled && p.training.months > 0 ? trainingHoursTotal(s) * p.training.costRupiahPerParticipantHour : 0;
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
 * What the levers cost for `places` places, counted the way the program pays: whole mentors and whole
 * forums per cohort, reflection for each later cohort, administration on top. Cash transfers excluded.
 */
export function leverCost(s: Scenario, places: number): number {
  const p = s.program;
  const plan = planCosts(s);
  let direct = 0;
  cohortSizes(places, p.cohorts).forEach((n, c) => {
    if (n === 0) return;
    direct += n * (plan.needsAnalysis + plan.training + plan.resourceAccess + plan.monitoring);
    if (p.mentoring.enabled) direct += Math.ceil(n / p.mentoring.caseload) * p.mentoring.months * p.mentoring.feeRupiahPerMentorMonth;
    if (p.forums.enabled) direct += Math.ceil(n / p.forums.size) * p.forums.months * p.forums.costRupiahPerForumMonth;
    if (p.reflection.enabled && c > 0) direct += p.reflection.costRupiahPerCohort;
  });
  return direct * (1 + p.adminOverheadShare);
}

/**
 * What an explicit cash amount costs the program, delivery included: `households × amount ÷ (1 −
 * deliveryCostShare)`, reserved from the budget before the other levers are sized (0 without one).
 */
export function reservedCash(s: Scenario): number {
  const c = s.program.cashTransfer;
  if (!c.enabled || c.amountRupiahPerHousehold === undefined) return 0;
  return (c.households * c.amountRupiahPerHousehold) / (1 - c.deliveryCostShare);
}

/**
 * Places the budget pays for, at most the places offered: the other levers are sized to the budget less
 * any cash reserved for an explicit amount. Cash transfers alone enrol no business.
 */
export function affordablePlaces(s: Scenario): number {
  const p = s.program;
  const budget = p.budgetRupiah - reservedCash(s);
  if (budget <= 0) return 0;
  const anyLever = planCosts(s).perParticipant > 0;
  if (!anyLever) return 0;
  let lo = 0, hi = p.maxParticipants;
  while (lo < hi) {
    // lo + half the gap, not (lo + hi) / 2: near 2^53 places the sum is not exact, mid rounded back to lo
    // and the search never ended (maxParticipants 2^53 − 1 with a near-free lever; found by the fuzzer).
    const mid = lo + Math.ceil((hi - lo) / 2);
    if (leverCost(s, mid) <= budget + 0.5) lo = mid; // half a rupiah of float slack
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Cash paid to each recipient over the whole schedule (whole rupiah): the explicit amount, or else the
 * budget the levers leave once `places` places are paid for, net of delivery, split over the recipients.
 */
export function cashPerRecipient(s: Scenario, places: number, recipients: number): number {
  const c = s.program.cashTransfer;
  if (!c.enabled || recipients === 0) return 0;
  if (c.amountRupiahPerHousehold !== undefined) return c.amountRupiahPerHousehold;
  return Math.floor(cashPool(s, places) / recipients);
}

/** Budget left for cash transfers once `places` places of the other levers are paid for, net of delivery. */
export function cashPool(s: Scenario, places: number): number {
  if (!s.program.cashTransfer.enabled) return 0;
  const rest = s.program.budgetRupiah - leverCost(s, places);
  return Math.max(0, rest * (1 - s.program.cashTransfer.deliveryCostShare));
}
