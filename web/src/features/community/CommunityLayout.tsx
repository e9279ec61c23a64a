import { useCallback, useEffect, useMemo, useState } from 'react';
import { Navigate, NavLink, Outlet, useLocation, useParams } from 'react-router';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { type TenantHome, useTenantHome } from '../tenancy/use-tenant-home';
import { type Community, CommunityContext } from './community-context';
import type { Me } from './community-types';

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

  if (error || homeError) return <ErrorMessage error={error ?? homeError} />;
  if (!value) return <Loading />;
  const inWelcome = location.pathname.endsWith('/welcome');
  if (!value.me.profile.onboarded && !inWelcome) return <Navigate to={`/t/${slug}/welcome`} replace />;
  return (
    <CommunityContext.Provider value={value}>
      <Outlet />
      {!inWelcome && (
        <nav className="tabbar" aria-label={t('community.nav')}>
          <NavLink to={`/t/${slug}`} end>
            {t('community.tab.home')}
          </NavLink>
          <NavLink to={`/t/${slug}/people`}>{t('community.tab.people')}</NavLink>
          <NavLink to={`/t/${slug}/groups`}>{t('community.tab.groups')}</NavLink>
          <NavLink to={`/t/${slug}/hashtags`}>{t('community.tab.hashtags')}</NavLink>
          <NavLink to={`/t/${slug}/me`}>{t('community.tab.me')}</NavLink>
        </nav>
      )}
    </CommunityContext.Provider>
  );
}
