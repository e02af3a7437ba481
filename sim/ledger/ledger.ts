// The one ledger. `transfer` is the only code that changes a money balance: it debits a payer, credits
// a payee and records the flow in the transaction-flow matrix (kind × sector) and in the sector-to-sector
// matrix that LM3 is read from. Amounts are whole rupiah, so every identity below holds exactly in
// floating point (all sums stay far below 2^53).
import { FLOW_COUNT, Flow, SECTOR_COUNT, isLocalSector, type FlowKind } from './accounts.js';
import type { AccountTap } from './tap.js';

export interface MonthCheck {
  /** Largest |row sum| of this month's transaction-flow matrix (each flow has a payer and a payee). */
  rowImbalance: number;
  /** Largest |column sum − change in the sector's money|: sectors' money changes only through flows. */
  columnImbalance: number;
  /** |change in local money − (injections − leakages)|. */
  localMoneyImbalance: number;
  /** |sum of all balances|: money is an asset of its holder and a liability of the issuer outside. */
  netWorthImbalance: number;
  /** Local accounts below zero (none is allowed to overdraw). */
  negativeBalances: number;
  injections: number;
  leakages: number;
}

export class Ledger {
  /** Money held by each account, in rupiah. */
  readonly money: Float64Array;
  /** Sector (transaction-flow-matrix column) of each account. */
  readonly sectorOf: Uint8Array;
  /**
   * Money each account has received since its counter was last taken (rupiah). Households' income is
   * read from it (takeReceived), so a new payment to a household is its income with no code of its own.
   */
  readonly received: Float64Array;
  /** This month's payments by kind, payer sector and payee sector: the one record `transfer` writes. */
  private readonly monthCells = new Float64Array(FLOW_COUNT * SECTOR_COUNT * SECTOR_COUNT);
  /** This month's flows: [kind * SECTOR_COUNT + sector], payer negative, payee positive (set at close). */
  readonly monthFlows = new Float64Array(FLOW_COUNT * SECTOR_COUNT);
  /** Flows over the whole run, same layout. */
  readonly totalFlows = new Float64Array(FLOW_COUNT * SECTOR_COUNT);
  /** This month's payments from sector to sector: [payer * SECTOR_COUNT + payee] (set at close). */
  readonly monthPairs = new Float64Array(SECTOR_COUNT * SECTOR_COUNT);
  /** Payments from sector to sector over the whole run. */
  readonly totalPairs = new Float64Array(SECTOR_COUNT * SECTOR_COUNT);
  /** Payments by kind, payer sector and payee sector over the whole run (what LM3 is read from). */
  readonly totalCells = new Float64Array(FLOW_COUNT * SECTOR_COUNT * SECTOR_COUNT);
  private readonly sectorMoneyAtOpen = new Float64Array(SECTOR_COUNT);
  maxImbalance = 0;
  /** Transfers made so far (for benchmarks: the ledger's share of the work). */
  transfers = 0;
  /** Per-account record of the business accounts' payments, when attached with attachTap. */
  tap: AccountTap | null = null;

  constructor(accounts: number) {
    this.money = new Float64Array(accounts);
    this.sectorOf = new Uint8Array(accounts);
    this.received = new Float64Array(accounts);
  }

  /** Move `amount` (rounded to whole rupiah) from `payer` to `payee`. Returns what moved. */
  transfer(payer: number, payee: number, amount: number, kind: FlowKind): number {
    // Whole rupiah, half up (Math.floor(x + 0.5) equals Math.round for the positive amounts that move,
    // and is several times cheaper in V8's optimised code).
    const a = Math.floor(amount + 0.5);
    if (!(a > 0)) return 0;
    this.transfers++;
    const money = this.money;
    money[payer] -= a;
    money[payee] += a;
    this.received[payee] += a;
    this.monthCells[(kind * SECTOR_COUNT + this.sectorOf[payer]) * SECTOR_COUNT + this.sectorOf[payee]] += a;
    return a;
  }

  /**
   * Record every payment from now on also in `tap` (null: stop). The tapped ledger gets its own `transfer`,
   * so untapped ledgers — every CLI run — keep the plain one on their hot path.
   */
  attachTap(tap: AccountTap | null): void {
    this.tap = tap;
    if (tap === null) {
      delete (this as { transfer?: unknown }).transfer;
      return;
    }
    const plain = Ledger.prototype.transfer;
    this.transfer = (payer: number, payee: number, amount: number, kind: FlowKind): number => {
      const a = plain.call(this, payer, payee, amount, kind);
      if (a > 0) tap.record(payer, payee, a, kind, this.sectorOf[payer], this.sectorOf[payee]);
      return a;
    };
  }

  /**
   * One payer paying many payees in one pass (a sector block paying its workers): each payment is exactly
   * what `pay` would move, in order, and reaches its payee at once; the payer's side is settled together by
   * `settle`, so nobody may read the payer's balance in between. The same result as paying one by one.
   */
  payerBatch(payer: number, kind: FlowKind): PayerBatch {
    return new PayerBatch(this, payer, kind);
  }

  /** @internal Settle a batch's payer side: called by PayerBatch.settle. */
  settlePayerBatch(payer: number, kind: FlowKind, bySector: Float64Array, count: number): void {
    const S = SECTOR_COUNT;
    let total = 0;
    for (let sq = 0; sq < S; sq++) {
      const v = bySector[sq];
      if (v === 0) continue;
      total += v;
      this.monthCells[(kind * S + this.sectorOf[payer]) * S + sq] += v;
    }
    this.money[payer] -= total;
    this.transfers += count;
  }

  /**
   * Credit `payee` at once with payments many payers have already made (each debited one by one in whole
   * rupiah, at most what it held, as `pay` would): its money, what it received, and the matrix cell of each
   * payer sector (`bySector`, rupiah by payer sector). The same result as paying one by one; nobody may read
   * the payee's balance before this settles. Used for households' payments to the sector blocks.
   */
  settleBatch(payee: number, kind: FlowKind, bySector: Float64Array, count: number): void {
    const S = SECTOR_COUNT;
    let total = 0;
    for (let sp = 0; sp < S; sp++) {
      const v = bySector[sp];
      if (v === 0) continue;
      total += v;
      this.monthCells[(kind * S + sp) * S + this.sectorOf[payee]] += v;
    }
    this.money[payee] += total;
    this.received[payee] += total;
    this.transfers += count;
  }

  /**
   * Credit accounts [0, n) at once with payments many payers of sector `payerSector` have already made
   * (each debited one by one in whole rupiah, at most what it held, as `pay` would): account id gets
   * `amounts[id * stride + offset]` rupiah, recorded as `count` transfers of `kind`. The same result as
   * paying one by one (whole rupiah add exactly in any order); nobody may read a payee's balance before
   * this settles. Used for households' payments to the shops they buy from.
   */
  settleCredits(payerSector: number, kind: FlowKind, amounts: Float64Array, stride: number, offset: number, n: number, count: number): void {
    const S = SECTOR_COUNT;
    const { money, received, sectorOf, monthCells } = this;
    const row = (kind * S + payerSector) * S;
    for (let id = 0, i = offset; id < n; id++, i += stride) {
      const v = amounts[i];
      if (v === 0) continue;
      money[id] += v;
      received[id] += v;
      monthCells[row + sectorOf[id]] += v;
    }
    this.transfers += count;
  }

  /** Pay at most what the payer holds. */
  pay(payer: number, payee: number, amount: number, kind: FlowKind): number {
    const held = this.money[payer];
    return this.transfer(payer, payee, amount < held ? amount : held, kind);
  }

  /**
   * `pay` for a transfer of capital, not income: the payee's money rises but what it `received` (a
   * household's income) does not — a closed business's cash returning to its owner's savings.
   */
  payCapital(payer: number, payee: number, amount: number, kind: FlowKind): number {
    const a = this.pay(payer, payee, amount, kind);
    this.received[payee] -= a;
    return a;
  }

  private sectorMoney(out: Float64Array): void {
    out.fill(0);
    const { money, sectorOf } = this;
    for (let i = 0; i < money.length; i++) out[sectorOf[i]] += money[i];
  }

  /**
   * Copy what accounts [from, from + out.length) received since they were last taken into `out`, and
   * start their counters again from zero.
   */
  takeReceived(from: number, out: Float64Array): void {
    const received = this.received;
    for (let i = 0; i < out.length; i++) {
      out[i] = received[from + i];
      received[from + i] = 0;
    }
  }

  /** Forget the run totals and received counters (after the opening balances: they cover simulated months only). */
  resetTotals(): void {
    this.received.fill(0);
    this.totalFlows.fill(0);
    this.totalPairs.fill(0);
    this.totalCells.fill(0);
    this.tap?.clear();
  }

  /** Start a month: remember each sector's money so the close can check every column. */
  openMonth(): void {
    this.monthCells.fill(0);
    this.sectorMoney(this.sectorMoneyAtOpen);
  }

  /** Close a month: check the accounting identities, add the month to the run totals. */
  closeMonth(): MonthCheck {
    const S = SECTOR_COUNT;
    // Both views of the month from the one record: each payment counted once for its payer (−) and
    // once for its payee (+) in its kind's row, and once in the payer→payee matrix.
    this.monthFlows.fill(0);
    this.monthPairs.fill(0);
    for (let k = 0; k < FLOW_COUNT; k++) {
      for (let sp = 0; sp < S; sp++) {
        for (let sq = 0; sq < S; sq++) {
          const v = this.monthCells[(k * S + sp) * S + sq];
          if (v === 0) continue;
          this.monthFlows[k * S + sp] -= v;
          this.monthFlows[k * S + sq] += v;
          this.monthPairs[sp * S + sq] += v;
        }
      }
    }
    const now = new Float64Array(S);
    this.sectorMoney(now);
    let rowImbalance = 0;
    const column = new Float64Array(S);
    for (let k = 0; k < FLOW_COUNT; k++) {
      let row = 0;
      for (let s = 0; s < S; s++) {
        const v = this.monthFlows[k * S + s];
        row += v;
        column[s] += v;
      }
      rowImbalance = Math.max(rowImbalance, Math.abs(row));
    }
    let columnImbalance = 0;
    let localChange = 0;
    for (let s = 0; s < S; s++) {
      const change = now[s] - this.sectorMoneyAtOpen[s];
      columnImbalance = Math.max(columnImbalance, Math.abs(column[s] - change));
      if (isLocalSector(s)) localChange += change;
    }
    let injections = 0;
    let leakages = 0;
    for (let from = 0; from < S; from++) {
      for (let to = 0; to < S; to++) {
        const v = this.monthPairs[from * S + to];
        if (!isLocalSector(from) && isLocalSector(to)) injections += v;
        if (isLocalSector(from) && !isLocalSector(to)) leakages += v;
      }
    }
    const localMoneyImbalance = Math.abs(localChange - (injections - leakages));
    let total = 0;
    let negativeBalances = 0;
    for (let i = 0; i < this.money.length; i++) {
      total += this.money[i];
      if (this.money[i] < 0 && isLocalSector(this.sectorOf[i])) negativeBalances++;
    }
    const netWorthImbalance = Math.abs(total);
    this.maxImbalance = Math.max(this.maxImbalance, rowImbalance, columnImbalance, localMoneyImbalance, netWorthImbalance);
    for (let i = 0; i < this.totalFlows.length; i++) this.totalFlows[i] += this.monthFlows[i];
    for (let i = 0; i < this.totalPairs.length; i++) this.totalPairs[i] += this.monthPairs[i];
    for (let i = 0; i < this.totalCells.length; i++) this.totalCells[i] += this.monthCells[i];
    return { rowImbalance, columnImbalance, localMoneyImbalance, netWorthImbalance, negativeBalances, injections, leakages };
  }
}

/** Payments from one payer to many payees, settled on the payer's side at once (Ledger.payerBatch). */
export class PayerBatch {
  private readonly bySector = new Float64Array(SECTOR_COUNT);
  private count = 0;
  private paid = 0;
  constructor(private readonly ledger: Ledger, private readonly payer: number, private readonly kind: FlowKind) {}

  /** Pay `payee` at most what the payer has left of `amount` (rounded to whole rupiah). Returns what moved. */
  pay(payee: number, amount: number): number {
    const L = this.ledger;
    const held = L.money[this.payer] - this.paid;
    const a = Math.floor((amount < held ? amount : held) + 0.5);
    if (!(a > 0)) return 0;
    L.money[payee] += a;
    L.received[payee] += a;
    this.paid += a;
    this.bySector[L.sectorOf[payee]] += a;
    this.count++;
    L.tap?.record(this.payer, payee, a, this.kind, L.sectorOf[this.payer], L.sectorOf[payee]);
    return a;
  }

  /** Debit the payer with everything paid so far and record it; the batch can go on after. */
  settle(): void {
    this.ledger.settlePayerBatch(this.payer, this.kind, this.bySector, this.count);
    this.bySector.fill(0);
    this.count = 0;
    this.paid = 0;
  }
}

export { Flow };
