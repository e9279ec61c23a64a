import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { api } from './api';
import type { Schemas } from './api/types';
import { useI18n } from './i18n';

export type SessionState = Schemas['SessionState'];
export type Membership = SessionState['memberships'][number];
export type Role = Membership['role'];

type SessionContextValue = { session: SessionState | null; refresh(): Promise<SessionState> };
const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState | null>(null);
  const { locale, setLocale } = useI18n();
  // Only the newest request's answer is kept: the page's first look-up (signed out) can come back
  // after the one made right after signing in, and must not undo it.
  const latest = useRef(0);
  const refresh = useCallback(async () => {
    const ticket = ++latest.current;
    const next = await api<SessionState>('GET', '/session');
    if (ticket === latest.current) setSession(next);
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
