// The region profiles the app offers (scenarios/regions/, shipped with sim/): one for the whole comparison,
// since the designs are compared in one district. Town first, the default; then the others as shipped.
import { DEFAULT_REGION, SHIPPED_REGIONS } from '../../sim/index.js';

export { DEFAULT_REGION };

/** The shipped profiles in the order the app lists them: the default first. */
export const REGIONS: readonly string[] = [DEFAULT_REGION, ...SHIPPED_REGIONS.filter((r) => r !== DEFAULT_REGION)];

/** A region name from the URL (untrusted): a shipped profile, else the default. */
export const coerceRegion = (v: unknown): string => (typeof v === 'string' && REGIONS.includes(v) ? v : DEFAULT_REGION);
