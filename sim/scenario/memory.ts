// How much memory one run of a scenario needs (both arms, as `run`, `compare` and a batch's runs do),
// estimated from its size so that the CLI can refuse a run the machine cannot hold before starting it.
import type { Scenario } from './schema.js';

/**
 * Bytes per item, measured as the peak resident memory of `pendamping run` on 2-core Node 20 machines
 * (GNU time's maximum RSS) over 20k–200k businesses, 2–20 households per business, 4–12 shops known
 * per household and 2–120 months; the linear fit is within 2% of every measurement (docs/reliability.md).
 */
export const MEMORY_BYTES = {
  /** Node, the modules and the run's fixed parts. */
  base: 150e6,
  /** Per business: its columns in both arms, its owner, staff, suppliers and entrants' room. */
  perBusiness: 1_750,
  /** Per household: its columns in both arms. */
  perHousehold: 120,
  /** Per shop a household knows (both arms). */
  perShopLink: 40,
  /** Per business and month: what grows with the horizon (entrants, the monthly series). */
  perBusinessMonth: 20,
} as const;

/** Safety margin over the fit: allocation peaks and garbage not yet collected. */
export const MEMORY_MARGIN = 1.2;

/** Estimated peak bytes of one run of `scenario` over `months` (default: the scenario's). */
export function estimateRunBytes(s: Scenario, months = s.months): number {
  const businesses = s.economy.businesses;
  const households = businesses * s.economy.householdsPerBusiness;
  const links = households * s.economy.shopsKnownPerHousehold;
  const m = MEMORY_BYTES;
  return MEMORY_MARGIN * (m.base + m.perBusiness * businesses + m.perHousehold * households + m.perShopLink * links + m.perBusinessMonth * businesses * months);
}
