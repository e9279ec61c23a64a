import { createRoute, z } from '@hono/zod-openapi';
import { OkSchema } from '../../platform/auth/schemas.js';
import { clientAddress } from '../../platform/auth/sessions.js';
import { createRouter, jsonBody, jsonContent, problems } from '../../platform/http/router.js';
import { listAuditEvents } from './audit-log.js';
import {
  addMember,
  countMembersByRole,
  getMember,
  listMembers,
  removeMember,
  updateMember,
} from './members.js';
import { authorizeManageMembers, authorizeOwner } from './policies.js';
import {
  presentAuditEvent,
  presentMemberForStaff,
  presentSelf,
  presentTenant,
  presentTenantSettings,
} from './presenters.js';
import {
  AuditEventSchema,
  AuditQuerySchema,
  HomeSchema,
  MemberCreateSchema,
  MemberListQuerySchema,
  MemberParamSchema,
  MemberSchema,
  MemberUpdateSchema,
  RoleSchema,
  SignUpSchema,
  TenantParamSchema,
  TenantSettingsSchema,
  TenantSettingsUpdateSchema,
} from './schemas.js';
import { requestSignUp } from './sign-up.js';
import { loadTenant, type TenantEnv, withTenant } from './tenant-context.js';
import { updateTenantSettings } from './tenant-settings.js';

export const signUpRoutes = createRouter();

signUpRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/signup',
    tags: ['tenants'],
    summary: "Create your company's alumni network (confirmed by an e-mailed link)",
    request: jsonBody(SignUpSchema),
    responses: { 202: jsonContent(OkSchema, 'Accepted'), ...problems(403, 409, 422, 429) },
  }),
  async (c) => {
    const input = c.req.valid('json');
    await requestSignUp(c.var.deps, { ...input, locale: input.locale ?? c.var.locale }, clientAddress(c));
    return c.json({ ok: true as const }, 202);
  },
);

export const tenantRoutes = createRouter<TenantEnv>();
tenantRoutes.use('/t/:slug/*', loadTenant);
tenantRoutes.use('/t/:slug', loadTenant);

tenantRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/home',
    tags: ['tenants'],
    summary: 'The network and the signed-in member, for the home screen',
    request: { params: TenantParamSchema },
    responses: { 200: jsonContent(HomeSchema), ...problems(401, 404) },
  }),
  async (c) => {
    const counts = await withTenant(c, (ctx) => countMembersByRole(ctx));
    const memberCount = Object.values(counts).reduce((sum, n) => sum + n, 0);
    return c.json(
      { tenant: presentTenant(c.var.tenant), member: presentSelf(c.var.actor), memberCount },
      200,
    );
  },
);

const OverviewSchema = z.object({ countsByRole: z.record(RoleSchema, z.number().int()) }).openapi('Overview');

tenantRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/overview',
    tags: ['tenants'],
    summary: 'Figures for the admin console (staff)',
    request: { params: TenantParamSchema },
    responses: { 200: jsonContent(OverviewSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    authorizeManageMembers(c.var.actor);
    const counts = await withTenant(c, (ctx) => countMembersByRole(ctx));
    const countsByRole = { owner: 0, admin: 0, moderator: 0, employee: 0, alumnus: 0, ...counts };
    return c.json({ countsByRole }, 200);
  },
);

tenantRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/members',
    tags: ['members'],
    summary: 'List members (staff)',
    request: { params: TenantParamSchema, query: MemberListQuerySchema },
    responses: {
      200: jsonContent(z.object({ members: z.array(MemberSchema), nextCursor: z.string().nullable() })),
      ...problems(401, 403, 404, 422),
    },
  }),
  async (c) => {
    authorizeManageMembers(c.var.actor);
    const page = await withTenant(c, (ctx) => listMembers(ctx, c.req.valid('query')));
    return c.json({ members: page.members.map(presentMemberForStaff), nextCursor: page.nextCursor }, 200);
  },
);

tenantRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/members',
    tags: ['members'],
    summary: 'Add a member (usually staff) and e-mail them a sign-in link',
    request: { params: TenantParamSchema, ...jsonBody(MemberCreateSchema) },
    responses: { 201: jsonContent(MemberSchema, 'Created'), ...problems(401, 403, 404, 409, 422) },
  }),
  async (c) => {
    authorizeManageMembers(c.var.actor);
    const member = await withTenant(c, (ctx) => addMember(ctx, c.req.valid('json')));
    return c.json(presentMemberForStaff(member), 201);
  },
);

tenantRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/members/{id}',
    tags: ['members'],
    summary: 'One member (staff)',
    request: { params: MemberParamSchema },
    responses: { 200: jsonContent(MemberSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    authorizeManageMembers(c.var.actor);
    const member = await withTenant(c, (ctx) => getMember(ctx, c.req.valid('param').id));
    return c.json(presentMemberForStaff(member), 200);
  },
);

tenantRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/t/{slug}/members/{id}',
    tags: ['members'],
    summary: "Change a member's role, status or name",
    request: { params: MemberParamSchema, ...jsonBody(MemberUpdateSchema) },
    responses: { 200: jsonContent(MemberSchema), ...problems(401, 403, 404, 409, 422) },
  }),
  async (c) => {
    authorizeManageMembers(c.var.actor);
    const member = await withTenant(c, (ctx) =>
      updateMember(ctx, c.req.valid('param').id, c.req.valid('json')),
    );
    return c.json(presentMemberForStaff(member), 200);
  },
);

tenantRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/t/{slug}/members/{id}',
    tags: ['members'],
    summary: 'Remove a member from the network',
    request: { params: MemberParamSchema },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 403, 404, 409) },
  }),
  async (c) => {
    authorizeManageMembers(c.var.actor);
    await withTenant(c, (ctx) => removeMember(ctx, c.req.valid('param').id));
    return c.json({ ok: true as const }, 200);
  },
);

tenantRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/audit-events',
    tags: ['audit'],
    summary: 'Audit log (owners)',
    request: { params: TenantParamSchema, query: AuditQuerySchema },
    responses: {
      200: jsonContent(z.object({ events: z.array(AuditEventSchema), nextCursor: z.string().nullable() })),
      ...problems(401, 403, 404, 422),
    },
  }),
  async (c) => {
    authorizeOwner(c.var.actor);
    const page = await withTenant(c, (ctx) => listAuditEvents(ctx, c.req.valid('query')));
    return c.json({ events: page.events.map(presentAuditEvent), nextCursor: page.nextCursor }, 200);
  },
);

tenantRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/settings',
    tags: ['tenants'],
    summary: 'Network settings (staff)',
    request: { params: TenantParamSchema },
    responses: { 200: jsonContent(TenantSettingsSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    authorizeManageMembers(c.var.actor);
    return c.json(presentTenantSettings(c.var.tenant), 200);
  },
);

tenantRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/t/{slug}/settings',
    tags: ['tenants'],
    summary: 'Change network settings (owners)',
    request: { params: TenantParamSchema, ...jsonBody(TenantSettingsUpdateSchema) },
    responses: { 200: jsonContent(TenantSettingsSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    authorizeOwner(c.var.actor);
    const updated = await withTenant(c, (ctx) => updateTenantSettings(ctx, c.req.valid('json')));
    return c.json(presentTenantSettings(updated), 200);
  },
);
