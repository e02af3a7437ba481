// Apply a scenario's region profile to its raw JSON: schema defaults < the profile < the scenario's own
// fields. Objects merge field by field; a list (e.g. economy.sectors) or a value in the scenario replaces
// the profile's whole. The result names the region it used, so a resolved scenario records it.
import { ScenarioError } from './problems.js';
import type { RegionProfile } from './regionProfile.js';
import { DEFAULT_REGION, SHIPPED_REGIONS, shippedRegion } from './regions.js';

/** Profiles besides the shipped ones, by name (checked by whoever read them). */
export type RegionProfiles = Readonly<Record<string, RegionProfile>>;

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `over` laid on `under`: objects merged key by key, anything else from `over`. Neither is changed. */
function overlay(under: unknown, over: unknown): unknown {
  if (!isPlainObject(under) || !isPlainObject(over)) return over === undefined ? (JSON.parse(JSON.stringify(under ?? null)) as unknown) : over;
  const out: Record<string, unknown> = { ...over };
  for (const [k, v] of Object.entries(under)) out[k] = overlay(v, over[k]);
  return out;
}

/**
 * The raw scenario with its region's parameters filled in under its own. Input that is not an object, or
 * whose `region` is not text, is returned unchanged for the schema to report; a region that does not exist
 * is a ScenarioError naming the field, the value and the regions there are.
 */
export function resolveRegion(input: unknown, source: string, extra: RegionProfiles = {}): unknown {
  if (!isPlainObject(input)) return input;
  const name = input.region ?? DEFAULT_REGION;
  if (typeof name !== 'string') return input;
  const profile = shippedRegion(name) ?? (Object.hasOwn(extra, name) ? extra[name] : undefined);
  if (!profile) {
    const known = [...new Set([...SHIPPED_REGIONS, ...Object.keys(extra)])].sort();
    throw new ScenarioError(source, [
      { path: 'region', value: name, expected: `the name of a region profile: one of ${known.map((k) => JSON.stringify(k)).join(', ')} (scenarios/regions/<name>.json; docs/regions.md)` },
    ]);
  }
  return { ...(overlay(profile.sections, input) as Record<string, unknown>), region: name };
}
