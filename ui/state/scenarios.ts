// The shipped scenarios (scenarios/*.json), bundled at build time so the app works offline.
import { parseScenario, type Scenario, type ScenarioInput } from '../../sim/index.js';

const files = import.meta.glob('../../scenarios/*.json', { eager: true, import: 'default' }) as Record<string, ScenarioInput>;

/** Scenario name (its file name without `.json`) → the file's JSON; schema files are left out. */
export const SCENARIOS: Readonly<Record<string, ScenarioInput>> = Object.fromEntries(
  Object.entries(files)
    .map(([path, json]) => [path.replace(/^.*\//, '').replace(/\.json$/, ''), json] as const)
    .filter(([name]) => !name.endsWith('.schema')),
);

export const SCENARIO_NAMES: readonly string[] = Object.keys(SCENARIOS).sort();

export const BASELINE_SCENARIO = 'no-program';
export const DEFAULT_SCENARIO = SCENARIOS['full-cycle'] ? 'full-cycle' : SCENARIO_NAMES[0];

const parsed = new Map<string, Scenario>();

/** The scenario with every default filled in (parsed once). */
export function parsedScenario(name: string): Scenario {
  let s = parsed.get(name);
  if (!s) {
    s = parseScenario(structuredClone(SCENARIOS[name] ?? SCENARIOS[DEFAULT_SCENARIO]), name);
    parsed.set(name, s);
  }
  return s;
}
