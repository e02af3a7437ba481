// The sectors of the transaction-flow matrix (its columns) and the kinds of flow (its rows).
// Local sectors hold "money in the local economy"; the others are where injections come from and
// leakages go to.

export const Sector = {
  participants: 0,
  otherBusinesses: 1,
  households: 2,
  suppliers: 3,
  // The rest of the local economy, one account each (sector blocks: sim/state/localSectors.ts).
  agriculture: 4,
  tradeServices: 5,
  smallMediumFirms: 6,
  localGovernment: 7,
  program: 8,
  lender: 9,
  government: 10,
  restOfWorld: 11,
} as const;
export type SectorId = (typeof Sector)[keyof typeof Sector];
export const SECTOR_NAMES = Object.keys(Sector) as (keyof typeof Sector)[];
export const SECTOR_COUNT = SECTOR_NAMES.length;
export const isLocalSector = (s: number): boolean => s <= Sector.localGovernment;

export const Flow = {
  openingBalance: 0,
  consumption: 1,
  outsideSales: 2,
  localInputs: 3,
  importedInputs: 4,
  overheads: 5,
  wages: 6,
  ownerDraws: 7,
  householdUse: 8,
  supplierPayouts: 9,
  supplierImports: 10,
  householdImports: 11,
  savingsOutside: 12,
  outsideIncome: 13,
  taxes: 14,
  programFunding: 15,
  programLocalSpending: 16,
  programOutsideSpending: 17,
  grants: 18,
  cashTransfers: 19,
  loans: 20,
  loanRepayments: 21,
  interestSubsidy: 22,
  equipment: 23,
  entryCapital: 24,
  liquidation: 25,
  ownerCapital: 26,
  /** A sector block's operating surplus (farm income for agriculture) paid to its owners, local or outside. */
  operatingSurplus: 27,
  /** The central government's transfer that funds local government (dana perimbangan). */
  fiscalTransfer: 28,
} as const;
export type FlowKind = (typeof Flow)[keyof typeof Flow];
export const FLOW_NAMES = Object.keys(Flow) as (keyof typeof Flow)[];
export const FLOW_COUNT = FLOW_NAMES.length;
