// @vitest-environment happy-dom
// <pendamping-lever-input>'s text box as rendered: what it shows, the one lever-change a valid entry emits
// (Enter followed by the browser's change event), the errors that emit nothing, Escape, and a value from
// elsewhere clearing a refused entry.
import { afterEach, describe, expect, it } from 'vitest';
import '../../ui/app/lever-input.js';
import type { LeverInput, LeverValueKind } from '../../ui/app/lever-input.js';
import type { Locale } from '../../ui/charts/types.js';

type Change = { id: string; value: unknown; commit: boolean };

interface Setup {
  id: string;
  min: number;
  max: number;
  step: number;
  value: number;
  valueKind: LeverValueKind;
  unit?: string;
  hint?: string;
  locale?: Locale;
}

async function mount(s: Setup) {
  const el = document.createElement('pendamping-lever-input') as LeverInput;
  Object.assign(el, { leverId: s.id, label: s.id, kind: 'number', min: s.min, max: s.max, step: s.step, value: s.value, valueKind: s.valueKind, unit: s.unit ?? '', hint: s.hint ?? '', locale: s.locale ?? 'id' });
  const changes: Change[] = [];
  el.addEventListener('lever-change', (e) => changes.push((e as CustomEvent<Change>).detail));
  document.body.append(el);
  await el.updateComplete;
  const root = el.shadowRoot!;
  const box = root.querySelector<HTMLInputElement>(`[data-testid="lever-${s.id}-number"]`)!;
  const error = () => root.querySelector(`[data-testid="lever-${s.id}-error"]`)?.textContent ?? null;
  /** Type text and press Enter; the browser then fires change, as Chromium does. */
  const enter = async (text: string) => {
    box.value = text;
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    box.dispatchEvent(new Event('change'));
    await el.updateComplete;
  };
  return { el, box, error, enter, changes, root };
}

const BUDGET: Setup = { id: 'budget', min: 0, max: 5e9, step: 1e7, value: 5e8, valueKind: 'rupiah', hint: 'Rp 500 juta' };

afterEach(() => {
  document.body.innerHTML = '';
});

describe('lever text box', () => {
  it('shows the value grouped in the locale, as a text box with the text keyboard (for "750 juta"), and no unit for rupiah', async () => {
    const { box, root } = await mount(BUDGET);
    expect(box.type).toBe('text');
    expect(box.getAttribute('inputmode')).toBe('text');
    expect(box.value).toBe('500.000.000');
    expect(root.querySelector('.unit')).toBeNull();
    expect(root.querySelector('[data-testid="lever-budget-hint"]')!.textContent).toBe('Rp 500 juta');
    const en = await mount({ ...BUDGET, locale: 'en' });
    expect(en.box.value).toBe('500,000,000');
  });

  it('emits one committed lever-change for a valid entry and shows it grouped', async () => {
    const { box, enter, changes, error } = await mount(BUDGET);
    await enter('750 juta');
    expect(changes).toEqual([{ id: 'budget', value: 750e6, commit: true }]);
    expect(box.value).toBe('750.000.000');
    expect(error()).toBeNull();
  });

  it('emits nothing for the value it already has, nor when the box is left untouched', async () => {
    const { box, enter, changes } = await mount(BUDGET);
    box.dispatchEvent(new Event('change'));
    await enter('500 juta');
    expect(changes).toEqual([]);
    expect(box.value).toBe('500.000.000');
  });

  it('refuses unreadable, out-of-range and fractional entries with an error, emitting nothing', async () => {
    const { box, enter, changes, error } = await mount(BUDGET);
    await enter('abc');
    expect(error()).toBe('Tidak terbaca. Tulis misalnya 750.000.000, 750 juta atau 1 miliar. Nilai tetap Rp 500 juta.');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toBe('error');
    expect(box.value).toBe('abc');
    await enter('9 miliar');
    expect(error()).toBe('Di luar rentang Rp 0 – Rp 5 miliar. Nilai tetap Rp 500 juta.');
    await enter('-1');
    expect(error()).toBe('Di luar rentang Rp 0 – Rp 5 miliar. Nilai tetap Rp 500 juta.');
    await enter('1,5');
    expect(error()).toBe('Harus bilangan bulat, misalnya 2. Nilai tetap Rp 500 juta.');
    expect(changes).toEqual([]);
    // A valid entry clears the error.
    await enter('1 miliar');
    expect(error()).toBeNull();
    expect(box.getAttribute('aria-invalid')).toBeNull();
    expect(changes).toEqual([{ id: 'budget', value: 1e9, commit: true }]);
  });

  it('Escape puts the lever value back and clears the error', async () => {
    const { el, box, enter, error, changes } = await mount(BUDGET);
    await enter('abc');
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await el.updateComplete;
    expect(box.value).toBe('500.000.000');
    expect(error()).toBeNull();
    expect(changes).toEqual([]);
  });

  it('a new value from elsewhere (the slider, undo) replaces a refused entry', async () => {
    const { el, box, enter, error } = await mount(BUDGET);
    await enter('abc');
    el.value = 4e8;
    await el.updateComplete;
    expect(error()).toBeNull();
    expect(box.value).toBe('400.000.000');
  });

  it('reads a share as a proportion or a percentage, and names plain units in the range', async () => {
    const share = await mount({ id: 'share', min: 0, max: 1, step: 0.01, value: 0.1, valueKind: 'share', unit: 'proporsi 0–1', hint: '10%' });
    expect(share.box.value).toBe('0,1');
    await share.enter('25%');
    await share.enter('0,3');
    expect(share.changes.map((c) => c.value)).toEqual([0.25, 0.3]);
    await share.enter('150%');
    expect(share.error()).toBe('Di luar rentang 0 – 1. Nilai tetap 10%.');
    await share.enter('x');
    expect(share.error()).toBe('Tidak terbaca. Tulis proporsi seperti 0,25 atau persen seperti 25%. Nilai tetap 10%.');

    const visits = await mount({ id: 'visits', min: 0, max: 8, step: 0.5, value: 2, valueKind: 'plain', unit: 'visits/month', locale: 'en' });
    await visits.enter('2.5');
    expect(visits.changes).toEqual([{ id: 'visits', value: 2.5, commit: true }]);
    await visits.enter('10');
    expect(visits.error()).toBe('Outside the range 0 – 8 visits/month. The value stays 2 visits/month.');
    await visits.enter('two');
    expect(visits.error()).toBe('Could not read this. Write a number, for example 2. The value stays 2 visits/month.');
    expect(visits.changes).toHaveLength(1);
  });
});
