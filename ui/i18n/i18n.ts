// A tiny message lookup: `t('panel.title', { name })`; strings live in id.json and en.json.
import type { Locale } from '../charts/types.js';
import en from './en.json' with { type: 'json' };
import id from './id.json' with { type: 'json' };

export const MESSAGES: Record<Locale, Record<string, string>> = { id, en };
export const LOCALES: readonly Locale[] = ['id', 'en'];

let current: Locale = 'id';

export const getLocale = (): Locale => current;

export function setLocale(locale: Locale): void {
  current = locale;
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** The message for `key` in the current locale (falling back to Indonesian, then the key itself). */
export function t(key: string, params: Record<string, string | number> = {}, locale: Locale = current): string {
  const template = MESSAGES[locale][key] ?? MESSAGES.id[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
