import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { reviewStatuses, tenants } from '../../../db/schema/index.js';
import { OkSchema } from '../../../platform/auth/schemas.js';
import { clientAddress } from '../../../platform/auth/sessions.js';
import { notFound } from '../../../platform/errors.js';
import { enforceRateLimit, enforceRateLimits } from '../../../platform/http/rate-limit.js';
import { createRouter, jsonBody, jsonContent, problems } from '../../../platform/http/router.js';
import { normaliseEmail } from '../../../platform/japanese/contact.js';
import { isKatakanaReading, normaliseReading, tidySpaces } from '../../../platform/japanese/text.js';
import { SlugSchema, TenantParamSchema } from '../../tenancy/schemas.js';
import { loadTenant, withTenant } from '../../tenancy/tenant-context.js';
import { presentRecordRow } from '../presenters.js';
import { createRegistryRouter } from '../registry-router.js';
import { RecordParamSchema, RecordRowSchema } from '../schemas.js';
import {
  approveJoinRequest,
  dismissJoinRequest,
  listJoinRequests,
  submitJoinRequest,
} from './join-requests.js';
import { approveReferral, dismissReferral, listReferrals, referColleague } from './referrals.js';

const Email = z.string().transform((value, ctx) => {
  const email = normaliseEmail(value);
  if (!email) ctx.addIssue({ code: 'custom', message: 'field_invalid_email' });
  return email ?? '';
});
const Name = z.string().transform(tidySpaces).pipe(z.string().min(1).max(60));
const Reading = z
  .string()
  .transform(normaliseReading)
  .pipe(z.string().min(1).max(60).refine(isKatakanaReading, { message: 'field_invalid_reading' }));
const Year = z.number().int().min(1950).max(2100);

const JoinRequestSchema = z.strictObject({
  slug: SlugSchema,
  email: Email,
  familyName: Name,
  givenName: Name,
  familyNameKana: Reading,
  givenNameKana: Reading,
  joinedYear: Year.optional(),
  leftYear: Year.optional(),
  department: z.string().trim().max(200).optional(),
  message: z.string().trim().max(1000).optional(),
});
const ReferralSchema = z.strictObject({
  email: Email,
  name: z.string().transform(tidySpaces).pipe(z.string().max(60)).optional(),
  note: z.string().trim().max(1000).optional(),
});
const StatusQuery = z.object({ status: z.enum(reviewStatuses).default('pending') });
const ApproveSchema = z.strictObject({ recordId: z.uuid().optional() });
const ReceivedSchema = z.object({ received: z.literal(true) });

/** Asking to join: public, rate-limited, and the same answer whatever the outcome. */
export const joinRequestPublicRoutes = createRouter();

joinRequestPublicRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/networks/{slug}/join',
    tags: ['join requests'],
    summary: 'The network a join-request page is for (404 when it does not take requests)',
    request: { params: TenantParamSchema },
    responses: {
      200: jsonContent(z.object({ slug: z.string(), nameJa: z.string(), nameEn: z.string() })),
      ...problems(404),
    },
  }),
  async (c) => {
    const [tenant] = await c.var.deps.database.db
      .select()
      .from(tenants)
      .where(eq(tenants.slug, c.req.valid('param').slug));
    if (!tenant || tenant.settings.joinRequestsOpen === false) throw notFound();
    return c.json({ slug: tenant.slug, nameJa: tenant.nameJa, nameEn: tenant.nameEn }, 200);
  },
);

joinRequestPublicRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/join-requests',
    tags: ['join requests'],
    summary: 'Ask to join a network without an invitation',
    request: jsonBody(JoinRequestSchema),
    responses: { 202: jsonContent(ReceivedSchema, 'Received'), ...problems(403, 404, 422, 429) },
  }),
  async (c) => {
    const { slug, ...input } = c.req.valid('json');
    const db = c.var.deps.database.db;
    await enforceRateLimits(db, [
      { key: `join:ip:${clientAddress(c)}`, rule: { limit: 10, windowSeconds: 3600 } },
      { key: `join:email:${input.email}`, rule: { limit: 3, windowSeconds: 24 * 3600 } },
    ]);
    await db.transaction((tx) => submitJoinRequest(c.var.deps, tx, slug, input, c.var.locale));
    return c.json({ received: true as const }, 202);
  },
);

export const requestRoutes = createRegistryRouter();
requestRoutes.use('/t/:slug/referrals', loadTenant);

requestRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/referrals',
    tags: ['referrals'],
    summary: 'Refer a former colleague (any member)',
    request: { params: TenantParamSchema, ...jsonBody(ReferralSchema) },
    responses: { 202: jsonContent(ReceivedSchema, 'Received'), ...problems(401, 404, 422, 429) },
  }),
  async (c) => {
    // Counted outside the tenant transaction, so a refused attempt still counts.
    await enforceRateLimit(c.var.deps.database.db, `referral:${c.var.actor.membershipId}`, {
      limit: 20,
      windowSeconds: 24 * 3600,
    });
    await withTenant(c, (ctx) => referColleague(ctx, c.req.valid('json'), c.var.locale));
    return c.json({ received: true as const }, 202);
  },
);

const CandidateSchema = RecordRowSchema;
const JoinRequestOut = z
  .object({
    id: z.uuid(),
    email: z.string(),
    familyName: z.string(),
    givenName: z.string(),
    familyNameKana: z.string(),
    givenNameKana: z.string(),
    joinedYear: z.number().int().nullable(),
    leftYear: z.number().int().nullable(),
    department: z.string(),
    message: z.string(),
    matchKind: z.string().nullable(),
    status: z.enum(reviewStatuses),
    createdAt: z.string(),
    candidates: z.array(CandidateSchema),
  })
  .openapi('JoinRequest');

requestRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/registry/join-requests',
    tags: ['join requests'],
    summary: 'Join requests with the candidate records side by side',
    request: { params: TenantParamSchema, query: StatusQuery },
    responses: {
      200: jsonContent(z.object({ requests: z.array(JoinRequestOut) })),
      ...problems(401, 403, 404),
    },
  }),
  async (c) => {
    const rows = await withTenant(c, (ctx) => listJoinRequests(ctx, c.req.valid('query').status));
    return c.json(
      {
        requests: rows.map(({ request, candidates }) => ({
          id: request.id,
          email: request.email,
          familyName: request.familyName,
          givenName: request.givenName,
          familyNameKana: request.familyNameKana,
          givenNameKana: request.givenNameKana,
          joinedYear: request.joinedYear,
          leftYear: request.leftYear,
          department: request.department,
          message: request.message,
          matchKind: request.matchKind,
          status: request.status,
          createdAt: request.createdAt.toISOString(),
          candidates: candidates.map(presentRecordRow),
        })),
      },
      200,
    );
  },
);

requestRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/registry/join-requests/{id}/approve',
    tags: ['join requests'],
    summary: 'Approve: as an existing record, or with a new one; the asker gets an invitation',
    request: { params: RecordParamSchema, ...jsonBody(ApproveSchema) },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 403, 404, 409, 422) },
  }),
  async (c) => {
    const { recordId } = c.req.valid('json');
    await withTenant(c, (ctx) =>
      approveJoinRequest(ctx, c.req.valid('param').id, { recordId, locale: c.var.locale }),
    );
    return c.json({ ok: true as const }, 200);
  },
);

requestRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/registry/join-requests/{id}/dismiss',
    tags: ['join requests'],
    summary: 'Decline a join request',
    request: { params: RecordParamSchema },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 403, 404, 409) },
  }),
  async (c) => {
    await withTenant(c, (ctx) => dismissJoinRequest(ctx, c.req.valid('param').id));
    return c.json({ ok: true as const }, 200);
  },
);

requestRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/registry/referrals',
    tags: ['referrals'],
    summary: 'Referrals of people not in the registry',
    request: { params: TenantParamSchema, query: StatusQuery },
    responses: {
      200: jsonContent(
        z.object({
          referrals: z.array(
            z.object({
              id: z.uuid(),
              email: z.string(),
              name: z.string(),
              note: z.string(),
              referrer: z.string(),
              status: z.enum(reviewStatuses),
              createdAt: z.string(),
            }),
          ),
        }),
      ),
      ...problems(401, 403, 404),
    },
  }),
  async (c) => {
    const rows = await withTenant(c, (ctx) => listReferrals(ctx, c.req.valid('query').status));
    return c.json({ referrals: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) }, 200);
  },
);

requestRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/registry/referrals/{id}/approve',
    tags: ['referrals'],
    summary: 'Add the referred person to the registry and invite them',
    request: { params: RecordParamSchema },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 403, 404, 409) },
  }),
  async (c) => {
    await withTenant(c, (ctx) => approveReferral(ctx, c.req.valid('param').id, c.var.locale));
    return c.json({ ok: true as const }, 200);
  },
);

requestRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/registry/referrals/{id}/dismiss',
    tags: ['referrals'],
    summary: 'Decline a referral',
    request: { params: RecordParamSchema },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 403, 404, 409) },
  }),
  async (c) => {
    await withTenant(c, (ctx) => dismissReferral(ctx, c.req.valid('param').id));
    return c.json({ ok: true as const }, 200);
  },
);
