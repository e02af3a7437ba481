// LM3 (New Economics Foundation, Sacks 2002), read from the ledger's payments over the run (by kind,
// payer sector and payee sector). Round 1 is what a sector receives; round 2 is what it spends with local
// suppliers and staff — its owners' profit withdrawals are not spending by the business and are left
// out; round 3 is the part of round 2 that its recipients spend locally in turn, each at its own
// sector's local share of all its payments.
import { FLOW_COUNT, Flow, SECTOR_COUNT, isLocalSector } from '../ledger/accounts.js';

/** Flows that distribute a business's profit or remaining cash to its owner, not business spending. */
export const PROFIT_DISTRIBUTIONS: ReadonlySet<number> = new Set([Flow.ownerDraws, Flow.householdUse, Flow.liquidation]);

/** Sector-to-sector payments, optionally leaving out some kinds: [payer * SECTOR_COUNT + payee]. */
export function pairsOf(cells: Float64Array, exclude: ReadonlySet<number> = new Set()): Float64Array {
  const S = SECTOR_COUNT;
  const pairs = new Float64Array(S * S);
  for (let k = 0; k < FLOW_COUNT; k++) {
    if (exclude.has(k)) continue;
    for (let i = 0; i < S * S; i++) pairs[i] += cells[k * S * S + i];
  }
  return pairs;
}

/** Share of a sector's payments that go to local accounts (other than itself). */
export function localSpendingShare(pairs: Float64Array, sector: number): number {
  const S = SECTOR_COUNT;
  let total = 0, local = 0;
  for (let to = 0; to < S; to++) {
    if (to === sector) continue;
    const v = pairs[sector * S + to];
    total += v;
    if (isLocalSector(to)) local += v;
  }
  return total > 0 ? local / total : 0;
}

export interface Lm3 {
  round1: number;
  round2: number;
  round3: number;
  lm3: number;
}

/** LM3 of the money that flows into `sector` (its income from every other sector). */
export function lm3(cells: Float64Array, sector: number): Lm3 {
  const S = SECTOR_COUNT;
  const all = pairsOf(cells);
  const spending = pairsOf(cells, PROFIT_DISTRIBUTIONS);
  let round1 = 0;
  for (let from = 0; from < S; from++) if (from !== sector) round1 += all[from * S + sector];
  let round2 = 0, round3 = 0;
  for (let to = 0; to < S; to++) {
    if (to === sector || !isLocalSector(to)) continue;
    const v = spending[sector * S + to];
    round2 += v;
    round3 += v * localSpendingShare(all, to);
  }
  return { round1, round2, round3, lm3: round1 > 0 ? (round1 + round2 + round3) / round1 : NaN };
}

/** LM3 of the program's own spending: round 1 is everything it spent. */
export function programLm3(cells: Float64Array, programSector: number): Lm3 {
  const S = SECTOR_COUNT;
  const all = pairsOf(cells);
  let round1 = 0, round2 = 0, round3 = 0;
  for (let to = 0; to < S; to++) {
    if (to === programSector) continue;
    const v = all[programSector * S + to];
    round1 += v;
    if (isLocalSector(to)) {
      round2 += v;
      round3 += v * localSpendingShare(all, to);
    }
  }
  return { round1, round2, round3, lm3: round1 > 0 ? (round1 + round2 + round3) / round1 : NaN };
}
