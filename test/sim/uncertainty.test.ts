// The uncertain assumptions (issue 17): a zero-width distribution gives exactly today's results, draws are
// reproducible from the seed and shared by every design in a replicate, and a field the scenario file
// sets is never drawn.
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../../sim/index.js';
import { UNCERTAIN_PARAMETERS, drawAssumptions, drawValue, setPaths, type UncertainParameter } from '../../sim/uncertainty/parameters.js';

const input = { name: 'small', economy: { businesses: 120 }, months: 8, program: { maxParticipants: 30, budgetRupiah: 200_000_000, training: { enabled: true } } };
const scenario = parseScenario(input, 'small.json');

describe('uncertain assumptions', () => {
  it('a parameter with zero-width uncertainty gives results identical to the default mode', () => {
    const fixed: UncertainParameter[] = UNCERTAIN_PARAMETERS.map((p) => {
      const keys = p.path.split('.');
      let v: unknown = scenario;
      for (const k of keys) v = (v as Record<string, unknown>)[k];
      return { ...p, low: v as number, high: v as number };
    });
    const { scenario: drawn, drawn: values } = drawAssumptions(scenario, new Set(), 4, fixed);
    expect(Object.keys(values)).toEqual(UNCERTAIN_PARAMETERS.map((p) => p.path));
    expect(drawn).toEqual(scenario);
    expect(JSON.stringify(runScenario(drawn, { seed: 4 }).summary)).toBe(JSON.stringify(runScenario(scenario, { seed: 4 }).summary));
  });

  it('draws are reproducible from the seed, inside each range, the same for every design, and differ between seeds', () => {
    const other = parseScenario({ ...input, name: 'other', program: { ...input.program, mentoring: { enabled: true } } }, 'other.json');
    for (const seed of [1, 2, 3]) {
      const a = drawAssumptions(scenario, new Set(), seed).drawn;
      const b = drawAssumptions(other, new Set(), seed).drawn;
      expect(a).toEqual(b);
      expect(a).toEqual(drawAssumptions(scenario, new Set(), seed).drawn);
      for (const p of UNCERTAIN_PARAMETERS) {
        expect(a[p.path]).toBeGreaterThanOrEqual(p.low);
        expect(a[p.path]).toBeLessThanOrEqual(p.high);
      }
    }
    const stealing = UNCERTAIN_PARAMETERS.find((p) => p.path === 'businessStealingShare')!;
    const values = Array.from({ length: 200 }, (_, seed) => drawValue(stealing, seed));
    expect(new Set(values).size).toBe(200);
    // Uniform over 0.5..0.9: the mean of 200 draws is near 0.7 (sd of the mean about 0.008).
    expect(values.reduce((x, y) => x + y, 0) / 200).toBeCloseTo(0.7, 1);
    // The drawn value reaches the run.
    const drawn = drawAssumptions(scenario, new Set(), 9).scenario;
    expect(drawn.businessStealingShare).toBe(drawValue(stealing, 9));
    expect(scenario.businessStealingShare).toBe(0.5);
  });

  it('a field the scenario file sets is not drawn', () => {
    const explicit = setPaths({ businessStealingShare: 0.8, performance: { digitalSalesUplift: 0.1 }, economy: { sectors: [{}] } });
    expect([...explicit].sort()).toEqual(['businessStealingShare', 'economy.sectors', 'performance.digitalSalesUplift']);
    const own = parseScenario({ ...input, businessStealingShare: 0.8 }, 'own.json');
    const { scenario: drawn, drawn: values } = drawAssumptions(own, setPaths({ businessStealingShare: 0.8 }), 5);
    expect(drawn.businessStealingShare).toBe(0.8);
    expect(Object.keys(values)).toEqual(UNCERTAIN_PARAMETERS.map((p) => p.path).filter((p) => p !== 'businessStealingShare'));
  });
});
