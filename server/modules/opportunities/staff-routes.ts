import { createRoute } from '@hono/zod-openapi';
import { createRouter, jsonBody, jsonContent, problems } from '../../platform/http/router.js';
import { spreadsheetDownload, spreadsheetResponse } from '../../platform/spreadsheet/spreadsheet-response.js';
import { TenantParamSchema } from '../tenancy/schemas.js';
import { loadTenant, type TenantEnv, withTenant } from '../tenancy/tenant-context.js';
import { announceOpportunity } from './announce-opportunity.js';
import { listCandidates, updateCandidate } from './candidates.js';
import { exportCandidates } from './export-candidates.js';
import { pdfDownload, pdfResponse } from './interest-file-routes.js';
import { readCandidateFile } from './interest-files.js';
import { countCandidates, listStaffOpportunities } from './list-opportunities.js';
import { authorizeOpportunityStaff } from './policies.js';
import { presentCandidate, presentReferral, presentStaffOpportunity } from './presenters.js';
import { ReferralListSchema } from './referral-schemas.js';
import { listReferrals } from './referrals.js';
import {
  AnnouncementResultSchema,
  CandidateExportQuerySchema,
  CandidateListSchema,
  CandidatePatchSchema,
  CandidateQuerySchema,
  CandidateSchema,
  NewOpportunitySchema,
  OpportunityParamSchema,
  OpportunityPatchSchema,
  StaffOpportunityListSchema,
  StaffOpportunitySchema,
} from './schemas.js';
import { createOpportunity, findOpportunity, updateOpportunity } from './write-opportunities.js';

/** /t/{slug}/opportunities… and /t/{slug}/candidates…: the console's side, for HR staff only. */
export const opportunityStaffRoutes = createRouter<TenantEnv>();
for (const path of [
  '/t/:slug/opportunities',
  '/t/:slug/opportunities/*',
  '/t/:slug/candidates',
  '/t/:slug/candidates/*',
]) {
  opportunityStaffRoutes.use(path, loadTenant, async (c, next) => {
    authorizeOpportunityStaff(c.var.actor);
    await next();
  });
}
const tags = ['opportunities'];

opportunityStaffRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/opportunities',
    tags,
    summary: 'Every opportunity of the network, drafts included, newest first (HR)',
    request: { params: TenantParamSchema },
    responses: { 200: jsonContent(StaffOpportunityListSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    const rows = await withTenant(c, (ctx) => listStaffOpportunities(ctx));
    return c.json({ opportunities: rows.map((row) => presentStaffOpportunity(row.opportunity, row)) }, 200);
  },
);

opportunityStaffRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/opportunities',
    tags,
    summary: 'Create a job, comeback role or call for collaboration (HR); audited',
    request: { params: TenantParamSchema, ...jsonBody(NewOpportunitySchema) },
    responses: { 201: jsonContent(StaffOpportunitySchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const row = await withTenant(c, (ctx) => createOpportunity(ctx, c.req.valid('json')));
    return c.json(presentStaffOpportunity(row, { active: 0, total: 0 }), 201);
  },
);

opportunityStaffRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/opportunities/{id}',
    tags,
    summary: 'One opportunity (HR)',
    request: { params: OpportunityParamSchema },
    responses: { 200: jsonContent(StaffOpportunitySchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    const id = c.req.valid('param').id;
    const body = await withTenant(c, async (ctx) =>
      presentStaffOpportunity(await findOpportunity(ctx, id), await countCandidates(ctx, id)),
    );
    return c.json(body, 200);
  },
);

opportunityStaffRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/t/{slug}/opportunities/{id}',
    tags,
    summary: 'Edit an opportunity, open, close or mark it filled (HR); status changes are audited',
    request: { params: OpportunityParamSchema, ...jsonBody(OpportunityPatchSchema) },
    responses: { 200: jsonContent(StaffOpportunitySchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const id = c.req.valid('param').id;
    const body = await withTenant(c, async (ctx) =>
      presentStaffOpportunity(
        await updateOpportunity(ctx, id, c.req.valid('json')),
        await countCandidates(ctx, id),
      ),
    );
    return c.json(body, 200);
  },
);

opportunityStaffRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/opportunities/{id}/announce',
    tags,
    summary:
      'Announce an open opportunity to its audience: in the app, by e-mail and push with company_contact ' +
      'consent, and an invitation to records with that consent (HR); nobody is reached twice; audited',
    request: { params: OpportunityParamSchema },
    responses: { 200: jsonContent(AnnouncementResultSchema), ...problems(401, 403, 404, 409) },
  }),
  async (c) => {
    const result = await withTenant(c, (ctx) => announceOpportunity(ctx, c.req.valid('param').id));
    return c.json(result, 200);
  },
);

opportunityStaffRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/candidates',
    tags,
    summary: 'The pipeline: candidate cards for one opportunity or all, newest first (HR)',
    request: { params: TenantParamSchema, query: CandidateQuerySchema },
    responses: { 200: jsonContent(CandidateListSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const rows = await withTenant(c, (ctx) => listCandidates(ctx, c.req.valid('query')));
    return c.json({ candidates: rows.map(presentCandidate) }, 200);
  },
);

opportunityStaffRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/t/{slug}/candidates/{id}',
    tags,
    summary:
      'Move a candidate card, write HR notes, name the owner or the status shown to the member (HR). ' +
      'Hired needs returnOn and marks the registry record as rehired.',
    request: { params: OpportunityParamSchema, ...jsonBody(CandidatePatchSchema) },
    responses: { 200: jsonContent(CandidateSchema), ...problems(401, 403, 404, 409, 422) },
  }),
  async (c) => {
    const view = await withTenant(c, (ctx) =>
      updateCandidate(ctx, c.req.valid('param').id, c.req.valid('json')),
    );
    return c.json(presentCandidate(view), 200);
  },
);

opportunityStaffRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/candidates/export',
    tags,
    summary: 'Download the pipeline as CSV (UTF-8 with BOM or CP932, formula-safe); audited',
    request: { params: TenantParamSchema, query: CandidateExportQuerySchema },
    responses: { 200: spreadsheetResponse, ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const file = await withTenant(c, (ctx) => exportCandidates(ctx, { ...query, locale: c.var.locale }));
    const day = new Date().toISOString().slice(0, 10);
    return spreadsheetDownload(file, {
      fileName: `candidates-${day}${query.encoding === 'cp932' ? '-sjis' : ''}.csv`,
      accept: c.req.header('accept'),
      locale: c.var.locale,
    });
  },
);

opportunityStaffRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/candidates/{id}/file',
    tags,
    summary: 'Download the PDF a candidate attached to their 「興味あり」 (HR); audited',
    request: { params: OpportunityParamSchema },
    responses: { 200: pdfResponse, ...problems(401, 403, 404) },
  }),
  async (c) => pdfDownload(c, await withTenant(c, (ctx) => readCandidateFile(ctx, c.req.valid('param').id))),
);

opportunityStaffRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/opportunities/{id}/referrals',
    tags,
    summary: 'Who referred whom for an opportunity, newest first (HR)',
    request: { params: OpportunityParamSchema },
    responses: { 200: jsonContent(ReferralListSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    const id = c.req.valid('param').id;
    const rows = await withTenant(c, async (ctx) => {
      await findOpportunity(ctx, id);
      return listReferrals(ctx, id);
    });
    return c.json({ referrals: rows.map(presentReferral) }, 200);
  },
);
