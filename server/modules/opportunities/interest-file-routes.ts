import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import { enforceRateLimit } from '../../platform/http/rate-limit.js';
import { jsonContent, problems } from '../../platform/http/router.js';
import { createCommunityRouter } from '../community/community-router.js';
import { withTenant } from '../tenancy/tenant-context.js';
import { attachInterestFile, readOwnInterestFile, removeOwnInterestFile } from './interest-files.js';
import { presentInterestFile } from './presenters.js';
import { InterestFileQuerySchema, InterestFileSchema, OpportunityParamSchema } from './schemas.js';

const pdf = z.string().openapi({ format: 'binary' });
export const pdfResponse = { description: 'The PDF', content: { 'application/pdf': { schema: pdf } } };

/** A CV is personal data: downloaded as an attachment, never cached, never sniffed as something else. */
export function pdfDownload(c: Context, file: { name: string; content: Uint8Array }) {
  return c.body(new Uint8Array(file.content), 200, {
    'content-type': 'application/pdf',
    'content-disposition': contentDisposition(file.name),
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
}

/** The PDF (CV, portfolio) of a member's own 「興味あり」: only its member reaches it here. */
export const interestFileRoutes = createCommunityRouter();
const tags = ['opportunities'];
const path = '/t/{slug}/community/opportunities/{id}/interest/file';

interestFileRoutes.openapi(
  createRoute({
    method: 'put',
    path,
    tags,
    summary:
      'Attach a PDF (CV or portfolio, up to 10 MB) to my 「興味あり」, replacing any earlier one; the raw ' +
      'body is the file (application/pdf), its name in ?name=',
    request: {
      params: OpportunityParamSchema,
      query: InterestFileQuerySchema,
      body: { required: true, content: { 'application/pdf': { schema: pdf } } },
    },
    responses: {
      200: jsonContent(InterestFileSchema),
      201: jsonContent(InterestFileSchema),
      ...problems(401, 404, 409, 413, 415, 422, 429),
    },
  }),
  async (c) => {
    await enforceRateLimit(
      c.var.deps.database.db,
      `interest-file:${c.var.tenant.id}:${c.var.actor.membershipId}`,
      { limit: 20, windowSeconds: 10 * 60 },
    );
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const upload = { bytes, contentType: c.req.header('content-type'), name: c.req.valid('query').name };
    const result = await withTenant(c, (ctx) => attachInterestFile(ctx, c.req.valid('param').id, upload));
    return c.json(presentInterestFile(result.file)!, result.created ? 201 : 200);
  },
);

interestFileRoutes.openapi(
  createRoute({
    method: 'get',
    path,
    tags,
    summary: 'Download the PDF attached to my 「興味あり」',
    request: { params: OpportunityParamSchema },
    responses: { 200: pdfResponse, ...problems(401, 404) },
  }),
  async (c) =>
    pdfDownload(c, await withTenant(c, (ctx) => readOwnInterestFile(ctx, c.req.valid('param').id))),
);

interestFileRoutes.openapi(
  createRoute({
    method: 'delete',
    path,
    tags,
    summary: 'Remove the PDF from my 「興味あり」 (the answer itself stays)',
    request: { params: OpportunityParamSchema },
    responses: { 204: { description: 'Removed' }, ...problems(401, 404) },
  }),
  async (c) => {
    await withTenant(c, (ctx) => removeOwnInterestFile(ctx, c.req.valid('param').id));
    return c.body(null, 204);
  },
);
