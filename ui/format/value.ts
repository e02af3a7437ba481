// One value of a chart's kind, formatted for the UI locale: rupiah compact, share as %, count, ratio.
import type { Locale, ValueKind } from '../charts/types.js';
import { formatCount, formatNumber, formatRatio, formatShare } from './number.js';
import { formatRupiahCompact } from './rupiah.js';

export function formatValue(x: number | null | undefined, kind: ValueKind, locale: Locale, sign = false): string {
  switch (kind) {
    case 'rupiah':
      return formatRupiahCompact(x, locale, sign);
    case 'share':
      return formatShare(x, locale, 1, sign);
    case 'percent':
      return formatNumber(x, locale, 1, sign) + (typeof x === 'number' && Number.isFinite(x) ? '%' : '');
    case 'count':
      return formatCount(x, locale, sign);
    case 'ratio':
      return formatRatio(x, locale);
  }
}
