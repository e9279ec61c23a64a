import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Navigate, NavLink, Outlet, useLocation, useParams } from 'react-router';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { type TenantHome, useTenantHome } from '../tenancy/use-tenant-home';
import { type Community, CommunityContext } from './community-context';
import type { Me } from './community-model';

/**
 * The member area of a network. A member who has not answered the consent questions yet is taken to
 * set-up first; after that, a tab bar (thumb-reachable on a phone) leads to the community's pages.
 */
export function CommunityLayout() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const location = useLocation();
  const { home, error: homeError } = useTenantHome(slug);
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    setMe(await api<Me>('GET', `/t/${slug}/community/me`));
  }, [slug]);
  useEffect(() => {
    reload().catch(setError);
  }, [reload]);
  const value = useMemo<Community | null>(
    () => (home && me ? { slug, home: home as TenantHome, me, setMe, reload } : null),
    [slug, home, me, reload],
  );

  // Unread messages, refreshed as the member moves between pages; a missing badge is not worth an error.
  const [unread, setUnread] = useState(0);
  const [bell, setBell] = useState(0);
  const onboarded = Boolean(me?.profile.onboarded);
  useEffect(() => {
    if (!onboarded) return;
    api<{ unread: { conversations: number; companyInbox: number } }>(
      'GET',
      `/t/${slug}/community/conversations`,
    ).then(
      (result) => setUnread(result.unread.conversations + result.unread.companyInbox),
      () => setUnread(0),
    );
    api<{ unread: number }>('GET', `/t/${slug}/community/notifications?limit=1`).then(
      (result) => setBell(location.pathname.endsWith('/notifications') ? 0 : result.unread),
      () => setBell(0),
    );
  }, [slug, onboarded, location.pathname]);

  if (error || homeError) return <ErrorMessage error={error ?? homeError} />;
  if (!value) return <Loading />;
  const inWelcome = location.pathname.endsWith('/welcome');
  if (!value.me.profile.onboarded && !inWelcome) return <Navigate to={`/t/${slug}/welcome`} replace />;
  return (
    <CommunityContext.Provider value={value}>
      {!inWelcome && (
        <p className="community-bar">
          <NavLink to={`/t/${slug}/notifications`}>
            <span aria-hidden="true">🔔</span> {t('notifications.link')}
            {bell > 0 && (
              <span className="badge warn">
                {bell}
                <span className="visually-hidden">{t('messages.unreadCount', { count: bell })}</span>
              </span>
            )}
          </NavLink>
        </p>
      )}
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
      {!inWelcome && (
        <nav className="tabbar" aria-label={t('community.nav')}>
          <NavLink to={`/t/${slug}`} end>
            {t('community.tab.home')}
          </NavLink>
          <NavLink to={`/t/${slug}/people`}>{t('community.tab.people')}</NavLink>
          <NavLink to={`/t/${slug}/groups`}>{t('community.tab.groups')}</NavLink>
          <NavLink to={`/t/${slug}/hashtags`}>{t('community.tab.hashtags')}</NavLink>
          <NavLink to={`/t/${slug}/messages`}>
            {t('community.tab.messages')}
            {unread > 0 && (
              <span className="badge warn">
                {unread}
                <span className="visually-hidden">{t('messages.unreadCount', { count: unread })}</span>
              </span>
            )}
          </NavLink>
        </nav>
      )}
    </CommunityContext.Provider>
  );
}
