// @vitest-environment happy-dom
// The headline cards: each pinned design's five numbers against no program are the statistics the CLI's
// compare reports (mean over replicates, 95% interval), the baseline has no card, and the intervals read
// as words in both languages.
import { describe, expect, it } from 'vitest';
import { costPerJob, replicateStats, runScenario } from '../../sim/index.js';
import { headlineCards } from '../../ui/runner/headline.js';
import { digest } from '../../ui/runner/digest.js';
import { parsedScenario } from '../../ui/state/scenarios.js';
import { figureText, intervalWords } from '../../ui/app/headline-cards.js';
import { setLocale } from '../../ui/i18n/i18n.js';

describe('headline cards', () => {
  const runs = (name: string) => [1, 2, 3].map((seed) => digest(runScenario(parsedScenario(name), { seed, months: 12 })));
  const designs = [
    { id: 'A', name: 'Desain A', scenario: 'full-cycle', runs: runs('full-cycle') },
    { id: 'baseline', name: 'Tanpa program', scenario: 'no-program', runs: runs('no-program') },
  ];

  it('are the replicate statistics of the summary, one card per design except the baseline', () => {
    const cards = headlineCards(designs);
    expect(cards.map((c) => c.id)).toEqual(['A']);
    expect(cards[0].replicates).toBe(3);
    const a = designs[0].runs;
    const jobs = replicateStats(a.map((r) => r.summary.jobs.effect));
    const cost = replicateStats(a.map((r) => r.summary.programCost));
    expect(cards[0].jobs.mean).toBe(jobs.mean);
    expect(cards[0].jobs.low).toBe(jobs.low);
    expect(cards[0].programCost.mean).toBe(cost.mean);
    expect(cards[0].programCost.mean).toBeGreaterThan(0);
    expect(cards[0].localGdpGained.mean).toBeCloseTo(a.reduce((s, r) => s + r.summary.localGdpGained, 0) / 3, 6);
    expect(cards[0].costPerJob.mean).toBe(costPerJob(cost, jobs).mean);
    expect(cards[0].localGdpPerRupiah.mean).toBeCloseTo(a.reduce((s, r) => s + r.summary.localGdpPerRupiah!, 0) / 3, 9);
    for (const f of ['jobs', 'localGdpGained', 'localGdpPerRupiah'] as const) {
      const v = cards[0][f];
      expect(v.low!).toBeLessThanOrEqual(v.mean!);
      expect(v.mean!).toBeLessThanOrEqual(v.high!);
    }
  });

  it('give no interval from a single replicate (a preview), with or without the assumptions drawn', () => {
    const one = [{ ...designs[0], runs: designs[0].runs.slice(0, 1) }];
    for (const card of [headlineCards(one)[0], headlineCards(one, true)[0]]) {
      for (const f of ['jobs', 'localGdpGained', 'programCost', 'costPerJob', 'localGdpPerRupiah'] as const) {
        expect(card[f].low).toBeNull();
        expect(card[f].high).toBeNull();
      }
      expect(card.jobs.mean).toBe(designs[0].runs[0].summary.jobs.effect);
      expect(card.replicates).toBe(1);
      expect(intervalWords('programCost', card.programCost, 'id')).toBe('');
    }
    // Two replicates give an interval again.
    const two = headlineCards([{ ...designs[0], runs: designs[0].runs.slice(0, 2) }])[0];
    for (const f of ['jobs', 'programCost', 'costPerJob'] as const) expect(two[f].low).not.toBeNull();
    expect(intervalWords('jobs', two.jobs, 'id')).toMatch(/^antara /);
  });

  it('write the interval in words, in each language, and say when replicates agree exactly', () => {
    setLocale('id');
    expect(intervalWords('jobs', { mean: 17, low: 15.2, high: 19.4 }, 'id')).toBe('antara 15 dan 19 pekerjaan');
    expect(intervalWords('localGdpGained', { mean: 2.3e9, low: 2.2e9, high: 2.5e9 }, 'id')).toBe('antara Rp 2,2 miliar dan Rp 2,5 miliar');
    expect(intervalWords('localGdpPerRupiah', { mean: 4.7, low: 4.39, high: 5.03 }, 'id')).toBe('antara 4,39 dan 5,03 rupiah per rupiah');
    expect(intervalWords('programCost', { mean: 5e8, low: 5e8, high: 5e8 }, 'id')).toBe('sama di setiap ulangan');
    expect(intervalWords('jobs', { mean: 3, low: null, high: null }, 'id')).toBe('');
    setLocale('en');
    expect(intervalWords('jobs', { mean: 17, low: 15.2, high: 19.4 }, 'en')).toBe('between 15 and 19 jobs');
    expect(intervalWords('costPerJob', { mean: 2.25e7, low: 1.79e7, high: 3.02e7 }, 'en')).toBe('between Rp 17.9 million and Rp 30.2 million per job');
    setLocale('id');
    // Jobs: whole from ten up, signed; a small effect keeps a decimal.
    expect(figureText('jobs', 22.04, 'id', true)).toBe('+22');
    expect(figureText('jobs', 4.66, 'id', true)).toBe('+4,7');
  });
});
