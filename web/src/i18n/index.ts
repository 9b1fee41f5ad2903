/**
 * A tiny typed i18n: two dictionaries (zh-CN first, en), a `t(key, params)` that fills `{name}`
 * placeholders, and a React context holding the current language, persisted in localStorage
 * under `gongzhi.lang`. API messages come in both languages (`message`, `messageEn`); `pick`
 * chooses the one for the current language.
 */
import { createContext, createElement, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './en.ts';
import { zhCN, type Dictionary, type MessageKey } from './zh-CN.ts';

export type Lang = 'zh-CN' | 'en';
export type { MessageKey };

export const dictionaries: Readonly<Record<Lang, Dictionary>> = { 'zh-CN': zhCN, en };
export const LANG_STORAGE_KEY = 'gongzhi.lang';

type Params = Readonly<Record<string, string | number>>;

/** Fill a message of `lang` for `key`; unknown placeholders stay visible as `{name}`. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = dictionaries[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** A bilingual message as the API returns it (Issue, error body). */
export interface Bilingual {
  readonly message: string;
  readonly messageEn?: string;
}

export interface I18n {
  readonly lang: Lang;
  readonly setLang: (lang: Lang) => void;
  readonly t: (key: MessageKey, params?: Params) => string;
  /** The message of an API issue/error in the current language. */
  readonly pick: (m: Bilingual) => string;
  /** Number formatted for the current language (grouping separators). */
  readonly num: (n: number, fractionDigits?: number) => string;
}

function initialLang(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    if (stored === 'zh-CN' || stored === 'en') return stored;
  } catch {
    // storage disabled (private mode): fall back to Chinese
  }
  return 'zh-CN';
}

const I18nContext = createContext<I18n | null>(null);

/** Provides the language to the tree; sets `<html lang>` as the language changes. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(LANG_STORAGE_KEY, next);
    } catch {
      // not persisted; the choice still holds for this page
    }
  }, []);
  const value = useMemo<I18n>(() => {
    document.documentElement.lang = lang;
    const numberFormat = (digits: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: digits });
    return {
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      pick: (m) => (lang === 'en' && m.messageEn ? m.messageEn : m.message),
      num: (n, digits = 0) => numberFormat(digits).format(n),
    };
  }, [lang, setLang]);
  return createElement(I18nContext.Provider, { value }, children);
}

/** The current language and translator. Throws outside `I18nProvider` (a programming error). */
export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
