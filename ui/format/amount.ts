// Amounts as people type them into a lever's box, and the box's own way of writing them. Pure (no DOM).
//
// Accepted (case-insensitive, spaces optional between the parts):
//   digits with group separators: `1.000.000.000`, `1,000,000,000`, `1 000 000`; plain `1000000`
//   a decimal mark: `1,5`, `1.5`, `,5`; both together: `1.234,5` / `1,234.5`; an Indonesian `750.000,-`
//   a magnitude word after the number: ribu / thousand, juta / million, miliar (milyar) / billion,
//     triliun (trilyun) / trillion, in either language whatever the page's language, since none of these
//     words means anything else in the other one
//   compound Indonesian amounts, each part with its word, larger first: `1 miliar 500 juta`, `2 juta 500 ribu`
//   a currency in front (`Rp`, `Rp.`, `IDR`, with or without a space) or `rupiah` after; a sign with
//     `allowNegative`; a `%` after the number with `allowPercent` (the value is divided by 100)
//
// Abbreviations (chosen because each means one thing):
//   `rb`, `k` = ribu / thousand; `jt`, `mln` = juta / million; `bn`, `b` = billion; `t`, `tn` = triliun /
//   trillion (the same 10^12 in both languages).
//   `M` is not the same amount in the two languages: Indonesian writes `Rp 1,5 M` for 1,5 miliar (10^9)
//   while English reads `$1.5M` as 1.5 million (10^6). In Indonesian it is taken as miliar, as Indonesian
//   prices and budgets use it; on the English page it is refused as `ambiguousUnit` (a 1000-fold mistake is
//   worse than asking the user to write the word). The CLI's reports never print a bare `M` for the same
//   reason (sim/units/rupiah.ts).
//
// Which mark is the decimal mark does not depend on the language, so a number copied from either kind
// of document reads the same on both pages:
//   - a space only ever groups thousands;
//   - one `.` or `,` followed by exactly three digits, after a first group of 1–3 digits that does not start
//     with 0, groups thousands (`1.500` = `1,500` = 1500); otherwise it is the decimal mark (`1,5`, `1.5`,
//     `0.125`, `1234.567`);
//   - two or more of the same mark all group thousands (`1.000.000`), and every group after the first has
//     exactly three digits;
//   - different marks: the last one is the decimal mark when 1–2 digits follow it and the earlier ones
//     are all the other mark, grouping correctly (`1.234,5`, `1,234.56`); with three digits after it
//     (`1.234,567`) it could as well be a mistyped group separator, so it is refused.
// Anything else is refused with a reason rather than guessed at: `1..2`, `--5`, `abc`, `1 juta juta`,
// `NaN`, `Infinity`, `1e9`, an empty box, a negative amount unless allowed, and amounts beyond
// Number.MAX_SAFE_INTEGER (they would no longer be exact).
import type { Locale } from '../charts/types.js';
import { formatNumber } from './format.js';

export type AmountProblem =
  /** Nothing but spaces. */
  | 'empty'
  /** Characters or words that are not part of an amount. */
  | 'unreadable'
  /** Separators that do not group thousands nor mark decimals unambiguously (`1..2`, `1.234,567`). */
  | 'separators'
  /** A magnitude word with no number before it, or repeated (`juta`, `1 juta juta`). */
  | 'unitWithoutNumber'
  /** Parts of a compound amount not in decreasing order, or a part as large as the one before it. */
  | 'unitOrder'
  /** `M` on the English page: million or miliar. */
  | 'ambiguousUnit'
  /** A minus sign where negative amounts are not allowed. */
  | 'negative'
  /** Beyond Number.MAX_SAFE_INTEGER. */
  | 'tooLarge';

export type AmountResult = { ok: true; value: number } | { ok: false; reason: AmountProblem };

export interface AmountOptions {
  /** Accept a leading minus sign (default false: `-5` is refused as `negative`). */
  allowNegative?: boolean;
  /** Accept a trailing `%`, dividing by 100 (`25%` = 0.25); default false. */
  allowPercent?: boolean;
}

/** Powers of ten of each magnitude word, as typed (already lower case). */
const UNITS: Record<string, number> = {
  ribu: 3, rb: 3, thousand: 3, k: 3,
  juta: 6, jt: 6, million: 6, mln: 6,
  miliar: 9, milyar: 9, billion: 9, bn: 9, b: 9,
  triliun: 12, trilyun: 12, trillion: 12, tn: 12, t: 12,
};

/** `m` / `M`: miliar on the Indonesian page, refused on the English one (see the header). */
const M_BY_LOCALE: Record<Locale, number | null> = { id: 9, en: null };

const CURRENCY_WORDS = new Set(['rp', 'rupiah', 'idr']);

const fail = (reason: AmountProblem): AmountResult => ({ ok: false, reason });

/** A number part as its digits and how many of them are decimals, or why it cannot be read. */
type Digits = { digits: string; decimals: number } | { problem: AmountProblem };

/** Groups of thousands: the first 1–3 digits not starting with 0 (or a lone 0), then exactly three each. */
function validGroups(groups: readonly string[]): boolean {
  return /^(?:[1-9]\d{0,2}|0)$/.test(groups[0]) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

/** The digits of `1.234,5`, `1 000`, `,5` etc. by the rules in the header. */
function readNumber(text: string): Digits {
  const marks = [...text.matchAll(/[., ]/g)].map((m) => m[0]);
  const groups = text.split(/[., ]/);
  if (marks.length === 0) return { digits: text, decimals: 0 };
  if (groups.some((g, i) => g === '' && i > 0)) return { problem: 'separators' }; // `1..2`, `1.`
  if (groups[0] === '') {
    // `,5` / `.5`: with nothing before it, a lone mark can only be the decimal mark.
    return marks.length === 1 && marks[0] !== ' ' ? { digits: '0' + groups[1], decimals: groups[1].length } : { problem: 'separators' };
  }
  const last = marks[marks.length - 1];
  if (marks.every((m) => m === last)) {
    if (last === ' ' || marks.length > 1) return validGroups(groups) ? { digits: groups.join(''), decimals: 0 } : { problem: 'separators' };
    const [whole, fraction] = groups;
    if (fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole)) return { digits: whole + fraction, decimals: 0 };
    return { digits: whole + fraction, decimals: fraction.length };
  }
  // Different marks: the last is the decimal mark, the earlier ones all one other mark that groups.
  const groupMarks = marks.slice(0, -1);
  if (last === ' ' || groupMarks.some((m) => m !== groupMarks[0] || m === last)) return { problem: 'separators' };
  const fraction = groups[groups.length - 1];
  if (fraction.length > 2 || !validGroups(groups.slice(0, -1))) return { problem: 'separators' };
  return { digits: groups.join(''), decimals: fraction.length };
}

/** One part of an amount: a number, a magnitude word, or both (`750`, `750 juta`, `juta`). */
interface Term {
  number?: string;
  word?: string;
}

// A number (digits and marks; a space only between digits), then an optional word, spaces around.
const TERM = /\s*([.,]?\d(?:[\d.,]|\s(?=\d))*)?\s*([a-z]+)?\s*/y;

function terms(body: string): Term[] | null {
  const out: Term[] = [];
  TERM.lastIndex = 0;
  while (TERM.lastIndex < body.length) {
    const start = TERM.lastIndex;
    const m = TERM.exec(body);
    if (!m || (m[1] === undefined && m[2] === undefined) || TERM.lastIndex === start) return null;
    out.push({ number: m[1], word: m[2] });
  }
  return out;
}

/**
 * Read a typed amount: `{ ok: true, value }`, or `{ ok: false, reason }` when it is not an amount or could
 * be read more than one way. `locale` only decides what `M` means (see the header).
 */
export function parseAmount(text: string, locale: Locale, options: AmountOptions = {}): AmountResult {
  let s = text
    .normalize('NFKC') // no-break and thin spaces become spaces, full-width digits ASCII
    .replace(/[\u2212\u2012\u2013]/g, '-') // a typographic minus or dash
    .toLowerCase()
    .trim();
  if (s === '') return fail('empty');

  // A sign before or after the currency, once: `-Rp 5 juta`, `Rp -5 juta`, `-5`.
  let negative = false;
  let signed = false;
  const readSign = () => {
    const m = /^([+-])\s*/.exec(s);
    if (!m) return;
    negative = m[1] === '-';
    signed = true;
    s = s.slice(m[0].length);
  };
  readSign();
  const currency = /^(?:rp\.?|idr)\s*/.exec(s);
  if (currency) {
    s = s.slice(currency[0].length);
    if (!signed) readSign();
  }
  if (/^[+-]/.test(s)) return fail('unreadable'); // `--5`, `-Rp -5`
  let percent = false;
  if (s.endsWith('%')) {
    if (!options.allowPercent || currency) return fail('unreadable');
    percent = true;
    s = s.slice(0, -1).trimEnd();
  }
  s = s.replace(/(\d)[.,]-$/, '$1'); // `Rp 750.000,-`

  const parts = terms(s);
  if (!parts || parts.length === 0) return fail('unreadable');
  if (parts.length > 1 && !parts[parts.length - 1].number && CURRENCY_WORDS.has(parts[parts.length - 1].word ?? '') && !percent) parts.pop(); // `750 juta rupiah`

  // Each part as a decimal string `digits e exponent`, its power of ten checked against the one before.
  let value = 0;
  let previousPower = Infinity;
  for (const [i, part] of parts.entries()) {
    let power = 0;
    if (part.word !== undefined) {
      const known = part.word === 'm' ? M_BY_LOCALE[locale] : UNITS[part.word];
      if (part.word === 'm' && known === null) return fail('ambiguousUnit');
      if (known === undefined || known === null) return fail('unreadable');
      if (part.number === undefined) return fail('unitWithoutNumber');
      if (percent) return fail('unreadable');
      power = known;
    } else if (parts.length > 1) {
      // In `1 miliar 500` the 500 could be meant as juta: every part of a compound amount needs its word.
      return fail(i === 0 ? 'unreadable' : 'unitOrder');
    }
    const read = readNumber(part.number!);
    if ('problem' in read) return fail(read.problem);
    if (parts.length > 1 && read.decimals > 0) return fail('unitOrder'); // `1,5 miliar 200 juta`
    const exponent = power - read.decimals - (percent ? 2 : 0);
    const term = Number(`${read.digits}e${exponent}`); // correctly rounded, unlike digits × 10^power
    if (power >= previousPower || term >= 10 ** previousPower) return fail('unitOrder');
    previousPower = power;
    value += term;
  }
  if (!Number.isFinite(value) || value > Number.MAX_SAFE_INTEGER) return fail('tooLarge');
  if (negative && value !== 0) {
    if (!options.allowNegative) return fail('negative');
    return { ok: true, value: -value };
  }
  return { ok: true, value };
}

/**
 * A value as the box shows it: every digit grouped in the locale's way (`1.000.000.000` / `1,000,000,000`),
 * with the locale's decimal mark and as few decimals as the value needs, up to `maxDecimals` (at most 2
 * from 1000 up, where a third would read as a group). `parseAmount` reads it back to the same value: a
 * fraction of exactly three digits after a whole part of 1–999 gets a fourth (`1,1250`), as `1,125` would
 * read as 1125.
 */
export function formatAmountInput(value: number, locale: Locale, maxDecimals = 4): string {
  if (!Number.isFinite(value)) return '';
  const abs = Math.abs(value);
  let decimals = 0;
  while (decimals < maxDecimals && Number(abs.toFixed(decimals)) !== abs) decimals++;
  if (Math.trunc(Number(abs.toFixed(decimals))) >= 1000) decimals = Math.min(decimals, 2);
  while (decimals > 0 && abs.toFixed(decimals).endsWith('0')) decimals--; // 999,99999 → 1.000, not 1.000,00
  const whole = Math.trunc(Number(abs.toFixed(decimals)));
  if (decimals === 3 && whole >= 1 && whole <= 999) decimals = 4;
  const body = formatNumber(abs, decimals, locale);
  return value < 0 && Number(abs.toFixed(decimals)) !== 0 ? '-' + body : body;
}
