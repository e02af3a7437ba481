// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import * as actions from '../../ui/state/actions.js';
import { History } from '../../ui/state/history.js';
import { LEVERS, STAGES, designScenario, leverValue } from '../../ui/state/levers.js';
import { SCENARIOS as SCENARIOS_RAW, SCENARIO_NAMES, parsedScenario } from '../../ui/state/scenarios.js';
import { MAX_DESIGNS, decodeState, defaultState, encodeState } from '../../ui/state/state.js';
import { REGIONS } from '../../ui/state/regions.js';
import { comparisonDesigns } from '../../ui/app/comparison-runner.js';
import { tidyCsv } from '../../ui/charts/csv.js';
import { aggregate } from '../../ui/runner/aggregate.js';
import { digest } from '../../ui/runner/digest.js';
import { parseScenario, runScenario } from '../../sim/index.js';
import { MESSAGE_FILES, t } from '../../ui/i18n/i18n.js';
import en from '../../ui/i18n/en.json' with { type: 'json' };
import id from '../../ui/i18n/id.json' with { type: 'json' };

describe('scenarios bundled for the app', () => {
  it('include every shipped design and none of the schema files', () => {
    expect(SCENARIO_NAMES).toContain('full-cycle');
    expect(SCENARIO_NAMES).toContain('no-program');
    expect(SCENARIO_NAMES.some((n) => n.includes('schema'))).toBe(false);
  });
});

describe('state in the URL hash', () => {
  it('round-trips through encode and decode', () => {
    let s = defaultState();
    s = actions.setLever(s, 0, 'mentoring.visits', 4);
    s = actions.pinDesign(s);
    s = actions.renameDesign(s, 2, 'Kunjungan ganda — ü');
    s = actions.setSettings(s, { replicates: 12, seed: 9, diffVsA: true, tornadoDesign: s.designs[1].id, tornadoOutput: 'localGdpGained' });
    s = actions.switchLanguage(s, 'en');
    const hash = encodeState(s);
    expect(hash).toMatch(/^#s=[A-Za-z0-9_-]+$/);
    expect(decodeState(hash)).toEqual(s);
    expect(decodeState(hash)).toMatchObject({ tornadoDesign: s.designs[1].id, tornadoOutput: 'localGdpGained' });
  });

  it("keeps the tornado chart's design and figure only when they exist", () => {
    const s = defaultState();
    const hashOf = (raw: unknown) => '#s=' + btoa(JSON.stringify(raw)).replace(/=+$/, '');
    expect(decodeState(hashOf({ ...s, tornadoDesign: s.designs[1].id, tornadoOutput: 'localGdpGained' }))).toMatchObject({ tornadoDesign: s.designs[1].id, tornadoOutput: 'localGdpGained' });
    // A design no longer pinned, or a figure the chart does not offer, falls back to the first design and extra jobs.
    expect(decodeState(hashOf({ ...s, tornadoDesign: 'Q', tornadoOutput: 'profit.effect' }))).toMatchObject({ tornadoDesign: '', tornadoOutput: 'jobs.effect' });
    expect(decodeState(hashOf({ ...s, tornadoDesign: 7, tornadoOutput: null }))).toMatchObject({ tornadoDesign: '', tornadoOutput: 'jobs.effect' });
  });

  it('falls back to defaults on malformed or hostile input, field by field', () => {
    expect(decodeState('')).toEqual(defaultState());
    expect(decodeState('#s=!!!')).toEqual(defaultState());
    expect(decodeState('#s=' + btoa('not json'))).toEqual(defaultState());
    const odd = { designs: [{ id: 'Z', base: 'nope', levers: { 'mentoring.visits': 'many', budget: -5, bogus: 1 } }], replicates: 1e9, stage: 'x', locale: 'fr' };
    const s = decodeState('#s=' + btoa(JSON.stringify(odd)).replace(/=+$/, ''));
    expect(s.designs).toHaveLength(1);
    expect(s.designs[0].id).toBe('A');
    expect(s.designs[0].levers).toEqual({ budget: 0 });
    expect(s.replicates).toBe(50);
    expect(s.stage).toBe(defaultState().stage);
    expect(s.locale).toBe('id');
  });
});

describe('the region in the state and the URL', () => {
  const hashOf = (raw: unknown) => '#s=' + btoa(JSON.stringify(raw)).replace(/=+$/, '');

  it('offers the three shipped profiles, town first, and starts in town', () => {
    expect(REGIONS).toEqual(['town', 'periurban', 'rural']);
    expect(defaultState().region).toBe('town');
  });

  it('round-trips through the URL, and undo / redo step through a region change', () => {
    const s = actions.setSettings(defaultState(), { region: 'rural' });
    expect(decodeState(encodeState(s)).region).toBe('rural');
    expect(decodeState(encodeState(s))).toEqual(s);
    const h = new History(defaultState());
    h.push(s);
    expect(h.undo().region).toBe('town');
    expect(h.redo().region).toBe('rural');
  });

  it('a link made before regions existed loads as town, and so does a bad region, whatever the state was', () => {
    const old = { ...defaultState(), seed: 4 } as Partial<ReturnType<typeof defaultState>>;
    delete old.region;
    const rural = actions.setSettings(defaultState(), { region: 'rural' });
    const fromOld = decodeState(hashOf(old), rural);
    expect(fromOld.region).toBe('town');
    expect(fromOld.seed).toBe(4);
    for (const bad of ['kab-x', '', 3, null, { name: 'rural' }, ['rural'], '__proto__', 'toString']) {
      expect(() => decodeState(hashOf({ ...defaultState(), region: bad }), rural)).not.toThrow();
      expect(decodeState(hashOf({ ...defaultState(), region: bad }), rural).region).toBe('town');
    }
  });

  it("every design and the baseline run in the state's region, the same scenario the CLI parses with that region", () => {
    const s = actions.setSettings(defaultState(), { region: 'rural' });
    const designs = comparisonDesigns(s);
    expect(designs.map((d) => d.scenario.region)).toEqual(designs.map(() => 'rural'));
    const cli = parseScenario({ ...structuredClone(SCENARIOS_RAW['full-cycle']), region: 'rural' }, 'full-cycle');
    expect(parseScenario(designs[0].scenario)).toEqual({ ...cli, name: 'full-cycle' });
    // The rural economy is not the town's: lower wages.
    const town = parseScenario(comparisonDesigns(defaultState())[0].scenario);
    expect(parseScenario(designs[0].scenario).households.wageRupiahPerMonth).toBeLessThan(town.households.wageRupiahPerMonth);
    // Levers read the same in every region (no lever is an economy field a profile sets).
    for (const l of LEVERS) expect(l.get(parsedScenario('full-cycle', 'rural')), l.id).toEqual(l.get(parsedScenario('full-cycle')));
  });

  it('every region has a label and a description in both languages', () => {
    for (const r of REGIONS) for (const key of [`region.${r}`, `region.${r}.desc`]) {
      expect(en).toHaveProperty([key]);
      expect(id).toHaveProperty([key]);
    }
  });
});

describe('actions', () => {
  it('a lever set back to the base value drops its override', () => {
    const base = leverValue('full-cycle', {}, 'mentoring.visits');
    let s = actions.setLever(defaultState(), 0, 'mentoring.visits', 5);
    expect(s.designs[0].levers).toEqual({ 'mentoring.visits': 5 });
    s = actions.setLever(s, 0, 'mentoring.visits', base);
    expect(s.designs[0].levers).toEqual({});
  });

  it('opening a stage shows its levers and changes no lever; its enabled lever switches it on and off', () => {
    const start = actions.setBase(defaultState(), 'training-only');
    const s = actions.openStage(start, 'reflection');
    expect(s.stage).toBe('reflection');
    expect(s.designs).toBe(start.designs);
    const on = actions.setLever(s, 0, 'mentoring.enabled', true);
    expect(leverValue('training-only', on.designs[0].levers, 'mentoring.enabled')).toBe(true);
    expect(leverValue('training-only', actions.setLever(on, 0, 'mentoring.enabled', false).designs[0].levers, 'mentoring.enabled')).toBe(false);
  });

  it('pins at most six designs under free letters with default names, and keeps one', () => {
    let s = defaultState();
    for (let i = 0; i < 10; i++) s = actions.pinDesign(s);
    expect(s.designs.map((d) => d.id).join('')).toBe('ABCDEF');
    expect(s.designs).toHaveLength(MAX_DESIGNS);
    expect(s.designs[5].name).toBe('Rancangan F');
    for (let i = 0; i < 10; i++) s = actions.removeDesign(s, 0);
    expect(s.designs).toHaveLength(1);
    expect(actions.pinDesign(s).designs[1].id).toBe('A');
  });

  it('language switch renames default-named designs only', () => {
    const s = actions.renameDesign(defaultState(), 1, 'Punyaku');
    const e = actions.switchLanguage(s, 'en');
    expect(e.designs.map((d) => d.name)).toEqual(['Design A', 'Punyaku']);
  });
});

describe('levers', () => {
  it('training hours are spread over the modules in proportion to the base design', () => {
    const before = parsedScenario('full-cycle').program.training.hoursByModule;
    const total = Object.values(before).reduce((a, x) => a + x, 0);
    const s = parseScenario(designScenario('full-cycle', { 'training.hours': total * 2 }));
    for (const [k, v] of Object.entries(s.program.training.hoursByModule)) expect(v).toBeCloseTo(before[k as keyof typeof before] * 2, 9);
  });

  it('a design without overrides runs exactly like its scenario file', () => {
    const a = runScenario(parseScenario(designScenario('training-only', {})), { seed: 3, months: 6 });
    const b = runScenario(parsedScenario('training-only'), { seed: 3, months: 6 });
    expect(a.summary).toEqual(b.summary);
  });

  it('every stage has an on/off lever and every lever a label in both languages', () => {
    for (const stage of STAGES) expect(LEVERS.some((l) => l.id === `${stage}.enabled`)).toBe(true);
    for (const l of LEVERS) {
      expect(en).toHaveProperty([`lever.${l.id}`]);
      expect(id).toHaveProperty([`lever.${l.id}`]);
    }
  });
});

describe('i18n', () => {
  it('has the same keys in Indonesian and English, and interpolates', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const file of Object.keys(MESSAGE_FILES.id)) {
      expect(Object.keys(MESSAGE_FILES.en[file]).sort(), file).toEqual(Object.keys(MESSAGE_FILES.id[file]).sort());
    }
    // No key is defined in two files (a later file would silently override an earlier one).
    const all = Object.values(MESSAGE_FILES.id).flatMap((f) => Object.keys(f));
    expect(new Set(all).size).toBe(all.length);
    expect(t('panel.title', { name: 'Rancangan A' })).toBe('Pengaturan Rancangan A');
    expect(t('panel.title', { name: 'A' }, 'en')).toBe('Settings of A');
  });
});

describe('history', () => {
  it('undo, redo, and a drag previewed then committed is one step', () => {
    const h = new History(0);
    h.push(1);
    h.preview(2);
    h.preview(3);
    h.push(4);
    expect(h.lastChange).toEqual({ before: 1, after: 4 });
    expect(h.undo()).toBe(1);
    expect(h.undo()).toBe(0);
    expect(h.canUndo).toBe(false);
    expect(h.redo()).toBe(1);
    h.push(7);
    expect(h.canRedo).toBe(false);
  });
});

describe('aggregation', () => {
  it('means over replicates, the difference vs design A is zero for A itself, and CSV rows are tidy', () => {
    const runs = (name: string) => [1, 2].map((seed) => digest(runScenario(parsedScenario(name), { seed, months: 4 })));
    const designs = [
      { id: 'A', name: 'A', scenario: 'full-cycle', runs: runs('full-cycle') },
      { id: 'B', name: 'B', scenario: 'training-only', runs: runs('training-only') },
    ];
    const agg = aggregate(designs, { diffVsA: false, label: (k) => k });
    const turnover = agg.lines.find((l) => l.id === 'turnover')!;
    const e = designs[0].runs.map((r) => r.series['participants.turnover']).map((s) => s.program[3] - s.counterfactual[3]);
    expect(turnover.series[0].mean[3]).toBeCloseTo((e[0] + e[1]) / 2, 6);
    expect(turnover.series[0].low[3]).toBeLessThanOrEqual(turnover.series[0].high[3]);
    const diff = aggregate([designs[0], designs[0]], { diffVsA: true, label: (k) => k });
    expect(diff.lines[0].series.map((s) => s.id)).toEqual(['A', 'A']);
    expect(diff.lines[0].series[1].mean.every((x) => x === 0)).toBe(true);
    // Raw rows are built when first read (a raw-CSV download), not by the aggregation, and then kept.
    expect(typeof Object.getOwnPropertyDescriptor(agg.rows, 'turnover')?.get).toBe('function');
    expect(Object.keys(agg.rows)).toEqual(expect.arrayContaining(['turnover', ...agg.estimates.map((x) => x.id)]));
    expect(agg.rows.turnover).toBe(agg.rows.turnover);
    expect(Object.getOwnPropertyDescriptor(agg.rows, 'turnover')?.get).toBeUndefined();
    expect(agg.rows.turnover).toHaveLength(2 * 2 * 2 * 4);
    expect(agg.rows.turnover.filter((r) => r.arm === 'program' && r.design === 'A' && r.seed === 2).map((r) => r.value)).toEqual(designs[0].runs[1].series['participants.turnover'].program);
    expect(Object.keys(agg.rows.turnover[0])).toEqual(['design', 'scenario', 'seed', 'month', 'arm', 'group', 'metric', 'value']);
    expect(agg.estimates.map((x) => x.id)).toEqual(['localGdpPerRupiah', 'costPerJob', 'spendingMultiplier', 'lm3']);
    // Rows that name their region carry it, and their CSV has the column after the scenario.
    const rural = aggregate([{ ...designs[0], region: 'rural' }], { diffVsA: false, label: (k) => k });
    expect(Object.keys(rural.rows.turnover[0])).toEqual(['design', 'scenario', 'region', 'seed', 'month', 'arm', 'group', 'metric', 'value']);
    const csv = tidyCsv(rural.rows.turnover).split('\n');
    expect(csv[0]).toBe('design,scenario,region,seed,month,arm,group,metric,value');
    expect(csv[1].startsWith('A,full-cycle,rural,1,1,')).toBe(true);
    expect(tidyCsv(agg.rows.turnover).split('\n')[0]).toBe('design,scenario,seed,month,arm,group,metric,value');
  });
});

describe('equal cost', () => {
  it('runs every pinned design on design A\'s budget with places limited only by it, and is part of the shareable state', () => {
    const s = { ...actions.setLever(defaultState(), 0, 'budget', 3e8), equalCost: true };
    const designs = comparisonDesigns(s);
    const pinned = designs.filter((d) => d.id !== 'baseline');
    expect(pinned.map((d) => (d.scenario as { program: { budgetRupiah: number } }).program.budgetRupiah)).toEqual([3e8, 3e8]);
    expect(pinned.every((d) => (d.scenario as { program: { maxParticipants: number } }).program.maxParticipants === 2000)).toBe(true);
    // Off, design B keeps its own budget and places.
    const off = comparisonDesigns({ ...s, equalCost: false }).filter((d) => d.id === 'B')[0].scenario as { program: { budgetRupiah: number; maxParticipants: number } };
    expect(off.program.budgetRupiah).toBe(5e8);
    expect(off.program.maxParticipants).toBe(100);
    expect(decodeState(encodeState(s)).equalCost).toBe(true);
    expect(decodeState(encodeState(defaultState())).equalCost).toBe(false);
  });
});
