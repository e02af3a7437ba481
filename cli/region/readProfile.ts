// Read and check a region profile file: the file's JSON, the profile's fields and sources, and that its
// name is its file name (a scenario finds a profile by file name). Problems name the file and the field.
import { basename } from 'node:path';
import { ScenarioError } from '../../sim/scenario/problems.js';
import { checkRegionProfile, type RegionProfile } from '../../sim/scenario/regionProfile.js';
import { readJsonFile } from '../readJsonFile.js';

export async function readRegionProfile(file: string): Promise<RegionProfile> {
  const profile = checkRegionProfile(await readJsonFile(file, 'region profile'), file);
  const expected = basename(file).replace(/\.json$/i, '');
  if (profile.name !== expected) {
    throw new ScenarioError(file, [{ path: 'name', value: profile.name, expected: `"${expected}", the file's name without .json (a scenario finds a profile by its file name)` }], 'region profile');
  }
  return profile;
}
