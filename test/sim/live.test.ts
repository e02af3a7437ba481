// The classroom's lockstep live run: its numbers are runScenario's series month by month (the same
// arms, the same metric definitions), its state codes follow the documented rules from the columns, and
// its edges are the ties, each once.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GROWING_TURNOVER, LiveState, STRUGGLING_TURNOVER, createLiveRun, stateOf } from '../../sim/classroom/live.js';
import { parseScenario, runScenario, type Scenario } from '../../sim/index.js';
import { MAX_EMPLOYEES } from '../../sim/state/economy.js';

const load = (name: string, businesses = 150, months = 14): Scenario => {
  const s = parseScenario(JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8')), name);
  return { ...s, months, economy: { ...s.economy, businesses } };
};

describe('createLiveRun', () => {
  for (const name of ['full-cycle', 'forums-networks', 'no-program']) {
    it(`${name}: the numbers after each month are runScenario's series for the same scenario and seed, exactly`, () => {
      const s = load(name);
      const seed = 11;
      const reference = runScenario(s, { seed });
      const P = reference.series.program.economy;
      const C = reference.series.counterfactual.economy;
      const run = createLiveRun(s, seed);
      expect(run.numbers()).toBeNull();
      expect(run.horizon).toBe(14);
      let gained = 0;
      for (let t = 0; t < run.horizon; t++) {
        expect(run.step()).toBe(true);
        const n = run.numbers()!;
        expect(n.month).toBe(t + 1);
        expect(n.jobs).toBe(P.totalJobs[t]);
        expect(n.jobsEffect).toBe(P.totalJobs[t] - C.totalJobs[t]);
        expect(n.localGdp).toBe(P.localGdp[t]);
        // The counterfactual's own numbers, for the picture without the program.
        expect(n.counterfactualJobs).toBe(C.totalJobs[t]);
        expect(n.counterfactualLocalGdp).toBe(C.localGdp[t]);
        const none = reference.series.counterfactual.all;
        expect(n.counterfactualOpen).toBe(Math.round(none.survival[t] * none.businesses[t]));
        expect(n.counterfactualOpen).toBe(run.openCount('counterfactual'));
        gained += P.localGdp[t] - C.localGdp[t];
        const spent = run.program.program.spent;
        if (spent > 0) expect(n.localGdpPerRupiah).toBe(gained / spent);
        else expect(n.localGdpPerRupiah).toBeNull();
        // Open businesses: the survival share of all businesses times their number.
        const all = reference.series.program.all;
        expect(n.open).toBe(Math.round(all.survival[t] * all.businesses[t]));
      }
      expect(run.done).toBe(true);
      expect(run.step()).toBe(false);
      expect(run.month).toBe(14);
      // At the horizon local GDP gained per rupiah so far is the run's summary figure.
      expect(run.numbers()!.localGdpPerRupiah).toBe(reference.summary.localGdpPerRupiah);
      expect(run.numbers()!.jobsEffect).toBe(P.totalJobs[13] - C.totalJobs[13]);
    });
  }

  it('each arm\'s picture: the same businesses and ties at the start, the counterfactual never mentored, then they part', () => {
    const run = createLiveRun(load('full-cycle', 200, 18), 4);
    expect(run.businessCount('counterfactual')).toBe(run.businessCount('program'));
    expect(run.sectors('counterfactual')).toEqual(run.sectors('program'));
    expect(run.edges('counterfactual')).toEqual(run.edges('program'));
    expect(run.states('counterfactual')).toEqual(run.states('program'));
    expect(run.states()).toEqual(run.states('program')); // the program arm is the default
    let differ = false;
    while (run.step()) {
      const c = run.counterfactual;
      expect(run.businessCount('counterfactual')).toBe(c.businesses.used);
      const states = run.states('counterfactual');
      for (let id = 0; id < states.length; id++) {
        expect(states[id]).toBe(stateOf(c, id));
        expect(states[id] & LiveState.MENTORED).toBe(0);
      }
      let ties = 0;
      for (let a = 0; a < c.businesses.used; a++) ties += c.tieCounts[a];
      expect(run.tieTotal('counterfactual')).toBe(ties / 2);
      expect(run.edges('counterfactual').length).toBe(ties);
      const p = run.states('program');
      if (p.length !== states.length || p.some((code, id) => (code & ~LiveState.MENTORED) !== states[id])) differ = true;
    }
    expect(differ).toBe(true);
    // The mentored are in the program arm's picture only.
    expect(run.states('program').some((code) => code & LiveState.MENTORED)).toBe(true);
    expect(() => run.states('both' as never)).toThrow(/unknown arm both: expected program or counterfactual/);
  });

  it('anchors: a household beside the business it owns, else where it works, else its first shop; a supplier beside its first buyer', () => {
    const run = createLiveRun(load('full-cycle', 150, 8), 2);
    for (let m = 0; m < 5; m++) run.step();
    const e = run.program;
    const b = e.businesses;
    const H = e.households.count;
    const K = e.households.shopsKnown;
    const a = run.anchors(Array.from({ length: H }, (_, i) => i), Array.from({ length: e.suppliers.count }, (_, j) => j));
    const kinds = { owner: 0, worker: 0, shopper: 0 };
    for (let i = 0; i < H; i++) {
      const owned: number[] = [];
      const works: number[] = [];
      for (let id = 0; id < b.used; id++) {
        if (b.owner.ownerHousehold[id] === i) owned.push(id);
        for (let j = 0; j < b.workforce.employees[id]; j++) if (b.workforce.employeeHousehold[id * MAX_EMPLOYEES + j] === i) works.push(id);
      }
      const expected = owned.length > 0 ? Math.min(...owned) : works.length > 0 ? Math.min(...works) : e.households.shops[i * K];
      expect(a.households[i], `household ${i}`).toBe(expected);
      kinds[owned.length > 0 ? 'owner' : works.length > 0 ? 'worker' : 'shopper']++;
    }
    // The three rules all occur in a default economy.
    expect(kinds.owner).toBeGreaterThan(0);
    expect(kinds.worker).toBeGreaterThan(0);
    expect(kinds.shopper).toBeGreaterThan(0);
    for (let j = 0; j < e.suppliers.count; j++) {
      let first = -1;
      for (let id = 0; id < b.used && first < 0; id++) if (b.technology.supplier[id] === j) first = id;
      expect(a.suppliers[j], `supplier ${j}`).toBe(first);
    }
    // Out of range, or not an index: nothing to draw beside.
    const bad = run.anchors([-1, H, 1.5], [e.suppliers.count, -2]);
    expect([...bad.households]).toEqual([-1, -1, -1]);
    expect([...bad.suppliers]).toEqual([-1, -1]);
  });

  it('no program: no local GDP gained per rupiah (nothing spent), no jobs effect, nobody mentored', () => {
    const run = createLiveRun(load('no-program', 120, 6), 3);
    while (run.step()) {
      expect(run.numbers()!.localGdpPerRupiah).toBeNull();
      expect(run.numbers()!.jobsEffect).toBe(0);
      for (const code of run.states()) expect(code & LiveState.MENTORED).toBe(0);
    }
  });

  it('state codes follow the documented rules from the program arm\'s columns', () => {
    const run = createLiveRun(load('full-cycle', 200, 18), 5);
    // Before the first month every open business is steady (no month of trade yet).
    for (const code of run.states()) expect(code & LiveState.PERFORMANCE_MASK).toBe(LiveState.STEADY);
    const seen = new Set<number>();
    while (run.step()) {
      const e = run.program;
      const b = e.businesses;
      const states = run.states();
      expect(states.length).toBe(b.used);
      expect(run.businessCount()).toBe(b.used);
      for (let id = 0; id < b.used; id++) {
        const code = states[id];
        expect(code).toBe(stateOf(e, id));
        seen.add(code & LiveState.PERFORMANCE_MASK);
        if (!b.life.open[id]) {
          expect(code).toBe(LiveState.CLOSED);
          continue;
        }
        const perf = code & LiveState.PERFORMANCE_MASK;
        const struggling = b.flows.profit[id] < 0 || b.flows.turnover[id] < STRUGGLING_TURNOVER * b.market.turnoverStart[id];
        const growing = !struggling && b.flows.turnover[id] >= GROWING_TURNOVER * b.market.turnoverStart[id];
        expect(perf).toBe(struggling ? LiveState.STRUGGLING : growing ? LiveState.GROWING : LiveState.STEADY);
        expect((code & LiveState.DIGITAL) !== 0).toBe(b.practices.digitalChannel[id] === 1);
        const mentored = b.membership.participant[id] === 1 && e.program.cohortStart[b.membership.cohort[id]] <= run.month;
        expect((code & LiveState.MENTORED) !== 0).toBe(mentored);
      }
    }
    // Over 18 months every performance class occurs (the rules separate businesses, they do not lump them).
    expect([...seen].sort()).toEqual([LiveState.CLOSED, LiveState.STRUGGLING, LiveState.STEADY, LiveState.GROWING]);
    // Both cohorts have started by month 18: every open participant is flagged mentored.
    const final = run.states();
    let participants = 0, flagged = 0;
    for (let id = 0; id < final.length; id++) {
      if (run.program.businesses.membership.participant[id] && run.program.businesses.life.open[id]) participants++;
      if (final[id] & LiveState.MENTORED) flagged++;
    }
    expect(participants).toBeGreaterThan(0);
    expect(flagged).toBe(participants);
    // The counterfactual has the same participants assigned, but nobody in it is mentored.
    for (let id = 0; id < run.counterfactual.businesses.used; id++) expect(stateOf(run.counterfactual, id) & LiveState.MENTORED).toBe(0);
  });

  it('edges are the ties: symmetric in the columns, each pair once with a < b, only ever growing', () => {
    const run = createLiveRun(load('forums-networks', 200, 16), 9);
    let previous = new Set<string>();
    do {
      const e = run.program;
      const edges = run.edges();
      expect(edges.length % 2).toBe(0);
      expect(edges.length / 2).toBe(run.tieTotal());
      const pairs = new Set<string>();
      for (let i = 0; i < edges.length; i += 2) {
        const [a, b] = [edges[i], edges[i + 1]];
        expect(a).toBeLessThan(b);
        expect(b).toBeLessThan(e.businesses.used);
        const key = `${a}-${b}`;
        expect(pairs.has(key)).toBe(false);
        pairs.add(key);
        // The tie is in both businesses' slots.
        const has = (x: number, y: number) => e.ties.subarray(x * e.maxTies, x * e.maxTies + e.tieCounts[x]).includes(y);
        expect(has(a, b) && has(b, a)).toBe(true);
      }
      // Every tie slot in use appears as an edge.
      let slots = 0;
      for (let id = 0; id < e.businesses.used; id++) slots += e.tieCounts[id];
      expect(pairs.size * 2).toBe(slots);
      for (const key of previous) expect(pairs.has(key)).toBe(true);
      previous = pairs;
    } while (run.step());
    // Forums add ties among participants when a cohort starts.
    expect(previous.size).toBeGreaterThan(0);
  });

  it('same scenario and seed give the same states and edges; the program arm differs from the counterfactual', () => {
    const s = load('full-cycle', 150, 10);
    const a = createLiveRun(s, 4);
    const b = createLiveRun(s, 4);
    while (a.step()) b.step();
    expect(b.states()).toEqual(a.states());
    expect(b.edges()).toEqual(a.edges());
    expect(b.numbers()).toEqual(a.numbers());
    expect(a.numbers()!.jobsEffect).not.toBe(0);
  });
});
