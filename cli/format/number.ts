// Plain numbers for people: grouped thousands, fixed decimals, an explicit sign for effects and "n/a"
// for what is not defined (null, NaN, infinite).

export const NOT_AVAILABLE = 'n/a';

export interface NumberStyle {
  /** Prefix positive values with "+" (for effects and differences). */
  sign?: boolean;
}

/**
 * A non-negative number with exactly `decimals` decimals and comma-grouped thousands: the same string as
 * Intl's en-US format, which rounds the number's shortest decimal form half up (1.005 → 1.01, where
 * toFixed gives 1.00). Written by hand because the first Intl.NumberFormat of a process costs about 40 ms
 * of ICU start-up, a twentieth of a whole `run`; numbers written with an exponent still go to Intl.
 */
export function groupedFixed(x: number, decimals: number): string {
  const shortest = String(x);
  if (shortest.includes('e')) return new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(x);
  const dot = shortest.indexOf('.');
  const whole = dot < 0 ? shortest : shortest.slice(0, dot);
  const fraction = dot < 0 ? '' : shortest.slice(dot + 1);
  // The kept digits as one string, rounded half up on the first dropped digit (with carries).
  let digits = whole + fraction.slice(0, decimals).padEnd(decimals, '0');
  if (fraction.length > decimals && fraction[decimals] >= '5') {
    const d = digits.split('');
    let i = d.length - 1;
    while (i >= 0 && d[i] === '9') d[i--] = '0';
    if (i >= 0) d[i] = String(Number(d[i]) + 1);
    else d.unshift('1');
    digits = d.join('');
  }
  const intPart = digits.slice(0, digits.length - decimals);
  let out = '';
  for (let i = 0; i < intPart.length; i++) {
    if (i > 0 && (intPart.length - i) % 3 === 0) out += ',';
    out += intPart[i];
  }
  return decimals > 0 ? `${out}.${digits.slice(digits.length - decimals)}` : out;
}

export const isNumber = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** `1,234.5`, `-0.8`, `+15.6`; a value that rounds to zero is shown unsigned (never `-0.0`). */
export function reportNumber(x: number | null | undefined, decimals = 1, style: NumberStyle = {}): string {
  if (!isNumber(x)) return NOT_AVAILABLE;
  const rounded = Number(x.toFixed(decimals));
  if (rounded === 0) return groupedFixed(0, decimals);
  const body = groupedFixed(Math.abs(x), decimals);
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
