// The efficiency frontier and the acceptability curve on hand-made designs, checked against values worked
// out by hand (issue 17): one design strongly dominated, one extendedly dominated, ICERs over the previous
// frontier option, and the share of draws in which each option has the highest net benefit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DO_NOTHING, acceptabilityCurve, efficiencyFrontier } from '../../sim/stats/costEffectiveness.js';

describe('efficiency frontier', () => {
  it('drops a dominated and an extendedly dominated design and gives the rest their ICERs', () => {
    const out = efficiencyFrontier([
      { id: 'A', cost: 100, effect: 10 },
      { id: 'B', cost: 150, effect: 8 }, // costs more than A and achieves less
      { id: 'C', cost: 300, effect: 20 }, // ICER over A 20 > D's over C 10: a mix of A and D beats it
      { id: 'D', cost: 500, effect: 40 },
    ]);
    expect(out.map((d) => [d.id, d.status])).toEqual([['A', 'frontier'], ['B', 'dominated'], ['C', 'extendedDominated'], ['D', 'frontier']]);
    expect(out[1].dominatedBy).toBe('A');
    expect(out[0]).toMatchObject({ previous: null, incrementalCost: 100, incrementalEffect: 10, icer: 10 });
    expect(out[3]).toMatchObject({ previous: 'A', incrementalCost: 400, incrementalEffect: 30 });
    expect(out[3].icer).toBeCloseTo(400 / 30, 12);
  });

  it('treats doing nothing as an option: a design that loses jobs is dominated by it, a free one dominates it', () => {
    const out = efficiencyFrontier([
      { id: 'worse', cost: 50, effect: -2 },
      { id: 'free', cost: 0, effect: 3 },
      { id: 'same', cost: 0, effect: 3 },
    ]);
    expect(out[0]).toMatchObject({ status: 'dominated', dominatedBy: DO_NOTHING });
    expect(out[1]).toMatchObject({ status: 'frontier', previous: null, icer: 0 });
    // Of two identical designs the first listed stays on the frontier.
    expect(out[2]).toMatchObject({ status: 'dominated', dominatedBy: 'free' });
  });

  it('on any designs: frontier ICERs increase, and no frontier design is dominated by another design', () => {
    const design = fc.record({ cost: fc.integer({ min: 0, max: 1e9 }), effect: fc.integer({ min: -50, max: 500 }) });
    fc.assert(
      fc.property(fc.array(design, { minLength: 1, maxLength: 8 }), (ds) => {
        const out = efficiencyFrontier(ds.map((d, i) => ({ id: `d${i}`, ...d })));
        const frontier = out.filter((d) => d.status === 'frontier').sort((a, b) => a.cost - b.cost);
        for (let k = 1; k < frontier.length; k++) {
          expect(frontier[k].effect).toBeGreaterThan(frontier[k - 1].effect);
          expect(frontier[k].icer!).toBeGreaterThanOrEqual(frontier[k - 1].icer! - 1e-9 * Math.abs(frontier[k - 1].icer!));
        }
        for (const f of frontier) expect(out.some((o) => o.id !== f.id && o.cost <= f.cost && o.effect >= f.effect && (o.cost < f.cost || o.effect > f.effect))).toBe(false);
      }),
      { numRuns: 300, seed: 17 },
    );
  });

  it('refuses a cost that is not a number and the reserved id', () => {
    expect(() => efficiencyFrontier([{ id: 'x', cost: NaN, effect: 1 }])).toThrow(/design x: cost and effect must be finite/);
    expect(() => efficiencyFrontier([{ id: 'none', cost: 1, effect: 1 }])).toThrow(/reserved/);
  });
});

describe('acceptability curve', () => {
  // Two designs, two draws; net benefit λ × effect − cost, doing nothing 0.
  const draws = [
    [{ id: 'X', cost: 100, effect: 10 }, { id: 'Y', cost: 300, effect: 25 }],
    [{ id: 'X', cost: 100, effect: 12 }, { id: 'Y', cost: 300, effect: 18 }],
  ];

  it('matches the hand computation at four values of a unit of effect', () => {
    const curve = acceptabilityCurve(draws, [0, 10, 20, 100]);
    // λ 0: nothing wins both draws.
    expect(curve[0].probability).toEqual({ none: 1, X: 0, Y: 0 });
    // λ 10: draw 1 X 0 = nothing 0 > Y −50 (a tie, split), draw 2 X 20 wins.
    expect(curve[1].probability).toEqual({ none: 0.25, X: 0.75, Y: 0 });
    // λ 20: draw 1 Y 200 > X 100; draw 2 X 140 > Y 60.
    expect(curve[2].probability).toEqual({ none: 0, X: 0.5, Y: 0.5 });
    // λ 100: Y in both.
    expect(curve[3].probability).toEqual({ none: 0, X: 0, Y: 1 });
    for (const p of curve) expect(Object.values(p.probability).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('needs the same designs in every draw', () => {
    expect(() => acceptabilityCurve([draws[0], [draws[1][1], draws[1][0]]], [1])).toThrow(/same designs/);
    expect(() => acceptabilityCurve([], [1])).toThrow(/at least one draw/);
  });
});
