// A tiny message lookup: `t('panel.title', { name })`; strings live in id.json and en.json, and the
// classroom's in one pair per part (live.*, rupiah.*, classroom.*), and each lever's "what does this
// mean?" (help.*), merged here.
import type { Locale } from '../charts/types.js';
import classroomEn from './classroom.en.json' with { type: 'json' };
import classroomId from './classroom.id.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import helpEn from './help.en.json' with { type: 'json' };
import helpId from './help.id.json' with { type: 'json' };
import id from './id.json' with { type: 'json' };
import liveEn from './live.en.json' with { type: 'json' };
import liveId from './live.id.json' with { type: 'json' };
import rupiahEn from './rupiah.en.json' with { type: 'json' };
import rupiahId from './rupiah.id.json' with { type: 'json' };

/** Every message file per locale (the tests check that each pair has the same keys). */
export const MESSAGE_FILES: Record<Locale, Record<string, Record<string, string>>> = {
  id: { core: id, classroom: classroomId, live: liveId, rupiah: rupiahId, help: helpId },
  en: { core: en, classroom: classroomEn, live: liveEn, rupiah: rupiahEn, help: helpEn },
};

export const MESSAGES: Record<Locale, Record<string, string>> = {
  id: Object.assign({}, ...Object.values(MESSAGE_FILES.id)),
  en: Object.assign({}, ...Object.values(MESSAGE_FILES.en)),
};
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
