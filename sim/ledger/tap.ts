// A per-account view of the ledger for the first `accounts` accounts (the business slots): what each
// received by kind and payer sector, and paid by kind and payee sector, over the months it was attached.
// It lets the sector matrix be re-cut for another split of the businesses into sectors (a different
// enrolment: the counterfactual's participants) and a single business's rupiah be followed round by
// round (the classroom). `transfer` writes it; nothing else does.
import { FLOW_COUNT, SECTOR_COUNT } from './accounts.js';

export class AccountTap {
  /** [(account * FLOW_COUNT + kind) * SECTOR_COUNT + payer sector]: rupiah received. */
  readonly inflow: Float64Array;
  /** [(account * FLOW_COUNT + kind) * SECTOR_COUNT + payee sector]: rupiah paid. */
  readonly outflow: Float64Array;
  /** Rupiah paid between two tapped accounts (such a payment cannot be re-cut from sectors alone). */
  internal = 0;

  constructor(readonly accounts: number) {
    this.inflow = new Float64Array(accounts * FLOW_COUNT * SECTOR_COUNT);
    this.outflow = new Float64Array(accounts * FLOW_COUNT * SECTOR_COUNT);
  }

  record(payer: number, payee: number, amount: number, kind: number, payerSector: number, payeeSector: number): void {
    const n = this.accounts;
    if (payer < n) this.outflow[(payer * FLOW_COUNT + kind) * SECTOR_COUNT + payeeSector] += amount;
    if (payee < n) this.inflow[(payee * FLOW_COUNT + kind) * SECTOR_COUNT + payerSector] += amount;
    if (payer < n && payee < n) this.internal += amount;
  }

  /** Received by `account`: kind × payer sector. */
  inflowOf(account: number): Float64Array {
    const size = FLOW_COUNT * SECTOR_COUNT;
    return this.inflow.subarray(account * size, (account + 1) * size);
  }

  /** Paid by `account`: kind × payee sector. */
  outflowOf(account: number): Float64Array {
    const size = FLOW_COUNT * SECTOR_COUNT;
    return this.outflow.subarray(account * size, (account + 1) * size);
  }

  clear(): void {
    this.inflow.fill(0);
    this.outflow.fill(0);
    this.internal = 0;
  }
}

/**
 * The run's cells (kind × payer sector × payee sector) with the tapped accounts in `moved` taken out of
 * sector `from` and put in sector `to` (the accounts must have been in `from` while tapped). Exact: every
 * amount is whole rupiah.
 */
export function recutCells(cells: Float64Array, tap: AccountTap, moved: ArrayLike<number>, from: number, to: number): Float64Array {
  if (tap.internal !== 0) throw new Error('payments between tapped accounts cannot be re-cut by sector');
  const S = SECTOR_COUNT;
  const out = Float64Array.from(cells);
  for (let i = 0; i < moved.length; i++) {
    const inflow = tap.inflowOf(moved[i]);
    const outflow = tap.outflowOf(moved[i]);
    for (let k = 0; k < FLOW_COUNT; k++) {
      for (let s = 0; s < S; s++) {
        const got = inflow[k * S + s];
        if (got !== 0) {
          out[(k * S + s) * S + from] -= got;
          out[(k * S + s) * S + to] += got;
        }
        const paid = outflow[k * S + s];
        if (paid !== 0) {
          out[(k * S + from) * S + s] -= paid;
          out[(k * S + to) * S + s] += paid;
        }
      }
    }
  }
  return out;
}
