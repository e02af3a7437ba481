// The state of one simulated economy. Hot agent state lives in typed-array columns indexed by agent id
// (structure of arrays); a phase of the month is a function over these columns.
import { Ledger } from '../ledger/ledger.js';
import { Sector } from '../ledger/accounts.js';
import type { Scenario } from '../scenario/schema.js';
import { Streams } from '../rng/streams.js';

export { CAPACITY_COUNT, Cap, MAX_EMPLOYEES, allocateBusinesses, openIds, setOpen, type Businesses } from './businesses.js';
import { allocateBusinesses, type Businesses } from './businesses.js';
import type { ScheduledPayment } from '../program/cashSchedule.js';
import { BLOCK_COUNT, type Labour, type LocalSectors } from './localSectors.js';

export interface Households {
  readonly count: number;
  /**
   * Income of last month, spent this month: what the household received through the ledger between two
   * incomes phases (Ledger.takeReceived); nothing else writes it after the start.
   */
  incomeLast: Float64Array;
  outsideIncome: Float64Array;
  /**
   * Cash transfers (program.cashTransfer) are spent over several months rather than as one month's
   * income (households.transferSpendingPerMonth). Per household: what it has received and not yet counted
   * as income; what it received since incomes were last read (`transferPending`), and what of
   * `incomeLast` was transfers (`transferInIncome`). Empty arrays when the scenario pays no cash.
   */
  transferUnspent: Float64Array;
  transferPending: Float64Array;
  transferInIncome: Float64Array;
  /** Members available for paid work (in paid work or unemployed; owners and their family workers are not counted). */
  labourSupply: Uint8Array;
  /** Members in paid work: micro-business employees and block workers. */
  employed: Uint8Array;
  /** Members working in each sector block, [h * BLOCK_COUNT + block]. */
  blockJobs: Uint8Array;
  /** Businesses each household buys from, [h * shopsKnown + k]. */
  shops: Int32Array;
  /** Scratch: this month's order to each known shop. */
  orders: Float64Array;
  readonly shopsKnown: number;
}

export interface Suppliers {
  readonly count: number;
  ownerHousehold: Int32Array;
  sales: Float64Array;
}

export interface ProgramState {
  /** Participant ids by cohort. */
  cohorts: Int32Array[];
  cohortStart: number[];
  mentorCompetence: Float64Array;
  mentorHousehold: Int32Array;
  /** Households paid for local program services (venues, catering, local trainers). */
  providerHouseholds: Int32Array;
  /** Per-place cost of the levers at their per-place share of mentors and forums (for reports, rupiah). */
  plannedCostPerParticipant: number;
  spent: number;
  spentLocal: number;
  /** Households receiving cash transfers (cash benchmarking), what each gets in all, and when (rupiah). */
  cashRecipients: Int32Array;
  cashPerRecipientRupiah: number;
  cashPayments: ScheduledPayment[];
  /** Money moved from program to local accounts (rupiah), reported in the run JSON for the accounts. */
  injectedLocal: number;
}

export interface MonthConditions {
  inputPriceFactor: number;
  localDemandFactor: number;
  /** Outside buyers' orders against the start's: trend growth (localEconomy.outsideGrowthPerYear) times shocks. */
  outsideDemandFactor: number;
  /** Households' income from outside against the start's: trend growth only. */
  outsideIncomeFactor: number;
}

export interface Economy {
  readonly scenario: Scenario;
  /** Whether program levers act (false in the counterfactual). */
  readonly programActive: boolean;
  readonly streams: Streams;
  readonly ledger: Ledger;
  readonly businesses: Businesses;
  readonly households: Households;
  readonly suppliers: Suppliers;
  program: ProgramState;
  /** Business ties: informal (both runs) and forum (program only), [id * maxTies + k], -1 = none. */
  ties: Int32Array;
  readonly maxTies: number;
  /** Ties per business. Both tie arrays hold `businesses.allocated` businesses and grow with them. */
  tieCounts: Uint8Array;
  /** Account ids of the outside sectors. */
  readonly accounts: { program: number; lender: number; government: number; restOfWorld: number };
  readonly householdAccount0: number;
  readonly supplierAccount0: number;
  month: number;
  conditions: MonthConditions;
  /** Businesses that could not be opened because every slot was used. */
  entryBlocked: number;
  /** Outside orders (rupiah/month) per sector left by closed businesses, waiting for an entrant of the sector. */
  readonly outsideBuyers: Float64Array;
  /**
   * Mean start turnover of the initial businesses (rupiah/month): what a business sold at the start, the
   * reference of free entry's room and of an entrant's start turnover.
   */
  turnoverPerBusinessStart: number;
  /** The rest of the local economy (sector blocks) and the labour market and prices (sim/state/localSectors.ts). */
  localSectors: LocalSectors;
  labour: Labour;
}

/**
 * Ids for businesses: the initial ones and every entrant the horizon allows (at most 3 × n × entry rate
 * candidates a month enter; see entries in sim/phases/entryExit.ts).
 */
export function businessSlots(s: Scenario): number {
  const n = s.economy.businesses;
  const entrants = n * s.firms.entryRatePerMonth * 2 * s.months;
  return n + Math.ceil(entrants * 1.5) + 16;
}

/**
 * Businesses the columns hold at the start: the initial ones and a quarter more than the entrants expected
 * over the horizon when the market is as at the start (free entry's room 1); growBusinesses adds room if
 * more arrive. Results do not depend on it, only memory does.
 */
export function businessesAllocated(s: Scenario): number {
  const n = s.economy.businesses;
  const expected = n * s.firms.entryRatePerMonth * (0.5 + s.government.permitEase) * s.months;
  return Math.min(businessSlots(s), n + Math.ceil(expected * 1.25) + 16);
}

/**
 * Room for more businesses (called by entry when the columns are full): every column, and the ties, grow
 * by a quarter, up to the slots, with what they hold copied. Columns read before the call are stale after it.
 */
export function growBusinesses(e: Economy): void {
  const b = e.businesses;
  const allocated = Math.min(b.slots, b.allocated + Math.max(16, Math.ceil(b.allocated / 4)));
  if (allocated <= b.allocated) return;
  const grown = allocateBusinesses(allocated, b.slots);
  const from = b as unknown as Record<string, unknown>;
  const to = grown as unknown as Record<string, unknown>;
  for (const key of Object.keys(grown)) {
    const old = from[key];
    const fresh = to[key];
    if (ArrayBuffer.isView(old)) (fresh as Int32Array).set(old as Int32Array);
    else if (typeof old === 'object' && old !== null) {
      const columns = old as Record<string, Int32Array>;
      for (const col of Object.keys(columns)) (fresh as Record<string, Int32Array>)[col].set(columns[col]);
    } else continue; // counts and flags stay
    from[key] = fresh;
  }
  from.allocated = allocated;
  const ties = new Int32Array(allocated * e.maxTies).fill(-1);
  ties.set(e.ties);
  e.ties = ties;
  const tieCounts = new Uint8Array(allocated);
  tieCounts.set(e.tieCounts);
  e.tieCounts = tieCounts;
}

export function newLedgerFor(businessSlotsCount: number, households: number, suppliers: number): {
  ledger: Ledger;
  accounts: Economy['accounts'];
  localSectorAccount0: number;
} {
  const localSectorAccount0 = businessSlotsCount + households + suppliers;
  const base = localSectorAccount0 + BLOCK_COUNT;
  const ledger = new Ledger(base + 4);
  const accounts = { program: base, lender: base + 1, government: base + 2, restOfWorld: base + 3 };
  ledger.sectorOf.fill(Sector.otherBusinesses, 0, businessSlotsCount);
  ledger.sectorOf.fill(Sector.households, businessSlotsCount, businessSlotsCount + households);
  ledger.sectorOf.fill(Sector.suppliers, businessSlotsCount + households, localSectorAccount0);
  for (let k = 0; k < BLOCK_COUNT; k++) ledger.sectorOf[localSectorAccount0 + k] = Sector.agriculture + k;
  ledger.sectorOf[accounts.program] = Sector.program;
  ledger.sectorOf[accounts.lender] = Sector.lender;
  ledger.sectorOf[accounts.government] = Sector.government;
  ledger.sectorOf[accounts.restOfWorld] = Sector.restOfWorld;
  return { ledger, accounts, localSectorAccount0 };
}
