// Follow the rupiah (the classroom): an amount paid to one business, followed round by round through the
// local economy with the model's own ledger. Round 1 is the amount entering the business. Round 2 splits it
// by that business's recorded payments per rupiah of income over the run (an AccountTap: kind × payee
// sector). Rounds 3, 4, … pass each local recipient sector's share on by that sector's shares of all its
// payments over the run (the run's totalCells). These are exactly the rounds of sim/metrics/lm3.ts, so the
// income-weighted mean of the participants' traces is the model's LM3 of the participants' sector.
// This file is the pure trace; rupiahRun.ts records the run it reads and picks the lesson's businesses.
import { FLOW_COUNT, FLOW_NAMES, SECTOR_COUNT, SECTOR_NAMES, Sector, isLocalSector } from '../ledger/accounts.js';
import { PROFIT_DISTRIBUTIONS, pairsOf } from '../metrics/lm3.js';

/** Horizon the classroom records over when none is given (a year: long enough for every flow to occur). */
export const RUPIAH_MONTHS = 12;
/** Rounds followed when none is given. */
export const RUPIAH_ROUNDS = 5;
/** Most accounts of each kind lit up per round (the economy view needs the pattern, not a flood). */
export const HIGHLIGHT_LIMIT = 200;

export type SectorName = (typeof SECTOR_NAMES)[number];
export type FlowName = (typeof FLOW_NAMES)[number];

/**
 * Where a round's money goes: `local` is re-spent in the local economy (counted by LM), `leakage` leaves it,
 * `owner` is the first business's profit paid to its owner's household (LM3 leaves it out of round 2),
 * `ownSector` is paid to the business's own sector (LM3 leaves it out too; no such payment exists in the
 * model today), `kept` stays with the account (income not spent during the run; negative when the
 * account spent more than it received, drawing on money it held before).
 */
export type FlowClass = 'local' | 'leakage' | 'owner' | 'ownSector' | 'kept';

/** A node of the trace: a sector holding money in a round, or where a round's money ends. */
export interface TraceNode {
  /** `${round}:${sector}` for money held, `${round}:leak:${sector}`, `${round}:owner`, `${round}:kept`, `${round}:own`. */
  id: string;
  round: number;
  /** The sector it stands for (`null` for kept money). */
  sector: SectorName | null;
  role: 'start' | FlowClass;
  amount: number;
}

export interface TraceFlow {
  /** The round the money arrives in (2 = the business's own spending). */
  round: number;
  from: string;
  to: string;
  kind: FlowName | 'kept';
  /** The sector paid (null for kept money). */
  sector: SectorName | null;
  cls: FlowClass;
  amount: number;
}

export interface RoundSummary {
  round: number;
  /** Money that entered this round's spending: round 1 = the amount; round n = round n − 1's local re-spending. */
  entered: number;
  /** Re-spent locally in this round (this round's R in LM): round 1 = the amount. */
  local: number;
  localBySector: Partial<Record<SectorName, number>>;
  leakage: number;
  leakageByKind: Partial<Record<FlowName, number>>;
  owner: number;
  ownSector: number;
  kept: number;
  /** (R1 + … + Rn) / R1: LM2, LM3 (the NEF measure), LM4, … */
  running: number;
}

export interface RupiahTrace {
  business: number;
  amount: number;
  /** The business's sector in the run (participants for a mentored business). */
  sector: SectorName;
  /** Share of its raw-material purchases over the run bought locally (from the tap). */
  localInputShare: number;
  /** Its income over the run (rupiah: what round 1 is scaled from). */
  income: number;
  rounds: RoundSummary[];
  nodes: TraceNode[];
  flows: TraceFlow[];
  /** Running multiplier after round 3. */
  lm3: number;
}

/** What one business account did over the run: kind × sector (FLOW_COUNT × SECTOR_COUNT each). */
export interface AccountRecord {
  id: number;
  sector: number;
  inflow: Float64Array;
  outflow: Float64Array;
}

/** Income over the run from every sector but the account's own (LM3's round 1 for a sector). */
export function incomeOf(account: AccountRecord): number {
  const S = SECTOR_COUNT;
  let income = 0;
  for (let k = 0; k < FLOW_COUNT; k++) for (let s = 0; s < S; s++) if (s !== account.sector) income += account.inflow[k * S + s];
  return income;
}

/** Share of raw-material purchases bought locally over the run (NaN when it bought none). */
export function recordedLocalInputShare(account: AccountRecord): number {
  const S = SECTOR_COUNT;
  let local = 0, imported = 0;
  for (let s = 0; s < S; s++) {
    local += account.outflow[FLOW_NAMES.indexOf('localInputs') * S + s];
    imported += account.outflow[FLOW_NAMES.indexOf('importedInputs') * S + s];
  }
  return local + imported > 0 ? local / (local + imported) : NaN;
}

const leakNode = (round: number, sector: number) => `${round}:leak:${SECTOR_NAMES[sector]}`;
const heldNode = (round: number, sector: number) => `${round}:${SECTOR_NAMES[sector]}`;

/**
 * The trace of `amount` rupiah entering `account`, over `rounds` rounds (≥ 3), from the run's cells.
 * Pure: the same inputs always give the same trace; every amount is linear in `amount`.
 */
export function traceRupiah(cells: Float64Array, account: AccountRecord, amount: number, rounds = RUPIAH_ROUNDS): RupiahTrace {
  const S = SECTOR_COUNT;
  const income = incomeOf(account);
  if (!(income > 0)) throw new Error(`business ${account.id} received nothing during the run`);
  if (!(amount > 0)) throw new Error('the amount must be positive');
  const own = account.sector;
  const all = pairsOf(cells);
  const nodes = new Map<string, TraceNode>();
  const flows: TraceFlow[] = [];
  const addNode = (id: string, round: number, sector: number | null, role: TraceNode['role'], value: number) => {
    const node = nodes.get(id);
    if (node) node.amount += value;
    else nodes.set(id, { id, round, sector: sector === null ? null : SECTOR_NAMES[sector], role, amount: value });
  };
  const addFlow = (round: number, from: string, to: string, kind: number | 'kept', sector: number | null, cls: FlowClass, value: number) => {
    if (value === 0) return;
    const existing = flows.find((f) => f.from === from && f.to === to && f.kind === (kind === 'kept' ? 'kept' : FLOW_NAMES[kind]));
    if (existing) existing.amount += value;
    else flows.push({ round, from, to, kind: kind === 'kept' ? 'kept' : FLOW_NAMES[kind], sector: sector === null ? null : SECTOR_NAMES[sector], cls, amount: value });
  };
  const emptyRound = (round: number, entered: number): RoundSummary => ({
    round, entered, local: 0, localBySector: {}, leakage: 0, leakageByKind: {}, owner: 0, ownSector: 0, kept: 0, running: NaN,
  });

  // Round 1: the amount enters the business.
  const start = `1:business`;
  nodes.set(start, { id: start, round: 1, sector: SECTOR_NAMES[own], role: 'start', amount });
  const r1 = emptyRound(1, amount);
  r1.local = amount;
  r1.running = 1;
  const summaries: RoundSummary[] = [r1];

  // Round 2: the business's own payments per rupiah of income.
  const scale = amount / income;
  const r2 = emptyRound(2, amount);
  const held = new Float64Array(S); // money each local sector holds after this round (to re-spend next)
  let spent = 0;
  for (let k = 0; k < FLOW_COUNT; k++) {
    for (let s = 0; s < S; s++) {
      const paid = account.outflow[k * S + s];
      if (paid === 0) continue;
      const v = paid * scale;
      spent += v;
      const kindName = FLOW_NAMES[k];
      if (PROFIT_DISTRIBUTIONS.has(k)) {
        r2.owner += v;
        addNode('2:owner', 2, s, 'owner', v);
        addFlow(2, start, '2:owner', k, s, 'owner', v);
      } else if (s === own) {
        r2.ownSector += v;
        addNode('2:own', 2, s, 'ownSector', v);
        addFlow(2, start, '2:own', k, s, 'ownSector', v);
      } else if (isLocalSector(s)) {
        r2.local += v;
        r2.localBySector[SECTOR_NAMES[s]] = (r2.localBySector[SECTOR_NAMES[s]] ?? 0) + v;
        held[s] += v;
        addNode(heldNode(2, s), 2, s, 'local', v);
        addFlow(2, start, heldNode(2, s), k, s, 'local', v);
      } else {
        r2.leakage += v;
        r2.leakageByKind[kindName] = (r2.leakageByKind[kindName] ?? 0) + v;
        addNode(leakNode(2, s), 2, s, 'leakage', v);
        addFlow(2, start, leakNode(2, s), k, s, 'leakage', v);
      }
    }
  }
  r2.kept = amount - spent;
  if (r2.kept !== 0) {
    addNode('2:kept', 2, null, 'kept', r2.kept);
    addFlow(2, start, '2:kept', 'kept', null, 'kept', r2.kept);
  }
  summaries.push(r2);

  // Rounds 3, 4, …: each local sector passes its money on by its shares of all its payments over the run
  // (payments to its own sector left out, as lm3.ts's localSpendingShare does).
  let cumulative = amount + r2.local;
  r2.running = cumulative / amount;
  let current = held;
  for (let round = 3; round <= rounds; round++) {
    const next = new Float64Array(S);
    const r = emptyRound(round, current.reduce((a, v) => a + v, 0));
    for (let j = 0; j < S; j++) {
      const money = current[j];
      if (money === 0) continue;
      let total = 0;
      for (let to = 0; to < S; to++) if (to !== j) total += all[j * S + to];
      const from = heldNode(round - 1, j);
      if (!(total > 0)) {
        r.kept += money;
        addNode(`${round}:kept`, round, null, 'kept', money);
        addFlow(round, from, `${round}:kept`, 'kept', null, 'kept', money);
        continue;
      }
      for (let k = 0; k < FLOW_COUNT; k++) {
        for (let to = 0; to < S; to++) {
          if (to === j) continue;
          const c = cells[(k * S + j) * S + to];
          if (c === 0) continue;
          const v = (money * c) / total;
          if (isLocalSector(to)) {
            r.local += v;
            r.localBySector[SECTOR_NAMES[to]] = (r.localBySector[SECTOR_NAMES[to]] ?? 0) + v;
            next[to] += v;
            addNode(heldNode(round, to), round, to, 'local', v);
            addFlow(round, from, heldNode(round, to), k, to, 'local', v);
          } else {
            r.leakage += v;
            r.leakageByKind[FLOW_NAMES[k]] = (r.leakageByKind[FLOW_NAMES[k]] ?? 0) + v;
            addNode(leakNode(round, to), round, to, 'leakage', v);
            addFlow(round, from, leakNode(round, to), k, to, 'leakage', v);
          }
        }
      }
    }
    cumulative += r.local;
    r.running = cumulative / amount;
    summaries.push(r);
    current = next;
  }

  return {
    business: account.id,
    amount,
    sector: SECTOR_NAMES[own],
    localInputShare: recordedLocalInputShare(account),
    income,
    rounds: summaries,
    nodes: [...nodes.values()],
    flows,
    lm3: summaries[2].running,
  };
}

/** Round totals for the LM measure directly (no nodes): R1, R2, R3 of one account, lm3.ts's definitions. */
export function businessLm3(cells: Float64Array, account: AccountRecord): { round1: number; round2: number; round3: number; lm3: number } {
  const t = traceRupiah(cells, account, incomeOf(account), 3);
  const [a, b, c] = t.rounds;
  return { round1: a.local, round2: b.local, round3: c.local, lm3: t.lm3 };
}
