import { createRoute, z } from '@hono/zod-openapi';
import { jsonBody, jsonContent, problems } from '../../platform/http/router.js';
import { createCommunityRouter } from '../community/community-router.js';
import { MemberParamSchema, TenantParamSchema } from '../tenancy/schemas.js';
import { withTenant } from '../tenancy/tenant-context.js';
import { MemberProposalSchema, presentMemberProposal } from './presenters.js';
import { MemberProposalListQuerySchema, ProposalInputSchema } from './proposal-schemas.js';
import { getMemberProposal, listMemberProposals, sendProposal, supportProposal } from './send-proposals.js';

/** /t/{slug}/community/proposals/…: members write to the company and support public proposals. */
export const memberProposalRoutes = createCommunityRouter();
const tags = ['proposals'];

memberProposalRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/proposals',
    tags,
    summary: 'My own proposals, or those staff made public; newest first (at most 200)',
    request: { params: TenantParamSchema, query: MemberProposalListQuerySchema },
    responses: {
      200: jsonContent(z.object({ proposals: z.array(MemberProposalSchema) })),
      ...problems(401, 404, 422),
    },
  }),
  async (c) => {
    const rows = await withTenant(c, (ctx) => listMemberProposals(ctx, c.req.valid('query').view));
    return c.json({ proposals: rows.map(presentMemberProposal) }, 200);
  },
);

memberProposalRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/community/proposals',
    tags,
    summary: 'Send a proposal or opinion to the company, by name or anonymously',
    request: { params: TenantParamSchema, ...jsonBody(ProposalInputSchema) },
    responses: { 201: jsonContent(MemberProposalSchema), ...problems(401, 404, 415, 422) },
  }),
  async (c) => {
    const row = await withTenant(c, (ctx) => sendProposal(ctx, c.req.valid('json')));
    return c.json(presentMemberProposal(row), 201);
  },
);

memberProposalRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/proposals/{id}',
    tags,
    summary: 'A proposal I sent or one staff made public (404 otherwise)',
    request: { params: MemberParamSchema },
    responses: { 200: jsonContent(MemberProposalSchema), ...problems(401, 404) },
  }),
  async (c) => {
    const row = await withTenant(c, (ctx) => getMemberProposal(ctx, c.req.valid('param').id));
    return c.json(presentMemberProposal(row), 200);
  },
);

for (const method of ['put', 'delete'] as const) {
  memberProposalRoutes.openapi(
    createRoute({
      method,
      path: '/t/{slug}/community/proposals/{id}/support',
      tags,
      summary:
        method === 'put'
          ? 'Support (賛同) a public proposal of someone else; idempotent'
          : 'Take my support back; idempotent',
      request: { params: MemberParamSchema },
      responses: { 200: jsonContent(MemberProposalSchema), ...problems(401, 404, 409) },
    }),
    async (c) => {
      const row = await withTenant(c, (ctx) =>
        supportProposal(ctx, c.req.valid('param').id, method === 'put'),
      );
      return c.json(presentMemberProposal(row), 200);
    },
  );
}
