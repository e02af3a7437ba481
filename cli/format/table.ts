// Plain-text tables: columns padded to their widest cell, a rule under the header, two spaces between
// columns, no trailing blanks. Cells are expected to be ASCII so that length equals width on screen.

export interface Column {
  header: string;
  align: 'left' | 'right';
}

/** A row of cells, or a horizontal rule. */
export type Row = readonly string[] | 'rule';

export interface TableOptions {
  /** Print the header line and the rule under it (default true). */
  header?: boolean;
  /** Text before every line (default none). */
  indent?: string;
}

const GAP = '  ';

export function renderTable(columns: readonly Column[], rows: readonly Row[], options: TableOptions = {}): string {
  const showHeader = options.header ?? true;
  const indent = options.indent ?? '';
  const cells = rows.filter((r): r is readonly string[] => r !== 'rule');
  const widths = columns.map((c, j) => Math.max(showHeader ? c.header.length : 0, ...cells.map((r) => (r[j] ?? '').length)));
  const line = (r: readonly string[]) =>
    indent +
    columns
      .map((c, j) => {
        const text = r[j] ?? '';
        return c.align === 'left' ? text.padEnd(widths[j]) : text.padStart(widths[j]);
      })
      .join(GAP)
      .trimEnd();
  const rule = indent + widths.map((w) => '-'.repeat(w)).join(GAP);
  const out: string[] = [];
  if (showHeader) out.push(line(columns.map((c) => c.header)), rule);
  for (const r of rows) out.push(r === 'rule' ? rule : line(r));
  return out.join('\n') + '\n';
}

/** Shorten text to `width` characters, marking the cut with `...`. */
export function truncate(text: string, width: number): string {
  return text.length <= width ? text : text.slice(0, Math.max(0, width - 3)) + '...';
}

/** Split items into consecutive blocks of at most `size` (for tables too wide for one screen). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
