import { createRoute, z } from '@hono/zod-openapi';
import { proposalStatuses } from '../../db/schema/index.js';
import { createRouter, jsonBody, jsonContent, problems } from '../../platform/http/router.js';
import { spreadsheetDownload, spreadsheetResponse } from '../../platform/spreadsheet/spreadsheet-response.js';
import { MemberParamSchema, TenantParamSchema } from '../tenancy/schemas.js';
import { loadTenant, type TenantEnv, withTenant } from '../tenancy/tenant-context.js';
import { authorizeTriageProposals } from './policies.js';
import { presentStaffProposal, StaffProposalSchema } from './presenters.js';
import {
  ProposalExportQuerySchema,
  ProposalTriageSchema,
  StaffProposalListQuerySchema,
} from './proposal-schemas.js';
import { exportProposals, getStaffProposal, listStaffProposals, triageProposal } from './triage-proposals.js';

/** /t/{slug}/proposals/…: HR triage the proposals members send (owners and admins). */
export const staffProposalRoutes = createRouter<TenantEnv>();
for (const path of ['/t/:slug/proposals', '/t/:slug/proposals/*']) {
  staffProposalRoutes.use(path, loadTenant, async (c, next) => {
    authorizeTriageProposals(c.var.actor);
    await next();
  });
}
const tags = ['proposals'];

staffProposalRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/proposals',
    tags,
    summary:
      'Proposals, newest first (at most 200), optionally in one status, with counts per status (staff)',
    request: { params: TenantParamSchema, query: StaffProposalListQuerySchema },
    responses: {
      200: jsonContent(
        z.object({
          proposals: z.array(StaffProposalSchema),
          counts: z.object(
            Object.fromEntries(proposalStatuses.map((s) => [s, z.number().int()])) as {
              [K in (typeof proposalStatuses)[number]]: z.ZodNumber;
            },
          ),
        }),
      ),
      ...problems(401, 403, 404, 422),
    },
  }),
  async (c) => {
    const { rows, counts } = await withTenant(c, (ctx) =>
      listStaffProposals(ctx, c.req.valid('query').status),
    );
    return c.json({ proposals: rows.map(presentStaffProposal), counts }, 200);
  },
);

staffProposalRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/proposals/export',
    tags,
    summary:
      "A month's proposals as CSV (UTF-8 with BOM or CP932, formula-safe) to share inside the company; audited",
    request: { params: TenantParamSchema, query: ProposalExportQuerySchema },
    responses: { 200: spreadsheetResponse, ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const { month, encoding } = c.req.valid('query');
    const file = await withTenant(c, (ctx) =>
      exportProposals(ctx, { month, encoding, locale: c.var.locale }),
    );
    return spreadsheetDownload(file, {
      fileName: `proposals-${month}${encoding === 'cp932' ? '-sjis' : ''}.csv`,
      accept: c.req.header('accept'),
      locale: c.var.locale,
    });
  },
);

staffProposalRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/proposals/{id}',
    tags,
    summary: 'One proposal with its sender (unless anonymous) and internal notes (staff)',
    request: { params: MemberParamSchema },
    responses: { 200: jsonContent(StaffProposalSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    const row = await withTenant(c, (ctx) => getStaffProposal(ctx, c.req.valid('param').id));
    return c.json(presentStaffProposal(row), 200);
  },
);

staffProposalRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/t/{slug}/proposals/{id}',
    tags,
    summary:
      'Change the status, publish or hide, answer, or note (staff); a named sender is told of an answer',
    request: { params: MemberParamSchema, ...jsonBody(ProposalTriageSchema) },
    responses: { 200: jsonContent(StaffProposalSchema), ...problems(401, 403, 404, 415, 422) },
  }),
  async (c) => {
    const row = await withTenant(c, (ctx) =>
      triageProposal(ctx, c.req.valid('param').id, c.req.valid('json')),
    );
    return c.json(presentStaffProposal(row), 200);
  },
);
