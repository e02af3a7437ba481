// Phase 3: capacities change — learning from sessions and visits (diminishing returns, weighted by
// attendance, relevance, mentor competence and trust), resistance worn down, fade-out once mentoring
// stops, and spillovers along business ties.
import { CAPACITIES } from '../scenario/names.js';
import { CAPACITY_COUNT, Cap, openIds, type Economy } from '../state/economy.js';
import { exp, pow } from '../math/elementary.js';

const C = CAPACITY_COUNT;
let spillScratch = new Float64Array(0);
let teachesScratch = new Uint8Array(0);

export function learn(e: Economy): void {
  const s = e.scenario;
  const m = s.mechanisms;
  const L = s.learning;
  const p = s.program;
  const b = e.businesses;
  const { capacities, practices, membership } = b;
  const cap = capacities.capacity;
  const start = capacities.capacityStart;
  const used = b.used;

  if (m.learning && e.programActive) {
    // Diminishing returns in a module's total hours; the module's effect is spread evenly over the
    // training months, so the same hours over more months teach the same.
    const trainingMonths = Math.max(1, p.training.months);
    const trainingEffect = CAPACITIES.map((k) => (1 - exp(-p.training.hoursByModule[k] / L.trainingHoursHalfEffect)) / trainingMonths);
    const gaps = new Float64Array(C);
    const ids = openIds(b);
    for (let n = 0; n < ids.length; n++) {
      const id = ids[n];
      const a = membership.attendance[id];
      if (a <= 0 && membership.visits[id] <= 0) continue;
      const mentored = membership.visits[id] > 0;
      const adaptive = mentored && p.mentoring.adaptive;
      const uptake = m.resistance ? 1 - L.resistanceWeight * b.owner.resistance[id] : 1;
      const simpler = b.owner.education[id] === 0 ? 1 - L.lowEducationPenalty * (adaptive ? 0.3 : 1) : 1;
      const reflection = p.reflection.enabled ? pow(1 + p.reflection.learningGainPerCohort, Math.max(0, membership.cohort[id])) : 1;
      const base = uptake * simpler * reflection;
      // Needs analysis: content follows each business's largest gaps.
      for (let k = 0; k < C; k++) gaps[k] = 1 - cap[id * C + k];
      let top1 = 0, top2 = 1;
      if (gaps[top2] > gaps[top1]) [top1, top2] = [top2, top1];
      for (let k = 2; k < C; k++) {
        if (gaps[k] > gaps[top1]) { top2 = top1; top1 = k; } else if (gaps[k] > gaps[top2]) top2 = k;
      }
      const mentorGain = mentored
        ? L.mentoringRate * e.program.mentorCompetence[membership.mentor[id]] * membership.trust[id] * (1 - exp(-membership.visits[id] / L.visitsHalfEffect))
        : 0;
      for (let k = 0; k < C; k++) {
        const gap = gaps[k];
        const relevance = p.needsAnalysis.enabled ? Math.min(1, 0.5 + gap) : L.relevanceWithoutNeedsAnalysis;
        const focus = p.needsAnalysis.enabled ? (k === top1 || k === top2 ? 1.4 : 0.8) : 1;
        let gain = 0;
        if (membership.inTraining[id]) gain += a * L.trainingRate * relevance * trainingEffect[k];
        gain += mentorGain * focus;
        const next = cap[id * C + k] + base * gain * gap;
        cap[id * C + k] = next < 1 ? next : 1;
      }
      if (mentored) {
        const speed = p.mentoring.local ? 1 : L.externalMentorTrustFactor;
        membership.trust[id] += L.trustGainPerMonth * speed * (1 - membership.trust[id]);
      }
      if (m.resistance) {
        let decay = adaptive ? L.adaptiveResistanceDecayPerMonth : L.resistanceDecayPerMonth;
        decay += L.peerResistanceDecay * peerAdoptionShare(e, id);
        b.owner.resistance[id] *= 1 - Math.min(1, decay);
      }
    }
  }

  // Mentors' market information (which supplier is cheaper, where inputs are bought well): it builds up
  // while visits go on and decays once they stop (Brooks, Donovan & Johnson 2018: the gain came from
  // cheaper inputs and faded when the mentoring relationship ended).
  if (m.mentorInformation) {
    const keep = 1 - p.mentoring.informationDecayPerMonth;
    for (let id = 0; id < used; id++) {
      if (membership.visits[id] > 0) {
        const target = e.program.mentorCompetence[membership.mentor[id]] * membership.trust[id];
        membership.mentorInformation[id] += 0.5 * (target - membership.mentorInformation[id]);
      } else if (membership.mentorInformation[id] > 0) {
        membership.mentorInformation[id] = membership.mentorInformation[id] * keep < 1e-4 ? 0 : membership.mentorInformation[id] * keep;
      }
    }
  }

  if (m.fadeOut) {
    const fade = L.fadeRatePerMonth;
    const slow = 1 - L.practiceRetention;
    const ids = openIds(b);
    for (let n = 0; n < ids.length; n++) {
      const id = ids[n];
      if (membership.visits[id] > 0 || membership.inTraining[id]) continue;
      for (let k = 0; k < C; k++) {
        const i = id * C + k;
        const learned = cap[i] - start[i];
        if (learned <= 0) continue;
        const retained = (k === Cap.bookkeeping && practices.keepsBooks[id]) || (k === Cap.digital && practices.digitalChannel[id]) ? slow : 1;
        cap[i] -= fade * retained * learned;
      }
    }
  }

  if (m.networkSpillovers && L.spilloverRatePerMonth > 0) spill(e);
}

/** Share of a business's open tied peers that have adopted bookkeeping or a digital channel since the start. */
function peerAdoptionShare(e: Economy, id: number): number {
  const n = e.tieCounts[id];
  if (n === 0) return 0;
  const b = e.businesses;
  const { life, practices } = b;
  let adopted = 0, open = 0;
  for (let k = 0; k < n; k++) {
    const j = e.ties[id * e.maxTies + k];
    if (!life.open[j]) continue;
    open++;
    const was = practices.practicesStart[j];
    if ((practices.keepsBooks[j] && !(was & 1)) || (practices.digitalChannel[j] && !(was & 4))) adopted++;
  }
  return open === 0 ? 0 : adopted / open;
}

/** Learned capacity spreads along ties: each business closes part of the gap to its peers' mean gain. */
function spill(e: Economy): void {
  const b = e.businesses;
  const { life, capacities } = b;
  const used = b.used;
  const cap = capacities.capacity;
  const start = capacities.capacityStart;
  const rate = e.scenario.learning.spilloverRatePerMonth;
  const threshold = e.scenario.learning.spilloverMinGain;
  if (spillScratch.length < used * C) {
    spillScratch = new Float64Array(b.allocated * C);
    teachesScratch = new Uint8Array(b.allocated);
  }
  const gain = spillScratch;
  const teaches = teachesScratch;
  // Only a capacity learned beyond a threshold is passed on (a peer who learned next to nothing has
  // nothing to tell); closed businesses teach no one.
  let any = false;
  for (let id = 0; id < used; id++) {
    const open = life.open[id] === 1;
    let t = 0;
    for (let i = id * C; i < id * C + C; i++) {
      const g = open ? cap[i] - start[i] : 0;
      const passed = g >= threshold && g > 0 ? g : 0;
      gain[i] = passed;
      if (passed > 0) t = 1;
    }
    teaches[id] = t;
    if (t) any = true;
  }
  if (!any) return;
  const ties = e.ties;
  const m = e.maxTies;
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0;
  const ids = openIds(b);
  for (let o = 0; o < ids.length; o++) {
    const id = ids[o];
    const n = e.tieCounts[id];
    if (n === 0) continue;
    let anyTeacher = 0;
    for (let t = 0; t < n; t++) anyTeacher |= teaches[ties[id * m + t]];
    if (!anyTeacher) continue;
    // Sum the peers' gains row by row (each row is one cache line), then close part of each gap. A peer who
    // teaches nothing has a row of zeros, and adding zero changes no sum, so its row is not read.
    s0 = s1 = s2 = s3 = s4 = s5 = 0;
    for (let t = 0; t < n; t++) {
      const peer = ties[id * m + t];
      if (!teaches[peer]) continue;
      const r = peer * C;
      s0 += gain[r]; s1 += gain[r + 1]; s2 += gain[r + 2]; s3 += gain[r + 3]; s4 += gain[r + 4]; s5 += gain[r + 5];
    }
    const own = id * C;
    closeGap(cap, own, s0 / n - gain[own], rate);
    closeGap(cap, own + 1, s1 / n - gain[own + 1], rate);
    closeGap(cap, own + 2, s2 / n - gain[own + 2], rate);
    closeGap(cap, own + 3, s3 / n - gain[own + 3], rate);
    closeGap(cap, own + 4, s4 / n - gain[own + 4], rate);
    closeGap(cap, own + 5, s5 / n - gain[own + 5], rate);
  }
}

/** Close part (`rate`) of a positive gap in capacity cell i. */
function closeGap(cap: Float64Array, i: number, gap: number, rate: number): void {
  if (gap > 0) cap[i] = Math.min(1, cap[i] + rate * gap);
}
