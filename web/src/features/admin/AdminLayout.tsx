import { Suspense } from 'react';
import { Link, Outlet, useLocation, useOutletContext, useParams } from 'react-router';
import { useI18n } from '../../app/i18n';
import { isStaffRole } from '../../app/session';
import { NoAccessPage } from '../../app/status-pages';
import { ErrorMessage, Loading } from '../../app/ui';
import { tenantName } from '../tenancy/tenant-name';
import { type TenantHome, useTenantHome } from '../tenancy/use-tenant-home';
import { currentSection } from './current-section';

/** The HR console frame. Each feature module adds its section to `sections` as it lands. */
export function AdminLayout() {
  const { slug } = useParams();
  const { t, locale } = useI18n();
  const { home, error } = useTenantHome(slug);
  const { pathname } = useLocation();
  if (error) return <ErrorMessage error={error} />;
  if (!home) return <Loading />;
  if (!isStaffRole(home.member.role)) return <NoAccessPage home={`/t/${home.tenant.slug}`} />;
  const base = `/t/${home.tenant.slug}/admin`;
  const sections = [
    { to: base, label: t('console.overview'), end: true },
    { to: `${base}/outcomes`, label: t('console.outcomes') },
    { to: `${base}/registry`, label: t('console.registry') },
    { to: `${base}/import`, label: t('console.import') },
    { to: `${base}/invitations`, label: t('console.invitations') },
    { to: `${base}/segments`, label: t('console.segments') },
    { to: `${base}/requests`, label: t('console.requests') },
    { to: `${base}/fields`, label: t('fields.title') },
    { to: `${base}/opportunities`, label: t('console.opportunities') },
    { to: `${base}/chats`, label: t('chats.nav') },
    { to: `${base}/events`, label: t('console.events') },
    { to: `${base}/surveys`, label: t('console.surveys') },
    { to: `${base}/proposals`, label: t('console.proposals') },
    { to: `${base}/members`, label: t('console.members') },
    { to: `${base}/news`, label: t('desk.title') },
    { to: `${base}/news/newsletters`, label: t('newsletters.title') },
    { to: `/t/${home.tenant.slug}/inbox`, label: t('messages.inbox') },
    { to: `/t/${home.tenant.slug}/moderation`, label: t('moderation.title') },
    ...(home.member.role === 'owner'
      ? [
          { to: `${base}/audit`, label: t('console.audit') },
          { to: `${base}/settings`, label: t('console.settings') },
        ]
      : []),
  ];
  const active = currentSection(pathname, sections);
  return (
    <div className="console">
      <div className="console-head">
        <p className="eyebrow">{tenantName(home.tenant, locale)}</p>
        <h1>{t('console.title')}</h1>
      </div>
      <nav className="console-nav" aria-label={t('console.title')}>
        {sections.map((section) => {
          const current = section === active;
          return (
            <Link
              key={section.to}
              to={section.to}
              className={current ? 'active' : undefined}
              aria-current={current ? 'page' : undefined}
            >
              {section.label}
            </Link>
          );
        })}
      </nav>
      <div className="console-body">
        <Suspense fallback={<Loading />}>
          <Outlet context={home} />
        </Suspense>
      </div>
    </div>
  );
}

export function useConsoleHome(): TenantHome {
  return useOutletContext<TenantHome>();
}
