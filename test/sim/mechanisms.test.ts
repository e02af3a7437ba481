// The mechanism index (sim/mechanisms.ts) against the model: every schema switch listed once, every
// function it names is run by the month's phases or called by them, the phases that test a switch are
// exactly those listed, and switching each mechanism off changes a small full-cycle run.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MECHANISMS, PATHS, type ModelFunction } from '../../sim/mechanisms.js';
import { PHASES } from '../../sim/step.js';
import { parseScenario, runScenario, type MechanismName, type RunResult, type ScenarioInput } from '../../sim/index.js';

const NAMES = Object.keys(MECHANISMS) as MechanismName[];
const phaseRuns: readonly ModelFunction[] = PHASES.map((p) => p.run);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(`${dir}/${d.name}`) : d.name.endsWith('.ts') ? [readFileSync(`${dir}/${d.name}`, 'utf8')] : [],
  );
}
const phaseSources = sources('sim/phases');
const simSources = sources('sim');
/** A call of `name` somewhere in these files, not its own definition. */
const calledIn = (files: string[], name: string) => files.some((src) => new RegExp(`(?<!function )\\b${name}\\(`).test(src));
/** The function's code tests `mechanisms.<name>` (directly or through the alias `m`). */
const readsSwitch = (fn: ModelFunction, name: string) => new RegExp(`(mechanisms|\\bm)\\.${name}\\b`).test(fn.toString());

describe('mechanism index', () => {
  it('lists every switch of the schema exactly once, and nothing else', () => {
    const schema = Object.keys(parseScenario({}).mechanisms).sort();
    expect(schema).toHaveLength(16);
    expect([...NAMES].sort()).toEqual(schema);
    expect(new Set(NAMES).size).toBe(NAMES.length);
  });

  it.each(NAMES)('%s: every function it names is a phase of the month or called by one', (name) => {
    const m = MECHANISMS[name];
    expect(m.readIn.length).toBeGreaterThan(0);
    expect(m.does.length).toBeGreaterThan(0);
    expect(m.whenOff.length).toBeGreaterThan(0);
    for (const fn of [...m.readIn, ...m.via, ...m.reaches]) {
      expect(typeof fn).toBe('function');
      expect(fn.name.length).toBeGreaterThan(0);
      expect(phaseRuns.includes(fn) || calledIn(phaseSources, fn.name), fn.name).toBe(true);
    }
    for (const fn of m.readIn) {
      expect(phaseRuns, fn.name).toContain(fn);
      expect(readsSwitch(fn, name), `${fn.name} tests mechanisms.${name}`).toBe(true);
    }
  });

  it('the phases that test a switch are exactly those the index lists for it', () => {
    for (const phase of PHASES) {
      for (const name of NAMES) {
        expect(readsSwitch(phase.run, name), `${phase.name} and ${name}`).toBe((MECHANISMS[name].readIn as readonly ModelFunction[]).includes(phase.run));
      }
    }
  });

  it.each(Object.keys(PATHS) as (keyof typeof PATHS)[])('path %s: named functions of the model, each run by a phase or called in sim/', (key) => {
    const path = PATHS[key];
    expect(path.steps.length).toBeGreaterThan(2);
    for (const step of path.steps) {
      expect(typeof step.fn).toBe('function');
      expect(step.fn.name.length).toBeGreaterThan(0);
      expect(phaseRuns.includes(step.fn) || calledIn(simSources, step.fn.name), step.fn.name).toBe(true);
      expect(step.does.length).toBeGreaterThan(0);
    }
    for (const s of path.switches) expect(NAMES).toContain(s);
  });
});

// Switching a mechanism off must show within a year in a small full-cycle economy: 150 businesses, 12
// months, seed 1, the program arm. Each probe reads one number; `change` is its direction when the switch
// is off, where the model makes it certain. A probe that needs another setting says so in `setting`.
const fullCycle = JSON.parse(readFileSync('scenarios/full-cycle.json', 'utf8')) as ScenarioInput;
const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;

interface Probe {
  metric: string;
  read: (r: RunResult) => number;
  change: 'lower' | 'higher' | 'differs';
  setting?: { why: string; input: ScenarioInput };
}
const series = (group: string, metric: string, change: Probe['change']): Probe => ({
  metric: `${group}.${metric}`,
  read: (r) => mean(r.series.program[group][metric]),
  change,
});

const PROBES: Record<MechanismName, Probe> = {
  learning: series('participants', 'capacity', 'lower'),
  attendanceLimits: series('participants', 'capacity', 'higher'),
  resistance: series('participants', 'capacity', 'higher'),
  fadeOut: series('participants', 'capacity', 'higher'),
  capacityToPerformance: series('participants', 'production', 'lower'),
  practiceAdoption: series('participants', 'bookkeepingAdoption', 'lower'),
  hiring: series('economy', 'totalJobs', 'differs'),
  exit: series('participants', 'survival', 'higher'),
  entry: series('all', 'businesses', 'lower'),
  // Non-participants learn only from tied peers.
  networkSpillovers: series('nonParticipants', 'capacity', 'lower'),
  shockCushioning: {
    ...series('participants', 'profit', 'lower'),
    setting: { why: 'cushioning acts only in a raw-material price shock: +30% in months 4–6', input: { shocks: [{ kind: 'rawMaterialPrice', startMonth: 4, months: 3, size: 0.3 }] } },
  },
  investment: {
    metric: 'equipment bought (ledger, rupiah)',
    read: (r) => r.accounting.transactionFlowMatrix.equipment.restOfWorld,
    change: 'lower',
    setting: {
      why: 'at the default firms.investCashMonths (4 months of costs) no business here has the cash to invest within a year',
      input: { firms: { investCashMonths: 1 } },
    },
  },
  marketExpansion: series('participants', 'outsideSales', 'lower'),
  mentorInformation: series('participants', 'profit', 'lower'),
  // Without the blocks, local GDP is the micro-businesses' and their suppliers' value added alone.
  localSectors: series('economy', 'localGdp', 'lower'),
  // The program's demand uses unused labour, so the wage index moves; off, it stays 1.
  wageCurve: series('economy', 'wageIndex', 'differs'),
};

function run(setting: ScenarioInput, mechanisms: Partial<Record<MechanismName, boolean>>): RunResult {
  const s = parseScenario({ ...fullCycle, ...setting, economy: { businesses: 150 }, mechanisms });
  return runScenario(s, { seed: 1, months: 12 });
}

describe('switching a mechanism off changes a one-year full-cycle run', () => {
  const baseline = run({}, {});

  it.each(NAMES)('%s', (name) => {
    const probe = PROBES[name];
    const on = probe.setting ? run(probe.setting.input, {}) : baseline;
    const off = probe.setting ? run(probe.setting.input, { [name]: false }) : run({}, { [name]: false });
    const a = probe.read(on);
    const b = probe.read(off);
    expect(Number.isFinite(a) && Number.isFinite(b), probe.metric).toBe(true);
    expect(b, probe.metric).not.toBe(a);
    if (probe.change === 'lower') expect(b, probe.metric).toBeLessThan(a);
    if (probe.change === 'higher') expect(b, probe.metric).toBeGreaterThan(a);
  });
});
