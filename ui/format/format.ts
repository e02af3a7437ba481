// Values as the charts show them, per ValueKind and Locale. Written by hand rather than with Intl's
// compact notation, which browsers disagree on: `Rp 6,3 juta` (id), `Rp 6.3 million` (en), `26,4%`.
// Negative numbers use an ASCII hyphen, as the CLI does, so figures can be compared as text.
import type { Locale, ValueKind } from '../charts/types.js';
import { rupiahUnit } from '../../sim/units/rupiah.js';

export { RUPIAH_UNITS, rupiahUnit, type RupiahUnit } from '../../sim/units/rupiah.js';

/** What a missing value (null, NaN, infinite) is shown as in charts and tables. */
export const MISSING = '—';

export interface FormatOptions {
  /** Rupiah in juta / miliar / triliun (default true); false writes every digit: `Rp 6.300.000`. */
  compact?: boolean;
  /** Prefix positive values with "+" (effects and differences). */
  sign?: boolean;
  /** Shown for null, NaN and infinities (default "—"). */
  missing?: string;
}

interface Separators {
  group: string;
  decimal: string;
}

const SEPARATORS: Record<Locale, Separators> = {
  id: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

export const isFiniteNumber = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** `1.234,5` (id) or `1,234.5` (en); a value that rounds to zero is shown unsigned (never `-0,0`). */
export function formatNumber(x: number, decimals: number, locale: Locale, sign = false): string {
  const { group, decimal } = SEPARATORS[locale];
  const fixed = Math.abs(x).toFixed(decimals);
  const [whole, fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const body = fraction === undefined ? grouped : grouped + decimal + fraction;
  if (Number(fixed) === 0) return body;
  return (x < 0 ? '-' : sign ? '+' : '') + body;
}

/** Drop a fraction made only of zeros: `6,0` → `6`, keeping `6,3`. */
const trimZeroFraction = (s: string, locale: Locale) =>
  s.replace(new RegExp(`\\${SEPARATORS[locale].decimal}0+$`), '');

/** `Rp 6,3 juta` / `Rp 6.3 million`, `-Rp 950 ribu`, `Rp 0`; with compact false, `Rp 6.300.000`. */
export function formatRupiah(x: number | null | undefined, locale: Locale, options: FormatOptions = {}): string {
  if (!isFiniteNumber(x)) return options.missing ?? MISSING;
  const abs = Math.abs(x);
  if (abs < 0.005) return 'Rp 0';
  const sign = x < 0 ? '-' : options.sign ? '+' : '';
  // Sub-rupiah amounts (a mean of ledger roundings) keep two decimals rather than print Rp 0.
  if (abs < 1) return `${sign}Rp ${formatNumber(abs, 2, locale)}`;
  if (options.compact === false) return `${sign}Rp ${formatNumber(abs, 0, locale)}`;
  const unit = rupiahUnit(abs);
  if (unit.size === 1) return `${sign}Rp ${formatNumber(abs, 0, locale)}`;
  const scaled = abs / unit.size;
  const body = trimZeroFraction(formatNumber(scaled, Number(scaled.toFixed(1)) < 100 ? 1 : 0, locale), locale);
  return `${sign}Rp ${body} ${unit[locale]}`;
}

/** A share in 0..1 as a percentage: 0.264 → `26,4%` (id) / `26.4%` (en). */
export function formatShare(share: number | null | undefined, locale: Locale, decimals = 1, options: FormatOptions = {}): string {
  if (!isFiniteNumber(share)) return options.missing ?? MISSING;
  return formatNumber(share * 100, decimals, locale, options.sign) + '%';
}

/** A number already in percent: 12.5 → `12,5%`. */
export function formatPercent(percent: number | null | undefined, locale: Locale, decimals = 1, options: FormatOptions = {}): string {
  if (!isFiniteNumber(percent)) return options.missing ?? MISSING;
  return formatNumber(percent, decimals, locale, options.sign) + '%';
}

/** A difference of two shares in percentage points, always signed: 0.099 → `+9,9 poin` / `+9.9 pp`. */
export function formatPoints(shareDifference: number | null | undefined, locale: Locale, decimals = 1, options: FormatOptions = {}): string {
  if (!isFiniteNumber(shareDifference)) return options.missing ?? MISSING;
  return formatNumber(shareDifference * 100, decimals, locale, true) + (locale === 'id' ? ' poin' : ' pp');
}

/** People, businesses, jobs: whole numbers from 100 up, one decimal below (means over replicates). */
export function formatCount(x: number | null | undefined, locale: Locale, options: FormatOptions = {}): string {
  if (!isFiniteNumber(x)) return options.missing ?? MISSING;
  return formatNumber(x, Math.abs(x) >= 100 || Number.isInteger(x) ? 0 : 1, locale, options.sign);
}

/** Multipliers, LM3 and other ratios: two decimals, `1,45`. */
export function formatRatio(x: number | null | undefined, locale: Locale, options: FormatOptions = {}): string {
  if (!isFiniteNumber(x)) return options.missing ?? MISSING;
  return formatNumber(x, 2, locale, options.sign);
}

/** One value of a chart in its kind, for labels, tables and summaries. */
export function formatValue(x: number | null | undefined, kind: ValueKind, locale: Locale, options: FormatOptions = {}): string {
  switch (kind) {
    case 'rupiah':
      return formatRupiah(x, locale, options);
    case 'share':
      return formatShare(x, locale, 1, options);
    case 'percent':
      return formatPercent(x, locale, 1, options);
    case 'count':
      return formatCount(x, locale, options);
    case 'ratio':
      return formatRatio(x, locale, options);
  }
}

/** A 95% interval as text: `Rp 5,1 juta – Rp 7,4 juta`; "—" when either end is missing. */
export function formatInterval(low: number | null | undefined, high: number | null | undefined, kind: ValueKind, locale: Locale): string {
  if (!isFiniteNumber(low) || !isFiniteNumber(high)) return MISSING;
  return `${formatValue(low, kind, locale)} – ${formatValue(high, kind, locale)}`;
}

/** The fewest decimals (at most `max`) that write every tick exactly once divided by `unitSize`. */
function decimalsForTicks(ticks: readonly number[], unitSize: number, max = 3): number {
  for (let d = 0; d < max; d++) {
    const f = 10 ** d;
    if (ticks.every((t) => Math.abs((t / unitSize) * f - Math.round((t / unitSize) * f)) < 1e-6)) return d;
  }
  return max;
}

/**
 * A formatter for one axis's ticks: every tick in the same unit and with the same decimals, so the
 * labels line up (`Rp 0`, `Rp 2,5 juta`, `Rp 5,0 juta`); `ticks` are the values the axis will show.
 */
export function tickFormatter(kind: ValueKind, locale: Locale, ticks: readonly number[]): (value: number) => string {
  const finite = ticks.filter(Number.isFinite);
  const maxAbs = Math.max(0, ...finite.map(Math.abs));
  switch (kind) {
    case 'rupiah': {
      const unit = rupiahUnit(maxAbs, 1);
      const decimals = unit.size === 1 ? 0 : decimalsForTicks(finite, unit.size, 2);
      return (v) => {
        if (Number(v.toFixed(6)) === 0) return 'Rp 0';
        const body = formatNumber(Math.abs(v) / unit.size, decimals, locale);
        return `${v < 0 ? '-' : ''}Rp ${body}${unit.size === 1 ? '' : ' ' + unit[locale]}`;
      };
    }
    case 'share': {
      const decimals = decimalsForTicks(finite, 0.01, 2);
      return (v) => formatNumber(v * 100, decimals, locale) + '%';
    }
    case 'percent': {
      const decimals = decimalsForTicks(finite, 1, 2);
      return (v) => formatNumber(v, decimals, locale) + '%';
    }
    case 'count':
    case 'ratio': {
      const decimals = decimalsForTicks(finite, 1, 3);
      return (v) => formatNumber(v, decimals, locale);
    }
  }
}
