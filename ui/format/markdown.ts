// A small Markdown-to-HTML renderer for the documents the app ships (the glossary, docs/metrics.md):
// headings, paragraphs, bullet and numbered lists, pipe tables, fenced code, and inline code, bold,
// italics and links. Everything is escaped first, so the output holds only the tags made here. Pure: no DOM.

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Inline markup of one escaped line: `code`, **bold**, *italic*, [text](href). */
function inline(text: string, link: (href: string) => string | null): string {
  const codes: string[] = [];
  let s = escapeHtml(text).replace(/`([^`]+)`/g, (_, c: string) => `\u0000${codes.push(c) - 1}\u0000`);
  s = s
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*([^*\s][^*]*)\*(?!\w)/g, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, href: string) => {
      const to = link(href.replace(/&amp;/g, '&'));
      return to === null ? label : `<a href="${escapeHtml(to)}">${label}</a>`;
    });
  return s.replace(/\u0000(\d+)\u0000/g, (_, i: string) => `<code>${codes[Number(i)]}</code>`);
}

const cells = (row: string) => row.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));

/** A stable id for a heading (lower case, letters, digits and dashes). */
export const headingId = (text: string) => text.toLowerCase().replace(/[`*]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export interface MarkdownOptions {
  /** Where a link points in the rendered page; null drops the link and keeps its text. Default: unchanged. */
  link?: (href: string) => string | null;
  /** Added to each heading's level (1 makes `#` an h2). */
  headingShift?: number;
}

export function markdownToHtml(markdown: string, options: MarkdownOptions = {}): string {
  const link = options.link ?? ((h: string) => h);
  const shift = options.headingShift ?? 0;
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let i = 0;
  const isBlockStart = (l: string) => /^(#{1,6} |```|\|)/.test(l) || /^\s*([-*]|\d+\.) /.test(l);
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') { i++; continue; }
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (heading) {
      const level = Math.min(6, heading[1].length + shift);
      out.push(`<h${level} id="${headingId(heading[2])}">${inline(heading[2], link)}</h${level}>`);
      i++;
      continue;
    }
    if (line.startsWith('```')) {
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i].startsWith('```'); i++) body.push(lines[i]);
      i++;
      out.push(`<pre><code>${escapeHtml(body.join('\n'))}</code></pre>`);
      continue;
    }
    if (line.startsWith('|')) {
      const rows: string[] = [];
      for (; i < lines.length && lines[i].startsWith('|'); i++) rows.push(lines[i]);
      const [head, , ...body] = rows;
      out.push(
        '<table><thead><tr>' + cells(head).map((c) => `<th>${inline(c, link)}</th>`).join('') + '</tr></thead><tbody>' +
          body.map((r) => '<tr>' + cells(r).map((c) => `<td>${inline(c, link)}</td>`).join('') + '</tr>').join('') + '</tbody></table>',
      );
      continue;
    }
    const item = /^\s*([-*]|\d+\.) (.*)$/.exec(line);
    if (item) {
      const ordered = /\d/.test(item[1]);
      const items: string[] = [];
      while (i < lines.length) {
        const m = /^\s*([-*]|\d+\.) (.*)$/.exec(lines[i]);
        if (m) { items.push(m[2]); i++; continue; }
        // A continuation line (indented) belongs to the last item.
        if (/^\s+\S/.test(lines[i]) && items.length) { items[items.length - 1] += ' ' + lines[i].trim(); i++; continue; }
        break;
      }
      const tag = ordered ? 'ol' : 'ul';
      out.push(`<${tag}>${items.map((x) => `<li>${inline(x, link)}</li>`).join('')}</${tag}>`);
      continue;
    }
    const para: string[] = [];
    for (; i < lines.length && lines[i].trim() !== '' && (para.length === 0 || !isBlockStart(lines[i])); i++) para.push(lines[i].trim());
    out.push(`<p>${inline(para.join(' '), link)}</p>`);
  }
  return out.join('\n');
}
