// The app's Markdown renderer and the glossary it ships (docs/metrics.md): escaped text, the block and
// inline forms the docs use, and every metric the glossary must explain.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../ui/format/markdown.js';
import { GLOSSARY_HTML } from '../../ui/app/doc-dialogs.js';

describe('markdownToHtml', () => {
  it('renders headings, paragraphs, lists, tables, code and inline markup, escaping everything else', () => {
    const md = [
      '# Title `x`', '', 'A *word* and **strong** <b>not html</b> & [doc](other.md) [site](https://example.org).', 'Same paragraph.', '',
      '- one', '  continued', '- two', '', '1. first', '2. second', '',
      '| a | b \\| c |', '| --- | --- |', '| `x|y` | 2 |', '', '```', 'a < b', '```',
    ].join('\n');
    const html = markdownToHtml(md, { headingShift: 1, link: (h) => (h.startsWith('http') ? h : null) });
    expect(html).toContain('<h2 id="title-x">Title <code>x</code></h2>');
    expect(html).toContain('<p>A <em>word</em> and <strong>strong</strong> &lt;b&gt;not html&lt;/b&gt; &amp; doc <a href="https://example.org">site</a>. Same paragraph.</p>');
    expect(html).toContain('<ul><li>one continued</li><li>two</li></ul>');
    expect(html).toContain('<ol><li>first</li><li>second</li></ol>');
    expect(html).toContain('<thead><tr><th>a</th><th>b | c</th></tr></thead>');
    expect(html).toContain('<pre><code>a &lt; b</code></pre>');
  });
});

describe('the glossary shipped in the app', () => {
  it('is docs/metrics.md rendered, with no table or markup left raw, and explains every reported measure', () => {
    expect(GLOSSARY_HTML).toBe(markdownToHtml(readFileSync('docs/metrics.md', 'utf8'), { headingShift: 1, link: (h) => (h.startsWith('#') || /^https?:/.test(h) ? h : null) }));
    expect(GLOSSARY_HTML).not.toMatch(/^\|/m);
    expect(GLOSSARY_HTML).not.toMatch(/\*\*/);
    for (const name of ['localGdp', 'localGdpGained', 'localGdpPerRupiah', 'spendingMultiplier', 'lm3', 'costPerJob', 'nonParticipantTurnover', 'nonParticipantSurvival', 'effectShare', 'programCost']) {
      expect(GLOSSARY_HTML).toContain(`<code>${name}</code>`);
    }
  });
});
