import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { api } from './api';
import { useI18n } from './i18n';

export type Role = 'owner' | 'admin' | 'moderator' | 'employee' | 'alumnus';
export type Membership = {
  tenant: { slug: string; nameJa: string; nameEn: string };
  role: Role;
  displayName: string;
};
export type SessionState = {
  signedIn: boolean;
  account: { id: string; email: string; displayName: string; locale: 'ja' | 'en' } | null;
  memberships: Membership[];
  devMailbox: boolean;
};

type SessionContextValue = { session: SessionState | null; refresh(): Promise<SessionState> };
const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState | null>(null);
  const { locale, setLocale } = useI18n();
  const refresh = useCallback(async () => {
    const next = await api<SessionState>('GET', '/session');
    setSession(next);
    return next;
  }, []);
  useEffect(() => {
    refresh().then((next) => {
      // A signed-in person's saved language wins over the browser's, unless they chose one here.
      const chosen = /(?:^|; )enishi_lang=/.test(document.cookie);
      if (next.account && !chosen && next.account.locale !== locale) setLocale(next.account.locale);
    });
  }, [refresh, locale, setLocale]);
  return <SessionContext.Provider value={{ session, refresh }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}

export const isStaffRole = (role: Role) => role === 'owner' || role === 'admin';
