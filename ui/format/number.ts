// Numbers, shares and counts per UI locale. `id` uses Indonesian separators (1.234,5), `en` English.
import type { Locale } from '../charts/types.js';

export const NOT_AVAILABLE = '–';

export const intlLocale = (locale: Locale) => (locale === 'id' ? 'id-ID' : 'en-GB');

const isNumber = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** Normalise Intl's non-breaking spaces to plain spaces so strings compare and copy predictably. */
export const plainSpaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

export function formatNumber(x: number | null | undefined, locale: Locale, decimals = 0, sign = false): string {
  if (!isNumber(x)) return NOT_AVAILABLE;
  const body = new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(Math.abs(x));
  const rounded = Number(Math.abs(x).toFixed(decimals));
  const prefix = x < 0 && rounded !== 0 ? '-' : sign && rounded !== 0 ? '+' : '';
  return plainSpaces(prefix + body);
}

/** A count (businesses, jobs): whole numbers, one decimal below 10 when not whole. */
export function formatCount(x: number | null | undefined, locale: Locale, sign = false): string {
  if (!isNumber(x)) return NOT_AVAILABLE;
  const decimals = Math.abs(x) < 10 && !Number.isInteger(x) ? 1 : 0;
  return formatNumber(x, locale, decimals, sign);
}

/** A share in 0..1 as a percentage: 0.125 → `12,5%` (id) or `12.5%` (en). */
export function formatShare(x: number | null | undefined, locale: Locale, decimals = 1, sign = false): string {
  if (!isNumber(x)) return NOT_AVAILABLE;
  return formatNumber(x * 100, locale, decimals, sign) + '%';
}

/** A ratio (multiplier, LM3): two decimals. */
export function formatRatio(x: number | null | undefined, locale: Locale): string {
  return formatNumber(x, locale, 2);
}
