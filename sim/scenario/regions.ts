// The shipped region profiles. Their JSON files in scenarios/regions/ are the one source: imported as
// JSON modules (import attributes), which Node, the TypeScript build (it copies them to dist/scenarios/)
// and Vite's browser bundle all read, so sim/ stays free of file access. A new shipped profile is one file
// and one line here; a test checks that the folder and this list agree.
import town from '../../scenarios/regions/town.json' with { type: 'json' };
import rural from '../../scenarios/regions/rural.json' with { type: 'json' };
import periurban from '../../scenarios/regions/periurban.json' with { type: 'json' };
import { checkRegionProfile, type RegionProfile } from './regionProfile.js';

/** The region a scenario without `region` runs in: today's open small town. */
export const DEFAULT_REGION = 'town';

const FILES: Readonly<Record<string, unknown>> = { town, rural, periurban };

/** The shipped profiles' names, sorted. */
export const SHIPPED_REGIONS: readonly string[] = Object.keys(FILES).sort();

const checked = new Map<string, RegionProfile>();

/** A shipped profile, checked once (a broken shipped file is a bug, reported with its problems); undefined if there is none. */
export function shippedRegion(name: string): RegionProfile | undefined {
  if (!Object.hasOwn(FILES, name)) return undefined;
  let profile = checked.get(name);
  if (!profile) checked.set(name, (profile = checkRegionProfile(FILES[name], `scenarios/regions/${name}.json`)));
  return profile;
}
