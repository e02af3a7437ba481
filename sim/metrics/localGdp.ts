// Local GDP: the value added of every local sector in one month, summed. Each local sector that produces
// declares its value added here (what it sold less what it bought from others to produce it); local GDP
// is their sum, so a sector added to the model is counted by adding its line. Transfers (grants, cash,
// loans) are not value added: they count only through the production they cause.
import { Flow, SECTOR_COUNT, Sector } from '../ledger/accounts.js';
import type { Economy } from '../state/economy.js';
import { LOCAL_SECTORS } from '../scenario/names.js';

/** How a reader names each sector block. */
export const LOCAL_SECTOR_LABELS: Record<(typeof LOCAL_SECTORS)[number], string> = {
  agriculture: 'agriculture (farm households\' produce)',
  tradeServices: 'trade and services',
  smallMediumFirms: 'small and medium firms',
  localGovernment: 'local government',
};

export interface LocalSectorValueAdded {
  /** The local sector, as a reader names it. */
  sector: string;
  /** How its value added is measured, in a phrase (it goes into the metric's description). */
  description: string;
  /** Its value added this month (rupiah). */
  valueAdded: (e: Economy) => number;
}

const monthFlow = (e: Economy, kind: number, sector: number) => e.ledger.monthFlows[kind * SECTOR_COUNT + sector];

/** Turnover less raw materials and overheads bought, summed over open micro-businesses. */
function microBusinesses(e: Economy): number {
  const { life, flows } = e.businesses;
  let sum = 0;
  for (let id = 0; id < e.businesses.used; id++) {
    if (life.open[id]) sum += flows.turnover[id] - flows.inputsLocal[id] - flows.inputsImported[id] - flows.overheads[id];
  }
  return sum;
}

/** Every local sector's value added, in the order they are summed. */
export const LOCAL_SECTORS_VALUE_ADDED: readonly LocalSectorValueAdded[] = [
  { sector: 'micro-businesses', description: 'micro-businesses (turnover less raw materials and overheads bought)', valueAdded: microBusinesses },
  {
    sector: 'raw-material suppliers', description: 'local raw-material suppliers (sales less what they buy outside and from local farms)',
    valueAdded: (e) => monthFlow(e, Flow.localInputs, Sector.suppliers) + monthFlow(e, Flow.supplierImports, Sector.suppliers),
  },
  {
    sector: 'program services bought locally', description: 'program services bought locally (local trainers, venues, forums and mentors: paid to local households)',
    valueAdded: (e) => monthFlow(e, Flow.programLocalSpending, Sector.households),
  },
  ...LOCAL_SECTORS.map((name, k): LocalSectorValueAdded => ({
    sector: LOCAL_SECTOR_LABELS[name],
    description: name === 'localGovernment'
      ? 'local government (its wages, taxes and depreciation: what it spends less what it buys)'
      : `${LOCAL_SECTOR_LABELS[name]} (sales less inputs bought)`,
    valueAdded: (e) => (e.localSectors.active ? e.localSectors.valueAdded[k] : 0),
  })),
];

/** Local GDP this month: the sum of every local sector's value added (rupiah/month). */
export function localGdp(e: Economy): number {
  let sum = 0;
  for (const s of LOCAL_SECTORS_VALUE_ADDED) sum += s.valueAdded(e);
  return sum;
}
