// Every change the UI can make to its state, as a pure function old state → new state.
import type { Locale } from '../charts/types.js';
import { LEVER_BY_ID, coerceLever, type LeverValue, type StageId } from './levers.js';
import { parsedScenario } from './scenarios.js';
import { LETTERS, MAX_DESIGNS, defaultName, type AppState, type DesignState } from './state.js';

const replaceDesign = (s: AppState, index: number, f: (d: DesignState) => DesignState): AppState => ({
  ...s,
  designs: s.designs.map((d, i) => (i === index ? f(d) : d)),
});

/** Set a lever of a design; a value equal to the base scenario's drops the override. */
export function setLever(s: AppState, index: number, id: string, value: unknown): AppState {
  const v = coerceLever(id, value);
  if (v === null) return s;
  return replaceDesign(s, index, (d) => {
    const levers = { ...d.levers };
    if (LEVER_BY_ID.get(id)!.get(parsedScenario(d.base)) === v) delete levers[id];
    else levers[id] = v;
    return { ...d, levers };
  });
}

/** Open a stage's levers: looking at a stage never changes the design (its checkbox switches it on or off). */
export const openStage = (s: AppState, stage: StageId): AppState => ({ ...s, stage });

/** Start the active design afresh from a shipped scenario. */
export const setBase = (s: AppState, base: string): AppState => replaceDesign(s, s.active, (d) => ({ ...d, base, levers: {} }));

export const renameDesign = (s: AppState, index: number, name: string): AppState =>
  replaceDesign(s, index, (d) => ({ ...d, name: name.slice(0, 60) || defaultName(d.id, s.locale) }));

/** Pin a copy of the active design under the next free letter, and edit it (at most six). */
export function pinDesign(s: AppState): AppState {
  if (s.designs.length >= MAX_DESIGNS) return s;
  const id = LETTERS.split('').find((l) => !s.designs.some((d) => d.id === l))!;
  const from = s.designs[s.active];
  const copy: DesignState = { id, name: defaultName(id, s.locale), base: from.base, levers: { ...from.levers } };
  return { ...s, designs: [...s.designs, copy], active: s.designs.length };
}

/** A design's content without its letter: what a saved design or an opened scenario file holds. */
export type DesignContent = Pick<DesignState, 'name' | 'base' | 'levers'>;

/** Replace the active design's base, levers and name with a saved one (undoable like any change). */
export function loadDesign(s: AppState, saved: DesignContent): AppState {
  return replaceDesign(s, s.active, (d) => ({ ...d, name: saved.name.slice(0, 60) || d.name, base: saved.base, levers: { ...saved.levers } }));
}

/** Pin a new design with this content under the next free letter, and edit it (unchanged when six are pinned). */
export function addDesign(s: AppState, content: DesignContent): AppState {
  const pinned = pinDesign(s);
  if (pinned === s) return s;
  return loadDesign(pinned, content);
}

export function removeDesign(s: AppState, index: number): AppState {
  if (s.designs.length <= 1) return s;
  const designs = s.designs.filter((_, i) => i !== index);
  const active = s.active > index ? s.active - 1 : Math.min(s.active, designs.length - 1);
  return { ...s, designs, active };
}

export const selectDesign = (s: AppState, index: number): AppState => (index >= 0 && index < s.designs.length ? { ...s, active: index } : s);

/** Switch language; designs still carrying the default name are renamed in the new language. */
export function switchLanguage(s: AppState, locale: Locale): AppState {
  return {
    ...s,
    locale,
    designs: s.designs.map((d) => (d.name === defaultName(d.id, s.locale) ? { ...d, name: defaultName(d.id, locale) } : d)),
  };
}

export const setSettings = (s: AppState, patch: Partial<Pick<AppState, 'region' | 'replicates' | 'seed' | 'months' | 'diffVsA' | 'paused' | 'view' | 'trainer' | 'uncertainty' | 'tornadoDesign' | 'tornadoOutput'>>): AppState => ({ ...s, ...patch });

export type { LeverValue };
