// A region profile: the economy-describing sections of a scenario for one kind of district (an open town,
// a rural kabupaten, a peri-urban area), each parameter with its source. Validated with the scenario's own
// section schemas, so a profile's fields, units and ranges are exactly a scenario's; sections added to the
// scenario later (sector blocks, labour markets, prices) join REGION_SECTIONS and nothing else changes.
import * as z from 'zod';
import { scenarioSchema } from './schema.js';
import { ScenarioError, zodProblems, type ScenarioProblem } from './problems.js';
import { shareSumProblems } from './shareSums.js';

/** The scenario sections a profile may set; program, horizon, seed and name stay the scenario's own. */
export const REGION_SECTIONS = ['economy', 'households', 'suppliers', 'localEconomy', 'firms', 'government'] as const;
export type RegionSection = (typeof REGION_SECTIONS)[number];

const shape = scenarioSchema.shape;

export const regionProfileSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens (the file name without .json)')
    .meta({ unit: 'text', description: 'the profile\'s name, the same as its file name; a scenario names it in `region`' }),
  description: z.string().min(1).meta({ unit: 'text', description: 'what kind of district this is, and the example district its figures come from' }),
  economy: shape.economy.optional(),
  households: shape.households.optional(),
  suppliers: shape.suppliers.optional(),
  localEconomy: shape.localEconomy.optional(),
  firms: shape.firms.optional(),
  government: shape.government.optional(),
  sources: z
    .record(z.string(), z.string().min(1))
    .meta({
      unit: 'text',
      description:
        'parameter path (e.g. "households.localSpendingShare", "economy.sectors[2].share", or a parent such as "economy.sectors") → a one-line citation (publication, table/page) or "assumption: <reason>"',
    }),
});

/** A profile as written in its file (only what it sets). */
export type RegionProfileInput = z.input<typeof regionProfileSchema>;

/** One parameter a profile sets, with its value and the source that covers it. */
export interface RegionParameter {
  path: string;
  value: unknown;
  source: string;
  /** The path the source is given for: the parameter's own, or a parent's (e.g. economy.sectors). */
  sourcePath: string;
}

/** A checked profile: the raw sections it sets (merged under a scenario) and its parameters with sources. */
export interface RegionProfile {
  name: string;
  description: string;
  /** The sections exactly as written: only the fields the profile sets, no defaults filled in. */
  sections: Partial<Record<RegionSection, Record<string, unknown>>>;
  parameters: RegionParameter[];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The parameter paths set in `value` under `path`: numbers, text and on/off values, and lists of numbers
 * as one parameter; lists of objects (sectors) element by element; a list element's `name` is a label,
 * not a parameter.
 */
function parameterPaths(value: unknown, path: string, out: { path: string; value: unknown }[]): void {
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) parameterPaths(v, `${path}.${k}`, out);
  } else if (Array.isArray(value) && value.some(isPlainObject)) {
    value.forEach((element, i) => {
      if (!isPlainObject(element)) return out.push({ path: `${path}[${i}]`, value: element }), undefined;
      for (const [k, v] of Object.entries(element)) if (k !== 'name') parameterPaths(v, `${path}[${i}].${k}`, out);
    });
  } else {
    out.push({ path, value });
  }
}

/** `path` and its parents, nearest first: economy.sectors[1].share → economy.sectors[1], economy.sectors, economy. */
function withParents(path: string): string[] {
  const out = [path];
  for (let p = path; ; ) {
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) break;
    p = p.slice(0, cut);
    out.push(p);
  }
  return out;
}

const ASSUMPTION = /^assumption\b/i;
const ASSUMPTION_WITH_REASON = /^assumption: \S/;

/** Every problem with the sources: a parameter without one, one for a parameter not set, an assumption without its reason. */
function sourceProblems(set: readonly { path: string; value: unknown }[], sources: Readonly<Record<string, string>>): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const key = (k: string) => `sources[${JSON.stringify(k)}]`;
  for (const { path, value } of set) {
    if (!withParents(path).some((p) => p in sources)) {
      problems.push({ path: key(path), value: undefined, expected: `a source for ${path} = ${JSON.stringify(value)?.slice(0, 40)}: a one-line citation (publication, table/page) or "assumption: <reason>"` });
    }
  }
  const covered = new Set(set.flatMap((q) => withParents(q.path)));
  for (const [k, text] of Object.entries(sources)) {
    if (!covered.has(k)) problems.push({ path: key(k), value: text, expected: `a source only for a parameter this profile sets (${k} is not set here)` });
    else if (ASSUMPTION.test(text) && !ASSUMPTION_WITH_REASON.test(text)) problems.push({ path: key(k), value: text, expected: '"assumption: <reason>" (an assumption says why)' });
  }
  return problems;
}

/** Check a profile as read from its file; throws ScenarioError (kind "region profile") naming every problem. */
export function checkRegionProfile(input: unknown, source = 'region profile'): RegionProfile {
  const raw = isPlainObject(input) ? input : {};
  const sections: RegionProfile['sections'] = {};
  const set: { path: string; value: unknown }[] = [];
  for (const section of REGION_SECTIONS) {
    if (!isPlainObject(raw[section])) continue;
    sections[section] = JSON.parse(JSON.stringify(raw[section])) as Record<string, unknown>;
    parameterPaths(raw[section], section, set);
  }
  // Sources are checked even when a value is wrong, so one pass over a file reports both.
  const rawSources = isPlainObject(raw.sources) ? Object.fromEntries(Object.entries(raw.sources).filter(([, v]) => typeof v === 'string')) : undefined;
  const missingSources = rawSources ? sourceProblems(set, rawSources as Record<string, string>) : [];
  const result = regionProfileSchema.safeParse(input);
  if (!result.success) {
    const problems = [...zodProblems(result.error.issues, input, regionProfileSchema, 'scenarios/region.schema.json'), ...missingSources];
    throw new ScenarioError(source, problems, 'region profile');
  }
  // Share lists are checked only where the profile sets them (the parsed economy has defaults filled in).
  const economy = isPlainObject(raw.economy) ? raw.economy : {};
  const parsed = result.data.economy;
  const shares = parsed && { sectors: 'sectors' in economy ? parsed.sectors : undefined, educationShares: 'educationShares' in economy ? parsed.educationShares : undefined };
  const problems = [...shareSumProblems(shares), ...missingSources];
  if (problems.length > 0) throw new ScenarioError(source, problems, 'region profile');
  const sources = result.data.sources;
  return {
    name: result.data.name,
    description: result.data.description,
    sections,
    parameters: set.map(({ path, value }) => {
      const sourcePath = withParents(path).find((p) => p in sources)!;
      return { path, value, source: sources[sourcePath], sourcePath };
    }),
  };
}
