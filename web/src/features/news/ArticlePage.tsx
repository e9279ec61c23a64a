import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ArrowLeft, Heart, Lightbulb, PartyPopper, ThumbsUp } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { useCommunity } from '../community/community-context';
import { ArticleComments } from './ArticleComments';
import { newsKeys } from './news-keys';

const reactionKinds = ['like', 'clap', 'idea', 'heart'] as const;
const reactionIcons = { like: ThumbsUp, clap: PartyPopper, idea: Lightbulb, heart: Heart } as const;

/** One article: cover, byline, dates (with 「更新」 after an edit), the sanitised text, reactions and comments. */
export function ArticlePage() {
  const { id = '' } = useParams();
  const { slug } = useCommunity();
  const { t, formatDateTime } = useI18n();
  const queryClient = useQueryClient();
  const key = newsKeys.article(slug, id);
  const { data: article, error } = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/news/articles/{id}', { params: { path: { slug, id } }, signal })),
  });
  // Opening the article marked it read on the server: the lists' unread markers follow.
  const loaded = Boolean(article);
  useEffect(() => {
    if (loaded) queryClient.invalidateQueries({ queryKey: [...newsKeys.all(slug), 'list'] });
  }, [loaded, slug, queryClient]);
  const [actionError, setActionError] = useState<unknown>(null);
  const react = async (kind: (typeof reactionKinds)[number]) => {
    if (!article) return;
    setActionError(null);
    const mine = article.myReactions.includes(kind);
    try {
      await call(
        (mine ? client.DELETE : client.PUT)('/v1/t/{slug}/news/articles/{id}/reactions/{kind}', {
          params: { path: { slug, id, kind } },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: key });
    } catch (caught) {
      setActionError(caught);
    }
  };
  return (
    <article aria-labelledby="article-title" className="news-article">
      <p>
        <Link to={`/t/${slug}/news`}>
          <ArrowLeft aria-hidden="true" className="icon" /> {t('news.back')}
        </Link>
      </p>
      {!article && !error && <Loading />}
      <ErrorMessage error={error} />
      {article && (
        <>
          <p className="small muted">
            <Link to={`/t/${slug}/news?category=${article.category.id}`}>{article.category.name}</Link>
          </p>
          <h1 id="article-title">{article.title}</h1>
          <p className="small muted">
            {article.author.name} ・ {t('news.published')}{' '}
            <time dateTime={article.publishedAt}>{formatDateTime(article.publishedAt)}</time>
            {article.revisedAt && (
              <>
                {' '}
                ・ {t('news.revised')}{' '}
                <time dateTime={article.revisedAt}>{formatDateTime(article.revisedAt)}</time>
              </>
            )}
          </p>
          {article.cover && (
            <img
              src={article.cover.url}
              alt=""
              width={article.cover.width}
              height={article.cover.height}
              className="news-cover"
            />
          )}
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised allowlist HTML */}
          <div className="post-body news-body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
          <ErrorMessage error={actionError} />
          {article.allowReactions && (
            <div className="reactions">
              {reactionKinds.map((kind) => {
                const Icon = reactionIcons[kind];
                return (
                  <button
                    key={kind}
                    type="button"
                    className={`reaction${article.myReactions.includes(kind) ? ' mine' : ''}`}
                    aria-pressed={article.myReactions.includes(kind)}
                    onClick={() => react(kind)}
                  >
                    <Icon aria-hidden="true" className="icon" />
                    <span className="visually-hidden">{t(`reaction.${kind}`)}</span>{' '}
                    {article.reactions[kind] ?? 0}
                  </button>
                );
              })}
            </div>
          )}
          {article.allowComments && (
            <ArticleComments
              slug={slug}
              id={id}
              onChange={() => queryClient.invalidateQueries({ queryKey: key })}
            />
          )}
        </>
      )}
    </article>
  );
}
