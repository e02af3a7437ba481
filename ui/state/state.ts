// The whole UI state: pinned designs (each a base scenario plus changed levers), which one is edited,
// the comparison settings (the district's region among them), the language and the view toggles. It is all
// in the URL hash, so a shared link or a reload gives the same view.
import type { Locale } from '../charts/types.js';
import { STAGES, coerceLever, type LeverValue, type StageId } from './levers.js';
import { DEFAULT_REGION, coerceRegion } from './regions.js';
import { DEFAULT_SCENARIO, SCENARIOS } from './scenarios.js';
import { CHARTED_SERIES, ESTIMATES } from '../runner/metrics.js';
import { CE_CHARTS } from '../runner/costEffectiveness.js';
import { TORNADO_OUTPUTS, type TornadoOutput } from '../runner/tornado.js';

/** The main chart's tornado: which uncertain assumption matters for one design (ui/runner/tornado.ts). */
export const TORNADO_CHART = 'tornado';
/** Charts the main chart can show: every line chart, every estimate chart, the cost-effectiveness plane and curve, then the tornado. */
export const MAIN_CHARTS: readonly string[] = [...CHARTED_SERIES.map((m) => m.id), ...ESTIMATES.map((e) => e.id), ...CE_CHARTS.map((c) => c.id), TORNADO_CHART];
export const DEFAULT_MAIN_CHART = 'jobs';

export interface DesignState {
  /** Stable id: the letter it was pinned under (A, B, …). */
  id: string;
  name: string;
  /** Shipped scenario it starts from. */
  base: string;
  /** Levers changed from the base scenario. */
  levers: Record<string, LeverValue>;
}

export interface AppState {
  locale: Locale;
  designs: DesignState[];
  /** Index of the design the panel edits. */
  active: number;
  /** Stage whose levers are open. */
  stage: StageId;
  /** The district's region profile every design runs in (scenarios/regions/<region>.json). */
  region: string;
  replicates: number;
  seed: number;
  months: number;
  /** Charts show each design minus design A, paired replicate by replicate. */
  diffVsA: boolean;
  /** Cycle animation paused (defaults to the reduced-motion preference). */
  paused: boolean;
  /** Which page: comparing designs, or the classroom (live economy, follow the rupiah, lesson). */
  view: 'compare' | 'classroom';
  /** Trainer mode: large type for a projector, keyboard shortcuts shown. */
  trainer: boolean;
  /** The chart shown beside the levers under the headline cards (a chart id of ui/runner/metrics.ts). */
  mainChart: string;
  /**
   * Equal cost: every pinned design runs on design A's budget with its places limited only by that budget,
   * so designs compare per rupiah (ui/state/levers.ts equalCostLevers).
   */
  equalCost: boolean;
  /**
   * Draw the uncertain assumptions (sim/uncertainty/parameters.ts) once per replicate, as `compare
   * --uncertainty` does: ranges are then the range over the assumptions, not 95% confidence intervals.
   */
  uncertainty: boolean;
  /** The tornado chart's design (a pinned design's id; '' or one no longer pinned: the first) and figure. */
  tornadoDesign: string;
  tornadoOutput: TornadoOutput;
}

export const MIN_DESIGNS = 1;
export const MAX_DESIGNS = 6;
export const LETTERS = 'ABCDEF';

export const defaultName = (id: string, locale: Locale) => (locale === 'id' ? `Rancangan ${id}` : `Design ${id}`);

export function defaultState(options: { locale?: Locale; paused?: boolean } = {}): AppState {
  const locale = options.locale ?? 'id';
  const second = SCENARIOS['mentoring-only'] ? 'mentoring-only' : DEFAULT_SCENARIO;
  return {
    locale,
    designs: [
      { id: 'A', name: defaultName('A', locale), base: DEFAULT_SCENARIO, levers: {} },
      { id: 'B', name: defaultName('B', locale), base: second, levers: {} },
    ],
    active: 0,
    stage: 'mentoring',
    region: DEFAULT_REGION,
    replicates: 10,
    seed: 1,
    months: 36,
    diffVsA: false,
    paused: options.paused ?? false,
    view: 'compare',
    trainer: false,
    mainChart: DEFAULT_MAIN_CHART,
    equalCost: false,
    uncertainty: false,
    tornadoDesign: '',
    tornadoOutput: 'jobs.effect',
  };
}

const toBase64Url = (s: string) => {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64Url = (s: string) => {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
};

/** `#s=<base64url JSON>`. */
export function encodeState(state: AppState): string {
  return '#s=' + toBase64Url(JSON.stringify(state));
}

const intIn = (v: unknown, min: number, max: number, fallback: number) =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, Math.round(v))) : fallback;

/** Read a hash back; anything missing or malformed falls back to the defaults, field by field. */
export function decodeState(hash: string, fallback: AppState = defaultState()): AppState {
  const m = /^#?s=([A-Za-z0-9_-]+)(?:&.*)?$/.exec(hash.trim());
  if (!m) return fallback;
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(fromBase64Url(m[1]));
    if (!raw || typeof raw !== 'object') return fallback;
  } catch {
    return fallback;
  }
  const locale: Locale = raw.locale === 'en' ? 'en' : raw.locale === 'id' ? 'id' : fallback.locale;
  const designs: DesignState[] = [];
  if (Array.isArray(raw.designs)) {
    for (const d of raw.designs as Record<string, unknown>[]) {
      if (!d || typeof d !== 'object' || designs.length >= MAX_DESIGNS) continue;
      const id = typeof d.id === 'string' && LETTERS.includes(d.id) && d.id.length === 1 && !designs.some((x) => x.id === d.id) ? d.id : LETTERS.split('').find((l) => !designs.some((x) => x.id === l))!;
      const base = typeof d.base === 'string' && d.base in SCENARIOS ? d.base : DEFAULT_SCENARIO;
      const levers: Record<string, LeverValue> = {};
      if (d.levers && typeof d.levers === 'object') {
        for (const [k, v] of Object.entries(d.levers as Record<string, unknown>)) {
          const c = coerceLever(k, v);
          if (c !== null) levers[k] = c;
        }
      }
      const name = typeof d.name === 'string' && d.name.trim() ? d.name.slice(0, 60) : defaultName(id, locale);
      designs.push({ id, name, base, levers });
    }
  }
  if (designs.length < MIN_DESIGNS) designs.push(...fallback.designs);
  return {
    locale,
    designs,
    active: intIn(raw.active, 0, designs.length - 1, 0),
    stage: typeof raw.stage === 'string' && (STAGES as readonly string[]).includes(raw.stage) ? (raw.stage as StageId) : fallback.stage,
    // Links made before regions existed, and a region that is not shipped, run in the default town.
    region: coerceRegion(raw.region),
    replicates: intIn(raw.replicates, 2, 50, fallback.replicates),
    seed: intIn(raw.seed, 0, 2 ** 32 - 1, fallback.seed),
    months: intIn(raw.months, 6, 120, fallback.months),
    diffVsA: typeof raw.diffVsA === 'boolean' ? raw.diffVsA : fallback.diffVsA,
    paused: typeof raw.paused === 'boolean' ? raw.paused : fallback.paused,
    view: raw.view === 'classroom' || raw.view === 'compare' ? raw.view : fallback.view,
    trainer: typeof raw.trainer === 'boolean' ? raw.trainer : fallback.trainer,
    mainChart: typeof raw.mainChart === 'string' && MAIN_CHARTS.includes(raw.mainChart) ? raw.mainChart : fallback.mainChart,
    equalCost: typeof raw.equalCost === 'boolean' ? raw.equalCost : fallback.equalCost,
    uncertainty: typeof raw.uncertainty === 'boolean' ? raw.uncertainty : fallback.uncertainty,
    tornadoDesign: typeof raw.tornadoDesign === 'string' && designs.some((d) => d.id === raw.tornadoDesign) ? raw.tornadoDesign : fallback.tornadoDesign,
    tornadoOutput: TORNADO_OUTPUTS.some((o) => o.id === raw.tornadoOutput) ? (raw.tornadoOutput as TornadoOutput) : fallback.tornadoOutput,
  };
}
