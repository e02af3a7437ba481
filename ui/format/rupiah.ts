// Rupiah, written explicitly rather than with Intl's compact notation (browsers disagree on it):
// full `Rp 6.300.000` (id-ID, IDR, no decimals) and compact `Rp 6,3 juta`, `Rp 1,2 miliar`, `Rp 3 triliun`.
import type { Locale } from '../charts/types.js';
import { NOT_AVAILABLE, formatNumber } from './number.js';

interface Unit {
  size: number;
  id: string;
  en: string;
}

const UNITS: readonly Unit[] = [
  { size: 1, id: '', en: '' },
  { size: 1e3, id: 'ribu', en: 'thousand' },
  { size: 1e6, id: 'juta', en: 'million' },
  { size: 1e9, id: 'miliar', en: 'billion' },
  { size: 1e12, id: 'triliun', en: 'trillion' },
];

const isNumber = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** `Rp 6.300.000` (id) or `Rp 6,300,000` (en); negative `-Rp 950.000`; with `sign`, `+Rp 1.000`. */
export function formatRupiah(x: number | null | undefined, locale: Locale = 'id', sign = false): string {
  if (!isNumber(x)) return NOT_AVAILABLE;
  const rounded = Math.round(x);
  const prefix = rounded < 0 ? '-' : sign && rounded > 0 ? '+' : '';
  return `${prefix}Rp ${formatNumber(Math.abs(rounded), locale, 0)}`;
}

/**
 * Compact: the largest unit the amount reaches, one decimal below 100 of that unit (a trailing `,0`
 * dropped), moved up a unit when rounding would print 1000 of the smaller one.
 */
export function formatRupiahCompact(x: number | null | undefined, locale: Locale = 'id', sign = false): string {
  if (!isNumber(x)) return NOT_AVAILABLE;
  const abs = Math.abs(x);
  let i = 0;
  while (i + 1 < UNITS.length && abs >= UNITS[i + 1].size) i++;
  const decimalsAt = (k: number, v: number) => (k === 0 || v >= 100 ? 0 : 1);
  let scaled = abs / UNITS[i].size;
  if (i + 1 < UNITS.length && Number(scaled.toFixed(decimalsAt(i, scaled))) >= 1000) {
    i++;
    scaled = abs / UNITS[i].size;
  }
  const decimals = decimalsAt(i, scaled);
  let body = formatNumber(scaled, locale, decimals);
  if (decimals > 0) body = body.replace(/[.,]0$/, '');
  if (body === '0' || (x !== 0 && Number(scaled.toFixed(decimals)) === 0)) return 'Rp 0';
  const unit = UNITS[i][locale];
  const prefix = x < 0 ? '-' : sign ? '+' : '';
  return `${prefix}Rp ${body}${unit ? ' ' + unit : ''}`;
}
