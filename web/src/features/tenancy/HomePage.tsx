import { Link, useParams } from 'react-router';
import { useI18n } from '../../app/i18n';
import { isStaffRole } from '../../app/session';
import { ErrorMessage, Loading } from '../../app/ui';
import { ReferralForm } from './ReferralForm';
import { tenantName } from './tenant-name';
import { useTenantHome } from './use-tenant-home';

/** The alumni home: who you are in which network. Community features arrive here next. */
export function HomePage() {
  const { slug } = useParams();
  const { t, locale } = useI18n();
  const { home, error } = useTenantHome(slug);
  if (error) return <ErrorMessage error={error} />;
  if (!home) return <Loading />;
  return (
    <>
      <section className="card">
        <p className="eyebrow">{t('home.network', { network: tenantName(home.tenant, locale) })}</p>
        <h1>{t('home.welcome', { name: home.member.displayName })}</h1>
        <dl className="facts">
          <div>
            <dt>{t('home.role')}</dt>
            <dd>
              <span className="badge">{t(`role.${home.member.role}`)}</span>
            </dd>
          </div>
          <div>
            <dt>{t('home.members')}</dt>
            <dd>{t('home.membersCount', { count: home.memberCount.toLocaleString(locale) })}</dd>
          </div>
        </dl>
        <p>{t('home.readOnlyOk')}</p>
        {isStaffRole(home.member.role) && (
          <Link className="button secondary" to={`/t/${home.tenant.slug}/admin`}>
            {t('home.openConsole')}
          </Link>
        )}
      </section>
      <ReferralForm slug={home.tenant.slug} />
    </>
  );
}
