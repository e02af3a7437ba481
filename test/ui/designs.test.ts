// @vitest-environment happy-dom
// Issue 15 point 6, "designs people can read and keep": titles of the shipped designs in the app, each
// lever's "what does this mean?", designs saved by name in the browser, and CLI scenario files opened as designs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../cli/loadScenario.js';
import helpEn from '../../ui/i18n/help.en.json' with { type: 'json' };
import helpId from '../../ui/i18n/help.id.json' with { type: 'json' };
import { MESSAGES } from '../../ui/i18n/i18n.js';
import * as actions from '../../ui/state/actions.js';
import { expressionCompilerNeeded } from '../../sim/program/expressionCompiler.js';
import { importScenarioFile, importScenarioText } from '../../ui/state/importScenario.js';
import { LEVERS } from '../../ui/state/levers.js';
import { SAVED_DESIGNS_KEY, parseSavedDesigns, readSavedDesigns, withSaved, withoutSaved, writeSavedDesigns } from '../../ui/state/savedDesigns.js';
import { SCENARIO_NAMES, scenarioSummary, scenarioTitle } from '../../ui/state/scenarios.js';
import { defaultState } from '../../ui/state/state.js';
import { Store } from '../../ui/state/store.js';

const scenarioFile = (name: string) => JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8')) as Record<string, any>;

describe('the shipped designs carry titles in the app', () => {
  it('titles and summaries in the language asked, for every bundled design', () => {
    expect(scenarioTitle('full-cycle', 'id')).toBe('Siklus penuh');
    expect(scenarioTitle('full-cycle', 'en')).toBe('Full cycle');
    expect(scenarioTitle('mentoring-only', 'id')).toBe('Pendampingan saja');
    expect(scenarioSummary('no-program', 'en')).toBe('The local economy with no program: the baseline every design is compared with.');
    expect(scenarioTitle('not-a-design', 'en')).toBe('not-a-design');
    for (const n of SCENARIO_NAMES) {
      for (const lang of ['id', 'en'] as const) {
        expect(scenarioTitle(n, lang), `${n} ${lang}`).not.toBe(n);
        expect(scenarioSummary(n, lang).length, `${n} ${lang}`).toBeGreaterThan(10);
        expect(scenarioSummary(n, lang).length).toBeLessThanOrEqual(140);
      }
    }
  });
});

describe('each lever says what it means', () => {
  it('help.id.json and help.en.json have one text per lever of LEVERS, nothing else', () => {
    const ids = LEVERS.map((l) => `help.${l.id}`).sort();
    expect(Object.keys(helpId).sort()).toEqual(ids);
    expect(Object.keys(helpEn).sort()).toEqual(ids);
    expect(ids).toHaveLength(27);
  });

  it.each(LEVERS.map((l) => l.id))('%s: 1–2 plain sentences in both languages, naming where its default comes from', (id) => {
    for (const [lang, file] of [['id', helpId], ['en', helpEn]] as const) {
      const text = (file as Record<string, string>)[`help.${id}`];
      expect(text.length, `${lang} ${id}`).toBeGreaterThan(60);
      expect(text.length, `${lang} ${id}`).toBeLessThanOrEqual(300);
      // The source: a calibration target id (C1–C9, L1–L4, I1–I6), a docs file, or the word for "not sourced" / an assumption.
      expect(text, `${lang} ${id}`).toMatch(/\b[CLI]\d\b|docs\/|not sourced|assumption|tanpa sumber|asumsi/);
      expect(MESSAGES[lang][`help.${id}`]).toBe(text);
    }
  });

  it('a few texts say exactly what the model and its sources say', () => {
    expect(helpEn['help.mentoring.enabled']).toContain('C2, Brooks, Donovan & Johnson 2018');
    expect(helpEn['help.training.hours']).toContain('Default 48');
    expect(helpId['help.resourceAccess.credit']).toContain('2% sebulan selama 18 bulan');
    expect(MESSAGES.id['panel.help']).toBe('Apa artinya?');
    expect(MESSAGES.en['panel.help']).toBe('What does this mean?');
  });
});

describe('designs saved by name in this browser', () => {
  it('saving keeps base, levers and name, newest first, one per name; reading drops what is not a design', () => {
    const at = new Date('2026-12-05T10:00:00Z');
    let list = withSaved([], { base: 'mentoring-only', levers: { 'mentoring.visits': 4 } }, '  Kunjungan ganda ', at);
    list = withSaved(list, { base: 'full-cycle', levers: {} }, 'Siklus', at);
    list = withSaved(list, { base: 'mentoring-only', levers: { 'mentoring.visits': 3 } }, 'Kunjungan ganda', at);
    expect(list).toEqual([
      { name: 'Kunjungan ganda', base: 'mentoring-only', levers: { 'mentoring.visits': 3 }, savedAt: '2026-12-05T10:00:00.000Z' },
      { name: 'Siklus', base: 'full-cycle', levers: {}, savedAt: '2026-12-05T10:00:00.000Z' },
    ]);
    expect(withoutSaved(list, 'Siklus').map((d) => d.name)).toEqual(['Kunjungan ganda']);
    expect(parseSavedDesigns(JSON.stringify(list))).toEqual(list);
    expect(parseSavedDesigns('not json')).toEqual([]);
    expect(parseSavedDesigns('{"name":"x"}')).toEqual([]);
    expect(
      parseSavedDesigns(JSON.stringify([{ name: 'a', base: 'nope', levers: {} }, { name: '', base: 'full-cycle' }, { name: 'b', base: 'full-cycle', levers: { 'mentoring.visits': 'x', 'mentoring.months': 99, bogus: 1 } }])),
    ).toEqual([{ name: 'b', base: 'full-cycle', levers: { 'mentoring.months': 36 }, savedAt: '' }]);
  });

  it('the list lives in localStorage under its key', () => {
    localStorage.removeItem(SAVED_DESIGNS_KEY);
    expect(readSavedDesigns()).toEqual([]);
    const list = withSaved([], { base: 'training-only', levers: { 'training.hours': 24 } }, 'Kursus pendek', new Date(0));
    expect(writeSavedDesigns(list)).toBe(true);
    expect(JSON.parse(localStorage.getItem(SAVED_DESIGNS_KEY)!)).toEqual([{ name: 'Kursus pendek', base: 'training-only', levers: { 'training.hours': 24 }, savedAt: '1970-01-01T00:00:00.000Z' }]);
    expect(readSavedDesigns()).toEqual(list);
    localStorage.removeItem(SAVED_DESIGNS_KEY);
  });

  it('loading replaces the edited design\'s base, levers and name, and undo brings the old one back', () => {
    const store = new Store(actions.selectDesign(defaultState(), 1));
    const before = store.state;
    store.update((s) => actions.loadDesign(s, { name: 'Kunjungan ganda', base: 'mentoring-only', levers: { 'mentoring.visits': 4 } }));
    expect(store.state.designs[1]).toEqual({ id: 'B', name: 'Kunjungan ganda', base: 'mentoring-only', levers: { 'mentoring.visits': 4 } });
    expect(store.state.designs[0]).toEqual(before.designs[0]);
    store.undo();
    expect(store.state).toEqual(before);
    store.redo();
    expect(store.state.designs[1].name).toBe('Kunjungan ganda');
  });

  it('an opened design is pinned under the next letter and edited; none past six', () => {
    let s = defaultState();
    s = actions.addDesign(s, { name: 'Dari file', base: 'digital-first', levers: { places: 50 } });
    expect(s.designs.map((d) => d.id)).toEqual(['A', 'B', 'C']);
    expect(s.designs[2]).toEqual({ id: 'C', name: 'Dari file', base: 'digital-first', levers: { places: 50 } });
    expect(s.active).toBe(2);
    for (let i = 0; i < 5; i++) s = actions.addDesign(s, { name: `x${i}`, base: 'full-cycle', levers: {} });
    expect(s.designs).toHaveLength(6);
    expect(s.designs[5].name).toBe('x2');
  });
});

describe('a CLI scenario file opened in the page', () => {
  it('a shipped file comes back as that design with nothing changed', () => {
    for (const n of ['full-cycle', 'digital-first', 'cash-transfer', 'women-first']) {
      const r = importScenarioText(readFileSync(`scenarios/${n}.json`, 'utf8'), `${n}.json`, 'en');
      expect(r, n).toEqual({ ok: true, design: { name: scenarioTitle(n, 'en'), base: n, levers: {} }, notCarried: [] });
    }
  });

  it('levers set from the file\'s values where they differ from the closest shipped design', () => {
    const file = scenarioFile('mentoring-only');
    file.name = 'double-visits';
    delete file.title;
    file.program.budgetRupiah = 300_000_000;
    file.program.mentoring = { enabled: true, visitsPerMonth: 4, months: 12, local: false };
    file.program.targeting = { rule: 'womenFirst' };
    const r = importScenarioText(JSON.stringify(file), 'double-visits.json', 'id');
    expect(r).toEqual({
      ok: true,
      design: {
        name: 'double-visits',
        base: 'mentoring-only',
        levers: { budget: 300_000_000, targeting: 'womenFirst', 'mentoring.visits': 4, 'mentoring.months': 12, 'mentoring.local': false },
      },
      notCarried: [],
    });
  });

  it('fields that are not levers are named as not carried over, and so is another region', () => {
    const file = scenarioFile('full-cycle');
    file.months = 24;
    file.region = 'rural';
    file.program.forums = { enabled: true, size: 5 };
    file.program.cohorts = 3;
    const r = importScenarioText(JSON.stringify(file), 'fc.json', 'id', 'town');
    expect(r).toEqual({
      ok: true,
      design: { name: 'Siklus penuh', base: 'full-cycle', levers: { cohorts: 3 } },
      notCarried: ['region ("rural")', 'months', 'program.forums.size'],
    });
  });

  it('a trend growth rate is named as not carried over: the web app runs every design in a stationary economy', () => {
    const file = scenarioFile('full-cycle');
    file.localEconomy = { outsideGrowthPerYear: 0.05 };
    const r = importScenarioText(JSON.stringify(file), 'growing.json', 'en', 'town');
    expect(r.ok && r.notCarried).toEqual(['localEconomy.outsideGrowthPerYear']);
  });

  it('a file with a targeting expression opens after the page loads mathjs for it (not loaded before)', async () => {
    const text = readFileSync('scenarios/calibration/l2-local-inputs.json', 'utf8');
    expect(expressionCompilerNeeded(text)).toBe(true);
    const r = await importScenarioFile(text, 'l2-local-inputs.json', 'en');
    if (!r.ok) throw new Error(r.message);
    expect(r.notCarried).toContain('program.targeting.rule');
    expect(expressionCompilerNeeded(text)).toBe(false);
    // A bad expression is named as the CLI names it.
    const bad = await importScenarioFile(text.replace('sector == 4', 'import(1)'), 'bad.json', 'en');
    expect(bad.ok).toBe(false);
    expect((bad as { message: string }).message).toMatch(/program\.targeting\.expression/);
  });

  it('a value beyond the panel\'s range is clamped and named; hours split otherwise than the base keep their total only', () => {
    const file = scenarioFile('training-only');
    file.program.maxParticipants = 5000;
    file.program.training.hoursByModule = { management: 0, bookkeeping: 0, marketing: 10, digital: 10, production: 0, mindset: 0 };
    const r = importScenarioText(JSON.stringify(file), 't.json', 'en');
    expect(r).toEqual({
      ok: true,
      design: { name: 'Training only', base: 'training-only', levers: { places: 2000, 'training.hours': 20 } },
      notCarried: [
        'program.maxParticipants',
        'program.training.hoursByModule.management',
        'program.training.hoursByModule.bookkeeping',
        'program.training.hoursByModule.marketing',
        'program.training.hoursByModule.digital',
        'program.training.hoursByModule.production',
        'program.training.hoursByModule.mindset',
      ],
    });
  });

  it('"budgetRupiah": "abc" is refused naming program.budgetRupiah, with the very message the CLI prints', async () => {
    const text = JSON.stringify({ name: 'bad', program: { budgetRupiah: 'abc' } });
    const r = importScenarioText(text, 'bad.json');
    expect(r.ok).toBe(false);
    const message = (r as { message: string }).message;
    expect(message.split('\n')[0]).toBe('bad.json: invalid scenario');
    expect(message).toMatch(/^ {2}- program\.budgetRupiah: found "abc"; expected /m);
    const dir = mkdtempSync(join(tmpdir(), 'pendamping-import-'));
    try {
      const path = join(dir, 'bad.json');
      writeFileSync(path, text);
      const cli = await loadScenarioFile(path).then(() => 'accepted', (e: Error) => e.message);
      expect((importScenarioText(text, path) as { message: string }).message).toBe(cli);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('text that is not JSON, or empty, is refused naming the file', () => {
    expect(importScenarioText('{"program": ', 'x.json')).toEqual({ ok: false, message: expect.stringMatching(/^x\.json: invalid JSON: /) });
    expect(importScenarioText('  ', 'x.json')).toEqual({ ok: false, message: 'x.json: empty file (expected a JSON scenario object)' });
  });
});
