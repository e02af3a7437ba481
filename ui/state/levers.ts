// The levers the design panel shows: where each sits in a scenario, its unit and range, the stage of
// the program cycle it belongs to, and whether it is advanced (behind a disclosure). A design stores
// only the levers changed from its base scenario; `designScenario` writes them into a copy of it.
import type { Scenario, ScenarioInput } from '../../sim/index.js';
import { CAPACITIES } from '../../sim/index.js';
import { setPaths } from '../../sim/uncertainty/parameters.js';
import { DEFAULT_SCENARIO, SCENARIOS, parsedScenario } from './scenarios.js';

export const STAGES = ['needsAnalysis', 'training', 'mentoring', 'resourceAccess', 'monitoring', 'reflection'] as const;
export type StageId = (typeof STAGES)[number];
export type LeverValue = number | boolean | string;
export type LeverUnit = 'rupiah' | 'places' | 'months' | 'visitsPerMonth' | 'hours' | 'cohorts' | 'share' | 'businesses' | 'participants' | 'none';

export interface LeverDef {
  id: string;
  /** The stage whose panel shows it; `general` levers are always shown. */
  stage: StageId | 'general';
  kind: 'number' | 'checkbox' | 'select';
  unit: LeverUnit;
  min?: number;
  max?: number;
  step?: number;
  options?: readonly string[];
  advanced?: boolean;
  get: (s: Scenario) => LeverValue;
  /** Write the value into a scenario input (a deep copy of the base file, every default filled in). */
  set: (s: Scenario, v: LeverValue) => void;
  /** The scenario fields it writes (dotted leaf paths): a changed lever's are fields the design sets itself. */
  fields: readonly string[];
}

type Obj = Record<string, unknown>;

function at(s: Scenario, path: string): { parent: Obj; key: string } {
  const keys = path.split('.');
  let o = s as unknown as Obj;
  for (const k of keys.slice(0, -1)) o = o[k] as Obj;
  return { parent: o, key: keys[keys.length - 1] };
}

function path(id: string, stage: LeverDef['stage'], kind: LeverDef['kind'], unit: LeverUnit, p: string, extra: Partial<LeverDef> = {}): LeverDef {
  return {
    id,
    stage,
    kind,
    unit,
    get: (s) => {
      const { parent, key } = at(s, p);
      return parent[key] as LeverValue;
    },
    set: (s, v) => {
      const { parent, key } = at(s, p);
      parent[key] = v;
    },
    fields: [p],
    ...extra,
  };
}

const trainingTotal = (s: Scenario) => CAPACITIES.reduce((a, k) => a + s.program.training.hoursByModule[k], 0);

export const LEVERS: readonly LeverDef[] = [
  path('budget', 'general', 'number', 'rupiah', 'program.budgetRupiah', { min: 0, max: 5e9, step: 1e7 }),
  path('places', 'general', 'number', 'places', 'program.maxParticipants', { min: 0, max: 2000, step: 10 }),
  path('cohorts', 'general', 'number', 'cohorts', 'program.cohorts', { min: 1, max: 6, step: 1 }),
  path('targeting', 'general', 'select', 'none', 'program.targeting.rule', { options: ['all', 'random', 'womenFirst', 'lowestCapacityFirst', 'highestPotentialFirst'] }),
  path('genderSensitive', 'general', 'checkbox', 'none', 'program.genderSensitive'),
  path('monthsBetweenCohorts', 'general', 'number', 'months', 'program.monthsBetweenCohorts', { min: 0, max: 36, step: 1, advanced: true }),
  path('businesses', 'general', 'number', 'businesses', 'economy.businesses', { min: 50, max: 5000, step: 50, advanced: true }),
  ...STAGES.map((stage) => path(`${stage}.enabled`, stage, 'checkbox', 'none', `program.${stage}.enabled`)),
  path('needsAnalysis.cost', 'needsAnalysis', 'number', 'rupiah', 'program.needsAnalysis.costRupiahPerParticipant', { min: 0, max: 2e6, step: 10_000, advanced: true }),
  {
    id: 'training.hours',
    stage: 'training',
    kind: 'number',
    unit: 'hours',
    min: 0,
    max: 200,
    step: 1,
    get: (s) => Math.round(trainingTotal(s) * 100) / 100,
    // Total hours are spread over the modules in proportion to the base design's hours.
    set: (s, v) => {
      const total = trainingTotal(s);
      const hours = s.program.training.hoursByModule;
      for (const k of CAPACITIES) hours[k] = total > 0 ? (hours[k] * Number(v)) / total : Number(v) / CAPACITIES.length;
    },
    fields: CAPACITIES.map((k) => `program.training.hoursByModule.${k}`),
  },
  path('training.months', 'training', 'number', 'months', 'program.training.months', { min: 0, max: 12, step: 1, advanced: true }),
  path('mentoring.months', 'mentoring', 'number', 'months', 'program.mentoring.months', { min: 0, max: 36, step: 1 }),
  path('mentoring.visits', 'mentoring', 'number', 'visitsPerMonth', 'program.mentoring.visitsPerMonth', { min: 0, max: 8, step: 0.5 }),
  path('mentoring.caseload', 'mentoring', 'number', 'participants', 'program.mentoring.caseload', { min: 1, max: 100, step: 1, advanced: true }),
  path('mentoring.adaptive', 'mentoring', 'checkbox', 'none', 'program.mentoring.adaptive', { advanced: true }),
  path('mentoring.local', 'mentoring', 'checkbox', 'none', 'program.mentoring.local', { advanced: true }),
  path('resourceAccess.grant', 'resourceAccess', 'number', 'rupiah', 'program.resourceAccess.grantRupiah', { min: 0, max: 20e6, step: 100_000 }),
  path('resourceAccess.credit', 'resourceAccess', 'number', 'rupiah', 'program.resourceAccess.creditRupiah', { min: 0, max: 50e6, step: 500_000 }),
  path('resourceAccess.supplierLinks', 'resourceAccess', 'number', 'share', 'program.resourceAccess.supplierLinks', { min: 0, max: 1, step: 0.01, advanced: true }),
  path('resourceAccess.marketLinks', 'resourceAccess', 'number', 'share', 'program.resourceAccess.marketLinks', { min: 0, max: 1, step: 0.01, advanced: true }),
  path('monitoring.attendanceBoost', 'monitoring', 'number', 'share', 'program.monitoring.attendanceBoost', { min: 0, max: 1, step: 0.01, advanced: true }),
  path('reflection.learningGain', 'reflection', 'number', 'share', 'program.reflection.learningGainPerCohort', { min: 0, max: 1, step: 0.01, advanced: true }),
];

export const LEVER_BY_ID: ReadonlyMap<string, LeverDef> = new Map(LEVERS.map((l) => [l.id, l]));

/** A lever's value in a design: its override, else the base scenario's value. */
export function leverValue(base: string, overrides: Readonly<Record<string, LeverValue>>, id: string): LeverValue {
  const lever = LEVER_BY_ID.get(id);
  if (!lever) throw new Error(`unknown lever ${id}`);
  return id in overrides ? overrides[id] : lever.get(parsedScenario(base));
}

/** Coerce a value to the lever's type and range (URL input is untrusted); null when it cannot be. */
export function coerceLever(id: string, v: unknown): LeverValue | null {
  const lever = LEVER_BY_ID.get(id);
  if (!lever) return null;
  if (lever.kind === 'checkbox') return typeof v === 'boolean' ? v : null;
  if (lever.kind === 'select') return typeof v === 'string' && lever.options!.includes(v) ? v : null;
  const x = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(x)) return null;
  const clamped = Math.min(lever.max ?? Infinity, Math.max(lever.min ?? -Infinity, x));
  return lever.step !== undefined && Number.isInteger(lever.step) ? Math.round(clamped) : clamped;
}

/**
 * The scenario a design runs: its base file in `region` with every default filled in and the overrides
 * applied. (No lever is an economy field a region profile sets, so a lever's value is the same in every region.)
 */
export function designScenario(base: string, overrides: Readonly<Record<string, LeverValue>>, name = base, region?: string): ScenarioInput {
  const s = structuredClone(parsedScenario(base, region));
  for (const lever of LEVERS) if (lever.id in overrides) lever.set(s, overrides[lever.id]);
  s.name = name;
  return s as ScenarioInput;
}

/**
 * The fields a design sets itself, as `compare --uncertainty` reads them from a scenario file (its JSON
 * leaf paths, sim/uncertainty/parameters.ts setPaths): its base file's, the region it runs in and each
 * changed lever's field. Under the uncertainty switch these are never drawn.
 */
export function designFields(base: string, overrides: Readonly<Record<string, LeverValue>>): string[] {
  const fields = setPaths(SCENARIOS[base] ?? SCENARIOS[DEFAULT_SCENARIO]);
  fields.add('region');
  for (const lever of LEVERS) if (lever.id in overrides) for (const f of lever.fields) fields.add(f);
  return [...fields].sort();
}

export const isKnownScenario = (name: string) => name in SCENARIOS;

/**
 * A design's levers under "equal cost": design A's budget, and places limited only by that budget (the
 * places lever at its maximum; the program still enrols no more businesses than the economy has), so each
 * design spends what A is allowed to spend and the comparison is per rupiah.
 */
export function equalCostLevers(levers: Readonly<Record<string, LeverValue>>, budget: LeverValue): Record<string, LeverValue> {
  return { ...levers, budget, places: LEVER_BY_ID.get('places')!.max! };
}
