// The Okabe–Ito palette (Okabe & Ito 2008), safe for the common colour-vision deficiencies. Black is kept
// for the baseline; the others go to designs in a fixed order, yellow last because it is faint on white.

export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** The baseline's colour (the no-program design, or the counterfactual). */
export const BASELINE_COLOUR = OKABE_ITO.black;

/** Colours for designs, in the order they are handed out. */
export const DESIGN_COLOURS: readonly string[] = [
  OKABE_ITO.orange,
  OKABE_ITO.skyBlue,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.yellow,
];

/** Ids treated as the baseline when a series does not say so itself. */
export const BASELINE_IDS: readonly string[] = ['baseline', 'no-program', 'counterfactual'];

export interface ColourSubject {
  id: string;
  baseline?: boolean;
}

export const isBaseline = (s: ColourSubject) => s.baseline ?? BASELINE_IDS.includes(s.id);

/**
 * A colour per id: the baseline black, the others the design colours in the order given (the app's
 * pin order), so the same list always gets the same colours; an id listed twice keeps its first colour.
 */
export function assignColours(subjects: readonly ColourSubject[]): Map<string, string> {
  const colours = new Map<string, string>();
  let next = 0;
  for (const s of subjects) {
    if (colours.has(s.id)) continue;
    colours.set(s.id, isBaseline(s) ? BASELINE_COLOUR : DESIGN_COLOURS[next++ % DESIGN_COLOURS.length]);
  }
  return colours;
}

/** Subjects in drawing order: the baseline first (underneath), then the designs in the order given. */
export function baselineFirst<T extends ColourSubject>(subjects: readonly T[]): T[] {
  return [...subjects.filter(isBaseline), ...subjects.filter((s) => !isBaseline(s))];
}

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/**
 * The colour darkened (same hue) until text in it reaches a 4.5:1 contrast on white: the line labels
 * of yellow, orange and sky-blue series stay readable while still matching their lines.
 */
export function textColour(hex: string): string {
  if (!/^#[0-9a-f]{6}$/i.test(hex)) return hex;
  let [r, g, b] = [0, 1, 2].map((i) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16));
  let out = hex;
  for (let k = 0; k < 40 && 1.05 / (luminance(out) + 0.05) < 4.5; k++) {
    [r, g, b] = [r, g, b].map((c) => Math.floor(c * 0.92));
    out = '#' + [r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('');
  }
  return out;
}
