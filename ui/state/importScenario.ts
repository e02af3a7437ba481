// Open a scenario file written for the command line as a design: checked with the CLI's own schema and
// messages (parseScenario names each bad field, e.g. `program.budgetRupiah: found "abc"; expected number`),
// then matched to the shipped design it is closest to. Only lever fields carry over (a design is a shipped
// base plus changed levers); every other field that differs from that base is listed so the user knows.
import { DEFAULT_REGION, ScenarioError, loadExpressionCompiler, parseScenario, type Scenario } from '../../sim/index.js';
import type { DesignContent } from './actions.js';
import { LEVERS, coerceLever, designScenario, type LeverValue } from './levers.js';
import { DEFAULT_SCENARIO, SCENARIO_NAMES, parsedScenario } from './scenarios.js';

export type ImportResult =
  | {
      ok: true;
      design: DesignContent;
      /** Fields of the file, other than levers, whose values the design does not keep (dotted paths). */
      notCarried: string[];
    }
  | { ok: false; message: string };

/** Fields that label a design and never change a result. */
const LABELS = new Set(['$schema', 'name', 'description', 'title', 'summary']);

const sameNumber = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Dotted paths where `a` and `b` differ: leaves of objects; a list that differs is named as a whole. */
function differences(a: unknown, b: unknown, path: string, out: string[]): void {
  if (typeof a === 'number' && typeof b === 'number') {
    if (!sameNumber(a, b)) out.push(path);
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      if (path === '' && LABELS.has(k)) continue;
      differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k, out);
    }
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push(path);
}

/** The file's lever values that differ from `base`'s, each coerced to the lever's range. */
function leversFrom(file: Scenario, base: Scenario): Record<string, LeverValue> {
  const levers: Record<string, LeverValue> = {};
  for (const lever of LEVERS) {
    const v = coerceLever(lever.id, lever.get(file));
    if (v !== null && v !== lever.get(base)) levers[lever.id] = v;
  }
  return levers;
}

/** The shipped design closest to `file`: fewest fields left behind, then fewest levers changed; full-cycle wins a tie. */
function closestDesign(file: Scenario): { base: string; levers: Record<string, LeverValue>; notCarried: string[] } {
  const order = [DEFAULT_SCENARIO, ...SCENARIO_NAMES.filter((n) => n !== DEFAULT_SCENARIO)];
  let best: { base: string; levers: Record<string, LeverValue>; notCarried: string[] } | undefined;
  for (const base of order) {
    const levers = leversFrom(file, parsedScenario(base, file.region));
    const notCarried: string[] = [];
    differences(file, designScenario(base, levers, file.name, file.region), '', notCarried);
    const better =
      !best ||
      notCarried.length < best.notCarried.length ||
      (notCarried.length === best.notCarried.length && Object.keys(levers).length < Object.keys(best.levers).length);
    if (better) best = { base, levers, notCarried };
  }
  return best!;
}

/**
 * A scenario file's text as a design, or the message the CLI would print for it. `region` is the region the
 * app compares designs in: a file set in another one says so among the fields that do not carry over.
 */
export function importScenarioText(text: string, file: string, locale: 'id' | 'en' = 'id', region: string = DEFAULT_REGION): ImportResult {
  if (text.trim() === '') return { ok: false, message: `${file}: empty file (expected a JSON scenario object)` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `${file}: invalid JSON: ${(e as Error).message}` };
  }
  let scenario: Scenario;
  try {
    scenario = parseScenario(raw, file);
  } catch (e) {
    if (e instanceof ScenarioError) return { ok: false, message: e.message };
    return { ok: false, message: `${file}: ${(e as Error).message}` };
  }
  const { base, levers, notCarried } = closestDesign(scenario);
  if (scenario.region !== region) notCarried.unshift(`region ("${scenario.region}")`);
  const name = scenario.title?.[locale] ?? (scenario.name !== 'unnamed' ? scenario.name : file.replace(/\.json$/i, ''));
  return { ok: true, design: { name: name.slice(0, 60), base, levers }, notCarried };
}

/**
 * A chosen file's text as a design: importScenarioText, after loading the targeting-expression compiler
 * (mathjs) if the file may hold an expression. The page loads mathjs only then.
 */
export async function importScenarioFile(text: string, file: string, locale: 'id' | 'en' = 'id', region: string = DEFAULT_REGION): Promise<ImportResult> {
  await loadExpressionCompiler(text);
  return importScenarioText(text, file, locale, region);
}
