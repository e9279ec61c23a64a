import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { OkSchema } from '../../../platform/auth/schemas.js';
import { enforceRateLimit } from '../../../platform/http/rate-limit.js';
import { jsonBody, jsonContent, problems } from '../../../platform/http/router.js';
import { TenantParamSchema } from '../../tenancy/schemas.js';
import { type TenantEnv, type TenantServiceContext, withTenant } from '../../tenancy/tenant-context.js';
import { createCommunityRouter } from '../community-router.js';
import { HashtagParamSchema, MemberParamSchema } from '../schemas.js';
import { groupFeed, hashtagFeed, homeFeed, pinnedPosts } from './feeds.js';
import {
  EditPostSchema,
  FeedQuerySchema,
  FeedSchema,
  NewPostSchema,
  PinSchema,
  PostParamSchema,
  PostSchema,
} from './post-schemas.js';
import { loadPostViews, presentPost } from './post-views.js';
import { createPost, deletePost, editPost, findReadablePost, pinPost } from './write-posts.js';

export const postRoutes = createCommunityRouter();
const tags = ['community'];
const PostsPageSchema = z.object({ posts: z.array(PostSchema), nextCursor: z.string().nullable() });

export async function present(ctx: TenantServiceContext, ids: string[]) {
  return (await loadPostViews(ctx, ids)).map((view) => presentPost(ctx.actor, ctx.tenant, view));
}

/** Posting and commenting are rate-limited per member: generous for people, tight for scripts. */
export function limitWrites(c: Context<TenantEnv>, what: 'post' | 'comment') {
  return enforceRateLimit(c.var.deps.database.db, `${what}:${c.var.tenant.id}:${c.var.actor.membershipId}`, {
    limit: what === 'post' ? 10 : 30,
    windowSeconds: 60,
  });
}

postRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/feed',
    tags,
    summary: 'Home feed: announcements, my groups, hashtags I follow and my own posts; newest first',
    request: { params: TenantParamSchema, query: FeedQuerySchema },
    responses: { 200: jsonContent(FeedSchema), ...problems(401, 404, 422) },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const body = await withTenant(c, async (ctx) => {
      const page = await homeFeed(ctx, query);
      return {
        pinned: query.cursor ? [] : await present(ctx, await pinnedPosts(ctx)),
        posts: await present(
          ctx,
          page.items.map((item) => item.id),
        ),
        nextCursor: page.nextCursor,
      };
    });
    return c.json(body, 200);
  },
);

postRoutes.get('/t/:slug/community/feed/stream', (c) =>
  // Server-sent events: a "feed" event whenever something may have changed in the network; the page
  // then asks for the newest posts, so what reaches each member is still decided by the feed query.
  streamSSE(c, async (stream) => {
    let wake: (() => void) | null = null;
    let pending = false;
    const unsubscribe = c.var.deps.events.subscribe(c.var.tenant.id, () => {
      pending = true;
      wake?.();
    });
    // On shutdown the stream ends; the browser's EventSource reconnects to whichever instance runs next.
    const shutdown = c.var.deps.shutdown.signal;
    const stop = () => wake?.();
    shutdown.addEventListener('abort', stop);
    stream.onAbort(() => {
      unsubscribe();
      wake?.();
    });
    await stream.writeSSE({ event: 'ready', data: '{}' });
    const open = () => !stream.aborted && !stream.closed && !shutdown.aborted;
    while (open()) {
      if (!pending) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          // A comment line every 25 s keeps proxies from closing an idle stream.
          setTimeout(resolve, 25_000).unref();
        });
        wake = null;
      }
      if (!open()) break;
      if (pending) {
        pending = false;
        await stream.writeSSE({ event: 'feed', data: '{}' });
      } else {
        await stream.write(': keep-alive\n\n');
      }
    }
    shutdown.removeEventListener('abort', stop);
    unsubscribe();
  }),
);

postRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/community/posts',
    tags,
    summary: 'Post to the network or to a group; staff may post announcements',
    request: { params: TenantParamSchema, ...jsonBody(NewPostSchema) },
    responses: { 201: jsonContent(PostSchema), ...problems(401, 403, 404, 422, 429) },
  }),
  async (c) => {
    await limitWrites(c, 'post');
    const body = await withTenant(c, async (ctx) => {
      const post = await createPost(ctx, c.req.valid('json'));
      return (await present(ctx, [post.id]))[0]!;
    });
    c.var.deps.events.publish(c.var.tenant.id, { type: 'feed' });
    return c.json(body, 201);
  },
);

postRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/posts/{id}',
    tags,
    summary: 'One post',
    request: { params: PostParamSchema },
    responses: { 200: jsonContent(PostSchema), ...problems(401, 404) },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) => {
      const post = await findReadablePost(ctx, c.req.valid('param').id);
      return (await present(ctx, [post.id]))[0]!;
    });
    return c.json(body, 200);
  },
);

postRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/t/{slug}/community/posts/{id}',
    tags,
    summary: 'Edit my post',
    request: { params: PostParamSchema, ...jsonBody(EditPostSchema) },
    responses: { 200: jsonContent(PostSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) => {
      const post = await editPost(ctx, c.req.valid('param').id, c.req.valid('json').body);
      return (await present(ctx, [post.id]))[0]!;
    });
    c.var.deps.events.publish(c.var.tenant.id, { type: 'feed' });
    return c.json(body, 200);
  },
);

postRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/t/{slug}/community/posts/{id}',
    tags,
    summary: 'Delete my post (staff and moderators may delete any post; that is audited)',
    request: { params: PostParamSchema },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    await withTenant(c, (ctx) => deletePost(ctx, c.req.valid('param').id));
    c.var.deps.events.publish(c.var.tenant.id, { type: 'feed' });
    return c.json({ ok: true as const }, 200);
  },
);

postRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/t/{slug}/community/posts/{id}/pin',
    tags,
    summary: 'Pin or unpin an announcement (staff)',
    request: { params: PostParamSchema, ...jsonBody(PinSchema) },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    await withTenant(c, (ctx) => pinPost(ctx, c.req.valid('param').id, c.req.valid('json').pinned));
    c.var.deps.events.publish(c.var.tenant.id, { type: 'feed' });
    return c.json({ ok: true as const }, 200);
  },
);

postRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/groups/{id}/posts',
    tags,
    summary: "A group's posts (empty for those who may not read them)",
    request: { params: MemberParamSchema, query: FeedQuerySchema },
    responses: { 200: jsonContent(PostsPageSchema), ...problems(401, 404, 422) },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) => {
      const page = await groupFeed(ctx, c.req.valid('param').id, c.req.valid('query'));
      return {
        posts: await present(
          ctx,
          page.items.map((item) => item.id),
        ),
        nextCursor: page.nextCursor,
      };
    });
    return c.json(body, 200);
  },
);

postRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/hashtags/{tag}/posts',
    tags,
    summary: 'Posts under a hashtag',
    request: { params: HashtagParamSchema, query: FeedQuerySchema },
    responses: { 200: jsonContent(PostsPageSchema), ...problems(401, 404, 422) },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) => {
      const page = await hashtagFeed(ctx, c.req.valid('param').tag, c.req.valid('query'));
      return {
        posts: await present(
          ctx,
          page.items.map((item) => item.id),
        ),
        nextCursor: page.nextCursor,
      };
    });
    return c.json(body, 200);
  },
);
