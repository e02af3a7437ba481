// A chart's data as CSV: the tidy columns of the CLI's run CSV plus the design (and the region, when the
// rows name one), written as RFC 4180 with LF line ends like the CLI (a field is quoted only when it
// holds a comma, quote, CR or LF; quotes doubled). Numbers at full precision (the shortest text that reads back to the same double); null,
// NaN and infinities become empty fields.
import type { TidyRow } from './types.js';

export const TIDY_HEADER = ['design', 'scenario', 'seed', 'month', 'arm', 'group', 'metric', 'value'] as const;
/** The header when the rows name their region: it follows the scenario. */
export const TIDY_HEADER_WITH_REGION = ['design', 'scenario', 'region', 'seed', 'month', 'arm', 'group', 'metric', 'value'] as const;

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The CSV text of tidy rows, header first, one LF-terminated line per row. */
export function tidyCsv(rows: readonly TidyRow[]): string {
  const header = rows.some((r) => r.region !== undefined) ? TIDY_HEADER_WITH_REGION : TIDY_HEADER;
  const lines = [header.join(',')];
  for (const r of rows) lines.push(header.map((column) => csvField(r[column])).join(','));
  return lines.join('\n') + '\n';
}
