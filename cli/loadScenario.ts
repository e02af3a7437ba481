// Read scenario files: a missing file or bad JSON is an InputFileError naming the file (and the line and
// column for JSON); a file that does not match the schema is the sim's ScenarioError, naming each field.
// A region that is not shipped is looked for in a regions/ folder beside the scenario (docs/regions.md).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadExpressionCompiler } from '../sim/program/expressionCompiler.js';
import { parseScenario } from '../sim/scenario/parse.js';
import type { Scenario } from '../sim/scenario/schema.js';
import { SHIPPED_REGIONS } from '../sim/scenario/regions.js';
import { checkRegionProfile, type RegionProfile } from '../sim/scenario/regionProfile.js';
import { InputFilesError } from './errors.js';
import { checkMemory } from './memory.js';
import { readJsonFile } from './readJsonFile.js';
import { setPaths } from '../sim/uncertainty/parameters.js';

export { parseJsonText } from './readJsonFile.js';

/**
 * A region the scenario names that is not shipped, read from `regions/<name>.json` beside the scenario
 * file (a district's own profile) and checked; none when there is no such file (parseScenario then says
 * which regions exist).
 */
async function regionBeside(file: string, raw: unknown): Promise<Record<string, RegionProfile>> {
  const name = raw !== null && typeof raw === 'object' ? (raw as { region?: unknown }).region : undefined;
  if (typeof name !== 'string' || SHIPPED_REGIONS.includes(name) || !/^[a-z0-9][a-z0-9-]*$/.test(name)) return {};
  const path = join(dirname(file), 'regions', `${name}.json`);
  if (!existsSync(path)) return {};
  return { [name]: checkRegionProfile(await readJsonFile(path, 'region profile'), path) };
}

/** The fields each loaded scenario's file sets itself (its JSON leaf paths), for `compare --uncertainty`. */
const explicitFields = new WeakMap<Scenario, ReadonlySet<string>>();
export const explicitFieldsOf = (scenario: Scenario): ReadonlySet<string> => explicitFields.get(scenario) ?? new Set();

export async function loadScenarioFile(file: string): Promise<Scenario> {
  const raw = await readJsonFile(file, 'scenario');
  await loadExpressionCompiler(raw);
  const scenario = parseScenario(raw, file, await regionBeside(file, raw));
  checkMemory([scenario], [file]);
  explicitFields.set(scenario, setPaths(raw));
  return scenario;
}

/** Load every file before anything runs; if any is bad, report all of them at once. */
export async function loadScenarioFiles(files: readonly string[]): Promise<Scenario[]> {
  const settled = await Promise.allSettled(files.map((f) => loadScenarioFile(f)));
  const errors = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as Error] : []));
  if (errors.length > 0) throw new InputFilesError(errors);
  return settled.map((s) => (s as PromiseFulfilledResult<Scenario>).value);
}
