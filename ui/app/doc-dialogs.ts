// Documents the page opens in a dialog — the glossary of the numbers (docs/metrics.md, from the link
// beside the estimates) and what a region profile is (docs/regions.md, beside the region choice) —
// bundled into the build as text so they work offline.
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import glossary from '../../docs/metrics.md?raw';
import regions from '../../docs/regions.md?raw';
import { markdownToHtml } from '../format/markdown.js';
import { t } from '../i18n/i18n.js';

/** Links inside a document: its own sections stay in the dialog; other docs are dropped (offline). */
const link = (href: string) => (href.startsWith('#') ? href : /^https?:/.test(href) ? href : null);
const toHtml = (markdown: string) => markdownToHtml(markdown, { link, headingShift: 1 });

/** The documents as HTML (escaped Markdown: only the renderer's own tags). */
export const GLOSSARY_HTML = toHtml(glossary);
export const REGIONS_HTML = toHtml(regions);

/** A dialog holding one document; both share the glossary's styles. Open it with `showModal()`. */
function docDialog(className: string, testId: string, partsId: string, titleKey: string, noteKey: string, body: string) {
  return html`<dialog class=${className} data-testid=${testId} aria-label=${t(titleKey)}>
    <form method="dialog" class="close"><button data-testid="${partsId}-close">${t('glossary.close')}</button></form>
    <p class="language-note">${t(noteKey)}</p>
    <article data-testid="${partsId}-body">${unsafeHTML(body)}</article>
  </dialog>`;
}

/** The glossary, `dialog.glossary`. */
export const glossaryDialog = () => docDialog('glossary', 'glossary-dialog', 'glossary', 'glossary.title', 'glossary.languageNote', GLOSSARY_HTML);
/** What a region profile is, `dialog.regions-doc`. */
export const regionsDialog = () => docDialog('glossary regions-doc', 'region-dialog', 'region-dialog', 'region.title', 'region.languageNote', REGIONS_HTML);
