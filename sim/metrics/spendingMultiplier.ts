// The spending multiplier (Keynesian rounds): how much local output one rupiah of new outside demand
// generates in all, round by round, read from a run's ledger (payments by kind × payer sector × payee
// sector over the run, month 0 excluded).
//
// Round 1 is the injection: a rupiah of outside buyers' money lands on local businesses, split between
// their sectors as the run's outside sales were. In each next round, every local sector passes on what it
// received in the last one at its own shares over the run:
//   share[i → j] = P[i, j] / uses(i),  j local,  uses(i) = max(received(i), paid(i)),
// where P sums every kind of payment (consumption, local inputs, wages, owner draws, household use,
// liquidation, supplier payouts, entry capital: whatever one local account pays another is re-spending)
// and uses(i) is what i paid to anyone plus what it added to its balances. Leakages are the rest: payments
// to outside sectors (imports, overheads, equipment, taxes, savings held outside, loan repayments) and
// money kept (savings held: received but not paid out over the run).
// A round's output is what the local producing sectors received in it; households (INCOME_SECTORS) are
// the economy's income: what they receive is passed on (their local consumption is the next round's
// sales) but not counted as output, since it is the same value as the sales that paid it.
//   spendingMultiplier = Σ_rounds output ÷ injection,
// computed round by round until a round adds less than 1e-12 of the injection. A sector added to the
// ledger is counted as producing unless it is listed in INCOME_SECTORS.
import { FLOW_COUNT, Flow, SECTOR_COUNT, Sector, isLocalSector } from '../ledger/accounts.js';

/** Local sectors whose receipts are income rather than sales of output (passed on, not counted). */
export const INCOME_SECTORS: ReadonlySet<number> = new Set([Sector.households]);

export interface SpendingRounds {
  /** Output in each round per rupiah injected (round 1 = 1 when it lands only on producing sectors). */
  rounds: number[];
  /** Σ rounds; NaN without an injection (no outside sales in the run) or when the rounds do not converge. */
  multiplier: number;
}

const TOLERANCE = 1e-12;
const MAX_ROUNDS = 10_000;

/** Where a rupiah of new outside demand lands: each local sector's share of the run's outside sales. */
export function outsideDemandInjection(cells: Float64Array): Float64Array {
  const S = SECTOR_COUNT;
  const out = new Float64Array(S);
  let total = 0;
  for (let to = 0; to < S; to++) {
    if (!isLocalSector(to)) continue;
    out[to] = cells[(Flow.outsideSales * S + Sector.restOfWorld) * S + to];
    total += out[to];
  }
  for (let to = 0; to < S; to++) out[to] = total > 0 ? out[to] / total : 0;
  return out;
}

/** Local re-spending shares over the run: share[i * S + j] of what local sector i used went to local sector j. */
export function respendingShares(cells: Float64Array): Float64Array {
  const S = SECTOR_COUNT;
  const pairs = new Float64Array(S * S);
  for (let k = 0; k < FLOW_COUNT; k++) for (let i = 0; i < S * S; i++) pairs[i] += cells[k * S * S + i];
  const shares = new Float64Array(S * S);
  for (let i = 0; i < S; i++) {
    if (!isLocalSector(i)) continue;
    let received = 0, paid = 0;
    for (let q = 0; q < S; q++) {
      received += pairs[q * S + i];
      paid += pairs[i * S + q];
    }
    const uses = Math.max(received, paid);
    if (uses > 0) for (let j = 0; j < S; j++) if (isLocalSector(j)) shares[i * S + j] = pairs[i * S + j] / uses;
  }
  return shares;
}

/** The spending multiplier of an injection (rupiah per local sector; default: new outside demand). */
export function spendingMultiplier(cells: Float64Array, injection: Float64Array = outsideDemandInjection(cells)): SpendingRounds {
  const S = SECTOR_COUNT;
  const shares = respendingShares(cells);
  let total = 0;
  for (let i = 0; i < S; i++) if (isLocalSector(i)) total += injection[i];
  if (!(total > 0)) return { rounds: [], multiplier: NaN };
  let flow = Array.from(injection, (v, i) => (isLocalSector(i) ? v / total : 0));
  const rounds: number[] = [];
  let multiplier = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let output = 0, moving = 0;
    for (let i = 0; i < S; i++) {
      moving += flow[i];
      if (!INCOME_SECTORS.has(i)) output += flow[i];
    }
    if (moving < TOLERANCE) return { rounds, multiplier };
    rounds.push(output);
    multiplier += output;
    const next = new Array<number>(S).fill(0);
    for (let i = 0; i < S; i++) if (flow[i] !== 0) for (let j = 0; j < S; j++) next[j] += flow[i] * shares[i * S + j];
    flow = next;
  }
  return { rounds, multiplier: NaN };
}
