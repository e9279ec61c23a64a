import { createRoute } from '@hono/zod-openapi';
import { enforceRateLimit } from '../../platform/http/rate-limit.js';
import { jsonBody, jsonContent, problems } from '../../platform/http/router.js';
import { createCommunityRouter } from '../community/community-router.js';
import { TenantParamSchema } from '../tenancy/schemas.js';
import { withTenant } from '../tenancy/tenant-context.js';
import { expressInterest, findMemberOpportunity, withdrawInterest } from './interests.js';
import { listMemberOpportunities } from './list-opportunities.js';
import { presentListedOpportunity, presentMemberOpportunity, presentOwnInterest } from './presenters.js';
import {
  InterestInputSchema,
  MemberOpportunityListSchema,
  MemberOpportunityQuerySchema,
  MemberOpportunitySchema,
  OpportunityParamSchema,
  OwnInterestSchema,
} from './schemas.js';

/** The member tab 機会: open opportunities and one's own answers (presented: no HR data, no other candidates). */
export const opportunityMemberRoutes = createCommunityRouter();
const tags = ['opportunities'];

opportunityMemberRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/opportunities',
    tags,
    summary: 'Open opportunities for me, newest or closing soonest first, optionally of one kind',
    request: { params: TenantParamSchema, query: MemberOpportunityQuerySchema },
    responses: { 200: jsonContent(MemberOpportunityListSchema), ...problems(401, 404, 422) },
  }),
  async (c) => {
    const page = await withTenant(c, (ctx) => listMemberOpportunities(ctx, c.req.valid('query')));
    const now = new Date();
    return c.json(
      {
        opportunities: page.items.map((row) =>
          presentListedOpportunity(row.opportunity, row.interest, row.file, now),
        ),
        nextCursor: page.nextCursor,
      },
      200,
    );
  },
);

opportunityMemberRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/opportunities/{id}',
    tags,
    summary: 'One opportunity with my own answer',
    request: { params: OpportunityParamSchema },
    responses: { 200: jsonContent(MemberOpportunitySchema), ...problems(401, 404) },
  }),
  async (c) => {
    const found = await withTenant(c, (ctx) => findMemberOpportunity(ctx, c.req.valid('param').id));
    return c.json(presentMemberOpportunity(found.opportunity, found.interest, found.file), 200);
  },
);

opportunityMemberRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/t/{slug}/community/opportunities/{id}/interest',
    tags,
    summary: '「興味あり」: idempotent (200 when already interested, 201 the first time); 409 once closed',
    request: { params: OpportunityParamSchema, ...jsonBody(InterestInputSchema) },
    responses: {
      200: jsonContent(OwnInterestSchema),
      201: jsonContent(OwnInterestSchema),
      ...problems(401, 404, 409, 422, 429),
    },
  }),
  async (c) => {
    await enforceRateLimit(
      c.var.deps.database.db,
      `interest:${c.var.tenant.id}:${c.var.actor.membershipId}`,
      {
        limit: 30,
        windowSeconds: 60,
      },
    );
    const result = await withTenant(c, (ctx) =>
      expressInterest(ctx, c.req.valid('param').id, c.req.valid('json')),
    );
    const body = presentOwnInterest(result.interest, result.file)!;
    return result.created ? c.json(body, 201) : c.json(body, 200);
  },
);

opportunityMemberRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/t/{slug}/community/opportunities/{id}/interest',
    tags,
    summary: 'Withdraw my interest',
    request: { params: OpportunityParamSchema },
    responses: { 200: jsonContent(OwnInterestSchema), ...problems(401, 404) },
  }),
  async (c) => {
    const interest = await withTenant(c, (ctx) => withdrawInterest(ctx, c.req.valid('param').id));
    return c.json(presentOwnInterest(interest, null)!, 200);
  },
);
