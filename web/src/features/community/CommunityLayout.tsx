import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Bell, Newspaper } from 'lucide-react';
import { Suspense, useCallback, useEffect, useMemo, useRef } from 'react';
import { Link, Navigate, NavLink, Outlet, useLocation, useParams } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { isStaffRole } from '../../app/session';
import { ErrorMessage, Loading } from '../../app/ui';
import { useTenantHome } from '../tenancy/use-tenant-home';
import { type Community, CommunityContext, communityKeys } from './community-context';
import type { Me } from './community-model';
import { communityTabs } from './community-tabs';

/**
 * The member area of a network. A member who has not answered the consent questions yet is taken to
 * set-up first; after that, a tab bar (thumb-reachable on a phone) leads to the community's pages.
 */
export function CommunityLayout() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const location = useLocation();
  const { home, error: homeError } = useTenantHome(slug);
  const queryClient = useQueryClient();
  const meKey = useMemo(() => communityKeys.me(slug), [slug]);
  const { data: me, error } = useQuery({
    queryKey: meKey,
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/community/me', { params: { path: { slug } }, signal })),
  });
  const setMe = useCallback((next: Me) => queryClient.setQueryData(meKey, next), [queryClient, meKey]);
  const reload = useCallback(() => queryClient.invalidateQueries({ queryKey: meKey }), [queryClient, meKey]);
  const value = useMemo<Community | null>(
    () => (home && me ? { slug, home, me, setMe, reload } : null),
    [slug, home, me, setMe, reload],
  );

  // Unread counts, refreshed as the member moves between pages; a missing badge is not worth an error.
  const onboarded = Boolean(me?.profile.onboarded);
  const { data: unread = 0 } = useQuery({
    queryKey: communityKeys.unreadMessages(slug),
    queryFn: async ({ signal }) => {
      const result = await call(
        client.GET('/v1/t/{slug}/community/conversations', { params: { path: { slug } }, signal }),
      );
      return result.unread.conversations + result.unread.companyInbox;
    },
    enabled: onboarded,
    staleTime: 0,
  });
  const { data: bellCount = 0 } = useQuery({
    queryKey: communityKeys.unreadNotifications(slug),
    queryFn: async ({ signal }) => {
      const result = await call(
        client.GET('/v1/t/{slug}/community/notifications', {
          params: { path: { slug }, query: { limit: 1 } },
          signal,
        }),
      );
      return result.unread;
    },
    enabled: onboarded,
    staleTime: 0,
  });
  // Moving to another page refreshes the badges (the first page loads them already).
  const shownPath = useRef(location.pathname);
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    queryClient.invalidateQueries({ queryKey: communityKeys.unreadMessages(slug) });
    queryClient.invalidateQueries({ queryKey: communityKeys.unreadNotifications(slug) });
  }, [location.pathname, slug, queryClient]);
  const bell = location.pathname.endsWith('/notifications') ? 0 : bellCount;

  if (error || homeError) return <ErrorMessage error={error ?? homeError} />;
  if (!value) return <Loading />;
  const inWelcome = location.pathname.endsWith('/welcome');
  // The company inbox and moderation are staff work, not taking part in the community: staff (and
  // moderators, for moderation) reach them from the console without the alumni consent questions.
  const role = value.home.member.role;
  const [section, detail] = location.pathname.slice(`/t/${slug}/`.length).split('/');
  const moderates = isStaffRole(role) || role === 'moderator';
  // A reported person or post, opened from the moderation queue, is part of that work too.
  const staffWork =
    (section === 'inbox' && isStaffRole(role)) ||
    (section === 'moderation' && moderates) ||
    ((section === 'people' || section === 'posts') && Boolean(detail) && moderates);
  if (!value.me.profile.onboarded && !inWelcome && !staffWork) {
    return <Navigate to={`/t/${slug}/welcome`} replace />;
  }
  // Until they join in themselves, such staff see the way back to the console instead of the tab bar.
  const outsideCommunity = !value.me.profile.onboarded;
  return (
    <CommunityContext.Provider value={value}>
      {!inWelcome && !outsideCommunity && (
        <p className="community-bar">
          <NavLink to={`/t/${slug}/news`}>
            <Newspaper aria-hidden="true" className="icon" /> {t('news.link')}
          </NavLink>
          <NavLink to={`/t/${slug}/notifications`}>
            <Bell aria-hidden="true" className="icon" /> {t('notifications.link')}
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
      {outsideCommunity && !inWelcome && (
        <p>
          <Link to={`/t/${slug}/admin`}>← {t('console.title')}</Link>
        </p>
      )}
      {!inWelcome && !outsideCommunity && (
        <nav className="tabbar" aria-label={t('community.nav')}>
          {communityTabs.map(({ path, icon: Icon, label, badge }) => (
            <NavLink key={path} to={path ? `/t/${slug}/${path}` : `/t/${slug}`} end={!path}>
              <Icon aria-hidden="true" className="icon" />
              <span className="tab-label">{t(label)}</span>
              {badge === 'messages' && unread > 0 && (
                <span className="badge warn tab-badge">
                  {unread}
                  <span className="visually-hidden">{t('messages.unreadCount', { count: unread })}</span>
                </span>
              )}
            </NavLink>
          ))}
        </nav>
      )}
    </CommunityContext.Provider>
  );
}
