// The glossary of every number the app shows (docs/metrics.md, bundled into the build as text so it works
// offline), rendered in a dialog opened from the link beside the estimates: "what do these numbers mean?".
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import glossary from '../../docs/metrics.md?raw';
import { markdownToHtml } from '../format/markdown.js';
import { t } from '../i18n/i18n.js';


/** Links inside the glossary: its own sections stay in the dialog; other docs are dropped (offline). */
const link = (href: string) => (href.startsWith('#') ? href : /^https?:/.test(href) ? href : null);

/** The glossary as HTML (escaped Markdown: only the renderer's own tags). */
export const GLOSSARY_HTML = markdownToHtml(glossary, { link, headingShift: 1 });

/** The dialog; open it with `showModal()` on `dialog.glossary`. */
export function glossaryDialog() {
  return html`<dialog class="glossary" data-testid="glossary-dialog" aria-label=${t('glossary.title')}>
    <form method="dialog" class="close"><button data-testid="glossary-close">${t('glossary.close')}</button></form>
    <p class="language-note">${t('glossary.languageNote')}</p>
    <article data-testid="glossary-body">${unsafeHTML(GLOSSARY_HTML)}</article>
  </dialog>`;
}
