// Plain numbers for people: grouped thousands, fixed decimals, an explicit sign for effects and "n/a"
// for what is not defined (null, NaN, infinite).

export const NOT_AVAILABLE = 'n/a';

export interface NumberStyle {
  /** Prefix positive values with "+" (for effects and differences). */
  sign?: boolean;
}

const formatters = new Map<number, Intl.NumberFormat>();
function formatter(decimals: number): Intl.NumberFormat {
  let f = formatters.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true });
    formatters.set(decimals, f);
  }
  return f;
}

export const isNumber = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** `1,234.5`, `-0.8`, `+15.6`; a value that rounds to zero is shown unsigned (never `-0.0`). */
export function reportNumber(x: number | null | undefined, decimals = 1, style: NumberStyle = {}): string {
  if (!isNumber(x)) return NOT_AVAILABLE;
  const rounded = Number(x.toFixed(decimals));
  if (rounded === 0) return formatter(decimals).format(0);
  const body = formatter(decimals).format(Math.abs(x));
  return (x < 0 ? '-' : style.sign ? '+' : '') + body;
}

/** A share in 0..1 as a percentage: 0.264 → `26.4%`. */
export function formatPercent(share: number | null | undefined, decimals = 1, style: NumberStyle = {}): string {
  if (!isNumber(share)) return NOT_AVAILABLE;
  return reportNumber(share * 100, decimals, style) + '%';
}

/** A difference of two shares in percentage points: 0.099 → `+9.9 pp`. */
export function formatPoints(shareDifference: number | null | undefined, decimals = 1): string {
  if (!isNumber(shareDifference)) return NOT_AVAILABLE;
  return reportNumber(shareDifference * 100, decimals, { sign: true }) + ' pp';
}
