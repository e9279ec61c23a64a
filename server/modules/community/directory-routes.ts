import { createRoute, z } from '@hono/zod-openapi';
import { OkSchema } from '../../platform/auth/schemas.js';
import { notFound } from '../../platform/errors.js';
import { jsonContent, problems } from '../../platform/http/router.js';
import { TenantParamSchema } from '../tenancy/schemas.js';
import { withTenant } from '../tenancy/tenant-context.js';
import {
  blockMember,
  isBlockedBetween,
  listBlocked,
  listMuted,
  muteMember,
  unblockMember,
} from './blocks.js';
import { createCommunityRouter } from './community-router.js';
import { searchDirectory } from './directory.js';
import { presentPersonCard, presentProfile } from './presenters.js';
import { loadProfile } from './profiles.js';
import { DirectoryQuerySchema, MemberParamSchema, PersonCardSchema, ProfileSchema } from './schemas.js';

export const directoryRoutes = createCommunityRouter();
const tags = ['community'];

directoryRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/people',
    tags,
    summary:
      'The member directory: name or reading (any kana, variant glyphs), hashtag, intent, company, department, years',
    request: { params: TenantParamSchema, query: DirectoryQuerySchema },
    responses: {
      200: jsonContent(z.object({ people: z.array(PersonCardSchema), nextCursor: z.string().nullable() })),
      ...problems(401, 404, 422),
    },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) => {
      const page = await searchDirectory(ctx, c.req.valid('query'));
      return {
        people: page.people.map((person) => presentPersonCard(ctx.actor, ctx.tenant, person)),
        nextCursor: page.nextCursor,
      };
    });
    return c.json(body, 200);
  },
);

directoryRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/people/{id}',
    tags,
    summary: "A member's profile, with only the fields they show me (404 when a block stands between us)",
    request: { params: MemberParamSchema },
    responses: { 200: jsonContent(ProfileSchema), ...problems(401, 404) },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const body = await withTenant(c, async (ctx) => {
      const loaded = await loadProfile(ctx, id);
      if (!loaded || (await isBlockedBetween(ctx.tx, ctx.tenant.id, ctx.actor.membershipId, id)))
        throw notFound();
      return presentProfile(ctx.actor, ctx.tenant, loaded);
    });
    return c.json(body, 200);
  },
);

directoryRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/t/{slug}/community/people/{id}/block',
    tags,
    summary: 'Block a member: from now on neither of us sees the other anywhere',
    request: { params: MemberParamSchema },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 404, 422) },
  }),
  async (c) => {
    await withTenant(c, (ctx) => blockMember(ctx, c.req.valid('param').id));
    return c.json({ ok: true as const }, 200);
  },
);

directoryRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/t/{slug}/community/people/{id}/block',
    tags,
    summary: 'Lift a block I made',
    request: { params: MemberParamSchema },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 404) },
  }),
  async (c) => {
    await withTenant(c, (ctx) => unblockMember(ctx, c.req.valid('param').id));
    return c.json({ ok: true as const }, 200);
  },
);

directoryRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/me/blocks',
    tags,
    summary: 'The members I have blocked',
    request: { params: TenantParamSchema },
    responses: {
      200: jsonContent(
        z.object({
          blocked: z.array(z.object({ id: z.uuid(), displayName: z.string(), blockedAt: z.string() })),
        }),
      ),
      ...problems(401, 404),
    },
  }),
  async (c) => {
    const rows = await withTenant(c, (ctx) => listBlocked(ctx));
    return c.json(
      {
        blocked: rows.map((row) => ({
          id: row.id,
          displayName: row.displayName,
          blockedAt: row.blockedAt.toISOString(),
        })),
      },
      200,
    );
  },
);

for (const method of ['put', 'delete'] as const) {
  directoryRoutes.openapi(
    createRoute({
      method,
      path: '/t/{slug}/community/people/{id}/mute',
      tags,
      summary:
        method === 'put'
          ? 'Mute a member: their posts and comments leave my feeds (they are not told)'
          : 'Unmute a member',
      request: { params: MemberParamSchema },
      responses: { 200: jsonContent(OkSchema), ...problems(401, 404) },
    }),
    async (c) => {
      await withTenant(c, (ctx) => muteMember(ctx, c.req.valid('param').id, method === 'put'));
      return c.json({ ok: true as const }, 200);
    },
  );
}

directoryRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/me/mutes',
    tags,
    summary: 'The members I have muted',
    request: { params: TenantParamSchema },
    responses: {
      200: jsonContent(
        z.object({
          muted: z.array(z.object({ id: z.uuid(), displayName: z.string(), mutedAt: z.string() })),
        }),
      ),
      ...problems(401, 404),
    },
  }),
  async (c) => {
    const rows = await withTenant(c, (ctx) => listMuted(ctx));
    return c.json(
      {
        muted: rows.map((row) => ({
          id: row.id,
          displayName: row.displayName,
          mutedAt: row.mutedAt.toISOString(),
        })),
      },
      200,
    );
  },
);
