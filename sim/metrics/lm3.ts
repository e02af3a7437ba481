// LM3 (New Economics Foundation, Sacks 2002), read from the ledger's sector-to-sector payments over the
// run: round 1 is what a sector receives, round 2 the part it spends with local accounts, round 3 the
// part of round 2 that its recipients in turn spend locally (each at its own sector's local share).
import { SECTOR_COUNT, isLocalSector } from '../ledger/accounts.js';

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
export function lm3(pairs: Float64Array, sector: number): Lm3 {
  const S = SECTOR_COUNT;
  let round1 = 0;
  for (let from = 0; from < S; from++) if (from !== sector) round1 += pairs[from * S + sector];
  let round2 = 0, round3 = 0;
  for (let to = 0; to < S; to++) {
    if (to === sector || !isLocalSector(to)) continue;
    const v = pairs[sector * S + to];
    round2 += v;
    round3 += v * localSpendingShare(pairs, to);
  }
  return { round1, round2, round3, lm3: round1 > 0 ? (round1 + round2 + round3) / round1 : NaN };
}

/** LM3 of the program's own spending: round 1 is everything it spent. */
export function programLm3(pairs: Float64Array, programSector: number): Lm3 {
  const S = SECTOR_COUNT;
  let round1 = 0, round2 = 0, round3 = 0;
  for (let to = 0; to < S; to++) {
    if (to === programSector) continue;
    const v = pairs[programSector * S + to];
    round1 += v;
    if (isLocalSector(to)) {
      round2 += v;
      round3 += v * localSpendingShare(pairs, to);
    }
  }
  return { round1, round2, round3, lm3: round1 > 0 ? (round1 + round2 + round3) / round1 : NaN };
}
