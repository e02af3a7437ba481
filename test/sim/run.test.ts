import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPACITY_COUNT } from '../../sim/state/economy.js';
import { COLUMN_COMPONENT } from '../../sim/state/businesses.js';
import { BUSINESS_METRICS, createEconomy, parseScenario, runScenario, startRun, stepMonth, type ArmSeries, type NeutralCounterfactual } from '../../sim/index.js';
import { arbitraryScenario } from './arbitraryScenario.js';

const scenarioFiles = readdirSync('scenarios').filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
const load = (f: string) => parseScenario(JSON.parse(readFileSync(`scenarios/${f}`, 'utf8')), f);
const small = (f: string) => {
  const s = load(f);
  return { ...s, economy: { ...s.economy, businesses: 150 } };
};

function allFinite(series: ArmSeries): boolean {
  return Object.values(series).every((g) => Object.values(g).every((xs) => xs.every(Number.isFinite)));
}

describe('runScenario', () => {
  it('same scenario and seed give identical results; another seed gives different ones', () => {
    const s = small('full-cycle.json');
    const a = runScenario(s, { seed: 7, months: 12 });
    const b = runScenario(s, { seed: 7, months: 12 });
    expect(b).toEqual(a);
    const c = runScenario(s, { seed: 8, months: 12 });
    expect(c.series.counterfactual.all.turnover).not.toEqual(a.series.counterfactual.all.turnover);
  });

  it("reads the scenario object itself at the scenario's own horizon, and an unshared copy with the run's horizon otherwise", () => {
    const s = small('full-cycle.json');
    const own = startRun(s, { seed: 1 });
    expect(own.program.scenario).toBe(s);
    const shorter = startRun(s, { seed: 1, months: s.months - 6 });
    expect(shorter.program.scenario).not.toBe(s);
    expect(shorter.program.scenario.months).toBe(s.months - 6);
    expect({ ...shorter.program.scenario, months: s.months }).toEqual(s);
    expect(s.months).toBe(own.months);
  });

  it('a program with zero budget equals its counterfactual exactly, whatever the design', () => {
    fc.assert(
      fc.property(arbitraryScenario, fc.integer({ min: 0, max: 10_000 }), (input, seed) => {
        const s = parseScenario({ ...input, program: { ...input.program, budgetRupiah: 0 } });
        const r = runScenario(s, { seed });
        expect(r.program.participants).toBe(0);
        expect(r.series.program).toEqual(r.series.counterfactual);
        expect(r.summary.localGdpGained).toBe(0);
      }),
      { numRuns: 40 },
    );
  });

  it('no NaN, no negative stocks, capacities within 0..1 for arbitrary valid scenarios', () => {
    fc.assert(
      fc.property(arbitraryScenario, fc.integer({ min: 0, max: 10_000 }), fc.boolean(), (input, seed, active) => {
        const s = parseScenario(input);
        const e = createEconomy(s, seed, active);
        for (let t = 0; t < s.months; t++) stepMonth(e);
        const b = e.businesses;
        for (let id = 0; id < b.used; id++) {
          expect(b.market.inventory[id]).toBeGreaterThanOrEqual(0);
          expect(b.finance.loanBalance[id]).toBeGreaterThanOrEqual(0);
          expect(Number.isFinite(b.technology.price[id]) && b.technology.price[id] > 0).toBe(true);
          expect(Number.isFinite(b.market.expectedDemand[id]) && b.market.expectedDemand[id] >= 0).toBe(true);
          for (let k = 0; k < CAPACITY_COUNT; k++) {
            const v = b.capacities.capacity[id * CAPACITY_COUNT + k];
            expect(v >= 0 && v <= 1).toBe(true);
          }
        }
        for (let i = 0; i < e.households.count; i++) {
          expect(e.households.employed[i]).toBeLessThanOrEqual(e.households.labourSupply[i]);
          expect(Number.isFinite(e.households.incomeLast[i]) && e.households.incomeLast[i] >= 0).toBe(true);
        }
        for (let i = 0; i < e.ledger.money.length; i++) expect(Number.isFinite(e.ledger.money[i])).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it.each(scenarioFiles)('shipped scenario %s validates, runs balanced and reports finite numbers', (f) => {
    const r = runScenario(small(f), { seed: 3, months: 8 });
    expect(r.accounting.maxImbalance).toBe(0);
    expect(r.accounting.negativeBalances).toBe(0);
    expect(allFinite(r.series.program)).toBe(true);
    expect(allFinite(r.series.counterfactual)).toBe(true);
    expect(r.summary.programCost).toBeLessThanOrEqual(load(f).program.budgetRupiah);
    // Cash transfers alone enrol no business.
    if (['no-program.json', 'cash-transfer.json', 'rural-cash-transfer.json'].includes(f)) expect(r.program.participants).toBe(0);
    else expect(r.program.participants).toBeGreaterThan(0);
  });

  it('the program spends what its design says and injects only what reaches local accounts', () => {
    const r = runScenario(small('cash-transfer.json'), { seed: 1, months: 14 });
    const s = load('cash-transfer.json');
    const cash = s.program.cashTransfer;
    // Every recipient is paid its whole total within 14 months (payments in months 1, 3 and 9): the
    // budget net of 3% delivery, split over 150 households, in whole rupiah.
    const perHousehold = Math.floor((s.program.budgetRupiah * (1 - cash.deliveryCostShare)) / cash.households);
    expect(r.program.cashTransfer).toEqual({ recipients: 150, perRecipientRupiah: perHousehold });
    expect(r.program.participants).toBe(0);
    expect(r.program.injectedLocally).toBe(perHousehold * 150);
    expect(r.summary.programCost).toBeGreaterThan(0.99 * s.program.budgetRupiah);
    expect(r.summary.programCost).toBeLessThanOrEqual(s.program.budgetRupiah);
  });

  it('the counterfactual never receives program money and enrols the same businesses', () => {
    const s = small('full-cycle.json');
    const withProgram = createEconomy(s, 5, true);
    const without = createEconomy(s, 5, false);
    expect(Array.from(without.businesses.membership.participant)).toEqual(Array.from(withProgram.businesses.membership.participant));
    for (let t = 0; t < 6; t++) {
      stepMonth(withProgram);
      stepMonth(without);
    }
    expect(without.program.spent).toBe(0);
    expect(withProgram.program.spent).toBeGreaterThan(0);
  });
});

describe('recording fewer metrics', () => {
  it('gives the same summary and the same values for what is recorded, and names an unknown metric', () => {
    const s = small('full-cycle.json');
    const all = runScenario(s, { seed: 4, months: 10 });
    const few = runScenario(s, { seed: 4, months: 10, metrics: ['customers'] });
    expect(few.summary).toEqual(all.summary);
    expect(few.accounting).toEqual(all.accounting);
    expect(few.series.program.participants.customers).toEqual(all.series.program.participants.customers);
    expect(few.series.program.participants.profitMedian).toBeUndefined();
    expect(() => runScenario(s, { seed: 4, months: 2, metrics: ['profitt'] })).toThrow(/unknown metric "profitt"/);
  });

  it('records a group-qualified metric in that group only, and the summary-window Ginis only in the window', () => {
    const s = small('full-cycle.json');
    const all = runScenario(s, { seed: 5, months: 16 });
    const few = runScenario(s, { seed: 5, months: 16, metrics: ['participants.customers', 'all.localRawMaterialDemand', 'economy.localMoney'] });
    expect(few.summary).toEqual(all.summary);
    expect(few.series.program.participants.customers).toEqual(all.series.program.participants.customers);
    expect(few.series.counterfactual.economy.localMoney).toEqual(all.series.counterfactual.economy.localMoney);
    expect(few.series.program.nonParticipants.customers).toBeUndefined();
    expect(few.series.program.economy.entryBlocked).toBeUndefined();
    // The summary window is the last 12 of 16 months: months 1–4 are not computed, 5–16 equal the full run's.
    const gini = few.series.program.all.turnoverGini;
    expect(gini.slice(0, 4).every(Number.isNaN)).toBe(true);
    expect(gini.slice(4)).toEqual(all.series.program.all.turnoverGini.slice(4));
    expect(few.series.program.economy.householdIncomeGini.slice(4)).toEqual(all.series.program.economy.householdIncomeGini.slice(4));
    // Asked for, a window-only metric is recorded every month.
    const asked = runScenario(s, { seed: 5, months: 16, metrics: ['all.turnoverGini'] });
    expect(asked.series.program.all.turnoverGini).toEqual(all.series.program.all.turnoverGini);
    expect(() => runScenario(s, { seed: 5, months: 2, metrics: ['everyone.turnover'] })).toThrow(/unknown metric group "everyone"/);
    expect(() => runScenario(s, { seed: 5, months: 2, metrics: ['economy.turnover'] })).toThrow(/unknown metric "economy.turnover"/);
  });
});

describe('counterfactual reuse', () => {
  it('designs share one counterfactual arm — whoever they enrol — with results identical to simulating it', () => {
    const s = small('full-cycle.json');
    const store = new Map<string, NeutralCounterfactual>();
    let hits = 0;
    const cache = { get: (k: string) => { const v = store.get(k); if (v) hits++; return v; }, set: (k: string, v: NeutralCounterfactual) => void store.set(k, v) };
    const variants = [
      s,
      { ...s, program: { ...s.program, mentoring: { ...s.program.mentoring, visitsPerMonth: 4 } } },
      // Different enrolments: no training (cheaper places, so more of them), half the budget, other targeting.
      { ...s, program: { ...s.program, training: { ...s.program.training, enabled: false } } },
      { ...s, program: { ...s.program, budgetRupiah: s.program.budgetRupiah / 2 } },
      { ...s, program: { ...s.program, targeting: { ...s.program.targeting, rule: 'womenFirst' as const } } },
    ];
    const participants = new Set<number>();
    for (const v of variants) {
      for (const metrics of [undefined, ['participants.customers', 'all.localRawMaterialDemand']]) {
        const cached = runScenario(v, { seed: 9, months: 14, metrics, counterfactualCache: cache });
        const fresh = runScenario(v, { seed: 9, months: 14, metrics });
        expect(cached).toEqual(fresh);
        participants.add(cached.program.participants);
      }
    }
    expect(participants.size).toBeGreaterThanOrEqual(3); // the variants really enrol different businesses
    expect(store.size).toBe(2); // one neutral arm per metric plan
    expect(hits).toBe(variants.length * 2 - 2);
    // A different economy (more households per business) is simulated anew.
    runScenario({ ...s, economy: { ...s.economy, householdsPerBusiness: 3 } }, { seed: 9, months: 14, counterfactualCache: cache });
    expect(store.size).toBe(3);
  });
});

describe('metric column declarations', () => {
  it('every business metric reads only the columns it declares (the counterfactual re-cut copies just those)', () => {
    const s = small('full-cycle.json');
    const e = createEconomy({ ...s, months: 6 }, 3, true);
    for (let t = 0; t < 6; t++) stepMonth(e);
    const members = Int32Array.from({ length: e.businesses.used }, (_, i) => i).filter((id) => id % 3 !== 0);
    for (const m of BUSINESS_METRICS) {
      const allowed = new Set<string>(m.reads);
      const guard = <T extends object>(target: T, what: string, pass: (prop: string) => boolean) =>
        new Proxy(target, {
          get(obj, prop) {
            if (typeof prop === 'string' && !pass(prop)) throw new Error(`${m.id} reads ${what}${prop} without declaring it`);
            return Reflect.get(obj, prop);
          },
        });
      // Every component is reachable; within one, only the declared columns; tieCounts only when declared.
      const components = Object.fromEntries(
        Object.entries(COLUMN_COMPONENT).map(([, c]) => [c, guard(e.businesses[c], `businesses.${c}.`, (col) => allowed.has(col))]),
      );
      const view = guard({ businesses: guard({ ...e.businesses, ...components }, 'businesses.', () => true), tieCounts: e.tieCounts }, '', (p) => p !== 'tieCounts' || allowed.has(p));
      expect(m.compute(view as unknown as typeof e, members), m.id).toBe(m.compute(e, members));
    }
  });
});

describe('the run engine', () => {
  it('stepped month by month, it gives runScenario’s result, and its series so far are the prefixes of the final ones', () => {
    const s = small('full-cycle.json');
    const whole = runScenario(s, { seed: 4, months: 10 });
    const run = startRun(s, { seed: 4, months: 10 });
    expect(run.month).toBe(0);
    expect(() => run.result()).toThrow(/month 0 of 10/);
    const jobsSoFar: number[][] = [];
    while (run.step()) jobsSoFar.push([...run.series().program.economy.totalJobs]);
    expect(run.step()).toBe(false);
    expect(run.done).toBe(true);
    expect(run.result()).toEqual(whole);
    jobsSoFar.forEach((xs, t) => expect(xs).toEqual(whole.series.program.economy.totalJobs.slice(0, t + 1)));
    expect(run.summary()).toEqual(whole.summary);
  });

  it('a summary part-way is the summary of a run with that horizon’s series (local GDP gained per rupiah included)', () => {
    const s = small('cash-transfer.json');
    const run = startRun(s, { seed: 2, months: 12 });
    for (let t = 0; t < 6; t++) run.step();
    const { program, counterfactual } = run.series();
    let gained = 0;
    for (let t = 0; t < 6; t++) gained += program.economy.localGdp[t] - counterfactual.economy.localGdp[t];
    expect(run.summary().localGdpGained).toBe(gained);
    expect(run.summary().localGdpPerRupiah).toBe(gained / run.programReport().spent);
    expect(run.programReport().spent).toBeGreaterThan(0);
  });

  it('the program arm alone, without metrics, runs the same program economy and has no summary', () => {
    const s = small('full-cycle.json');
    const alone = startRun(s, { seed: 6, months: 5, arms: 'program', metrics: 'none' });
    const both = startRun(s, { seed: 6, months: 5 });
    while (alone.step()) both.step();
    expect(alone.counterfactual).toBeNull();
    expect(alone.series()).toEqual({ program: {}, counterfactual: {} });
    const recorded = startRun(s, { seed: 6, months: 5, arms: 'program', metrics: ['economy.totalJobs'] });
    while (recorded.step());
    expect(recorded.series().program.economy.totalJobs).toEqual(both.series().program.economy.totalJobs);
    expect(recorded.series().counterfactual).toEqual({});
    expect(Array.from(alone.program.ledger.money)).toEqual(Array.from(both.program.ledger.money));
    expect(() => alone.summary()).toThrow(/no metrics/);
  });
});
