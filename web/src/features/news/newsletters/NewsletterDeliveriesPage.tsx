import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { call, client } from '../../../app/api';
import { useDeskWidth } from '../../../app/desk';
import { useI18n } from '../../../app/i18n';
import { ErrorMessage, Loading } from '../../../app/ui';
import { useConsoleHome } from '../../admin/AdminLayout';
import { DeliveryCounts, TrackingCounts } from './DeliveryCounts';
import { DeliveriesTable, DeliveryCards } from './DeliveryRows';
import { inFlight, newsletterKeys, SENDING_REFRESH_MS } from './newsletter-keys';

const states = ['queued', 'sent', 'failed', 'bounced', 'unsubscribed'] as const;
type State = (typeof states)[number];
const stateOf = (value: string | null): State | undefined => states.find((state) => state === value);

/**
 * Each recipient of one newsletter: counts per state, the list filtered by state and paged as the
 * server pages it (by name), and the list as CSV for Excel. The state and page live in the address,
 * so a filtered list can be shared and the back button returns to it.
 */
export function NewsletterDeliveriesPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const desk = useDeskWidth();
  const filterId = useId();
  const [params, setParams] = useSearchParams();
  const status = stateOf(params.get('status'));
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  // This opening of the screen: the server audits each state and page once per visit, not per refresh.
  const [visit] = useState(() => crypto.randomUUID());
  const campaign = useQuery({
    queryKey: newsletterKeys.one(slug, id),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/news-desk/newsletters/{id}', { params: { path: { slug, id } }, signal })),
    staleTime: 0,
    refetchInterval: (query) => (query.state.data && inFlight(query.state.data) ? SENDING_REFRESH_MS : false),
  });
  const going = campaign.data ? inFlight(campaign.data) : false;
  const list = useQuery({
    queryKey: newsletterKeys.deliveries(slug, id, status ?? 'all', page),
    queryFn: ({ signal }) =>
      call(
        client.GET('/v1/t/{slug}/news-desk/newsletters/{id}/deliveries', {
          params: { path: { slug, id }, query: { page, visit, ...(status ? { status } : {}) } },
          signal,
        }),
      ),
    staleTime: 0,
    placeholderData: keepPreviousData,
    refetchInterval: going ? SENDING_REFRESH_MS : false,
  });
  const number = (n: number) => n.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-GB');
  const show = (changes: { status?: State | undefined; page?: number }) => {
    const next = new URLSearchParams();
    const nextStatus = 'status' in changes ? changes.status : status;
    if (nextStatus) next.set('status', nextStatus);
    const nextPage = changes.page ?? 1;
    if (nextPage > 1) next.set('page', String(nextPage));
    setParams(next);
  };
  const exportUrl = (encoding: 'utf8' | 'cp932') =>
    `/api/v1/t/${slug}/news-desk/newsletters/${id}/deliveries/export?${new URLSearchParams({
      encoding,
      ...(status ? { status } : {}),
    })}`;

  if (campaign.error) return <ErrorMessage error={campaign.error} />;
  if (!campaign.data) return <Loading />;
  const data = list.data;
  const tracked = campaign.data.tracking !== null;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const first = data && data.total > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const last = data ? Math.min(data.total, data.page * data.pageSize) : 0;
  const range = t('newsletters.deliveries.range', {
    first: number(first),
    last: number(last),
    total: number(data?.total ?? 0),
  });
  const label = status
    ? t('newsletters.deliveries.listIn', { state: t(`newsletters.count.${status}`) })
    : t('newsletters.deliveries.list');

  return (
    <section className="wide" aria-labelledby="newsletter-deliveries-title">
      <p>
        <Link to={`/t/${slug}/admin/news/newsletters/${id}`}>← {t('newsletters.deliveries.back')}</Link>
      </p>
      <h2 id="newsletter-deliveries-title">{t('newsletters.deliveries.title')}</h2>
      <p className="newsletter-subject">
        <strong>{campaign.data.subject}</strong>
      </p>
      <DeliveryCounts counts={campaign.data.counts} label={t('newsletters.counts')} />
      {campaign.data.tracking && <TrackingCounts tracking={campaign.data.tracking} />}
      <div className="field">
        <label htmlFor={`${filterId}-status`}>{t('newsletters.deliveries.filter')}</label>
        <select
          id={`${filterId}-status`}
          value={status ?? ''}
          onChange={(event) => show({ status: stateOf(event.target.value) })}
        >
          <option value="">{t('newsletters.deliveries.all')}</option>
          {states.map((state) => (
            <option key={state} value={state}>
              {t(`newsletters.count.${state}`)}
            </option>
          ))}
        </select>
      </div>
      <ErrorMessage error={list.error} />
      {list.isPending && <Loading />}
      {data && data.total === 0 && <p className="muted">{t('newsletters.deliveries.none')}</p>}
      {data && data.deliveries.length > 0 && (
        <>
          <p className="small" aria-live="polite">
            {range}
          </p>
          {desk ? (
            <DeliveriesTable
              deliveries={data.deliveries}
              tracked={tracked}
              caption={t('newsletters.deliveries.caption', { list: label, range })}
            />
          ) : (
            <DeliveryCards deliveries={data.deliveries} tracked={tracked} label={label} />
          )}
        </>
      )}
      {data && pages > 1 && (
        <nav className="row pager" aria-label={t('newsletters.deliveries.pages')}>
          <button type="button" disabled={page <= 1} onClick={() => show({ page: page - 1 })}>
            {t('newsletters.deliveries.previous')}
          </button>
          <span className="small">{t('newsletters.deliveries.pageOf', { page, pages })}</span>
          <button type="button" disabled={page >= pages} onClick={() => show({ page: page + 1 })}>
            {t('newsletters.deliveries.next')}
          </button>
        </nav>
      )}
      <section className="card" aria-labelledby={`${filterId}-export`}>
        <h3 id={`${filterId}-export`}>{t('newsletters.deliveries.export')}</h3>
        <p className="hint">
          {status
            ? t('newsletters.deliveries.exportHintIn', { state: t(`newsletters.count.${status}`) })
            : t('newsletters.deliveries.exportHint')}
        </p>
        <p>
          <a href={exportUrl('utf8')} download>
            {t('newsletters.deliveries.downloadUtf8')}
          </a>
          {' ・ '}
          <a href={exportUrl('cp932')} download>
            {t('newsletters.deliveries.downloadSjis')}
          </a>
        </p>
      </section>
    </section>
  );
}
