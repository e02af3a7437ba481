// The shipped scenarios (scenarios/*.json), bundled at build time so the app works offline.
import { DEFAULT_REGION, parseScenario, type Scenario, type ScenarioInput } from '../../sim/index.js';

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

/**
 * The scenario in `region` with every default filled in (parsed once per region). The region is set on the
 * file's JSON before parsing, as `{"region": "rural", …the design…}` is for the CLI: once parsed, every
 * economy field is filled in and would hide a region set afterwards.
 */
export function parsedScenario(name: string, region: string = DEFAULT_REGION): Scenario {
  const key = `${name}\u0000${region}`;
  let s = parsed.get(key);
  if (!s) {
    s = parseScenario({ ...structuredClone(SCENARIOS[name] ?? SCENARIOS[DEFAULT_SCENARIO]), region }, name);
    parsed.set(key, s);
  }
  return s;
}

/** A shipped design's title in `locale` (the file's `title`), or its file name when it has none. */
export function scenarioTitle(name: string, locale: 'id' | 'en'): string {
  return SCENARIOS[name]?.title?.[locale] ?? name;
}

/** A shipped design's one-line summary in `locale` (the file's `summary`), or '' when it has none. */
export function scenarioSummary(name: string, locale: 'id' | 'en'): string {
  return SCENARIOS[name]?.summary?.[locale] ?? '';
}
