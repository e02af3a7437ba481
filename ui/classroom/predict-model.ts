// Predict-then-reveal, without the DOM: the questions a class can be asked, its guess (a curve through a
// few months), the model's answer (mean and 95% interval over replicates of the program − counterfactual
// effect, from the same runs the comparison uses), the session of rounds, and its export as a link and as
// a tidy CSV.
import { effectOf, monthlyBand } from '../../sim/index.js';
import type { ValueKind } from '../charts/types.js';
import type { RunDigest } from '../runner/protocol.js';

export type QuestionId = 'jobs' | 'turnover';

export interface Question {
  id: QuestionId;
  /** The run's series (`group.metric`, a RunDigest key): the answer is its program − counterfactual effect. */
  series: string;
  kind: ValueKind;
}

export const QUESTIONS: readonly Question[] = [
  { id: 'jobs', series: 'economy.totalJobs', kind: 'count' },
  { id: 'turnover', series: 'participants.turnover', kind: 'rupiah' },
];
export const questionById = (id: QuestionId) => QUESTIONS.find((q) => q.id === id)!;

/** The horizon asked about ("after two years") and the months where the class places its guess. */
export const HORIZON = 24;
export const GUESS_MONTHS: readonly number[] = [6, 12, 18, 24];
/** Replicates behind the model's answer (fewer than the comparison: a class waits for it). */
export const REVEAL_REPLICATES = 5;

/** A starting range for the guess axis before anything is known (the answer may widen it). */
export function guessDomain(question: Question, businesses: number): [number, number] {
  return question.id === 'jobs' ? [-Math.round(businesses * 0.05), Math.round(businesses * 0.3)] : [-500_000, 3_000_000];
}

/** The model's answer: for months 0..HORIZON, the mean effect and its 95% interval over replicates. */
export interface Answer {
  months: number[];
  mean: number[];
  low: number[];
  high: number[];
  replicates: number;
}

/** The effect series of one run for a question (month 0, before the program, is 0). */
export function effectSeries(run: RunDigest, question: Question): number[] {
  const s = run.series[question.series];
  if (!s) throw new Error(`the run did not record ${question.series}`);
  return [0, ...effectOf(s)];
}

export function answerFrom(runs: readonly RunDigest[], question: Question): Answer {
  const effects = runs.map((r) => effectSeries(r, question));
  const months = effects[0].map((_, t) => t);
  return { months, ...monthlyBand(effects, months.length), replicates: runs.length };
}

export interface Round {
  question: QuestionId;
  /** The design's name and its scenario as run (so a shared session says what was asked about). */
  design: string;
  seed: number;
  /** The class's guess at GUESS_MONTHS. */
  guess: number[];
  answer: Answer | null;
}

export interface Session {
  rounds: Round[];
}

/**
 * A guess written exactly as the class typed it (no rounding, no abbreviation): `+21`, `-5`, `+2,5`,
 * `+Rp 1.234.567` — so what the page quotes back is what somebody said.
 */
export function guessText(x: number, kind: ValueKind, locale: 'id' | 'en'): string {
  const sign = x > 0 ? '+' : x < 0 ? '-' : '';
  const digits = new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: 10 }).format(Math.abs(x));
  return `${sign}${kind === 'rupiah' ? 'Rp ' : ''}${digits}`;
}

/** How far the guess was from the model at the horizon, in words' numbers: guess − model and whether it fell in the interval. */
export function verdict(round: Round): { difference: number; inside: boolean } | null {
  if (!round.answer) return null;
  const last = round.answer.months.length - 1;
  const g = round.guess[round.guess.length - 1];
  return { difference: g - round.answer.mean[last], inside: g >= round.answer.low[last] && g <= round.answer.high[last] };
}

/** Tidy rows: one per round × month × series (guess at its months; model mean, low, high at every month). */
export const CSV_COLUMNS = ['round', 'question', 'design', 'seed', 'replicates', 'month', 'series', 'value'] as const;

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function sessionCsv(session: Session): string {
  const lines = [CSV_COLUMNS.join(',')];
  session.rounds.forEach((r, i) => {
    const base = [i + 1, r.question, r.design, r.seed, r.answer?.replicates ?? ''];
    GUESS_MONTHS.forEach((m, k) => lines.push([...base, m, 'guess', r.guess[k]].map(csvCell).join(',')));
    if (r.answer) {
      for (const [name, values] of [['model_mean', r.answer.mean], ['model_low', r.answer.low], ['model_high', r.answer.high]] as const) {
        r.answer.months.forEach((m, t) => lines.push([...base, m, name, values[t]].map(csvCell).join(',')));
      }
    }
  });
  return lines.join('\n') + '\n';
}

const toBase64Url = (s: string) => {
  let bin = '';
  for (const b of new TextEncoder().encode(s)) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const fromBase64Url = (s: string) => new TextDecoder().decode(Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));

/** The session as a URL hash parameter (`p=…`), appended to the page's own state hash. */
export function encodeSession(session: Session): string {
  const compact = session.rounds.map((r) => ({ ...r, answer: r.answer && { ...r.answer, mean: r.answer.mean.map(round4), low: r.answer.low.map(round4), high: r.answer.high.map(round4) } }));
  return 'p=' + toBase64Url(JSON.stringify({ rounds: compact }));
}
const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

const finiteArray = (v: unknown, length?: number): v is number[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x)) && (length === undefined || v.length === length);

/** Read a session back from a hash such as `#s=…&p=…`; null when there is none or it is malformed. */
export function decodeSession(hash: string): Session | null {
  const m = /(?:^#?|&)p=([A-Za-z0-9_-]+)/.exec(hash);
  if (!m) return null;
  try {
    const raw = JSON.parse(fromBase64Url(m[1])) as { rounds?: unknown };
    if (!Array.isArray(raw.rounds)) return null;
    const rounds: Round[] = [];
    for (const r of raw.rounds.slice(0, 50) as Record<string, unknown>[]) {
      if (!r || !QUESTIONS.some((q) => q.id === r.question) || !finiteArray(r.guess, GUESS_MONTHS.length)) continue;
      const a = r.answer as Record<string, unknown> | null;
      const answer =
        a && finiteArray(a.months) && finiteArray(a.mean, a.months.length) && finiteArray(a.low, a.months.length) && finiteArray(a.high, a.months.length)
          ? { months: a.months, mean: a.mean, low: a.low, high: a.high, replicates: typeof a.replicates === 'number' ? a.replicates : 0 }
          : null;
      rounds.push({ question: r.question as QuestionId, design: String(r.design ?? '').slice(0, 60), seed: typeof r.seed === 'number' ? r.seed : 0, guess: r.guess, answer });
    }
    return { rounds };
  } catch {
    return null;
  }
}
