// Issue 15 point 6: every shipped design carries a title and a one-line summary in Indonesian and English,
// in the scenario file itself; they are labels only (the schema checks them, the model never reads them).
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../../sim/index.js';
import { MAX_SUMMARY_LENGTH, MAX_TITLE_LENGTH } from '../../sim/scenario/schema.js';

const shipped = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .sort();
const read = (f: string) => JSON.parse(readFileSync(`scenarios/${f}`, 'utf8')) as Record<string, unknown>;

describe('the shipped designs have titles and summaries people can read', () => {
  it('there are the ten shipped designs', () => {
    expect(shipped).toEqual([
      'cash-transfer.json', 'digital-first.json', 'forums-networks.json', 'full-cycle.json', 'mentoring-only.json',
      'no-program.json', 'resource-access.json', 'rural-cash-transfer.json', 'training-only.json', 'women-first.json',
    ]);
  });

  it.each(shipped)('%s: a title and a summary in both languages, within the lengths, and the schema accepts them', (f) => {
    const s = parseScenario(read(f), f);
    for (const lang of ['id', 'en'] as const) {
      expect(s.title?.[lang].trim().length, `${f} title.${lang}`).toBeGreaterThan(0);
      expect(s.title![lang].length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
      expect(s.summary?.[lang].trim().length, `${f} summary.${lang}`).toBeGreaterThan(10);
      expect(s.summary![lang].length, `${f} summary.${lang}`).toBeLessThanOrEqual(140);
    }
  });

  it('the limits are 60 characters for a title and 140 for a summary; longer, an unknown language or a missing one is refused naming the field', () => {
    expect([MAX_TITLE_LENGTH, MAX_SUMMARY_LENGTH]).toEqual([60, 140]);
    const problems = (input: unknown) => {
      try {
        parseScenario(input, 'x.json');
        return [];
      } catch (e) {
        return (e as { problems: { path: string }[] }).problems.map((p) => p.path);
      }
    };
    expect(problems({ summary: { id: 'a'.repeat(141), en: 'ok' } })).toEqual(['summary.id']);
    expect(problems({ title: { id: 'Judul' } })).toEqual(['title.en']);
    expect(problems({ title: { id: 'Judul', en: 'Title', fr: 'Titre' } })).toEqual(['title.fr']);
    expect(problems({ title: { id: 'Judul', en: 'Title' } })).toEqual([]);
  });

  it('titles and summaries change no result: a run with them equals the run without', () => {
    const withLabels = parseScenario({ ...read('mentoring-only.json'), months: 8 }, 'a');
    const { title: _t, summary: _s, ...raw } = { ...read('mentoring-only.json'), months: 8 } as Record<string, unknown>;
    const without = parseScenario(raw, 'a');
    expect(withLabels.title?.en).toBe('Mentoring only');
    expect(without.title).toBeUndefined();
    expect(JSON.stringify(runScenario(withLabels, { seed: 3 }))).toBe(JSON.stringify(runScenario(without, { seed: 3 })));
  });
});
