// Rupiah in compact Indonesian units: `Rp 6.3 juta`, `Rp 1.2 miliar`, `-Rp 950 ribu`, `Rp 0`.
// The long unit names are for reports; the short ones (rb, jt, M, T) for narrow table cells.
import { NOT_AVAILABLE, formatNumber, isNumber, type NumberStyle } from './number.js';

export interface RupiahUnit {
  size: number;
  long: string;
  short: string;
}

export const RUPIAH_UNITS: readonly RupiahUnit[] = [
  { size: 1, long: '', short: '' },
  { size: 1e3, long: 'ribu', short: 'rb' },
  { size: 1e6, long: 'juta', short: 'jt' },
  { size: 1e9, long: 'miliar', short: 'M' },
  { size: 1e12, long: 'triliun', short: 'T' },
];

/** Decimals shown for a value already scaled to its unit: one below 100, none from 100 up. */
export const decimalsFor = (scaledMagnitude: number, small = 1) => (scaledMagnitude < 100 ? small : 0);

/**
 * The unit to show a magnitude in: the largest unit it reaches, moved up one when rounding would
 * print 1000 of the smaller unit (999,960 → `1 juta`, not `1000 ribu`).
 */
export function rupiahUnit(magnitude: number, decimals = 1): RupiahUnit {
  const abs = Math.abs(magnitude);
  let i = 0;
  while (i + 1 < RUPIAH_UNITS.length && abs >= RUPIAH_UNITS[i + 1].size) i++;
  const digits = i === 0 ? 0 : decimals;
  if (i + 1 < RUPIAH_UNITS.length && Number((abs / RUPIAH_UNITS[i].size).toFixed(digits)) >= 1000) i++;
  return RUPIAH_UNITS[i];
}

/** Strip a trailing `.0`: `6.0` → `6`, keeping `6.3`. */
const trimZeroDecimal = (s: string) => s.replace(/\.0+$/, '');

/** `Rp 6.3 juta`; with `sign`, `+Rp 296 ribu`; amounts below Rp 1 (ledger rounding) keep two significant digits. */
export function formatRupiah(x: number | null | undefined, style: NumberStyle = {}): string {
  if (!isNumber(x)) return NOT_AVAILABLE;
  if (x === 0) return 'Rp 0';
  const abs = Math.abs(x);
  const sign = x < 0 ? '-' : style.sign ? '+' : '';
  if (abs < 1) return `${sign}Rp ${Number(abs.toPrecision(2))}`;
  const unit = rupiahUnit(abs);
  const body = unit.size === 1 ? formatNumber(abs, 0) : trimZeroDecimal(formatNumber(abs / unit.size, 1)) + ' ' + unit.long;
  return `${sign}Rp ${body}`;
}

/** A number already divided by `unit.size`, for cells that share one unit: `53.8`, `-0.9`, `+296`. */
export function formatScaled(x: number, unit: RupiahUnit, decimals: number, style: NumberStyle = {}): string {
  return formatNumber(x / unit.size, unit.size === 1 ? 0 : decimals, style);
}
