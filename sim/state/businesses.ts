// The micro-businesses' state as components, in the spirit of an entity-component system: each group of
// columns below is one component, a structure of typed arrays indexed by business id. A phase names the
// components it reads and writes (sim/step.ts), and a test holds it to that. Ids below `used` are
// businesses that exist or existed; `openIds` lists the open ones, in id order, for phases to iterate.

export const CAPACITY_COUNT = 6;
export const Cap = { management: 0, bookkeeping: 1, marketing: 2, digital: 3, production: 4, mindset: 5 } as const;
/** Paid workers a business can have besides its owner and family (beyond micro size, see I2/I3). */
export const MAX_EMPLOYEES = 9;

/** Whether and when the business exists, and its sector. */
export interface BusinessLife {
  open: Uint8Array;
  sector: Uint8Array;
  openedMonth: Int16Array;
  closedMonth: Int16Array;
}

/** The owner: traits drawn at the start (or at entry) and the household the owner belongs to. */
export interface BusinessOwner {
  female: Uint8Array;
  education: Uint8Array;
  digitalLiteracy: Float64Array;
  timeAvailable: Float64Array;
  openness: Float64Array;
  resistance: Float64Array;
  ownerHousehold: Int32Array;
}

/** The owner's capacities in 0..1, [id * CAPACITY_COUNT + capacity] (see Cap). */
export interface BusinessCapacities {
  capacity: Float64Array;
  /** Capacities at the start (or at entry): learning is measured against these. */
  capacityStart: Float64Array;
}

/** Business practices adopted (0/1) and those held at the start. */
export interface BusinessPractices {
  keepsBooks: Uint8Array;
  separatesMoney: Uint8Array;
  digitalChannel: Uint8Array;
  /** Practices at the start or at entry: bit 1 books, 2 separated money, 4 digital channel. */
  practicesStart: Uint8Array;
}

/** How the business produces: prices, costs, productivity and where its raw materials come from. */
export interface BusinessTechnology {
  /** Price per unit (rupiah) and the start price. */
  price: Float64Array;
  priceStart: Float64Array;
  /** Price rise over the start price while demand outruns capacity (share). */
  scarcityMarkup: Float64Array;
  /** Raw material per unit at base prices (rupiah), before waste. */
  inputCostPerUnit: Float64Array;
  waste: Float64Array;
  productivity: Float64Array;
  productivityStart: Float64Array;
  /** Extra productivity from equipment bought (share). */
  equipmentGain: Float64Array;
  localInputShare: Float64Array;
  localInputShareStart: Float64Array;
  /** The local supplier it buys raw materials from. */
  supplier: Int32Array;
}

/** Its place in the market: customers' pull, outside markets, expectations and stock. */
export interface BusinessMarket {
  /** Preference weight households give the business at the start, and now. */
  attractionStart: Float64Array;
  attraction: Float64Array;
  /** Outside sales at the start (rupiah/month), before marketing and digital gains. */
  outsideBase: Float64Array;
  /** Outside sales gain arranged by the program's market links (share). */
  marketLinks: Float64Array;
  /** Outside orders won through market links beyond the start (rupiah/month): grows with learned marketing. */
  outsideExpansion: Float64Array;
  /** Turnover expected at the start or at entry (rupiah/month): scale of the digital-channel gain. */
  turnoverStart: Float64Array;
  expectedDemand: Float64Array;
  inventory: Float64Array;
}

/** Who works there besides the owner. */
export interface BusinessWorkforce {
  employees: Uint8Array;
  /** Unpaid family workers (members of the owner's household). */
  familyWorkers: Uint8Array;
  /** Household of each paid worker, [id * MAX_EMPLOYEES + j]. */
  employeeHousehold: Int32Array;
}

/** Loans and distress. */
export interface BusinessFinance {
  loanBalance: Float64Array;
  loanInstallment: Float64Array;
  /** Consecutive months without the cash for planned inputs. */
  distressMonths: Uint8Array;
}

/** Program membership and what the program did with the business this month. */
export interface BusinessMembership {
  /** Assigned to the program (in both the program run and its counterfactual). */
  participant: Uint8Array;
  cohort: Int16Array;
  forum: Int32Array;
  mentor: Int32Array;
  trust: Float64Array;
  /** Market information from a mentor (0..1): cheaper inputs while it lasts. */
  mentorInformation: Float64Array;
  /** This month's attendance share (0 when no session), mentor visits and whether in training. */
  attendance: Float64Array;
  visits: Float64Array;
  inTraining: Uint8Array;
}

/** Flows of the current month (rupiah unless stated). */
export interface BusinessFlows {
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
  /** Raw-material cost per unit of output actually paid this month (prices, discounts, waste). */
  unitCostPaid: Float64Array;
}

export interface BusinessComponents {
  life: BusinessLife;
  owner: BusinessOwner;
  capacities: BusinessCapacities;
  practices: BusinessPractices;
  technology: BusinessTechnology;
  market: BusinessMarket;
  workforce: BusinessWorkforce;
  finance: BusinessFinance;
  membership: BusinessMembership;
  flows: BusinessFlows;
}
export type BusinessComponent = keyof BusinessComponents;

export interface Businesses extends Readonly<BusinessComponents> {
  /**
   * Ids reserved (initial businesses plus room for every entrant the horizon allows): the ledger keeps an
   * account for each, and entry stops at this bound (`entryBlocked`).
   */
  readonly slots: number;
  /**
   * Ids the columns hold now (≤ slots). They start with room for the entrants expected and grow
   * (growBusinesses) when more arrive, so a column read after an entry must be read from here again.
   */
  readonly allocated: number;
  /** Slots in use: ids below this are businesses that exist or existed. */
  used: number;
  /** Ids of open businesses in increasing order (openIds keeps it current). */
  readonly openList: Int32Array;
  openCount: number;
  /** Set when a business opens or closes: openIds rebuilds the list. */
  openChanged: boolean;
}

/** Ids of the open businesses now, in increasing id order (a view valid until one opens or closes). */
export function openIds(b: Businesses): Int32Array {
  if (b.openChanged) {
    const open = b.life.open;
    let n = 0;
    for (let id = 0; id < b.used; id++) if (open[id]) b.openList[n++] = id;
    b.openCount = n;
    b.openChanged = false;
  }
  return b.openList.subarray(0, b.openCount);
}

/** Open or close business `id` (every change of `life.open` goes through here, so openIds stays right). */
export function setOpen(b: Businesses, id: number, open: boolean): void {
  b.life.open[id] = open ? 1 : 0;
  b.openChanged = true;
}

/** Columns for `allocated` businesses out of `slots` ids, each at its empty value. */
export function allocateBusinesses(allocated: number, slots = allocated): Businesses {
  const f = () => new Float64Array(allocated);
  const u8 = () => new Uint8Array(allocated);
  return {
    slots,
    allocated,
    used: 0,
    openList: new Int32Array(allocated),
    openCount: 0,
    openChanged: true,
    life: { open: u8(), sector: u8(), openedMonth: new Int16Array(allocated), closedMonth: new Int16Array(allocated).fill(-1) },
    owner: { female: u8(), education: u8(), digitalLiteracy: f(), timeAvailable: f(), openness: f(), resistance: f(), ownerHousehold: new Int32Array(allocated) },
    capacities: { capacity: new Float64Array(allocated * CAPACITY_COUNT), capacityStart: new Float64Array(allocated * CAPACITY_COUNT) },
    practices: { keepsBooks: u8(), separatesMoney: u8(), digitalChannel: u8(), practicesStart: u8() },
    technology: {
      price: f(), priceStart: f(), scarcityMarkup: f(), inputCostPerUnit: f(), waste: f(), productivity: f(), productivityStart: f(),
      equipmentGain: f(), localInputShare: f(), localInputShareStart: f(), supplier: new Int32Array(allocated),
    },
    market: { attractionStart: f(), attraction: f(), outsideBase: f(), marketLinks: f(), outsideExpansion: f(), turnoverStart: f(), expectedDemand: f(), inventory: f() },
    workforce: { employees: u8(), familyWorkers: u8(), employeeHousehold: new Int32Array(allocated * MAX_EMPLOYEES).fill(-1) },
    finance: { loanBalance: f(), loanInstallment: f(), distressMonths: u8() },
    membership: {
      participant: u8(), cohort: new Int16Array(allocated).fill(-1), forum: new Int32Array(allocated).fill(-1), mentor: new Int32Array(allocated).fill(-1),
      trust: f(), mentorInformation: f(), attendance: f(), visits: f(), inTraining: u8(),
    },
    flows: {
      production: f(), ordersRupiah: f(), salesUnits: f(), turnover: f(), localSales: f(), outsideSales: f(), inputsLocal: f(),
      inputsImported: f(), overheads: f(), wagesPaid: f(), profit: f(), customers: f(), unitCostPaid: f(),
    },
  };
}

/** The component each column belongs to (for code that names columns, such as the metrics' `reads`). */
export const COLUMN_COMPONENT: Readonly<Record<string, BusinessComponent>> = Object.fromEntries(
  Object.entries(allocateBusinesses(0)).flatMap(([component, columns]) =>
    typeof columns === 'object' && !ArrayBuffer.isView(columns) ? Object.keys(columns).map((c) => [c, component as BusinessComponent]) : [],
  ),
);
