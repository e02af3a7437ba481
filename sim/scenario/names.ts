// Names the simulation's phases need at run time, kept apart from the scenario schema (schema.ts) so
// that running a parsed scenario never loads the schema validator: a batch thread, a web-app worker and
// `pendamping run` after parsing import only this.

/** The six capacities of a business, in the order of its capacity arrays. */
export const CAPACITIES = ['management', 'bookkeeping', 'marketing', 'digital', 'production', 'mindset'] as const;
export type CapacityName = (typeof CAPACITIES)[number];

/** The sector blocks of the rest of the local economy, in the order of their arrays and ledger accounts. */
export const LOCAL_SECTORS = ['agriculture', 'tradeServices', 'smallMediumFirms', 'localGovernment'] as const;
export type LocalSectorName = (typeof LOCAL_SECTORS)[number];
