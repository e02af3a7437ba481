// The classroom's logic without a browser: predict-then-reveal's answer, session CSV and link, the
// lesson's script and its strings, the pop-out hash, and the state hash with a session appended.
import { describe, expect, it } from 'vitest';
import { interval } from '../../sim/index.js';
import { MESSAGES } from '../../ui/i18n/i18n.js';
import { LESSON } from '../../ui/classroom/lesson.js';
import { popoutKind } from '../../ui/classroom/popout.js';
import {
  CSV_COLUMNS, GUESS_MONTHS, HORIZON, QUESTIONS, answerFrom, decodeSession, effectSeries, encodeSession, guessText, questionById, sessionCsv, verdict, type Session,
} from '../../ui/classroom/predict-model.js';
import type { RunDigest } from '../../ui/runner/protocol.js';
import { decodeState, defaultState, encodeState } from '../../ui/state/state.js';

const digestWith = (jobsProgram: number[], jobsCounterfactual: number[]): RunDigest => ({
  scenario: 'x', seed: 1, months: jobsProgram.length, participants: 10, summary: {} as RunDigest['summary'],
  series: { 'economy.totalJobs': { program: jobsProgram, counterfactual: jobsCounterfactual } },
});

describe('predict-then-reveal', () => {
  const months = HORIZON;
  const runs = [0, 1, 2].map((r) => digestWith(Array.from({ length: months }, (_, t) => 1000 + (t + 1) * (2 + r)), Array.from({ length: months }, () => 1000)));

  it('answers with the mean effect and its 95% interval per month, 0 at month 0', () => {
    const a = answerFrom(runs, questionById('jobs'));
    expect(a.months).toEqual(Array.from({ length: months + 1 }, (_, t) => t));
    expect(a.mean[0]).toBe(0);
    expect(a.low[0]).toBe(0);
    // Month 24: effects 48, 72, 96.
    const ci = interval([48, 72, 96]);
    expect(a.mean[24]).toBeCloseTo(72, 10);
    expect(a.low[24]).toBeCloseTo(ci.low, 10);
    expect(a.high[24]).toBeCloseTo(ci.high, 10);
    expect(a.replicates).toBe(3);
    expect(effectSeries(runs[0], questionById('jobs')).slice(0, 3)).toEqual([0, 2, 4]);
    expect(() => effectSeries(runs[0], questionById('turnover'))).toThrow(/participants.turnover/);
  });

  it('says whether the guess at the horizon fell inside the interval', () => {
    const answer = answerFrom(runs, questionById('jobs'));
    expect(verdict({ question: 'jobs', design: 'A', seed: 1, guess: [0, 0, 0, 72], answer })).toEqual({ difference: 0, inside: true });
    const far = verdict({ question: 'jobs', design: 'A', seed: 1, guess: [0, 0, 0, 500], answer })!;
    expect(far.inside).toBe(false);
    expect(far.difference).toBeCloseTo(428, 10);
    expect(verdict({ question: 'jobs', design: 'A', seed: 1, guess: [0, 0, 0, 1], answer: null })).toBeNull();
  });

  it('exports the session as tidy CSV: one row per round × month × series', () => {
    const answer = answerFrom(runs, questionById('jobs'));
    const session: Session = { rounds: [{ question: 'jobs', design: 'Desain A, "kota"', seed: 7, guess: [3, 6, 9, 12], answer }, { question: 'turnover', design: 'B', seed: 7, guess: [1, 2, 3, 4], answer: null }] };
    const lines = sessionCsv(session).trim().split('\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    // Round 1: 4 guesses + 3 model series × 25 months; round 2: 4 guesses.
    expect(lines.length).toBe(1 + 4 + 3 * 25 + 4);
    expect(lines[1]).toBe('1,jobs,"Desain A, ""kota""",7,3,6,guess,3');
    expect(lines).toContain(`1,jobs,"Desain A, ""kota""",7,3,24,model_mean,${answer.mean[24]}`);
    expect(lines.at(-1)).toBe('2,turnover,B,7,,24,guess,4');
  });

  it('round-trips a session through its link parameter and rejects malformed ones', () => {
    const answer = answerFrom(runs, questionById('jobs'));
    const session: Session = { rounds: [{ question: 'jobs', design: 'A', seed: 7, guess: [3, 6, 9, 12], answer }] };
    const hash = encodeState(defaultState()) + '&' + encodeSession(session);
    const back = decodeSession(hash)!;
    expect(back.rounds[0].guess).toEqual([3, 6, 9, 12]);
    expect(back.rounds[0].answer!.mean[24]).toBeCloseTo(answer.mean[24], 4);
    expect(decodeSession('#s=abc')).toBeNull();
    expect(decodeSession('#s=abc&p=!!!')).toBeNull();
    expect(decodeSession('#p=' + btoa('{"rounds":[{"question":"jobs","guess":[1,2]}]}'))?.rounds).toEqual([]); // wrong guess length dropped
    // The state hash still decodes with the session appended.
    const s = { ...defaultState(), seed: 42 };
    expect(decodeState(encodeState(s) + '&' + encodeSession(session)).seed).toBe(42);
  });

  it('writes a guess exactly as typed: no rounding, no abbreviation', () => {
    expect(guessText(21, 'count', 'id')).toBe('+21');
    expect(guessText(5, 'count', 'id')).toBe('+5');
    expect(guessText(-7, 'count', 'en')).toBe('-7');
    expect(guessText(0, 'count', 'id')).toBe('0');
    expect(guessText(2.5, 'count', 'id')).toBe('+2,5');
    expect(guessText(1234567, 'rupiah', 'id')).toBe('+Rp 1.234.567');
    expect(guessText(1234567, 'rupiah', 'en')).toBe('+Rp 1,234,567');
  });

  it('asks about series the runs record', () => {
    expect(GUESS_MONTHS.at(-1)).toBe(HORIZON);
    for (const q of QUESTIONS) expect(q.series).toMatch(/^(economy|participants)\./);
  });
});

describe('the guided lesson', () => {
  it('has 3–5 steps, each with its strings and its actions\' labels in both languages', () => {
    expect(LESSON.length).toBeGreaterThanOrEqual(3);
    expect(LESSON.length).toBeLessThanOrEqual(5);
    for (const locale of ['id', 'en'] as const) {
      for (const step of LESSON) {
        for (const part of ['title', 'text', 'task', 'done']) expect(MESSAGES[locale][`lesson.${step.id}.${part}`], `${locale} ${step.id}.${part}`).toBeTruthy();
        for (const a of step.actions) expect(MESSAGES[locale][`lesson.action.${a}`], `${locale} ${a}`).toBeTruthy();
      }
    }
    expect(LESSON.at(-1)!.actions).toContain('sandbox');
    expect(new Set(LESSON.map((s) => s.done)).size).toBe(LESSON.length);
  });
});

describe('pop-out windows', () => {
  it('are asked for by the hash', () => {
    expect(popoutKind('#popout=live')).toBe('live');
    expect(popoutKind('#s=abc&popout=live')).toBe('live');
    expect(popoutKind('#s=abc')).toBeNull();
    expect(popoutKind('#popout=lively')).toBeNull();
  });
});
