import { createRoute } from '@hono/zod-openapi';
import { OkSchema } from '../../platform/auth/schemas.js';
import { enforceRateLimit } from '../../platform/http/rate-limit.js';
import { jsonBody, jsonContent, problems } from '../../platform/http/router.js';
import { spreadsheetDownload, spreadsheetResponse } from '../../platform/spreadsheet/spreadsheet-response.js';
import { createNewsDeskRouter } from '../news/news-router.js';
import { presentAudiencePreview } from '../programmes/audience/audience-presenter.js';
import { summariseAudience } from '../programmes/audience/summarise-audience.js';
import { TenantParamSchema } from '../tenancy/schemas.js';
import { withTenant } from '../tenancy/tenant-context.js';
import { exportCampaignDeliveries, listCampaignDeliveries } from './campaign-deliveries.js';
import {
  campaignAudience,
  campaignPurpose,
  createCampaign,
  deleteCampaign,
  findCampaign,
  listCampaigns,
  updateCampaign,
} from './campaigns.js';
import { auditNewsletter } from './newsletter-audit.js';
import {
  CampaignAudienceSchema,
  CampaignDeliveryExportQuerySchema,
  CampaignDeliveryListSchema,
  CampaignDeliveryQuerySchema,
  CampaignEditSchema,
  CampaignInputSchema,
  CampaignListSchema,
  CampaignParamSchema,
  CampaignScheduleSchema,
  CampaignSchema,
  CampaignTestSchema,
} from './newsletter-schemas.js';
import { presentCampaign, presentCampaignDelivery, presentCampaigns } from './presenters.js';
import { cancelCampaign, scheduleCampaign, sendCampaignNow, sendCampaignTest } from './send-campaigns.js';

/** Newsletters live on the news desk: only the network's staff (owner, admin, HR) reach these routes. */
export const newsletterRoutes = createNewsDeskRouter();
const tags = ['newsletters'];
const base = '/t/{slug}/news-desk/newsletters';

newsletterRoutes.openapi(
  createRoute({
    method: 'get',
    path: base,
    tags,
    summary: 'Newsletters, most recently written first, with delivery counts (staff)',
    request: { params: TenantParamSchema },
    responses: { 200: jsonContent(CampaignListSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    const campaigns = await withTenant(c, async (ctx) => presentCampaigns(ctx, await listCampaigns(ctx)));
    return c.json({ campaigns }, 200);
  },
);

newsletterRoutes.openapi(
  createRoute({
    method: 'post',
    path: base,
    tags,
    summary: 'Write a newsletter draft: subject, own text, published articles and the audience (staff)',
    request: { params: TenantParamSchema, ...jsonBody(CampaignInputSchema) },
    responses: { 201: jsonContent(CampaignSchema), ...problems(401, 403, 404, 415, 422) },
  }),
  async (c) => {
    const campaign = await withTenant(c, async (ctx) => {
      const created = await createCampaign(ctx, c.req.valid('json'));
      await auditNewsletter(ctx, 'newsletter.created', created.id);
      return presentCampaign(ctx, created);
    });
    return c.json(campaign, 201);
  },
);

newsletterRoutes.openapi(
  createRoute({
    method: 'get',
    path: `${base}/{id}`,
    tags,
    summary: 'One newsletter with its delivery counts (staff)',
    request: { params: CampaignParamSchema },
    responses: { 200: jsonContent(CampaignSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const campaign = await withTenant(c, async (ctx) =>
      presentCampaign(ctx, await findCampaign(ctx, c.req.valid('param').id)),
    );
    return c.json(campaign, 200);
  },
);

newsletterRoutes.openapi(
  createRoute({
    method: 'patch',
    path: `${base}/{id}`,
    tags,
    summary: 'Change a draft newsletter (409 once scheduled or sent)',
    request: { params: CampaignParamSchema, ...jsonBody(CampaignEditSchema) },
    responses: { 200: jsonContent(CampaignSchema), ...problems(401, 403, 404, 409, 415, 422) },
  }),
  async (c) => {
    const campaign = await withTenant(c, async (ctx) =>
      presentCampaign(ctx, await updateCampaign(ctx, c.req.valid('param').id, c.req.valid('json'))),
    );
    return c.json(campaign, 200);
  },
);

newsletterRoutes.openapi(
  createRoute({
    method: 'delete',
    path: `${base}/{id}`,
    tags,
    summary: 'Delete a draft or cancelled newsletter (409 once scheduled or sent)',
    request: { params: CampaignParamSchema },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 403, 404, 409, 422) },
  }),
  async (c) => {
    await withTenant(c, async (ctx) => {
      const { id } = c.req.valid('param');
      await deleteCampaign(ctx, id);
      await auditNewsletter(ctx, 'newsletter.deleted', id);
    });
    return c.json({ ok: true as const }, 200);
  },
);

newsletterRoutes.openapi(
  createRoute({
    method: 'get',
    path: `${base}/{id}/audience`,
    tags,
    summary: 'Who the newsletter would reach by e-mail, and who is left out and why (staff)',
    request: { params: CampaignParamSchema },
    responses: { 200: jsonContent(CampaignAudienceSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const summary = await withTenant(c, async (ctx) => {
      const campaign = await findCampaign(ctx, c.req.valid('param').id);
      return summariseAudience(ctx, campaignAudience(campaign), {
        purpose: campaignPurpose,
        channel: 'email',
      });
    });
    return c.json(presentAudiencePreview(summary), 200);
  },
);

newsletterRoutes.openapi(
  createRoute({
    method: 'post',
    path: `${base}/{id}/test`,
    tags,
    summary: "Send a test of the newsletter to the signed-in staff member's own address, marked [テスト]",
    request: { params: CampaignParamSchema },
    responses: { 200: jsonContent(CampaignTestSchema), ...problems(401, 403, 404, 422, 429) },
  }),
  async (c) => {
    await enforceRateLimit(
      c.var.deps.database.db,
      `newsletter-test:${c.var.tenant.id}:${c.var.actor.membershipId}`,
      { limit: 20, windowSeconds: 10 * 60 },
    );
    const sent = await withTenant(c, (ctx) =>
      sendCampaignTest(ctx, c.req.valid('param').id, c.var.locale === 'en' ? 'en' : 'ja'),
    );
    return c.json(sent, 200);
  },
);

newsletterRoutes.openapi(
  createRoute({
    method: 'post',
    path: `${base}/{id}/schedule`,
    tags,
    summary: 'Schedule the newsletter for a time in the future; a job sends it then',
    request: { params: CampaignParamSchema, ...jsonBody(CampaignScheduleSchema) },
    responses: { 200: jsonContent(CampaignSchema), ...problems(401, 403, 404, 409, 415, 422) },
  }),
  async (c) => {
    const campaign = await withTenant(c, async (ctx) =>
      presentCampaign(
        ctx,
        await scheduleCampaign(ctx, c.req.valid('param').id, new Date(c.req.valid('json').sendAt)),
      ),
    );
    return c.json(campaign, 200);
  },
);

newsletterRoutes.openapi(
  createRoute({
    method: 'post',
    path: `${base}/{id}/send`,
    tags,
    summary: 'Send the newsletter now (a second send answers 409)',
    request: { params: CampaignParamSchema },
    responses: { 202: jsonContent(CampaignSchema), ...problems(401, 403, 404, 409, 422) },
  }),
  async (c) => {
    const campaign = await withTenant(c, async (ctx) =>
      presentCampaign(ctx, await sendCampaignNow(ctx, c.req.valid('param').id)),
    );
    return c.json(campaign, 202);
  },
);

newsletterRoutes.openapi(
  createRoute({
    method: 'post',
    path: `${base}/{id}/cancel`,
    tags,
    summary: 'Cancel a scheduled send (409 when it is not scheduled)',
    request: { params: CampaignParamSchema },
    responses: { 200: jsonContent(CampaignSchema), ...problems(401, 403, 404, 409, 422) },
  }),
  async (c) => {
    const campaign = await withTenant(c, async (ctx) =>
      presentCampaign(ctx, await cancelCampaign(ctx, c.req.valid('param').id)),
    );
    return c.json(campaign, 200);
  },
);

newsletterRoutes.openapi(
  createRoute({
    method: 'get',
    path: `${base}/{id}/deliveries`,
    tags,
    summary:
      'Each recipient of the newsletter with their state, address and the consent the mail went out under, ' +
      'by name; filter by state, 50 a page (staff); audited',
    request: { params: CampaignParamSchema, query: CampaignDeliveryQuerySchema },
    responses: { 200: jsonContent(CampaignDeliveryListSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const { rows, total } = await withTenant(c, (ctx) =>
      listCampaignDeliveries(ctx, c.req.valid('param').id, query),
    );
    return c.json(
      { deliveries: rows.map(presentCampaignDelivery), total, page: query.page, pageSize: query.limit },
      200,
    );
  },
);

newsletterRoutes.openapi(
  createRoute({
    method: 'get',
    path: `${base}/{id}/deliveries/export`,
    tags,
    summary:
      "Download the newsletter's recipients with their consent records as CSV (UTF-8 with BOM or CP932, " +
      'formula-safe; staff); audited',
    request: { params: CampaignParamSchema, query: CampaignDeliveryExportQuerySchema },
    responses: { 200: spreadsheetResponse, ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const { encoding, status } = c.req.valid('query');
    const file = await withTenant(c, (ctx) =>
      exportCampaignDeliveries(ctx, c.req.valid('param').id, { status, encoding, locale: c.var.locale }),
    );
    return spreadsheetDownload(file, {
      fileName: `newsletter-recipients-${new Date().toISOString().slice(0, 10)}${encoding === 'cp932' ? '-sjis' : ''}.csv`,
      accept: c.req.header('accept'),
      locale: c.var.locale,
    });
  },
);
