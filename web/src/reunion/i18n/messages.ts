/**
 * Strings of the reunion pages (issue 4), zh-CN first and English, kept beside the pages (the
 * shell's dictionary holds only the navigation labels). `useReunionText()` returns the function
 * for the current language; placeholders `{name}` are filled from params.
 */
import { useI18n } from '../../i18n/index.ts';
import { en } from './en.ts';
import { zh } from './zh.ts';

/** A message key of the reunion pages. */
export type ReunionKey = keyof typeof zh;

/** Both dictionaries (for the key-parity test). */
export const reunionMessages = { 'zh-CN': zh, en } as const;

/** Fill a reunion message of `lang` (pure; used by the hook and by tests). */
export function reunionText(lang: 'zh-CN' | 'en', key: ReunionKey, params?: Readonly<Record<string, string | number>>): string {
  const dict = lang === 'en' ? en : zh;
  return dict[key].replace(/\{(\w+)\}/g, (m, k: string) => (params && k in params ? String(params[k]) : m));
}

/** The text function for the current language. */
export function useReunionText(): (key: ReunionKey, params?: Readonly<Record<string, string | number>>) => string {
  const { lang } = useI18n();
  return (key, params) => reunionText(lang, key, params);
}
