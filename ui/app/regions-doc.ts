// What a region profile is (docs/regions.md, bundled into the build as text so it works offline), in a
// dialog opened from beside the region choice, as the glossary of the numbers is opened beside the estimates.
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import regions from '../../docs/regions.md?raw';
import { markdownToHtml } from '../format/markdown.js';
import { t } from '../i18n/i18n.js';

/** Links inside the page: its own sections stay in the dialog; other docs are dropped (offline). */
const link = (href: string) => (href.startsWith('#') ? href : /^https?:/.test(href) ? href : null);

/** docs/regions.md as HTML (escaped Markdown: only the renderer's own tags). */
export const REGIONS_HTML = markdownToHtml(regions, { link, headingShift: 1 });

/** The dialog; open it with `showModal()` on `dialog.regions-doc`. It shares the glossary's styles. */
export function regionsDialog() {
  return html`<dialog class="glossary regions-doc" data-testid="region-dialog" aria-label=${t('region.title')}>
    <form method="dialog" class="close"><button data-testid="region-dialog-close">${t('glossary.close')}</button></form>
    <p class="language-note">${t('region.languageNote')}</p>
    <article data-testid="region-dialog-body">${unsafeHTML(REGIONS_HTML)}</article>
  </dialog>`;
}
