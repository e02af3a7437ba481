// The state of one simulated economy. Hot agent state lives in typed-array columns indexed by agent id
// (structure of arrays); a phase of the month is a function over these columns.
import { Ledger } from '../ledger/ledger.js';
import { Sector } from '../ledger/accounts.js';
import type { Scenario } from '../scenario/schema.js';
import { Streams } from '../rng/streams.js';

export const CAPACITY_COUNT = 6;
export const Cap = { management: 0, bookkeeping: 1, marketing: 2, digital: 3, production: 4, mindset: 5 } as const;
/** Paid workers a business can have besides its owner and family (beyond micro size, see I2/I3). */
export const MAX_EMPLOYEES = 9;

export interface Businesses {
  /** Slots allocated (initial businesses plus room for entrants). */
  readonly slots: number;
  /** Slots in use: ids below this are businesses that exist or existed. */
  used: number;
  open: Uint8Array;
  sector: Uint8Array;
  female: Uint8Array;
  education: Uint8Array;
  digitalLiteracy: Float64Array;
  timeAvailable: Float64Array;
  openness: Float64Array;
  resistance: Float64Array;
  /** Capacities in 0..1, [id * 6 + capacity]. */
  capacity: Float64Array;
  /** Capacities at the start (or at entry): learning is measured against these. */
  capacityStart: Float64Array;
  keepsBooks: Uint8Array;
  separatesMoney: Uint8Array;
  digitalChannel: Uint8Array;
  /** Assigned to the program (in both the program run and its counterfactual). */
  participant: Uint8Array;
  cohort: Int16Array;
  forum: Int32Array;
  mentor: Int32Array;
  trust: Float64Array;
  /** Attendance share this month (0 when no session). */
  attendance: Float64Array;
  /** Price per unit (rupiah) and the start price. */
  price: Float64Array;
  priceStart: Float64Array;
  /** Price rise over the start price while demand outruns capacity (share). */
  scarcityMarkup: Float64Array;
  /** Raw material per unit at base prices (rupiah), before waste. */
  inputCostPerUnit: Float64Array;
  waste: Float64Array;
  /** Raw-material cost per unit of output actually paid this month (prices, discounts, waste). */
  unitCostPaid: Float64Array;
  productivity: Float64Array;
  productivityStart: Float64Array;
  /** Extra productivity from equipment bought (share). */
  equipmentGain: Float64Array;
  localInputShare: Float64Array;
  localInputShareStart: Float64Array;
  /** Outside sales at the start (rupiah/month), before marketing and digital gains. */
  outsideBase: Float64Array;
  /** Preference weight households give the business at the start. */
  attractionStart: Float64Array;
  /** Current preference weight. */
  attraction: Float64Array;
  inventory: Float64Array;
  expectedDemand: Float64Array;
  employees: Uint8Array;
  /** Unpaid family workers (members of the owner's household). */
  familyWorkers: Uint8Array;
  /** Household of each paid worker, [id * MAX_EMPLOYEES + j]. */
  employeeHousehold: Int32Array;
  ownerHousehold: Int32Array;
  supplier: Int32Array;
  distressMonths: Uint8Array;
  loanBalance: Float64Array;
  loanInstallment: Float64Array;
  openedMonth: Int16Array;
  closedMonth: Int16Array;
  // Flows of the current month (rupiah unless stated).
  production: Float64Array;
  ordersRupiah: Float64Array;
  salesUnits: Float64Array;
  turnover: Float64Array;
  localSales: Float64Array;
  outsideSales: Float64Array;
  inputsLocal: Float64Array;
  inputsImported: Float64Array;
  overheads: Float64Array;
  wagesPaid: Float64Array;
  profit: Float64Array;
  customers: Float64Array;
  /** Practices at the start or at entry: bit 1 books, 2 separated money, 4 digital channel. */
  practicesStart: Uint8Array;
  /** Turnover expected at the start or at entry (rupiah/month): scale of the digital-channel gain. */
  turnoverStart: Float64Array;
  /** Outside sales gain arranged by the program's market links (share). */
  marketLinks: Float64Array;
  /** Outside orders won through market links beyond the start (rupiah/month): grows with learned marketing. */
  outsideExpansion: Float64Array;
  /** This month's mentor visits and whether the business is in training. */
  visits: Float64Array;
  inTraining: Uint8Array;
  /** Market information from a mentor (0..1): cheaper inputs while it lasts. */
  mentorInformation: Float64Array;
}

export interface Households {
  readonly count: number;
  /**
   * Income of last month, spent this month: what the household received through the ledger between two
   * incomes phases (Ledger.takeReceived); nothing else writes it after the start.
   */
  incomeLast: Float64Array;
  outsideIncome: Float64Array;
  labourSupply: Uint8Array;
  employed: Uint8Array;
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
  /** Households receiving cash transfers (cash benchmarking) and the monthly amount each. */
  cashRecipients: Int32Array;
  cashPerRecipientMonth: number;
  /** Money moved from program to local accounts (rupiah): the injection the multiplier divides by. */
  injectedLocal: number;
}

export interface MonthConditions {
  inputPriceFactor: number;
  localDemandFactor: number;
  outsideDemandFactor: number;
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
  readonly ties: Int32Array;
  readonly maxTies: number;
  readonly tieCounts: Uint8Array;
  /** Account ids of the outside sectors. */
  readonly accounts: { program: number; lender: number; government: number; restOfWorld: number };
  readonly householdAccount0: number;
  readonly supplierAccount0: number;
  month: number;
  conditions: MonthConditions;
  /** Businesses that could not be opened because every slot was used. */
  entryBlocked: number;
}

export function allocateBusinesses(slots: number): Businesses {
  const f = () => new Float64Array(slots);
  const u8 = () => new Uint8Array(slots);
  return {
    slots,
    used: 0,
    open: u8(), sector: u8(), female: u8(), education: u8(),
    digitalLiteracy: f(), timeAvailable: f(), openness: f(), resistance: f(),
    capacity: new Float64Array(slots * CAPACITY_COUNT), capacityStart: new Float64Array(slots * CAPACITY_COUNT),
    keepsBooks: u8(), separatesMoney: u8(), digitalChannel: u8(), participant: u8(),
    cohort: new Int16Array(slots).fill(-1), forum: new Int32Array(slots).fill(-1), mentor: new Int32Array(slots).fill(-1),
    trust: f(), attendance: f(),
    price: f(), priceStart: f(), scarcityMarkup: f(), inputCostPerUnit: f(), waste: f(), unitCostPaid: f(), productivity: f(), productivityStart: f(), equipmentGain: f(),
    localInputShare: f(), localInputShareStart: f(), outsideBase: f(), attractionStart: f(), attraction: f(),
    inventory: f(), expectedDemand: f(), employees: u8(), familyWorkers: u8(),
    employeeHousehold: new Int32Array(slots * MAX_EMPLOYEES).fill(-1), ownerHousehold: new Int32Array(slots), supplier: new Int32Array(slots),
    distressMonths: u8(), loanBalance: f(), loanInstallment: f(),
    openedMonth: new Int16Array(slots), closedMonth: new Int16Array(slots).fill(-1),
    production: f(), ordersRupiah: f(), salesUnits: f(), turnover: f(), localSales: f(), outsideSales: f(),
    inputsLocal: f(), inputsImported: f(), overheads: f(), wagesPaid: f(), profit: f(), customers: f(),
    practicesStart: u8(), turnoverStart: f(), marketLinks: f(), outsideExpansion: f(), visits: f(), inTraining: u8(), mentorInformation: f(),
  };
}

/** Slots for entrants: enough for the entry rate at full permit ease over the horizon, with margin. */
export function businessSlots(s: Scenario): number {
  const n = s.economy.businesses;
  const entrants = n * s.firms.entryRatePerMonth * 2 * s.months;
  return n + Math.ceil(entrants * 1.5) + 16;
}

export function newLedgerFor(businessSlotsCount: number, households: number, suppliers: number): {
  ledger: Ledger;
  accounts: Economy['accounts'];
} {
  const base = businessSlotsCount + households + suppliers;
  const ledger = new Ledger(base + 4);
  const accounts = { program: base, lender: base + 1, government: base + 2, restOfWorld: base + 3 };
  ledger.sectorOf.fill(Sector.otherBusinesses, 0, businessSlotsCount);
  ledger.sectorOf.fill(Sector.households, businessSlotsCount, businessSlotsCount + households);
  ledger.sectorOf.fill(Sector.suppliers, businessSlotsCount + households, base);
  ledger.sectorOf[accounts.program] = Sector.program;
  ledger.sectorOf[accounts.lender] = Sector.lender;
  ledger.sectorOf[accounts.government] = Sector.government;
  ledger.sectorOf[accounts.restOfWorld] = Sector.restOfWorld;
  return { ledger, accounts };
}
