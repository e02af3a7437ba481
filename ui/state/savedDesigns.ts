// Designs saved by name in this browser (localStorage), apart from the URL state: a saved design is a
// base scenario, the levers changed from it and its name. Reading is as careful as reading the URL: an
// unknown base, lever or value is dropped, not trusted.
import { coerceLever, type LeverValue } from './levers.js';
import { SCENARIOS } from './scenarios.js';
import type { DesignState } from './state.js';

export const SAVED_DESIGNS_KEY = 'pendamping.savedDesigns.v1';
/** The most designs kept; saving one more drops the oldest. */
export const MAX_SAVED_DESIGNS = 30;

export interface SavedDesign {
  name: string;
  base: string;
  levers: Record<string, LeverValue>;
  /** When it was saved (ISO 8601). */
  savedAt: string;
}

/** The saved list from stored text; anything malformed is left out, item by item. */
export function parseSavedDesigns(text: string | null): SavedDesign[] {
  if (!text) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const out: SavedDesign[] = [];
  for (const item of raw as Record<string, unknown>[]) {
    if (!item || typeof item !== 'object') continue;
    const name = typeof item.name === 'string' ? item.name.trim().slice(0, 60) : '';
    if (!name || typeof item.base !== 'string' || !(item.base in SCENARIOS) || out.some((d) => d.name === name)) continue;
    const levers: Record<string, LeverValue> = {};
    if (item.levers && typeof item.levers === 'object') {
      for (const [k, v] of Object.entries(item.levers as Record<string, unknown>)) {
        const c = coerceLever(k, v);
        if (c !== null) levers[k] = c;
      }
    }
    out.push({ name, base: item.base, levers, savedAt: typeof item.savedAt === 'string' ? item.savedAt : '' });
  }
  return out.slice(0, MAX_SAVED_DESIGNS);
}

/** The list with `design` saved under `name` (replacing one of the same name), newest first. */
export function withSaved(list: readonly SavedDesign[], design: Pick<DesignState, 'base' | 'levers'>, name: string, now = new Date()): SavedDesign[] {
  const n = name.trim().slice(0, 60);
  if (!n) return [...list];
  const saved: SavedDesign = { name: n, base: design.base, levers: { ...design.levers }, savedAt: now.toISOString() };
  return [saved, ...list.filter((d) => d.name !== n)].slice(0, MAX_SAVED_DESIGNS);
}

export const withoutSaved = (list: readonly SavedDesign[], name: string): SavedDesign[] => list.filter((d) => d.name !== name);

/** localStorage, or none (a private window that refuses it, a test without a DOM). */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readSavedDesigns(): SavedDesign[] {
  return parseSavedDesigns(storage()?.getItem(SAVED_DESIGNS_KEY) ?? null);
}

/** Store the list; false when the browser refused (storage full or switched off). */
export function writeSavedDesigns(list: readonly SavedDesign[]): boolean {
  try {
    const s = storage();
    if (!s) return false;
    s.setItem(SAVED_DESIGNS_KEY, JSON.stringify(list));
    return true;
  } catch {
    return false;
  }
}
