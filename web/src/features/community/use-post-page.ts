import { useCallback, useEffect, useState } from 'react';
import { api } from '../../app/api';
import type { Post } from './post-model';

type Page = { posts: Post[]; nextCursor: string | null; pinned?: Post[] };

/**
 * A paged list of posts from one endpoint. `refreshTop` fetches the newest page again and puts posts
 * not yet shown at the top, which is how live updates arrive without disturbing what is being read.
 */
export function usePostPage(path: string) {
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(
    async (cursor?: string) => {
      const next = await api<Page>(
        'GET',
        `${path}${path.includes('?') ? '&' : '?'}limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      setPage((current) =>
        cursor && current
          ? { ...current, posts: [...current.posts, ...next.posts], nextCursor: next.nextCursor }
          : next,
      );
    },
    [path],
  );
  useEffect(() => {
    setPage(null);
    load().catch(setError);
  }, [load]);
  const refreshTop = useCallback(async () => {
    const next = await api<Page>('GET', `${path}${path.includes('?') ? '&' : '?'}limit=20`);
    setPage((current) => {
      if (!current) return next;
      const shown = new Set(current.posts.map((p) => p.id));
      const fresh = next.posts.filter((p) => !shown.has(p.id));
      return { ...current, pinned: next.pinned ?? current.pinned, posts: [...fresh, ...current.posts] };
    });
  }, [path]);
  return {
    page,
    error,
    setError,
    more: () => page?.nextCursor && load(page.nextCursor).catch(setError),
    setPosts: (posts: Post[]) => setPage((current) => (current ? { ...current, posts } : current)),
    setPinned: (pinned: Post[]) => setPage((current) => (current ? { ...current, pinned } : current)),
    prepend: (post: Post) =>
      setPage((current) => (current ? { ...current, posts: [post, ...current.posts] } : current)),
    refreshTop,
  };
}

/** Calls `onChange` whenever the server says the network's feed may have changed (server-sent events). */
export function useFeedEvents(slug: string, onChange: () => void) {
  useEffect(() => {
    const source = new EventSource(`/api/v1/t/${slug}/community/feed/stream`);
    source.addEventListener('feed', onChange);
    return () => source.close();
  }, [slug, onChange]);
}
