import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { MessageKey } from './messages/ja';

export type Locale = 'ja' | 'en';
type Catalog = Record<string, string>;

// Only the language in use is downloaded; the other one is fetched when the person switches. The
// console's messages are a part of their own, fetched with the console (loadConsoleMessages), so an
// alumnus's phone never downloads HR's vocabulary.
const loaders: Record<Locale, () => Promise<Catalog>> = {
  ja: () => import('./messages/ja').then((m) => m.ja),
  en: () => import('./messages/en').then((m) => m.en),
};
const consoleLoaders: Record<Locale, () => Promise<Catalog>> = {
  ja: () => import('./messages/console/ja').then((m) => m.consoleJa),
  en: () => import('./messages/console/en').then((m) => m.consoleEn),
};
// One mutable catalog per language: the console part is merged into it when it arrives, so a
// translate function made earlier sees the new keys too.
const loaded = new Map<Locale, Catalog>();
const consoleLoaded = new Set<Locale>();
let consoleWanted = false;
let currentLocale: Locale = 'ja';

export async function loadCatalog(locale: Locale): Promise<Catalog> {
  let catalog = loaded.get(locale);
  if (!catalog) {
    catalog = { ...(await loaders[locale]()) };
    loaded.set(locale, catalog);
  }
  if (consoleWanted && !consoleLoaded.has(locale)) {
    Object.assign(catalog, await consoleLoaders[locale]());
    consoleLoaded.add(locale);
  }
  return catalog;
}

/** The console's messages in the language in use; the console's layout waits for them. */
export function loadConsoleMessages(): Promise<unknown> {
  consoleWanted = true;
  return loadCatalog(currentLocale);
}

const COOKIE = 'enishi_lang';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

type I18n = {
  locale: Locale;
  t: Translate;
  setLocale(locale: Locale): void;
  formatDateTime(iso: string): string;
  /** The day alone, in Japan time (a join date, say). */
  formatDate(iso: string): string;
};

const I18nContext = createContext<I18n | null>(null);

export function initialLocale(): Locale {
  const saved = document.cookie.match(/(?:^|; )enishi_lang=(ja|en)/)?.[1];
  if (saved === 'ja' || saved === 'en') return saved;
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'ja';
}

/** Provides the language whose catalog `loadCatalog` has already fetched (main.tsx waits for it). */
export function I18nProvider({ initial, children }: { initial: Locale; children: ReactNode }) {
  const [{ locale, catalog }, setState] = useState(() => {
    currentLocale = initial;
    return { locale: initial, catalog: loaded.get(initial)! };
  });
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    // The server reads the same cookie, so its error messages follow the chosen language.
    document.cookie = `${COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    loadCatalog(next).then((nextCatalog) => {
      currentLocale = next;
      setState({ locale: next, catalog: nextCatalog });
    });
  }, []);
  const value = useMemo<I18n>(() => {
    const dateTime = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Asia/Tokyo',
    });
    const day = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
      dateStyle: 'medium',
      timeZone: 'Asia/Tokyo',
    });
    return {
      locale,
      setLocale,
      t: (key, params = {}) =>
        // A key missing from the loaded parts shows as itself rather than breaking the screen; the
        // catalogue split test keeps the alumni side to keys it always has.
        (catalog[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) =>
          name in params ? String(params[name]) : whole,
        ),
      formatDateTime: (iso) => dateTime.format(new Date(iso)),
      formatDate: (iso) => day.format(new Date(iso)),
    };
  }, [locale, catalog, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
