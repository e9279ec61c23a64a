import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage } from '../../app/ui';
import { opportunityKeys } from './opportunity-model';

/**
 * The people I have referred, for which opportunity and when: a member's own record of it. It never
 * shows an address or whether a mail went out (the server does not say).
 */
export function SentReferrals({ slug }: { slug: string }) {
  const { t, formatDate } = useI18n();
  const sent = useQuery({
    queryKey: opportunityKeys.sentReferrals(slug),
    queryFn: ({ signal }) =>
      call(
        client.GET('/v1/t/{slug}/community/opportunity-referrals', { params: { path: { slug } }, signal }),
      ),
  });
  const referrals = sent.data?.referrals;
  if (sent.error) return <ErrorMessage error={sent.error} />;
  if (!referrals || referrals.length === 0) return null;
  return (
    <section aria-labelledby="sent-referrals">
      <h2 id="sent-referrals">{t('referral.sent.title')}</h2>
      <ul className="people">
        {referrals.map((referral) => (
          <li key={referral.id} className="person">
            <div>
              <p className="person-name">{t('referral.sent.whom', { name: referral.name })}</p>
              <p className="small">
                {referral.opportunity.acceptsResponses ? (
                  <Link to={`/t/${slug}/opportunities/${referral.opportunity.id}`}>
                    {referral.opportunity.title}
                  </Link>
                ) : (
                  <>
                    {referral.opportunity.title} <span className="badge">{t('referral.sent.closed')}</span>
                  </>
                )}
              </p>
              <p className="muted small">{formatDate(referral.createdAt)}</p>
              {referral.note && <p className="small pre-line">{referral.note}</p>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
