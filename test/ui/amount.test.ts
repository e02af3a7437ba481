// parseAmount and formatAmountInput (ui/format/amount.ts): every accepted way of typing an amount with the
// value it must give, the inputs refused and why, and round trips box text → value in both languages.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../ui/charts/types.js';
import { formatAmountInput, parseAmount, type AmountProblem } from '../../ui/format/amount.js';

const LOCALES: Locale[] = ['id', 'en'];

/** Accepted the same on both pages. */
const BOTH: [string, number][] = [
  ['1.000.000.000', 1e9],
  ['1 miliar', 1e9],
  ['1 MILIAR', 1e9],
  ['1miliar', 1e9],
  ['1 milyar', 1e9],
  ['750 juta', 750e6],
  ['750juta', 750e6],
  ['750 Juta', 750e6],
  ['Rp 750.000.000', 750e6],
  ['Rp750.000.000', 750e6],
  ['rp 750.000.000', 750e6],
  ['Rp. 750.000.000', 750e6],
  ['Rp.750.000.000', 750e6],
  ['IDR 750.000.000', 750e6],
  ['Rp 750.000.000,-', 750e6],
  ['750.000,-', 750e3],
  ['750 juta rupiah', 750e6],
  ['Rp 750 juta', 750e6],
  ['500 ribu', 500e3],
  ['500 rb', 500e3],
  ['500rb', 500e3],
  ['2 jt', 2e6],
  ['1,5 miliar', 1.5e9],
  ['1,5 juta', 1.5e6],
  ['2,25 juta', 2.25e6],
  ['0,1 miliar', 1e8],
  ['1,000,000,000', 1e9],
  ['750 million', 750e6],
  ['750 MILLION', 750e6],
  ['1.5 billion', 1.5e9],
  ['1.5bn', 1.5e9],
  ['2 thousand', 2e3],
  ['2k', 2e3],
  ['2 K', 2e3],
  ['1 triliun', 1e12],
  ['1 trilyun', 1e12],
  ['1 trillion', 1e12],
  ['1 T', 1e12],
  ['1 tn', 1e12],
  ['1000000', 1e6],
  ['  1000000  ', 1e6],
  ['0', 0],
  ['007', 7],
  ['1 000 000', 1e6],
  ['1\u00a0000\u00a0000', 1e6],
  ['1.500', 1500],
  ['1,500', 1500],
  ['1.500 juta', 1.5e9],
  ['1,5', 1.5],
  ['1.5', 1.5],
  ['0,5', 0.5],
  ['0.5', 0.5],
  [',5', 0.5],
  ['.5', 0.5],
  ['0,125', 0.125],
  ['0.500', 0.5],
  ['1234.567', 1234.567],
  ['1,1250', 1.125],
  ['1.234,5', 1234.5],
  ['1,234.5', 1234.5],
  ['1.234.567,89', 1234567.89],
  ['1,234,567.89', 1234567.89],
  ['1 234,5', 1234.5],
  ['1 miliar 500 juta', 1.5e9],
  ['2 juta 500 ribu', 2.5e6],
  ['1 miliar 250 juta 500 ribu', 1_250_500_000],
  ['+5', 5],
  ['-0', 0],
];

/** `M` is miliar in Indonesian only. */
const INDONESIAN_ONLY: [string, number][] = [
  ['1 M', 1e9],
  ['1,5 M', 1.5e9],
  ['Rp 1,5M', 1.5e9],
  ['2 m', 2e9],
];

const REFUSED: [string, AmountProblem][] = [
  ['', 'empty'],
  ['   ', 'empty'],
  ['abc', 'unreadable'],
  ['Rp', 'unreadable'],
  ['NaN', 'unreadable'],
  ['Infinity', 'unreadable'],
  ['-Infinity', 'unreadable'],
  ['1e9', 'unreadable'],
  ['--5', 'unreadable'],
  ['-Rp -5', 'unreadable'],
  ['5 apel', 'unreadable'],
  ['1 juta!', 'unreadable'],
  ['#5', 'unreadable'],
  ['1..2', 'separators'],
  ['1,,000', 'separators'],
  ['1.', 'separators'],
  ['1.2.3', 'separators'],
  ['1.000.00', 'separators'],
  ['1,000.000,5', 'separators'],
  ['1.234,567', 'separators'],
  ['1,234.567', 'separators'],
  ['1.234,5.6', 'separators'],
  ['1 5', 'separators'],
  ['12.34.567', 'separators'],
  ['juta', 'unitWithoutNumber'],
  ['1 juta juta', 'unitWithoutNumber'],
  ['Rp juta', 'unitWithoutNumber'],
  ['500 juta 1 miliar', 'unitOrder'],
  ['1 juta 1500 ribu', 'unitOrder'],
  ['1 miliar 500', 'unitOrder'],
  ['1,5 miliar 200 juta', 'unitOrder'],
  ['-5', 'negative'],
  ['-Rp 5 juta', 'negative'],
  ['Rp -5 juta', 'negative'],
  ['25%', 'unreadable'],
  ['99999999999999999999', 'tooLarge'],
  ['9.999.999 triliun', 'tooLarge'],
];

describe('parseAmount', () => {
  for (const locale of LOCALES) {
    describe(`locale ${locale}`, () => {
      it.each(BOTH)('reads %j as %d', (text, value) => {
        expect(parseAmount(text, locale)).toEqual({ ok: true, value });
      });
      it.each(REFUSED)('refuses %j (%s)', (text, reason) => {
        expect(parseAmount(text, locale)).toEqual({ ok: false, reason });
      });
    });
  }

  it.each(INDONESIAN_ONLY)('reads %j as miliar in Indonesian (%d) and refuses it as ambiguous in English', (text, value) => {
    expect(parseAmount(text, 'id')).toEqual({ ok: true, value });
    expect(parseAmount(text, 'en')).toEqual({ ok: false, reason: 'ambiguousUnit' });
  });

  it('reads a minus sign only when negatives are allowed', () => {
    const allow = { allowNegative: true };
    expect(parseAmount('-5', 'id', allow)).toEqual({ ok: true, value: -5 });
    expect(parseAmount('-Rp 1,5 juta', 'id', allow)).toEqual({ ok: true, value: -1.5e6 });
    expect(parseAmount('Rp -1,5 juta', 'id', allow)).toEqual({ ok: true, value: -1.5e6 });
    expect(parseAmount('\u22121.000', 'en', allow)).toEqual({ ok: true, value: -1000 });
    expect(parseAmount('--5', 'id', allow)).toEqual({ ok: false, reason: 'unreadable' });
    expect(Object.is((parseAmount('-0', 'id', allow) as { value: number }).value, 0)).toBe(true);
  });

  it('reads a percentage only when allowed, and not with a currency or a magnitude word', () => {
    const allow = { allowPercent: true };
    expect(parseAmount('25%', 'id', allow)).toEqual({ ok: true, value: 0.25 });
    expect(parseAmount('12,5 %', 'id', allow)).toEqual({ ok: true, value: 0.125 });
    expect(parseAmount('7.5%', 'en', allow)).toEqual({ ok: true, value: 0.075 });
    expect(parseAmount('100%', 'en', allow)).toEqual({ ok: true, value: 1 });
    expect(parseAmount('Rp 5%', 'id', allow)).toEqual({ ok: false, reason: 'unreadable' });
    expect(parseAmount('5 juta%', 'id', allow)).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('gives exact values where multiplying by a power of ten would not (0,07 juta, 1,23 juta, 0,3 miliar)', () => {
    // 0.07 * 1e6 = 70000.00000000001 and 1.23 * 1e6 = 1229999.9999999998 in floating point.
    expect(parseAmount('0,07 juta', 'id')).toEqual({ ok: true, value: 70_000 });
    expect(parseAmount('1,23 juta', 'id')).toEqual({ ok: true, value: 1_230_000 });
    expect(parseAmount('0.3 billion', 'en')).toEqual({ ok: true, value: 300_000_000 });
  });
});

describe('formatAmountInput', () => {
  const cases: [number, string, string][] = [
    [0, '0', '0'],
    [-0, '0', '0'],
    [7, '7', '7'],
    [1000, '1.000', '1,000'],
    [500_000_000, '500.000.000', '500,000,000'],
    [1e9, '1.000.000.000', '1,000,000,000'],
    [5e12, '5.000.000.000.000', '5,000,000,000,000'],
    [0.5, '0,5', '0.5'],
    [1.5, '1,5', '1.5'],
    [0.25, '0,25', '0.25'],
    [0.125, '0,125', '0.125'],
    [1.125, '1,1250', '1.1250'],
    [1234.56, '1.234,56', '1,234.56'],
    [1234.567, '1.234,57', '1,234.57'],
    [1 / 3, '0,3333', '0.3333'],
    [999.5001, '999,5001', '999.5001'],
    [999.99999, '1.000', '1,000'],
    [-2_500_000, '-2.500.000', '-2,500,000'],
    [NaN, '', ''],
    [Infinity, '', ''],
  ];
  it.each(cases)('writes %d as %j (id) and %j (en)', (value, id, en) => {
    expect(formatAmountInput(value, 'id')).toBe(id);
    expect(formatAmountInput(value, 'en')).toBe(en);
  });
});

describe('round trips: parseAmount(formatAmountInput(v)) = v', () => {
  const locale = fc.constantFrom<Locale>('id', 'en');
  const back = (v: number, loc: Locale) => parseAmount(formatAmountInput(v, loc), loc, { allowNegative: true });

  it('whole rupiah 0 … 5e12', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5e12 }), locale, (v, loc) => {
        expect(back(v, loc)).toEqual({ ok: true, value: v });
      }),
      { numRuns: 2000 },
    );
  });

  it('amounts with up to two decimals, 0 … 5e12 (cents, shares, half visits)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5e14 }), locale, (cents, loc) => {
        const v = cents / 100;
        expect(back(v, loc)).toEqual({ ok: true, value: v });
      }),
      { numRuns: 2000 },
    );
  });

  it('small amounts with up to four decimals (below 1000, where a three-digit fraction needs the padding)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), locale, (n, loc) => {
        const v = n / 10_000;
        expect(back(v, loc)).toEqual({ ok: true, value: v });
      }),
      { numRuns: 2000 },
    );
  });

  it('negative amounts when allowed', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5e12, max: -1 }), locale, (v, loc) => {
        expect(back(v, loc)).toEqual({ ok: true, value: v });
        expect(parseAmount(formatAmountInput(v, loc), loc)).toEqual({ ok: false, reason: 'negative' });
      }),
    );
  });

  it('the box text read on the other page gives the same value for whole amounts (the rules do not depend on the language)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5e12 }), (v) => {
        expect(parseAmount(formatAmountInput(v, 'id'), 'en')).toEqual({ ok: true, value: v });
        expect(parseAmount(formatAmountInput(v, 'en'), 'id')).toEqual({ ok: true, value: v });
      }),
    );
  });

  it('Indonesian words: n juta / n miliar with up to two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), fc.constantFrom(['juta', 1e6], ['miliar', 1e9], ['million', 1e6], ['billion', 1e9]), locale, (n, [word, size], loc) => {
        const typed = `${formatAmountInput(n / 100, loc)} ${word}`;
        expect(parseAmount(typed, loc)).toEqual({ ok: true, value: Number(`${n}e${Math.log10(size) - 2}`) });
      }),
    );
  });
});
