// The rupiah's magnitude units — ribu, juta, miliar, triliun — and which one an amount is shown in. One
// table for the command line's reports (Indonesian names, and short ones for narrow cells) and the web
// app (Indonesian or English names): both format through it, so an amount never changes unit between them.

export interface RupiahUnit {
  size: number;
  /** Indonesian name (`juta`), as reports and the Indonesian page print it. */
  id: string;
  /** English name (`million`). */
  en: string;
  /**
   * Short English form for the command line's narrow table cells (`m`): never a bare `M`, which an English
   * reader takes for million while Indonesian uses it for miliar.
   */
  short: string;
}

export const RUPIAH_UNITS: readonly RupiahUnit[] = [
  { size: 1, id: '', en: '', short: '' },
  { size: 1e3, id: 'ribu', en: 'thousand', short: 'k' },
  { size: 1e6, id: 'juta', en: 'million', short: 'm' },
  { size: 1e9, id: 'miliar', en: 'billion', short: 'bn' },
  { size: 1e12, id: 'triliun', en: 'trillion', short: 'tn' },
];

/**
 * The unit to show a magnitude in: the largest unit it reaches, moved up one when rounding to `decimals`
 * would print 1000 of the smaller unit (999,960 → `1 juta`, not `1000 ribu`).
 */
export function rupiahUnit(magnitude: number, decimals = 1): RupiahUnit {
  const abs = Math.abs(magnitude);
  let i = 0;
  while (i + 1 < RUPIAH_UNITS.length && abs >= RUPIAH_UNITS[i + 1].size) i++;
  const digits = i === 0 ? 0 : decimals;
  if (i + 1 < RUPIAH_UNITS.length && Number((abs / RUPIAH_UNITS[i].size).toFixed(digits)) >= 1000) i++;
  return RUPIAH_UNITS[i];
}
