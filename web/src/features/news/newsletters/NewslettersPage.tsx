import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { call, client } from '../../../app/api';
import type { Schemas } from '../../../app/api/types';
import { useI18n } from '../../../app/i18n';
import { ErrorMessage, Loading } from '../../../app/ui';
import { useConsoleHome } from '../../admin/AdminLayout';
import { DeliveryCounts } from './DeliveryCounts';
import { inFlight, newsletterKeys, SENDING_REFRESH_MS } from './newsletter-keys';
import { SenderNotice, useSenderReady } from './SenderNotice';

type Campaign = Schemas['Newsletter'];

/** The news desk's メールマガジン: every campaign with its state and delivery counts, newest first. */
export function NewslettersPage() {
  const { t } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const senderReady = useSenderReady(slug);
  const { data, error } = useQuery({
    queryKey: newsletterKeys.list(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/news-desk/newsletters', { params: { path: { slug } }, signal })),
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.campaigns.some(inFlight) ? SENDING_REFRESH_MS : false),
  });
  return (
    <section aria-labelledby="newsletters-title">
      <p>
        <Link to={`/t/${slug}/admin/news`}>← {t('desk.back')}</Link>
      </p>
      <h2 id="newsletters-title">{t('newsletters.title')}</h2>
      <p className="lead">{t('newsletters.lead')}</p>
      <SenderNotice ready={senderReady} />
      <p>
        <Link className="button primary" to={`/t/${slug}/admin/news/newsletters/new`}>
          {t('newsletters.new')}
        </Link>
      </p>
      <ErrorMessage error={error} />
      {!data && !error && <Loading />}
      {data && data.campaigns.length === 0 && <p className="muted">{t('newsletters.empty')}</p>}
      <ul className="list">
        {data?.campaigns.map((campaign) => (
          <CampaignRow key={campaign.id} slug={slug} campaign={campaign} />
        ))}
      </ul>
    </section>
  );
}

function CampaignRow({ slug, campaign }: { slug: string; campaign: Campaign }) {
  const { t } = useI18n();
  const delivered = campaign.status === 'sending' || campaign.status === 'sent';
  return (
    <li className="list-row newsletter-row">
      <div>
        <Link to={`/t/${slug}/admin/news/newsletters/${campaign.id}`}>
          <strong>{campaign.subject}</strong>
        </Link>
        <p className="small muted">
          <CampaignStatus campaign={campaign} />
        </p>
        {delivered && (
          <DeliveryCounts
            counts={campaign.counts}
            label={`${t('newsletters.counts')}: ${campaign.subject}`}
          />
        )}
      </div>
    </li>
  );
}

/** The state badge, with when it is (or was) sent and to how many. */
export function CampaignStatus({ campaign }: { campaign: Campaign }) {
  const { t, formatDateTime } = useI18n();
  const subtle = campaign.status === 'draft' || campaign.status === 'cancelled';
  return (
    <>
      <span className={`badge${subtle ? ' subtle' : ''}`}>{t(`newsletters.status.${campaign.status}`)}</span>
      {campaign.status === 'scheduled' &&
        campaign.sendAt &&
        ` ・ ${t('newsletters.scheduledFor', { time: formatDateTime(campaign.sendAt) })}`}
      {campaign.status === 'sent' &&
        campaign.sentAt &&
        ` ・ ${t('newsletters.sentAt', { time: formatDateTime(campaign.sentAt) })}`}
      {(campaign.status === 'sending' || campaign.status === 'sent') &&
        ` ・ ${t('newsletters.recipients', { count: campaign.recipientCount })}`}
    </>
  );
}
