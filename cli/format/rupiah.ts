// Rupiah in compact Indonesian units: `Rp 6.3 juta`, `Rp 1.2 miliar`, `-Rp 950 ribu`, `Rp 0`.
// The units (sim/units/rupiah.ts): Indonesian names for reports, short English ones (k, m, bn, tn) for narrow cells.
import { rupiahUnit, type RupiahUnit } from '../../sim/units/rupiah.js';
import { NOT_AVAILABLE, reportNumber, isNumber, type NumberStyle } from './number.js';

export { RUPIAH_UNITS, rupiahUnit, type RupiahUnit } from '../../sim/units/rupiah.js';

/** Decimals shown for a value already scaled to its unit: one below 100, none from 100 up. */
export const decimalsFor = (scaledMagnitude: number, small = 1) => (scaledMagnitude < 100 ? small : 0);

/** Strip a trailing `.0`: `6.0` → `6`, keeping `6.3`. */
const trimZeroDecimal = (s: string) => s.replace(/\.0+$/, '');

/** `Rp 6.3 juta`; with `sign`, `+Rp 296 ribu`; amounts below Rp 1 (ledger rounding) keep two significant digits. */
export function reportRupiah(x: number | null | undefined, style: NumberStyle = {}): string {
  if (!isNumber(x)) return NOT_AVAILABLE;
  if (x === 0) return 'Rp 0';
  const abs = Math.abs(x);
  const sign = x < 0 ? '-' : style.sign ? '+' : '';
  if (abs < 1) return `${sign}Rp ${Number(abs.toPrecision(2))}`;
  const unit = rupiahUnit(abs);
  const body = unit.size === 1 ? reportNumber(abs, 0) : trimZeroDecimal(reportNumber(abs / unit.size, 1)) + ' ' + unit.id;
  return `${sign}Rp ${body}`;
}

/** A number already divided by `unit.size`, for cells that share one unit: `53.8`, `-0.9`, `+296`. */
export function formatScaled(x: number, unit: RupiahUnit, decimals: number, style: NumberStyle = {}): string {
  return reportNumber(x / unit.size, unit.size === 1 ? 0 : decimals, style);
}
