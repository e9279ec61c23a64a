import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en } from './messages/en';
import { ja, type MessageKey } from './messages/ja';

export type Locale = 'ja' | 'en';
const catalogs: Record<Locale, Record<MessageKey, string>> = { ja, en };
const COOKIE = 'enishi_lang';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

type I18n = {
  locale: Locale;
  t: Translate;
  setLocale(locale: Locale): void;
  formatDateTime(iso: string): string;
};

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  const saved = document.cookie.match(/(?:^|; )enishi_lang=(ja|en)/)?.[1];
  if (saved === 'ja' || saved === 'en') return saved;
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'ja';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    // The server reads the same cookie, so its error messages follow the chosen language.
    document.cookie = `${COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const catalog = catalogs[locale];
    const dateTime = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Asia/Tokyo',
    });
    return {
      locale,
      setLocale,
      t: (key, params = {}) =>
        catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
          name in params ? String(params[name]) : whole,
        ),
      formatDateTime: (iso) => dateTime.format(new Date(iso)),
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
