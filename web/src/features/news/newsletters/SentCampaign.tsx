import { Link } from 'react-router';
import type { Schemas } from '../../../app/api/types';
import { useI18n } from '../../../app/i18n';
import { DeliveryCounts, TrackingCounts } from './DeliveryCounts';

/** A campaign that can no longer be changed (scheduled, going out, sent, cancelled): what it says and its counts. */
export function SentCampaign({ slug, campaign }: { slug: string; campaign: Schemas['Newsletter'] }) {
  const { t } = useI18n();
  return (
    <div className="newsletter-sent">
      {campaign.intro && <p className="pre-line">{campaign.intro}</p>}
      {campaign.articles.length > 0 && (
        <>
          <h3>{t('newsletters.articles')}</h3>
          <ul>
            {campaign.articles.map((article) => (
              <li key={article.id}>
                {article.title}
                {!article.published && <span className="muted"> {t('newsletters.unpublished')}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {(campaign.status === 'sending' || campaign.status === 'sent') && (
        <>
          <h3 id="newsletter-counts">{t('newsletters.counts')}</h3>
          <DeliveryCounts counts={campaign.counts} label={t('newsletters.counts')} />
          {campaign.tracking && (
            <>
              <h3 id="newsletter-tracking">{t('newsletters.tracking')}</h3>
              <TrackingCounts tracking={campaign.tracking} />
            </>
          )}
          <p>
            <Link to={`/t/${slug}/admin/news/newsletters/${campaign.id}/deliveries`}>
              {t('newsletters.deliveries.open')}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
