import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { useCommunity } from './community-context';
import type { Hashtag, PersonCard } from './community-model';
import { GroupCard } from './GroupsPage';
import { PersonCardView } from './PersonCardView';
import { PostList } from './PostList';
import type { Group } from './post-model';
import { usePostPage } from './use-post-page';

function HashtagPosts({ slug, tag }: { slug: string; tag: string }) {
  const { t } = useI18n();
  const posts = usePostPage(`/t/${slug}/community/hashtags/${encodeURIComponent(tag)}/posts`);
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
  const [groups, setGroups] = useState<Group[]>([]);
  useEffect(() => {
    const get = (scope: string) =>
      api<{ groups: Group[] }>(
        'GET',
        `/t/${slug}/community/groups?scope=${scope}&hashtag=${encodeURIComponent(tag)}`,
      );
    Promise.all([get('mine'), get('discover')]).then(
      ([mine, other]) => setGroups([...mine.groups, ...other.groups]),
      () => setGroups([]),
    );
  }, [slug, tag]);
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

type TagPage = {
  hashtag: Hashtag;
  following: boolean;
  followers: number;
  people: PersonCard[];
  nextCursor: string | null;
};

/** A hashtag's page: follow it, and see who carries it. A tag nobody uses yet can still be followed. */
export function HashtagPage() {
  const { tag = '' } = useParams();
  const { t } = useI18n();
  const { slug } = useCommunity();
  const [page, setPage] = useState<TagPage | null>(null);
  const [unused, setUnused] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    try {
      setPage(await api<TagPage>('GET', `/t/${slug}/community/hashtags/${encodeURIComponent(tag)}`));
      setUnused(false);
    } catch (caught) {
      if (caught instanceof ApiError && caught.problem.status === 404) setUnused(true);
      else throw caught;
    }
  }, [slug, tag]);
  useEffect(() => {
    setPage(null);
    load().catch(setError);
  }, [load]);
  const toggle = async (follow: boolean) => {
    try {
      await api(follow ? 'PUT' : 'DELETE', `/t/${slug}/community/hashtags/${encodeURIComponent(tag)}/follow`);
      await load();
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
