// Follow the rupiah, the run behind it: the scenario's program arm recorded through the run engine with
// every business account tapped, the lesson's two businesses picked from it, and who received the money in
// each round. rupiah.ts traces an amount through what is recorded here.
import { AccountTap } from '../ledger/tap.js';
import { startRun } from '../run/engine.js';
import type { Scenario } from '../scenario/schema.js';
import { MAX_EMPLOYEES, type Economy } from '../state/economy.js';
import { FLOW_COUNT, FLOW_NAMES, SECTOR_COUNT, SECTOR_NAMES, Sector, isLocalSector } from '../ledger/accounts.js';
import { PROFIT_DISTRIBUTIONS } from '../metrics/lm3.js';
import { HIGHLIGHT_LIMIT, RUPIAH_MONTHS, RUPIAH_ROUNDS, incomeOf, recordedLocalInputShare, traceRupiah, type AccountRecord, type FlowName, type RupiahTrace } from './rupiah.js';

export interface RecordedRun {
  economy: Economy;
  tap: AccountTap;
  /** The run's payments by kind × payer sector × payee sector (ledger.totalCells). */
  cells: Float64Array;
  months: number;
  seed: number;
}

/** Run the scenario's program arm for `months` with every business account tapped. */
export function recordRupiahRun(scenario: Scenario, options: { seed?: number; months?: number } = {}): RecordedRun {
  const seed = options.seed ?? scenario.seed;
  const months = options.months ?? RUPIAH_MONTHS;
  // The program arm alone, no metrics: the trace reads only the ledger.
  const run = startRun(scenario, { seed, months, arms: 'program', metrics: 'none' });
  const economy = run.program;
  const tap = new AccountTap(economy.businesses.slots);
  economy.ledger.attachTap(tap);
  while (run.step());
  return { economy, tap, cells: Float64Array.from(economy.ledger.totalCells), months, seed };
}

export function accountOf(run: RecordedRun, id: number): AccountRecord {
  if (!(id >= 0 && id < run.economy.businesses.used)) throw new Error(`no business ${id} in this run`);
  return {
    id,
    sector: run.economy.ledger.sectorOf[id],
    inflow: Float64Array.from(run.tap.inflowOf(id)),
    outflow: Float64Array.from(run.tap.outflowOf(id)),
  };
}

export interface BusinessPicks {
  /** A mentored business buying most of its raw materials locally. */
  local: number;
  /** A business buying its raw materials from outside (a participant when one buys mostly from outside). */
  outside: number;
}

/**
 * The two businesses of the lesson, deterministic for a run. Candidates: open through the whole run,
 * present from the start, income above the median of such businesses (typical, not tiny), spending during
 * the run no more than their income (so "kept" is not negative). `local`: the participant with the highest
 * recorded local share of raw materials; `outside`: the lowest, among participants if one buys less than half
 * locally, else among all candidates. Ties go to the lower id.
 */
export function pickBusinesses(run: RecordedRun): BusinessPicks {
  const { economy: e } = run;
  const b = e.businesses;
  const n = e.scenario.economy.businesses;
  type Candidate = { id: number; share: number; participant: boolean };
  const candidates: Candidate[] = [];
  const incomes: number[] = [];
  const pool: { id: number; income: number; share: number }[] = [];
  for (let id = 0; id < n; id++) {
    if (!b.life.open[id]) continue;
    const account = accountOf(run, id);
    const income = incomeOf(account);
    const share = recordedLocalInputShare(account);
    if (!(income > 0) || Number.isNaN(share)) continue;
    let spent = 0;
    for (let i = 0; i < account.outflow.length; i++) spent += account.outflow[i];
    if (spent > income) continue;
    incomes.push(income);
    pool.push({ id, income, share });
  }
  if (pool.length === 0) throw new Error('no business received and spent money through the run');
  const sorted = [...incomes].sort((x, y) => x - y);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  for (const c of pool) if (c.income >= median) candidates.push({ id: c.id, share: c.share, participant: b.membership.participant[c.id] === 1 });
  const participants = candidates.filter((c) => c.participant);
  const best = (list: Candidate[], better: (a: Candidate, z: Candidate) => boolean) =>
    list.reduce((acc, c) => (better(c, acc) || (c.share === acc.share && c.id < acc.id) ? c : acc));
  const localPool = participants.length > 0 ? participants : candidates;
  const local = best(localPool, (c, acc) => c.share > acc.share).id;
  const lowParticipant = participants.length > 0 ? best(participants, (c, acc) => c.share < acc.share) : null;
  const outsidePool = lowParticipant && lowParticipant.share < 0.5 ? participants : candidates.filter((c) => c.id !== local);
  const outside = best(outsidePool.length > 0 ? outsidePool : candidates, (c, acc) => c.share < acc.share).id;
  return { local, outside };
}

export interface RoundRecipients {
  round: number;
  businesses: number[];
  households: number[];
  suppliers: number[];
}

/**
 * The accounts each round's money reaches, from the model's own links (the accounts it pays through):
 * round 1 is the business; round 2 its supplier (if it bought local raw materials), its workers' households
 * (if it paid wages) and its owner's household (its profit: shown, not followed further, as LM3 leaves it
 * out); from round 3 on, each followed account passes to its links — a household to the shops it knows
 * (open ones), a business to its supplier, its workers' households and its owner's household, a supplier
 * to its owner's household. Each list is deduplicated, in the model's order, at most HIGHLIGHT_LIMIT long.
 */
export function recipientsByRound(run: RecordedRun, business: number, rounds = RUPIAH_ROUNDS): RoundRecipients[] {
  const e = run.economy;
  const b = e.businesses;
  const h = e.households;
  const account = accountOf(run, business);
  const S = SECTOR_COUNT;
  const paid = (kind: string) => {
    let v = 0;
    for (let s = 0; s < S; s++) v += account.outflow[FLOW_NAMES.indexOf(kind as FlowName) * S + s];
    return v;
  };
  const workersOf = (id: number) => {
    const out: number[] = [];
    for (let j = 0; j < b.workforce.employees[id]; j++) out.push(b.workforce.employeeHousehold[id * MAX_EMPLOYEES + j]);
    return out;
  };
  const limit = (xs: Set<number>) => [...xs].slice(0, HIGHLIGHT_LIMIT);
  const out: RoundRecipients[] = [{ round: 1, businesses: [business], households: [], suppliers: [] }];
  // Round 2.
  const sup2 = new Set<number>();
  const hh2 = new Set<number>();
  if (paid('localInputs') > 0) sup2.add(b.technology.supplier[business]);
  if (paid('wages') > 0) for (const w of workersOf(business)) hh2.add(w);
  const followedHouseholds = new Set(hh2);
  let hasProfit = false;
  for (const k of PROFIT_DISTRIBUTIONS) for (let s = 0; s < S; s++) if (account.outflow[k * S + s] > 0) hasProfit = true;
  if (hasProfit) hh2.add(b.owner.ownerHousehold[business]);
  out.push({ round: 2, businesses: [], households: limit(hh2), suppliers: limit(sup2) });
  let fb = new Set<number>();
  let fh = followedHouseholds;
  let fs = sup2;
  for (let round = 3; round <= rounds; round++) {
    const nb = new Set<number>();
    const nh = new Set<number>();
    const ns = new Set<number>();
    for (const i of fh) {
      for (let k = 0; k < h.shopsKnown; k++) {
        const shop = h.shops[i * h.shopsKnown + k];
        if (shop >= 0 && b.life.open[shop]) nb.add(shop);
      }
    }
    for (const id of fb) {
      ns.add(b.technology.supplier[id]);
      for (const w of workersOf(id)) nh.add(w);
      nh.add(b.owner.ownerHousehold[id]);
    }
    for (const j of fs) nh.add(e.suppliers.ownerHousehold[j]);
    out.push({ round, businesses: limit(nb), households: limit(nh), suppliers: limit(ns) });
    fb = nb;
    fh = nh;
    fs = ns;
  }
  return out;
}

export interface FollowOptions {
  seed?: number;
  months?: number;
  /** A business id, or the lesson's picks. */
  business: number | 'local' | 'outside';
  amount: number;
  rounds?: number;
}

/** One call: record the run, pick the business if asked, trace the amount. */
export function followRupiah(scenario: Scenario, options: FollowOptions): RupiahTrace & { recipients: RoundRecipients[]; picks: BusinessPicks } {
  const run = recordRupiahRun(scenario, options);
  const picks = pickBusinesses(run);
  const id = typeof options.business === 'number' ? options.business : picks[options.business];
  const rounds = options.rounds ?? RUPIAH_ROUNDS;
  const trace = traceRupiah(run.cells, accountOf(run, id), options.amount, rounds);
  return { ...trace, recipients: recipientsByRound(run, id, rounds), picks };
}
