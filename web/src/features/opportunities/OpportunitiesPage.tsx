import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { useCommunity } from '../community/community-context';
import { kinds, type OpportunityKind, opportunityKeys } from './opportunity-model';
import { SentReferrals } from './SentReferrals';

/** The member tab 機会: open opportunities meant for me, newest or closing soonest first, by kind. */
export function OpportunitiesPage() {
  const { t } = useI18n();
  const { slug } = useCommunity();
  const [params, setParams] = useSearchParams();
  const kind = (kinds as readonly string[]).includes(params.get('kind') ?? '')
    ? (params.get('kind') as OpportunityKind)
    : undefined;
  const sort = params.get('sort') === 'closing' ? 'closing' : 'newest';
  const list = useInfiniteQuery({
    queryKey: opportunityKeys.memberList(slug, kind ?? '', sort),
    initialPageParam: '',
    queryFn: ({ pageParam, signal }) =>
      call(
        client.GET('/v1/t/{slug}/community/opportunities', {
          params: {
            path: { slug },
            query: { ...(kind ? { kind } : {}), sort, ...(pageParam ? { cursor: pageParam } : {}) },
          },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const choose = (key: 'kind' | 'sort', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const items = list.data?.pages.flatMap((page) => page.opportunities);
  return (
    <section>
      <h1>{t('opportunities.title')}</h1>
      <p className="lead">{t('opportunities.lead')}</p>
      <div className="card">
        <p>{t('chats.openCall')}</p>
        <Link to={`/t/${slug}/chats`}>{t('chats.openLink')}</Link>
      </div>
      <div className="filters">
        <div className="field">
          <label htmlFor="opportunity-kind">{t('opportunities.kind')}</label>
          <select id="opportunity-kind" value={kind ?? ''} onChange={(e) => choose('kind', e.target.value)}>
            <option value="">{t('opportunities.allKinds')}</option>
            {kinds.map((value) => (
              <option key={value} value={value}>
                {t(`opportunity.kind.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="opportunity-sort">{t('opportunities.sort')}</label>
          <select id="opportunity-sort" value={sort} onChange={(e) => choose('sort', e.target.value)}>
            <option value="newest">{t('opportunities.sort.newest')}</option>
            <option value="closing">{t('opportunities.sort.closing')}</option>
          </select>
        </div>
      </div>
      <ErrorMessage error={list.error} />
      {list.isPending && <Loading />}
      {items && items.length === 0 && <p className="muted">{t('opportunities.empty')}</p>}
      <ul className="people">
        {items?.map((item) => (
          <li key={item.id} className="person">
            <div>
              <Link to={`/t/${slug}/opportunities/${item.id}`} className="person-name">
                {item.title}
              </Link>
              <p className="small">
                <span className="badge">{t(`opportunity.kind.${item.kind}`)}</span>
                {item.isNew && <span className="badge warn">{t('opportunity.new')}</span>}
                {item.closingSoon && <span className="badge warn">{t('opportunity.closingSoon')}</span>}
                {item.interest?.status === 'interested' && (
                  <span className="badge">{t('opportunities.interested')}</span>
                )}
              </p>
              <p className="muted small">
                {[item.team, item.location].filter(Boolean).join(' ・ ')}
                {(item.team || item.location) && ' ・ '}
                {item.closesOn
                  ? t('opportunity.closesOnValue', { date: item.closesOn })
                  : t('opportunity.noDeadline')}
              </p>
            </div>
          </li>
        ))}
      </ul>
      {list.hasNextPage && (
        <button type="button" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {t('opportunities.more')}
        </button>
      )}
      <SentReferrals slug={slug} />
    </section>
  );
}
