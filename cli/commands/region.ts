// `pendamping region check <file>` and `pendamping region list`: region profiles, checked without loading
// the simulation (no run engine, no expression compiler), so the command starts fast.
import { COMMANDS } from '../commandCatalog.js';
import type { Command } from 'commander';
import { SHIPPED_REGIONS, shippedRegion } from '../../sim/scenario/regions.js';
import type { Io } from '../io.js';
import { readRegionProfile } from '../region/readProfile.js';
import { profileList, profileSummary } from '../region/report.js';

/** Check one profile file and return its summary; throws the errors errors.ts reports (exit 2). */
export async function regionCheckCommand(file: string): Promise<string> {
  return profileSummary(file, await readRegionProfile(file));
}

export function regionListCommand(): string {
  return profileList(SHIPPED_REGIONS.map((name) => shippedRegion(name)!));
}

export function registerRegion(program: Command, io: Io): void {
  const region = program
    .command('region')
    .description(COMMANDS.region.description);
  region
    .command('check')
    .description('check a region profile file: fields, ranges, and a source for every parameter it sets')
    .argument('<profile.json>', 'region profile file, e.g. scenarios/regions/rural.json')
    .addHelpText('after', '\nExit codes: 0 valid (prints what it sets and the sources), 2 a problem (each named by its field).')
    .action(async (file: string) => io.stdout(await regionCheckCommand(file)));
  region
    .command('list')
    .description('the shipped region profiles and what each describes')
    .action(() => io.stdout(regionListCommand()));
}
