// No UI string is left untranslated (issue 15 item 7): every text a Lit template shows, and every
// aria-label, title, placeholder and alt it sets, comes from t() (ui/i18n/*.json, both languages), never a
// literal in the template. The check reads the templates' source: text between tags and quoted attribute
// values with two letters or more, outside ${…} expressions. Symbols and formulas are allowed by name.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Literal texts a template may show in any language: a formula's symbols. */
const ALLOWED = new Set(['LM =']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The literal parts of every html`…` / svg`…` template in a source, expressions replaced by a marker. */
export function templateLiterals(src: string): string[] {
  const out: string[] = [];
  const re = /(?<![\w.$`])(?:html|svg)`/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    let text = '';
    let depth = 0;
    let i = m.index + m[0].length;
    for (; i < src.length; i++) {
      const c = src[i];
      if (depth === 0 && c === '`') break;
      if (depth === 0 && c === '$' && src[i + 1] === '{') {
        depth = 1;
        i++;
        text += '\u0000';
        continue;
      }
      if (depth > 0) {
        // Nested templates inside an expression are found by the outer loop on their own.
        if (c === '{') depth++;
        else if (c === '}') depth--;
        continue;
      }
      text += c;
    }
    out.push(text);
  }
  return out;
}

/** Shown texts and user-facing attribute values of a template's literal parts. */
export function visibleLiterals(template: string): string[] {
  const found: string[] = [];
  for (const a of template.matchAll(/\b(?:aria-label|title|placeholder|alt)="([^"\u0000]*)"/g)) found.push(a[1]);
  for (const piece of template.replace(/<[^>]*>/g, '\n').split('\n')) found.push(piece.replace(/\u0000/g, ' ').replace(/\s+/g, ' ').trim());
  return found.filter((s) => /\p{L}{2,}/u.test(s) && !ALLOWED.has(s));
}

describe('UI strings', () => {
  it('the checker finds a literal text and a literal aria-label, and passes t() calls', () => {
    const src = 'const a = html`<p>Hello there</p><button aria-label="Close">${t(\'x\')}</button><b>${t(\'y\')}</b>`;';
    expect(templateLiterals(src).flatMap(visibleLiterals)).toEqual(['Close', 'Hello there']);
  });

  it('every text in the web app\'s templates comes from the i18n files', () => {
    const offenders = sources('ui').flatMap((file) => templateLiterals(readFileSync(file, 'utf8')).flatMap(visibleLiterals).map((s) => `${file}: ${s}`));
    expect(offenders).toEqual([]);
  });
});
