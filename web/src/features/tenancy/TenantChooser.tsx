import { Link, Navigate } from 'react-router';
import { useI18n } from '../../app/i18n';
import { isStaffRole, useSession } from '../../app/session';
import { Loading } from '../../app/ui';
import { tenantName } from './tenant-name';

export function TenantChooser() {
  const { t, locale } = useI18n();
  const { session } = useSession();
  if (!session) return <Loading />;
  if (session.memberships.length === 1) {
    const only = session.memberships[0]!;
    return (
      <Navigate
        to={isStaffRole(only.role) ? `/t/${only.tenant.slug}/admin` : `/t/${only.tenant.slug}`}
        replace
      />
    );
  }
  return (
    <section className="card">
      <h1>{t('tenants.title')}</h1>
      {session.memberships.length === 0 ? (
        <p>{t('tenants.none')}</p>
      ) : (
        <ul className="list">
          {session.memberships.map((membership) => (
            <li key={membership.tenant.slug} className="list-row">
              <div>
                <strong>{tenantName(membership.tenant, locale)}</strong>
                <span className="badge">{t(`role.${membership.role}`)}</span>
              </div>
              <Link className="button secondary" to={`/t/${membership.tenant.slug}`}>
                {t('tenants.open')}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
