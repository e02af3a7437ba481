// Undirected ties between businesses, stored as a fixed number of slots per business.
import type { Economy } from './economy.js';

/** Add a tie both ways if neither side is full and it does not exist yet. Returns whether it was added. */
export function addTie(e: Pick<Economy, 'ties' | 'maxTies' | 'tieCounts'>, a: number, b: number): boolean {
  if (a === b) return false;
  const m = e.maxTies;
  const ca = e.tieCounts[a];
  const cb = e.tieCounts[b];
  if (ca >= m || cb >= m) return false;
  for (let k = 0; k < ca; k++) if (e.ties[a * m + k] === b) return false;
  e.ties[a * m + ca] = b;
  e.ties[b * m + cb] = a;
  e.tieCounts[a] = ca + 1;
  e.tieCounts[b] = cb + 1;
  return true;
}
