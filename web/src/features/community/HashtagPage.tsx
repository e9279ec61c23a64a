import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { communityKeys, useCommunity } from './community-context';
import { GroupCard } from './GroupsPage';
import { PersonCardView } from './PersonCardView';
import { PostList } from './PostList';
import { usePostPage } from './use-post-page';

function HashtagPosts({ slug, tag }: { slug: string; tag: string }) {
  const { t } = useI18n();
  const posts = usePostPage(slug, 'hashtag', tag);
  return (
    <>
      <h2>{t('hashtags.posts')}</h2>
      <ErrorMessage error={posts.error} />
      {posts.page ? (
        <PostList
          slug={slug}
          posts={posts.page.posts}
          nextCursor={posts.page.nextCursor}
          empty={t('hashtags.emptyPosts', { tag })}
          onMore={() => posts.more()}
          onChange={posts.setPosts}
        />
      ) : (
        <Loading />
      )}
    </>
  );
}

function HashtagGroups({ slug, tag }: { slug: string; tag: string }) {
  const { t } = useI18n();
  // Groups about the tag: mine first, then those I could join. Without them the page simply has no list.
  const groupsOf = (scope: 'mine' | 'discover') => ({
    queryKey: communityKeys.groups(slug, scope, tag),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      call(
        client.GET('/v1/t/{slug}/community/groups', {
          params: { path: { slug }, query: { scope, hashtag: tag } },
          signal,
        }),
      ),
  });
  const mine = useQuery(groupsOf('mine'));
  const other = useQuery(groupsOf('discover'));
  const groups = mine.data && other.data ? [...mine.data.groups, ...other.data.groups] : [];
  if (groups.length === 0) return null;
  return (
    <>
      <h2>{t('hashtags.groups')}</h2>
      <ul className="people">
        {groups.map((group) => (
          <GroupCard key={group.id} slug={slug} group={group} />
        ))}
      </ul>
    </>
  );
}

/** A hashtag's page: follow it, and see who carries it. A tag nobody uses yet can still be followed. */
export function HashtagPage() {
  const { tag = '' } = useParams();
  const { t } = useI18n();
  const { slug } = useCommunity();
  const queryClient = useQueryClient();
  const key = communityKeys.hashtag(slug, tag);
  const { data: page, error: loadError } = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/community/hashtags/{tag}', { params: { path: { slug, tag } }, signal })),
  });
  // A tag nobody carries yet has no page (404), but can still be followed.
  const unused = loadError instanceof ApiError && loadError.problem.status === 404;
  const [writeError, setError] = useState<unknown>(null);
  const error = writeError ?? (unused ? null : loadError);
  const toggle = async (follow: boolean) => {
    try {
      const params = { path: { slug, tag } };
      await call(
        follow
          ? client.PUT('/v1/t/{slug}/community/hashtags/{tag}/follow', { params })
          : client.DELETE('/v1/t/{slug}/community/hashtags/{tag}/follow', { params }),
      );
      // Following changes the tag's page, my followed tags and what reaches my feed.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: key }),
        queryClient.invalidateQueries({ queryKey: ['t', slug, 'community', 'hashtags'] }),
        queryClient.invalidateQueries({ queryKey: communityKeys.posts(slug, 'feed', '') }),
      ]);
    } catch (caught) {
      setError(caught);
    }
  };

  if (error) return <ErrorMessage error={error} />;
  if (unused) {
    return (
      <section className="card">
        <h1>#{tag.replace(/^[#＃]/, '')}</h1>
        <p className="muted">{t('hashtags.notFound')}</p>
        <button type="button" onClick={() => toggle(true)}>
          {t('hashtags.follow')}
        </button>
      </section>
    );
  }
  if (!page) return <Loading />;
  return (
    <section>
      <div className="card">
        <h1>#{page.hashtag.label}</h1>
        <p className="muted">{t('hashtags.followers', { count: page.followers })}</p>
        {page.following ? (
          <button
            type="button"
            className="secondary"
            aria-pressed="true"
            aria-label={t('hashtags.unfollowLabel', { tag: `#${page.hashtag.label}` })}
            onClick={() => toggle(false)}
          >
            {t('hashtags.unfollow')}
          </button>
        ) : (
          <button type="button" onClick={() => toggle(true)}>
            {t('hashtags.follow')}
          </button>
        )}
      </div>
      <HashtagGroups slug={slug} tag={page.hashtag.key} />
      <HashtagPosts slug={slug} tag={page.hashtag.key} />
      <h2>{t('hashtags.people')}</h2>
      {page.people.length === 0 && <p className="muted">{t('people.none')}</p>}
      <ul className="people">
        {page.people.map((person) => (
          <PersonCardView key={person.id} slug={slug} person={person} />
        ))}
      </ul>
      {page.nextCursor && (
        <Link to={`/t/${slug}/people?hashtag=${encodeURIComponent(page.hashtag.key)}`}>
          {t('hashtags.allPeople')}
        </Link>
      )}
    </section>
  );
}
