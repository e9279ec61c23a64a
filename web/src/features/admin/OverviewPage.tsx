import { useEffect, useState } from 'react';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import type { Role } from '../../app/session';
import { ErrorMessage, Loading } from '../../app/ui';
import { useConsoleHome } from './AdminLayout';

const roles: Role[] = ['alumnus', 'employee', 'moderator', 'admin', 'owner'];

export function OverviewPage() {
  const { t, locale } = useI18n();
  const home = useConsoleHome();
  const [counts, setCounts] = useState<Record<Role, number> | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<{ countsByRole: Record<Role, number> }>('GET', `/t/${home.tenant.slug}/overview`).then(
      (overview) => setCounts(overview.countsByRole),
      setError,
    );
  }, [home.tenant.slug]);
  if (error) return <ErrorMessage error={error} />;
  if (!counts) return <Loading />;
  return (
    <section>
      <h2>{t('console.countsTitle')}</h2>
      <dl className="stats">
        {roles.map((role) => (
          <div key={role} className="stat">
            <dt>{t(`role.${role}`)}</dt>
            <dd>{counts[role].toLocaleString(locale)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
