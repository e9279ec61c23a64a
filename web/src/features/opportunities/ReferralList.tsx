import { useQuery } from '@tanstack/react-query';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';

/** HR's view of who referred whom for one opportunity. */
export function ReferralList({ slug, id }: { slug: string; id: string }) {
  const { t, formatDateTime } = useI18n();
  const referrals = useQuery({
    queryKey: ['t', slug, 'opportunities', 'referrals', id],
    queryFn: ({ signal }) =>
      call(
        client.GET('/v1/t/{slug}/opportunities/{id}/referrals', { params: { path: { slug, id } }, signal }),
      ),
  });
  if (referrals.error) return <ErrorMessage error={referrals.error} />;
  if (!referrals.data) return <Loading />;
  const rows = referrals.data.referrals;
  if (rows.length === 0) return <p className="muted">{t('referralsAdmin.empty')}</p>;
  return (
    <ul className="list">
      {rows.map((row) => (
        <li key={row.id} className="card">
          <p>
            {t('referralsAdmin.who', {
              referrer: row.referrer.displayName,
              referred: row.referred.member?.displayName ?? row.referred.name,
            })}
            {row.referred.member ? (
              <span className="badge">{t('referralsAdmin.member')}</span>
            ) : (
              <span className="muted small"> {row.referred.email}</span>
            )}
          </p>
          {row.note && <p className="pre-line small">{row.note}</p>}
          <p className="muted small">
            {formatDateTime(row.createdAt)}
            {' ・ '}
            {row.mailed ? t('referralsAdmin.mailed') : t('referralsAdmin.notMailed')}
          </p>
        </li>
      ))}
    </ul>
  );
}
