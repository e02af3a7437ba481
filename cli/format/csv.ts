// CSV as RFC 4180 writes it, with LF line ends: a field is quoted only when it holds a comma, a double
// quote, CR or LF, and quotes inside are doubled. Numbers keep full precision (the shortest text that
// reads back to the same double); NaN, infinities and null become empty fields (NA in R, NaN in pandas).

export type CsvValue = string | number | null | undefined;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const csvRow = (fields: readonly CsvValue[]) => fields.map(csvField).join(',') + '\n';

export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const parts = [csvRow(header)];
  for (const r of rows) parts.push(csvRow(r));
  return parts.join('');
}
