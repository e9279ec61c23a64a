import { useCallback } from 'react';
import { useI18n } from '../../app/i18n';
import { isStaffRole, type Role } from '../../app/session';
import { ErrorMessage, Loading } from '../../app/ui';
import { Composer } from './Composer';
import { FeedSuggestions } from './FeedSuggestions';
import { PostList } from './PostList';
import { useFeedEvents, usePostPage } from './use-post-page';

/** The home feed with its composer; new posts from others slide in at the top as they are made. */
export function HomeFeed({ slug, role }: { slug: string; role: Role }) {
  const { t } = useI18n();
  const feed = usePostPage(slug, 'feed');
  const { refreshTop, setError } = feed;
  useFeedEvents(
    slug,
    useCallback(() => {
      refreshTop().catch(setError);
    }, [refreshTop, setError]),
  );
  return (
    <section aria-labelledby="feed-title">
      <h2 id="feed-title">{t('feed.title')}</h2>
      <Composer slug={slug} canAnnounce={isStaffRole(role)} onPosted={feed.prepend} />
      <ErrorMessage error={feed.error} />
      {!feed.page && !feed.error && <Loading />}
      {feed.page && (
        <>
          {(feed.page.pinned ?? []).length > 0 && (
            <PostList
              slug={slug}
              posts={feed.page.pinned ?? []}
              nextCursor={null}
              onChange={feed.setPinned}
            />
          )}
          {feed.page.posts.length === 0 ? (
            // Nothing but (at most) the pinned announcements: say so, and show where to start.
            <div className="card empty-feed">
              <p>
                {(feed.page.pinned ?? []).length > 0 ? t('feed.emptyBesidesPinned') : t('feed.emptyNew')}{' '}
                {t('feed.emptyNext')}
              </p>
              <FeedSuggestions slug={slug} onFollowed={() => refreshTop().catch(setError)} />
            </div>
          ) : (
            <PostList
              slug={slug}
              posts={feed.page.posts}
              nextCursor={feed.page.nextCursor}
              onMore={() => feed.more()}
              onChange={feed.setPosts}
            />
          )}
        </>
      )}
    </section>
  );
}
