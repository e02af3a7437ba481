// Text widths without measuring: an upper bound per character, so a line laid out with it is not cut at
// the edge of a chart or an exported image whichever sans-serif the reader's system picks. The bounds are
// the widest advance among DejaVu Sans (Linux's default, the widest of them), Arial/Liberation Sans,
// Roboto and Noto Sans, rounded up; bold adds 12%. The browser test (test/e2e/exports.test.ts) checks
// them against Chromium's own measurements of the exported text.

/** Advance in em by character class, each the widest of the fonts above. */
const NARROW = new Set("iljI.,:;'|!`");
const SEMI = new Set(' frtJ()[]{}/\\-"*');
const WIDE = new Set('mwMW%@');
const BOLD_FACTOR = 1.12;

/** The width bound of one character, in em. */
export function charEm(c: string): number {
  if (NARROW.has(c)) return 0.34;
  if (SEMI.has(c)) return 0.44;
  if (WIDE.has(c)) return 1.0;
  if (/[A-Z]/.test(c)) return 0.8;
  if (/[a-z0-9]/.test(c)) return 0.66;
  if (/[–]/.test(c)) return 0.52;
  // Anything else (—, …, ×, ≤, accented letters, other scripts) as a full em.
  return 1.0;
}

/** An upper bound of `text`'s width in pixels at `fontSize`, bold or not. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const c of text) em += charEm(c);
  return em * fontSize * (bold ? BOLD_FACTOR : 1);
}

/**
 * `text` broken at spaces into lines no wider than `maxWidth`; a word wider than a line on its own is
 * cut with an ellipsis. With `maxLines`, the last line allowed takes as much of the rest as fits, ending in "…".
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false, maxLines = Infinity): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, fontSize, bold) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
  }
  if (line) lines.push(line);
  const fitted = lines.map((l) => fit(l, maxWidth, fontSize, bold));
  if (fitted.length <= maxLines) return fitted;
  // The last line allowed: as many whole words of the rest as fit with "…" after them.
  const kept = fitted.slice(0, maxLines - 1);
  const rest = lines.slice(maxLines - 1).join(' ').split(' ');
  let last = '';
  for (const word of rest) {
    const candidate = last ? `${last} ${word}` : word;
    if (textWidth(candidate + '…', fontSize, bold) > maxWidth) break;
    last = candidate;
  }
  kept.push(last ? last.replace(/[,;:]$/, '') + '…' : fit(rest.join(' ') + '…', maxWidth, fontSize, bold));
  return kept;
}

/** `line` as is when it fits, else cut and ended with "…" so it does. */
function fit(line: string, maxWidth: number, fontSize: number, bold: boolean): string {
  if (textWidth(line, fontSize, bold) <= maxWidth) return line;
  const chars = [...line.replace(/…$/, '')];
  while (chars.length > 1 && textWidth(chars.join('').trimEnd() + '…', fontSize, bold) > maxWidth) chars.pop();
  return chars.join('').trimEnd() + '…';
}
