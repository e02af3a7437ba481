// Plain-text tables: columns padded to their widest cell, a rule under the header, two spaces between
// columns, no trailing blanks. Cells are expected to be ASCII so that length equals width on screen.
// A cell (or header) with line breaks takes several lines; a column marked `wrap` is narrowed, its cells
// wrapped at spaces, so that the table fits `width`.

export interface Column {
  header: string;
  align: 'left' | 'right';
  /** Wrap this column's cells at spaces when the table is wider than TableOptions.width. */
  wrap?: boolean;
}

/** A row of cells, or a horizontal rule. */
export type Row = readonly string[] | 'rule';

export interface TableOptions {
  /** Print the header line and the rule under it (default true). */
  header?: boolean;
  /** Text before every line (default none). */
  indent?: string;
  /** The most characters a line may take: `wrap` columns are narrowed to fit it (default: no limit). */
  width?: number;
}

/**
 * `text` in lines of at most `width` characters, broken at spaces (a word longer than `width` is cut);
 * line breaks in `text` are kept.
 */
export function wrapText(text: string, width: number): string[] {
  const w = Math.max(1, Math.floor(width));
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (let word of paragraph.split(' ').filter((x) => x !== '')) {
      while (word.length > w) {
        if (line) out.push(line);
        out.push(word.slice(0, w));
        word = word.slice(w);
        line = '';
      }
      if (!line) line = word;
      else if (line.length + 1 + word.length <= w) line += ' ' + word;
      else {
        out.push(line);
        line = word;
      }
    }
    out.push(line);
  }
  return out;
}

const longestLine = (text: string) => Math.max(0, ...text.split('\n').map((l) => l.length));
const longestWord = (text: string) => Math.max(0, ...text.split(/[\s]+/).map((l) => l.length));

const GAP = '  ';

export function renderTable(columns: readonly Column[], rows: readonly Row[], options: TableOptions = {}): string {
  const showHeader = options.header ?? true;
  const indent = options.indent ?? '';
  const cells = rows.filter((r): r is readonly string[] => r !== 'rule');
  const widths = columns.map((c, j) => Math.max(showHeader ? longestLine(c.header) : 0, ...cells.map((r) => longestLine(r[j] ?? ''))));
  const wrapped = columns.map((c) => c.wrap === true);
  const total = () => indent.length + widths.reduce((a, w) => a + w, 0) + GAP.length * Math.max(0, columns.length - 1);
  if (options.width !== undefined && total() > options.width && wrapped.some(Boolean)) {
    // Share what the other columns leave among the wrap columns, each at least its longest word.
    const fixed = total() - widths.reduce((a, w, j) => a + (wrapped[j] ? w : 0), 0);
    const flexible = wrapped.filter(Boolean).length;
    const share = Math.floor((options.width - fixed) / flexible);
    columns.forEach((c, j) => {
      if (!wrapped[j]) return;
      const floor = Math.max(showHeader ? longestWord(c.header) : 0, ...cells.map((r) => longestWord(r[j] ?? '')));
      widths[j] = Math.min(widths[j], Math.max(share, floor));
    });
  }
  const split = (text: string, j: number) => (wrapped[j] ? wrapText(text, widths[j]) : text.split('\n'));
  const lines = (r: readonly string[], bottom: boolean) => {
    const parts = columns.map((_, j) => split(r[j] ?? '', j));
    const height = Math.max(1, ...parts.map((p) => p.length));
    const at = (p: string[], i: number) => (bottom ? p[i - (height - p.length)] : p[i]) ?? '';
    return Array.from({ length: height }, (_, i) =>
      indent +
      columns
        .map((c, j) => {
          const text = at(parts[j], i);
          return c.align === 'left' ? text.padEnd(widths[j]) : text.padStart(widths[j]);
        })
        .join(GAP)
        .trimEnd(),
    );
  };
  const rule = indent + widths.map((w) => '-'.repeat(w)).join(GAP);
  const out: string[] = [];
  if (showHeader) out.push(...lines(columns.map((c) => c.header), true), rule);
  for (const r of rows) out.push(...(r === 'rule' ? [rule] : lines(r, false)));
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
