import { createRoute } from '@hono/zod-openapi';
import { enforceRateLimit } from '../../platform/http/rate-limit.js';
import { jsonBody, jsonContent, problems } from '../../platform/http/router.js';
import { createCommunityRouter } from '../community/community-router.js';
import { TenantParamSchema } from '../tenancy/schemas.js';
import { withTenant } from '../tenancy/tenant-context.js';
import { presentSentReferral } from './presenters.js';
import { ReferralInputSchema, ReferralReceivedSchema, SentReferralListSchema } from './referral-schemas.js';
import { listSentReferrals, referForOpportunity } from './referrals.js';
import { OpportunityParamSchema } from './schemas.js';

export const referralRoutes = createCommunityRouter();

referralRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/community/opportunities/{id}/referrals',
    tags: ['opportunities'],
    summary:
      'Refer another member or an outside person (name and address) for an opportunity: they get one mail ' +
      'with my name, once per opportunity and address (409 after that); 10 an hour',
    request: { params: OpportunityParamSchema, ...jsonBody(ReferralInputSchema) },
    responses: {
      202: jsonContent(ReferralReceivedSchema, 'Received'),
      ...problems(401, 404, 409, 422, 429),
    },
  }),
  async (c) => {
    // Counted before and outside the tenant transaction, so refused attempts count too.
    await enforceRateLimit(
      c.var.deps.database.db,
      `opportunity-referral:${c.var.tenant.id}:${c.var.actor.membershipId}`,
      { limit: 10, windowSeconds: 3600 },
    );
    const body = c.req.valid('json');
    const input =
      body.memberId !== undefined
        ? { memberId: body.memberId, note: body.note }
        : { name: body.name ?? '', email: body.email ?? '', note: body.note };
    await withTenant(c, (ctx) => referForOpportunity(ctx, c.req.valid('param').id, input));
    return c.json({ received: true as const }, 202);
  },
);

referralRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/opportunity-referrals',
    tags: ['opportunities'],
    summary: 'The referrals I have sent, newest first (whom, for which opportunity; never the address)',
    request: { params: TenantParamSchema },
    responses: { 200: jsonContent(SentReferralListSchema), ...problems(401, 404) },
  }),
  async (c) => {
    const rows = await withTenant(c, (ctx) => listSentReferrals(ctx));
    return c.json({ referrals: rows.map((row) => presentSentReferral(row)) }, 200);
  },
);
