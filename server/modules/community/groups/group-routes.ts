import { createRoute, z } from '@hono/zod-openapi';
import { groupVisibilities } from '../../../db/schema/index.js';
import { OkSchema } from '../../../platform/auth/schemas.js';
import { jsonBody, jsonContent, problems } from '../../../platform/http/router.js';
import { SlugSchema, TenantParamSchema } from '../../tenancy/schemas.js';
import { withTenant } from '../../tenancy/tenant-context.js';
import { createCommunityRouter } from '../community-router.js';
import { MemberParamSchema } from '../schemas.js';
import {
  createGroup,
  joinGroup,
  leaveGroup,
  listGroupMembers,
  manageGroupMember,
  updateGroup,
} from './groups.js';
import { findGroupView, listGroups } from './list-groups.js';
import { GroupMemberSchema, GroupSchema, presentGroup, presentGroupMember } from './present-group.js';

export const groupRoutes = createCommunityRouter();
const tags = ['community'];

const GroupInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  description: z.string().max(2000).default(''),
  visibility: z.enum(groupVisibilities),
  hashtags: z.array(z.string().max(80)).max(10).default([]),
});
const GroupMemberParamSchema = z.object({ slug: SlugSchema, id: z.uuid(), memberId: z.uuid() });

groupRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/groups',
    tags,
    summary: 'My groups, groups I can discover, or groups suggested from my hashtags',
    request: {
      params: TenantParamSchema,
      query: z.object({
        scope: z.enum(['mine', 'discover', 'suggested']).default('mine'),
        hashtag: z.string().max(80).optional(),
        limit: z.coerce.number().int().min(1).max(100).default(50),
      }),
    },
    responses: { 200: jsonContent(z.object({ groups: z.array(GroupSchema) })), ...problems(401, 404, 422) },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const hashtag = query.hashtag?.normalize('NFKC').replace(/^#+/, '').toLowerCase();
    const rows = await withTenant(c, (ctx) => listGroups(ctx, { ...query, hashtag }));
    return c.json(
      {
        groups: rows.map(presentGroup),
      },
      200,
    );
  },
);

groupRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/community/groups',
    tags,
    summary: 'Create a group; its creator becomes its admin',
    request: { params: TenantParamSchema, ...jsonBody(GroupInputSchema) },
    responses: { 201: jsonContent(z.object({ id: z.uuid() })), ...problems(401, 404, 422) },
  }),
  async (c) => {
    const group = await withTenant(c, (ctx) => createGroup(ctx, c.req.valid('json')));
    return c.json({ id: group.id }, 201);
  },
);

groupRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/groups/{id}',
    tags,
    summary: 'A group (404 for a secret group I am not in)',
    request: { params: MemberParamSchema },
    responses: { 200: jsonContent(GroupSchema), ...problems(401, 404) },
  }),
  async (c) => {
    const view = await withTenant(c, (ctx) => findGroupView(ctx, c.req.valid('param').id));
    return c.json(presentGroup(view), 200);
  },
);

groupRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/t/{slug}/community/groups/{id}',
    tags,
    summary: 'Edit a group (group admins)',
    request: { params: MemberParamSchema, ...jsonBody(GroupInputSchema.partial()) },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    await withTenant(c, (ctx) => updateGroup(ctx, c.req.valid('param').id, c.req.valid('json')));
    return c.json({ ok: true as const }, 200);
  },
);

groupRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/community/groups/{id}/join',
    tags,
    summary: 'Join an open group, ask to join a request-only group, or accept an invitation',
    request: { params: MemberParamSchema },
    responses: {
      200: jsonContent(z.object({ status: z.enum(['active', 'requested', 'invited']) })),
      ...problems(401, 404),
    },
  }),
  async (c) => {
    const status = await withTenant(c, (ctx) => joinGroup(ctx, c.req.valid('param').id));
    return c.json({ status }, 200);
  },
);

groupRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/t/{slug}/community/groups/{id}/membership',
    tags,
    summary: 'Leave a group, withdraw a request or decline an invitation',
    request: { params: MemberParamSchema },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 404, 409) },
  }),
  async (c) => {
    await withTenant(c, (ctx) => leaveGroup(ctx, c.req.valid('param').id));
    return c.json({ ok: true as const }, 200);
  },
);

groupRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/groups/{id}/members',
    tags,
    summary: "A group's members (its admins also see requests and invitations)",
    request: { params: MemberParamSchema },
    responses: {
      200: jsonContent(
        z.object({
          members: z.array(GroupMemberSchema),
        }),
      ),
      ...problems(401, 404),
    },
  }),
  async (c) => {
    const members = await withTenant(c, (ctx) => listGroupMembers(ctx, c.req.valid('param').id));
    return c.json({ members: members.map(presentGroupMember) }, 200);
  },
);

groupRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/community/groups/{id}/members/{memberId}',
    tags,
    summary:
      'Invite a member, approve or decline a request, make a member admin, or remove them (group admins)',
    request: {
      params: GroupMemberParamSchema,
      ...jsonBody(
        z.strictObject({ action: z.enum(['invite', 'approve', 'decline', 'make_admin', 'remove']) }),
      ),
    },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const { id, memberId } = c.req.valid('param');
    await withTenant(c, (ctx) => manageGroupMember(ctx, id, memberId, c.req.valid('json').action));
    return c.json({ ok: true as const }, 200);
  },
);
