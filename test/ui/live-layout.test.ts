// The live view's force layout on a real live run: deterministic, sectors apart, and stable from month to
// month — only entrants and businesses that gained a tie move, closed businesses stay where they were.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLiveRun, parseScenario, type LiveRun } from '../../sim/index.js';
import { LiveLayout, hash01 } from '../../ui/classroom/live-layout.js';

const scenario = (name: string, businesses: number, months: number) => {
  const s = parseScenario(JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8')), name);
  return { ...s, months, economy: { ...s.economy, businesses } };
};
const input = (run: LiveRun) => ({ sectors: run.sectors(), edges: run.edges(), open: run.program.businesses.life.open.slice(0, run.businessCount()) });

describe('LiveLayout', () => {
  it('hash01 is a deterministic number in [0, 1) spread over the interval', () => {
    const xs = Array.from({ length: 2000 }, (_, i) => hash01(i));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(hash01(17)).toBe(hash01(17));
    const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.03);
  });

  it('the same run gives the same positions; every business is placed, with finite coordinates', () => {
    const s = scenario('full-cycle', 300, 6);
    const a = new LiveLayout(input(createLiveRun(s, 2)), s.economy.sectors.length);
    const b = new LiveLayout(input(createLiveRun(s, 2)), s.economy.sectors.length);
    expect(b.positions()).toEqual(a.positions());
    expect(a.positions().length).toBe(600);
    expect(a.positions().every(Number.isFinite)).toBe(true);
  });

  it('businesses sit nearer their own sector\'s disc than any other', () => {
    const s = scenario('full-cycle', 400, 6);
    const run = createLiveRun(s, 5);
    const layout = new LiveLayout(input(run), s.economy.sectors.length);
    const discs = layout.sectorDiscs();
    const p = layout.positions();
    const sectors = run.sectors();
    let own = 0;
    for (let id = 0; id < sectors.length; id++) {
      const d = discs.map((c) => Math.hypot(p[2 * id] - c.x, p[2 * id + 1] - c.y));
      if (d.indexOf(Math.min(...d)) === sectors[id]) own++;
    }
    expect(own / sectors.length).toBeGreaterThan(0.95);
  });

  it('month to month, only entrants and businesses that gained a tie move; closed ones never do', () => {
    const s = scenario('forums-networks', 300, 16);
    const run = createLiveRun(s, 4);
    const layout = new LiveLayout(input(run), s.economy.sectors.length);
    const degree = (edges: Int32Array, n: number) => {
      const d = new Uint16Array(n);
      for (const id of edges) d[id]++;
      return d;
    };
    let before = layout.positions();
    let prevDegree = degree(run.edges(), run.businessCount());
    /** Months since each business last entered or gained a tie (free to move for 3 relaxations). */
    const sinceChange = new Map<number, number>();
    let moved = 0, entrantsSeen = 0;
    while (run.step()) {
      const snapshot = input(run);
      layout.update(snapshot);
      layout.relax();
      const after = layout.positions();
      const n = snapshot.sectors.length;
      const d = degree(snapshot.edges, n);
      for (let id = 0; id < n; id++) {
        if (id >= prevDegree.length || d[id] !== prevDegree[id]) sinceChange.set(id, 0);
        else if (sinceChange.has(id)) sinceChange.set(id, sinceChange.get(id)! + 1);
      }
      for (let id = 0; id < before.length / 2; id++) {
        const dist = Math.hypot(after[2 * id] - before[2 * id], after[2 * id + 1] - before[2 * id + 1]);
        const free = (sinceChange.get(id) ?? 99) < 3 && snapshot.open[id] === 1;
        if (!free) expect(dist, `business ${id} in month ${run.month}`).toBe(0);
        else if (dist > 0) moved++;
      }
      entrantsSeen += n - before.length / 2;
      before = after;
      prevDegree = d;
    }
    // Forums (cohort starts) and entrants did move someone.
    expect(moved).toBeGreaterThan(0);
    expect(entrantsSeen).toBeGreaterThan(0);
  });

  it('an entrant starts next to its tied business in its sector, or at the edge of its sector\'s disc', () => {
    const s = scenario('full-cycle', 300, 12);
    const run = createLiveRun(s, 8);
    const layout = new LiveLayout(input(run), s.economy.sectors.length);
    const discs = layout.sectorDiscs();
    let checked = 0;
    while (run.step()) {
      const n0 = layout.positions().length / 2;
      const snapshot = input(run);
      layout.update(snapshot); // placed, not yet relaxed
      const p = layout.positions();
      for (let id = n0; id < snapshot.sectors.length; id++) {
        const sector = snapshot.sectors[id];
        let partner = -1;
        for (let i = 0; i < snapshot.edges.length; i += 2) {
          const [a, b] = [snapshot.edges[i], snapshot.edges[i + 1]];
          const other = a === id ? b : b === id ? a : -1;
          if (other >= 0 && other < n0) {
            partner = other;
            break;
          }
        }
        if (partner >= 0 && snapshot.sectors[partner] === sector) {
          expect(Math.hypot(p[2 * id] - p[2 * partner], p[2 * id + 1] - p[2 * partner + 1])).toBeCloseTo(2.2, 5);
        } else {
          const disc = discs[sector];
          const r = Math.hypot(p[2 * id] - disc.x, p[2 * id + 1] - disc.y);
          expect(r).toBeGreaterThan(disc.r * 0.5);
          expect(r).toBeLessThan(disc.r * 2);
        }
        checked++;
      }
      layout.relax();
    }
    expect(checked).toBeGreaterThan(0);
  });
});
