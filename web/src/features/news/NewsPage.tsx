import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { useCommunity } from '../community/community-context';
import { monthParts, newsKeys } from './news-keys';

/**
 * The magazine view: the newest articles meant for me, by category or by month, with what I have not
 * opened yet marked. Filters live in the address, so a month or a category can be linked to.
 */
export function NewsPage() {
  const { slug } = useCommunity();
  const { t, locale, formatDateTime } = useI18n();
  const [params] = useSearchParams();
  const category = params.get('category') ?? '';
  const month = params.get('month') ?? '';
  const { data: categories } = useQuery({
    queryKey: newsKeys.categories(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/news/categories', { params: { path: { slug } }, signal })),
  });
  const { data: archive } = useQuery({
    queryKey: newsKeys.archive(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/news/archive', { params: { path: { slug } }, signal })),
  });
  const list = useInfiniteQuery({
    queryKey: newsKeys.list(slug, category, month),
    initialPageParam: '',
    queryFn: ({ pageParam, signal }) =>
      call(
        client.GET('/v1/t/{slug}/news/articles', {
          params: {
            path: { slug },
            query: {
              ...(category ? { category } : {}),
              ...(month ? { month } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
  });
  const articles = list.data?.pages.flatMap((page) => page.articles);
  const link = (next: { category?: string; month?: string }) => {
    const query = new URLSearchParams();
    if (next.category) query.set('category', next.category);
    if (next.month) query.set('month', next.month);
    const text = query.toString();
    return `/t/${slug}/news${text ? `?${text}` : ''}`;
  };
  const heading = month
    ? t('news.monthHeading', monthParts(month, locale))
    : (categories?.categories.find((c) => c.id === category)?.name ?? t('news.title'));
  return (
    <section aria-labelledby="news-title">
      <h1 id="news-title">{heading}</h1>
      <p className="muted">{t('news.lead')}</p>
      <nav aria-label={t('news.categories')}>
        <ul className="pills news-filters">
          <li>
            <Link to={link({ month })} aria-current={category ? undefined : 'page'}>
              {t('news.all')}
            </Link>
          </li>
          {categories?.categories.map((c) => (
            <li key={c.id}>
              <Link
                to={link({ category: c.id, month })}
                aria-current={c.id === category ? 'page' : undefined}
              >
                {c.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <ErrorMessage error={list.error} />
      {!articles && !list.error && <Loading />}
      {articles && articles.length === 0 && <p className="muted">{t('news.none')}</p>}
      <ul className="news-list">
        {articles?.map((article) => (
          <li key={article.id} className={`news-item${article.read ? '' : ' unread'}`}>
            {article.cover && (
              <img
                src={article.cover.url}
                alt=""
                width={article.cover.width}
                height={article.cover.height}
                loading="lazy"
                className="news-cover-thumb"
              />
            )}
            <div>
              <p className="small muted">
                {article.category.name}
                {!article.read && <span className="badge warn news-unread">{t('news.unread')}</span>}
              </p>
              <h2 className="news-item-title">
                <Link to={`/t/${slug}/news/${article.id}`}>{article.title}</Link>
              </h2>
              {article.excerpt && <p className="small">{article.excerpt}</p>}
              <p className="small muted">
                {article.author.name} ・{' '}
                <time dateTime={article.publishedAt}>{formatDateTime(article.publishedAt)}</time>
                {article.revisedAt && ` ・ ${t('news.revised')} ${formatDateTime(article.revisedAt)}`}
              </p>
            </div>
          </li>
        ))}
      </ul>
      {list.hasNextPage && (
        <button type="button" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {t('news.more')}
        </button>
      )}
      {archive && archive.months.length > 0 && (
        <nav aria-label={t('news.archive')} className="card inset">
          <h2>{t('news.archive')}</h2>
          <ul className="plain">
            {archive.months.map((entry) => (
              <li key={entry.month}>
                <Link
                  to={link({ month: entry.month, category })}
                  aria-current={entry.month === month ? 'page' : undefined}
                >
                  {t('news.archiveMonth', { ...monthParts(entry.month, locale), count: entry.count })}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </section>
  );
}
