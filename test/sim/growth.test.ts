// The businesses' columns start with room for the entrants expected and grow when more arrive
// (growBusinesses). Only memory may depend on the starting room: an economy that starts with room for no
// entrant at all, and so grows again and again in the middle of entry, must end exactly where the default
// one does, column by column, tie by tie and rupiah by rupiah.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEconomy, parseScenario, stepMonth } from '../../sim/index.js';
import { businessSlots, businessesAllocated, type Economy } from '../../sim/state/economy.js';

const file = JSON.parse(readFileSync('scenarios/full-cycle.json', 'utf8'));
// Entry well above the expected rate (easy permits and a strong response to room), so that even the
// default room is outgrown.
const scenario = parseScenario({
  ...file,
  economy: { businesses: 300 },
  firms: { entryRatePerMonth: 0.02, entryResponse: 2 },
  government: { permitEase: 1 },
  months: 36,
});

function columnsOf(e: Economy): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  const b = e.businesses as unknown as Record<string, unknown>;
  for (const [component, columns] of Object.entries(b)) {
    if (typeof columns !== 'object' || columns === null || ArrayBuffer.isView(columns)) continue;
    for (const [name, column] of Object.entries(columns as Record<string, Float64Array>)) {
      const stride = column.length / e.businesses.allocated;
      out[`${component}.${name}`] = Array.from(column.subarray(0, e.businesses.used * stride));
    }
  }
  out.ties = Array.from(e.ties.subarray(0, e.businesses.used * e.maxTies));
  out.tieCounts = Array.from(e.tieCounts.subarray(0, e.businesses.used));
  out.money = Array.from(e.ledger.money);
  return out;
}

describe('room for entrants', () => {
  it('starts with a quarter more than the entrants expected, and never more than the slots', () => {
    const n = scenario.economy.businesses;
    const expected = n * 0.02 * (0.5 + 1) * 36;
    expect(businessesAllocated(scenario)).toBe(n + Math.ceil(expected * 1.25) + 16);
    expect(businessesAllocated(scenario)).toBeLessThan(businessSlots(scenario));
    const e = createEconomy(scenario, 1, true);
    expect(e.businesses.allocated).toBe(businessesAllocated(scenario));
    expect(e.ties.length).toBe(e.businesses.allocated * e.maxTies);
    expect(e.businesses.flows.turnover.length).toBe(e.businesses.allocated);
  });

  for (const programActive of [true, false]) {
    it(`growing from no room at all gives the same economy as the default room (${programActive ? 'program' : 'counterfactual'} arm)`, () => {
      const n = scenario.economy.businesses;
      const roomy = createEconomy(scenario, 7, programActive);
      const tight = createEconomy(scenario, 7, programActive, n);
      expect(tight.businesses.allocated).toBe(n);
      for (let t = 0; t < scenario.months; t++) {
        stepMonth(roomy);
        stepMonth(tight);
      }
      // Many entrants arrived, so the tight economy grew more than once (by a quarter each time: 300, 375, 469).
      expect(roomy.businesses.used).toBeGreaterThan(1.4 * n);
      expect(tight.businesses.allocated).toBeGreaterThan(1.5 * n);
      expect(tight.businesses.allocated).toBeGreaterThanOrEqual(tight.businesses.used);
      expect(tight.businesses.used).toBe(roomy.businesses.used);
      expect(tight.entryBlocked).toBe(0);
      const a = columnsOf(roomy);
      const b = columnsOf(tight);
      expect(Object.keys(b)).toEqual(Object.keys(a));
      for (const key of Object.keys(a)) expect(b[key], key).toEqual(a[key]);
    });
  }
});
