import { createRoute, z } from '@hono/zod-openapi';
import { jsonContent, problems } from '../../../platform/http/router.js';
import { TenantParamSchema } from '../../tenancy/schemas.js';
import { withTenant } from '../../tenancy/tenant-context.js';
import { createCommunityRouter } from '../community-router.js';
import { presentPersonCard } from '../presenters.js';
import {
  HashtagParamSchema,
  HashtagSchema,
  HashtagSuggestQuerySchema,
  PersonCardSchema,
} from '../schemas.js';
import { loadHashtagPage } from './hashtag-page.js';
import {
  followedHashtags,
  followHashtag,
  suggestHashtags,
  trendingHashtags,
  unfollowHashtag,
} from './hashtags.js';

export const hashtagRoutes = createCommunityRouter();
const tags = ['community'];

const FollowStateSchema = z.object({ hashtag: HashtagSchema, following: z.boolean() });

hashtagRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/hashtags',
    tags,
    summary: 'Hashtags starting with what was typed (＃, full-width and case ignored), most used first',
    request: { params: TenantParamSchema, query: HashtagSuggestQuerySchema },
    responses: {
      200: jsonContent(z.object({ hashtags: z.array(HashtagSchema.extend({ uses: z.number().int() })) })),
      ...problems(401, 404, 422),
    },
  }),
  async (c) => {
    const { prefix, limit } = c.req.valid('query');
    const rows = await withTenant(c, (ctx) => suggestHashtags(ctx, prefix ?? '', limit));
    return c.json({ hashtags: rows }, 200);
  },
);

hashtagRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/hashtags/trending',
    tags,
    summary: 'Hashtags used in the most posts this week',
    request: {
      params: TenantParamSchema,
      query: z.object({ limit: z.coerce.number().int().min(1).max(30).default(10) }),
    },
    responses: {
      200: jsonContent(z.object({ hashtags: z.array(HashtagSchema.extend({ uses: z.number().int() })) })),
      ...problems(401, 404, 422),
    },
  }),
  async (c) => {
    const rows = await withTenant(c, (ctx) => trendingHashtags(ctx, c.req.valid('query').limit));
    return c.json({ hashtags: rows }, 200);
  },
);

hashtagRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/hashtags/{tag}',
    tags,
    summary: 'A hashtag page: the people who carry it and whether I follow it',
    request: { params: HashtagParamSchema },
    responses: {
      200: jsonContent(
        FollowStateSchema.extend({
          followers: z.number().int(),
          people: z.array(PersonCardSchema),
          nextCursor: z.string().nullable(),
        }),
      ),
      ...problems(401, 404),
    },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) => {
      const page = await loadHashtagPage(ctx, c.req.valid('param').tag);
      return {
        ...page,
        people: page.people.map((person) => presentPersonCard(ctx.actor, ctx.tenant, person)),
      };
    });
    return c.json(body, 200);
  },
);

hashtagRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/t/{slug}/community/hashtags/{tag}/follow',
    tags,
    summary: 'Follow a hashtag (created if the network does not have it yet)',
    request: { params: HashtagParamSchema },
    responses: { 200: jsonContent(FollowStateSchema), ...problems(401, 404) },
  }),
  async (c) => {
    const row = await withTenant(c, (ctx) => followHashtag(ctx, c.req.valid('param').tag));
    return c.json({ hashtag: { key: row.key, label: row.label }, following: true }, 200);
  },
);

hashtagRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/t/{slug}/community/hashtags/{tag}/follow',
    tags,
    summary: 'Stop following a hashtag',
    request: { params: HashtagParamSchema },
    responses: { 200: jsonContent(FollowStateSchema), ...problems(401, 404) },
  }),
  async (c) => {
    const row = await withTenant(c, (ctx) => unfollowHashtag(ctx, c.req.valid('param').tag));
    return c.json({ hashtag: { key: row.key, label: row.label }, following: false }, 200);
  },
);

hashtagRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/me/following',
    tags,
    summary: 'The hashtags I follow',
    request: { params: TenantParamSchema },
    responses: { 200: jsonContent(z.object({ hashtags: z.array(HashtagSchema) })), ...problems(401, 404) },
  }),
  async (c) => {
    const rows = await withTenant(c, (ctx) => followedHashtags(ctx));
    return c.json({ hashtags: rows }, 200);
  },
);
