// Chart downloads: an SVG serialised with its computed styles inlined so it stands alone (no page CSS
// or shadow-DOM styles needed), the same drawn to a canvas at 2× for PNG, and a file handed to the
// browser through an object URL and <a download>.

/** Properties copied from computed style into each element's style attribute. */
const INLINED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

export const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';

/** A caption line's height below the chart, in pixels. */
const CAPTION_HEIGHT = 22;

export interface SerializeOptions {
  /** A line of text written under the chart (e.g. the region it is for); the image grows to hold it. */
  caption?: string;
}

/** The exported image's pixel size: the SVG's, plus the caption's line when there is one. */
export function svgSize(svg: SVGSVGElement, options: SerializeOptions = {}): { width: number; height: number } {
  const size = chartSize(svg);
  return options.caption ? { width: size.width, height: size.height + CAPTION_HEIGHT } : size;
}

/** The SVG's pixel size: its viewBox, else its rendered box, else its width/height attributes. */
function chartSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.getAttribute('viewBox')?.split(/[\s,]+/).map(Number);
  if (box && box.length === 4 && box[2] > 0 && box[3] > 0) return { width: box[2], height: box[3] };
  const rect = svg.getBoundingClientRect?.();
  if (rect && rect.width > 0 && rect.height > 0) return { width: rect.width, height: rect.height };
  return { width: Number(svg.getAttribute('width')) || 640, height: Number(svg.getAttribute('height')) || 400 };
}

/**
 * A standalone SVG document of `svg`: a clone with the computed styles of the original inlined, a
 * fixed size, a white background and the font stack on the root.
 */
export function serializeSvg(svg: SVGSVGElement, options: SerializeOptions = {}): string {
  const chart = chartSize(svg);
  const { width, height } = svgSize(svg, options);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const view = typeof getComputedStyle === 'function' ? getComputedStyle : null;
  if (view) {
    const originals = [svg, ...Array.from(svg.querySelectorAll('*'))];
    const copies = [clone, ...Array.from(clone.querySelectorAll('*'))];
    const computed = new Map(originals.map((el) => [el, view(el)] as const));
    originals.forEach((el, i) => {
      const style = computed.get(el)!;
      const parent = el === svg || !el.parentElement ? null : (computed.get(el.parentElement) ?? null);
      // Only what the element's own attributes and its parent do not already say: small and faithful.
      const inline = INLINED.filter((p) => !el.hasAttribute(p))
        .map((p) => [p, style.getPropertyValue(p)] as const)
        .filter(([p, v]) => v !== '' && (!parent || parent.getPropertyValue(p) !== v))
        .map(([p, v]) => `${p}:${v}`)
        .join(';');
      const own = copies[i].getAttribute('style');
      if (inline) copies[i].setAttribute('style', own ? `${inline};${own}` : inline);
    });
  }
  // Lit's template markers are comments; a standalone file does not need them.
  const walker = clone.ownerDocument.createTreeWalker(clone, 128 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.parentNode?.removeChild(c);
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  if (options.caption) {
    const caption = clone.ownerDocument.createElementNS(SVG_NS, 'text');
    caption.setAttribute('x', '8');
    caption.setAttribute('y', String(chart.height + CAPTION_HEIGHT - 7));
    caption.setAttribute('font-size', '13');
    caption.setAttribute('fill', '#333333');
    caption.setAttribute('data-caption', '');
    caption.textContent = options.caption;
    clone.append(caption);
  }
  if (!clone.getAttribute('font-family')) clone.setAttribute('font-family', FONT_STACK);
  const doc = clone.ownerDocument;
  const background = doc.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  clone.insertBefore(background, clone.firstChild);
  const text = new XMLSerializer().serializeToString(clone);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${text}`;
}

/** The SVG text drawn onto a canvas at `scale` × its size, as a PNG blob. */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    const loaded = new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
    });
    image.src = url;
    await loaded;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas in this browser');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Hands `blob` to the browser as a download named `filename`. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `name` with `.ext` added unless it already ends so; characters unsafe in file names replaced. */
export function withExtension(name: string, ext: string): string {
  const safe = (name.trim() || 'chart').replace(/[\\/:*?"<>|\s]+/g, '-');
  return safe.toLowerCase().endsWith(`.${ext}`) ? safe : `${safe}.${ext}`;
}
