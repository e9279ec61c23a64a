import { type InfiniteData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { call, client } from '../../app/api';
import { communityKeys } from './community-context';
import type { Post } from './post-model';

type Page = { posts: Post[]; nextCursor: string | null; pinned?: Post[] };
/** Where the posts come from: the home feed, a group (by id) or a hashtag (by key). */
export type PostSource = 'feed' | 'group' | 'hashtag';
const limit = 20;

function fetchPage(
  slug: string,
  source: PostSource,
  id: string,
  cursor: string | undefined,
  signal: AbortSignal,
) {
  const query = { limit, ...(cursor ? { cursor } : {}) };
  if (source === 'group') {
    return call(
      client.GET('/v1/t/{slug}/community/groups/{id}/posts', {
        params: { path: { slug, id }, query },
        signal,
      }),
    );
  }
  if (source === 'hashtag') {
    return call(
      client.GET('/v1/t/{slug}/community/hashtags/{tag}/posts', {
        params: { path: { slug, tag: id }, query },
        signal,
      }),
    );
  }
  return call(client.GET('/v1/t/{slug}/community/feed', { params: { path: { slug }, query }, signal }));
}

/**
 * A paged list of posts from one endpoint (the home feed, a group's or a hashtag's posts). Reading it
 * again (`refreshTop`, or a write elsewhere invalidating it) fetches as many pages as are shown, so
 * new posts arrive at the top without losing what is being read further down.
 */
export function usePostPage(slug: string, source: PostSource, id = '') {
  const queryClient = useQueryClient();
  const queryKey = useMemo(() => communityKeys.posts(slug, source, id), [slug, source, id]);
  const [writeError, setError] = useState<unknown>(null);
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }): Promise<Page> => fetchPage(slug, source, id, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
  });
  const pages = query.data?.pages;
  const page = useMemo<Page | null>(
    () =>
      pages?.[0]
        ? {
            posts: pages.flatMap((p) => p.posts),
            nextCursor: pages[pages.length - 1]?.nextCursor ?? null,
            pinned: pages[0].pinned,
          }
        : null,
    [pages],
  );

  /** Changes the cached pages in place: a card edited, reacted to or deleted, or a post just made. */
  const edit = useCallback(
    (change: (pages: Page[]) => Page[]) =>
      queryClient.setQueryData<InfiniteData<Page, string | undefined>>(queryKey, (current) =>
        current ? { ...current, pages: change(current.pages) } : current,
      ),
    [queryClient, queryKey],
  );
  const refreshTop = useCallback(() => query.refetch().then(() => undefined), [query.refetch]);
  return {
    page,
    error: writeError ?? query.error,
    setError,
    more: () => {
      if (query.hasNextPage && !query.isFetchingNextPage) query.fetchNextPage().catch(setError);
    },
    setPosts: (posts: Post[]) => {
      const byId = new Map(posts.map((p) => [p.id, p]));
      edit((current) =>
        current.map((p) => ({
          ...p,
          posts: p.posts.flatMap((post) => {
            const next = byId.get(post.id);
            return next ? [next] : [];
          }),
        })),
      );
    },
    setPinned: (pinned: Post[]) =>
      edit((current) => current.map((p, index) => (index === 0 ? { ...p, pinned } : p))),
    prepend: (post: Post) =>
      edit((current) => current.map((p, index) => (index === 0 ? { ...p, posts: [post, ...p.posts] } : p))),
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
