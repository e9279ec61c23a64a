import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef } from 'react';
import { call, client } from './api';
import type { Schemas } from './api/types';
import { useI18n } from './i18n';

export type SessionState = Schemas['SessionState'];
export type Membership = SessionState['memberships'][number];
export type Role = Membership['role'];

type SessionContextValue = { session: SessionState | null; refresh(): Promise<SessionState> };
const SessionContext = createContext<SessionContextValue | null>(null);
export const sessionKey = ['session'] as const;

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { locale, setLocale } = useI18n();
  const refreshed = useRef(false);
  const { data } = useQuery({
    queryKey: sessionKey,
    queryFn: ({ signal }) => call(client.GET('/v1/session', { signal })),
    staleTime: Number.POSITIVE_INFINITY,
  });
  // A refresh first cancels a look-up still in flight (TanStack would otherwise hand back that
  // older promise while no answer is cached yet), so the page's first answer (signed out) cannot
  // arrive after the one made right after signing in and undo it.
  const refresh = useCallback(async () => {
    refreshed.current = true;
    await queryClient.cancelQueries({ queryKey: sessionKey, exact: true });
    await queryClient.refetchQueries({ queryKey: sessionKey, exact: true }, { throwOnError: true });
    return queryClient.getQueryData<SessionState>(sessionKey)!;
  }, [queryClient]);
  // On opening the app signed in, the person's saved language wins over the browser's, unless they
  // chose one here. Only the first answer counts: signing in keeps the language the page is shown in.
  const firstAnswer = useRef<SessionState | null>(null);
  useEffect(() => {
    if (!data || firstAnswer.current || refreshed.current) return;
    firstAnswer.current = data;
    const chosen = /(?:^|; )enishi_lang=/.test(document.cookie);
    if (data.account && !chosen && data.account.locale !== locale) setLocale(data.account.locale);
  }, [data, locale, setLocale]);
  const value = useMemo(() => ({ session: data ?? null, refresh }), [data, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}

export const isStaffRole = (role: Role) => role === 'owner' || role === 'admin';
