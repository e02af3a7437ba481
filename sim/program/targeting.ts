// Targeting rules: the order in which businesses are offered places. Ties (and the "random" rule) are
// broken by one draw per business from the `targeting` stream.
import { CAPACITY_COUNT, Cap, type Economy } from '../state/economy.js';
import { CAPACITIES } from '../scenario/names.js';
import { compileExpression } from './expressionCompiler.js';
import type { ExpressionVariable } from './expressionVariables.js';
import { log } from '../math/elementary.js';

function meanCap(e: Economy, id: number): number {
  let sum = 0;
  for (let k = 0; k < CAPACITY_COUNT; k++) sum += e.businesses.capacities.capacity[id * CAPACITY_COUNT + k];
  return sum / CAPACITY_COUNT;
}

/** The variables a targeting expression sees for business `id`. */
export function expressionVariables(e: Economy, id: number): Record<ExpressionVariable, number> {
  const b = e.businesses;
  const vars = {
    female: b.owner.female[id], education: b.owner.education[id], digitalLiteracy: b.owner.digitalLiteracy[id],
    timeAvailable: b.owner.timeAvailable[id], openness: b.owner.openness[id],
    turnover: b.market.turnoverStart[id], workers: 1 + b.workforce.familyWorkers[id] + b.workforce.employees[id], sector: b.life.sector[id],
    digitalChannel: b.practices.digitalChannel[id], keepsBooks: b.practices.keepsBooks[id], workingCapital: e.ledger.money[id],
  } as Record<ExpressionVariable, number>;
  CAPACITIES.forEach((name, k) => (vars[name] = b.capacities.capacity[id * CAPACITY_COUNT + k]));
  return vars;
}

/** Eligible initial businesses (ids below `n`), best first. */
export function targetingOrder(e: Economy, n: number): Int32Array {
  const rule = e.scenario.program.targeting.rule;
  const draws = e.streams.uniforms('targeting', 0, n);
  const tie = Float64Array.from(draws.subarray(0, n));
  const key = new Float64Array(n);
  const eligible: number[] = [];
  const b = e.businesses;
  let score: ((id: number) => number) | undefined;
  if (rule === 'expression') {
    const compiled = compileExpression(e.scenario.program.targeting.expression ?? '');
    score = (id) => compiled(expressionVariables(e, id));
  }
  for (let id = 0; id < n; id++) {
    switch (rule) {
      case 'all': key[id] = -id; break;
      case 'random': key[id] = 0; break;
      case 'womenFirst': key[id] = b.owner.female[id]; break;
      case 'lowestCapacityFirst': key[id] = -meanCap(e, id); break;
      case 'highestPotentialFirst':
        key[id] = meanCap(e, id) + b.capacities.capacity[id * CAPACITY_COUNT + Cap.mindset] + b.owner.openness[id] + 0.25 * log(b.market.attractionStart[id]);
        break;
      case 'expression': {
        const v = score!(id);
        if (!(v > 0)) continue;
        key[id] = v;
        break;
      }
    }
    eligible.push(id);
  }
  eligible.sort((x, y) => key[y] - key[x] || tie[x] - tie[y] || x - y);
  return Int32Array.from(eligible);
}
