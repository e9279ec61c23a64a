import { useQuery } from '@tanstack/react-query';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import type { Role } from '../../app/session';
import { ErrorMessage, Loading } from '../../app/ui';
import { useConsoleHome } from './AdminLayout';

const roles: Role[] = ['alumnus', 'employee', 'moderator', 'admin', 'owner'];

export function OverviewPage() {
  const { t, locale } = useI18n();
  const home = useConsoleHome();
  const slug = home.tenant.slug;
  const { data, error } = useQuery({
    queryKey: ['t', slug, 'overview'],
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/overview', { params: { path: { slug } }, signal })),
  });
  const counts = data?.countsByRole;
  if (error) return <ErrorMessage error={error} />;
  if (!counts) return <Loading />;
  return (
    <section>
      <h2>{t('console.countsTitle')}</h2>
      <dl className="stats">
        {roles.map((role) => (
          <div key={role} className="stat">
            <dt>{t(`role.${role}`)}</dt>
            <dd>{(counts[role] ?? 0).toLocaleString(locale)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
