import { createRoute, z } from '@hono/zod-openapi';
import { importStatuses } from '../../../db/schema/index.js';
import { clientAddress } from '../../../platform/auth/sessions.js';
import { invalid } from '../../../platform/errors.js';
import { jsonBody, jsonContent, problems } from '../../../platform/http/router.js';
import { TenantParamSchema } from '../../tenancy/schemas.js';
import { withTenant } from '../../tenancy/tenant-context.js';
import { createRegistryRouter } from '../registry-router.js';
import { RecordParamSchema } from '../schemas.js';
import { importTargets } from './columns.js';
import {
  createImport,
  getImport,
  listImportIssues,
  listImports,
  listImportTemplates,
  requestApply,
  requestCheck,
} from './imports.js';
import { presentImport, presentImportIssue, presentImportTemplate } from './presenters.js';

export const importRoutes = createRegistryRouter();

const tags = ['registry import'];
const Counts = z.object({
  new: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  merged: z.number().int().openapi({ description: 'Copies of an identical earlier row, imported once' }),
  warned: z.number().int().openapi({ description: 'Accepted rows that carry a warning' }),
});
const ImportSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    format: z.enum(['csv', 'xlsx']),
    encoding: z.string(),
    headers: z.array(z.string()),
    mapping: z.record(z.string(), z.string()),
    status: z.enum(importStatuses),
    totalRows: z.number().int(),
    processedRows: z.number().int(),
    counts: Counts.nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    checkedAt: z.string().nullable(),
    appliedAt: z.string().nullable(),
  })
  .openapi('RegistryImport');
const UploadQuery = z.object({
  fileName: z.string().trim().min(1).max(200),
  template: z.string().trim().max(60).optional(),
  consentWordingVersion: z.string().trim().max(60).optional(),
});
const CheckSchema = z.strictObject({
  mapping: z.record(z.string(), z.string().max(80)),
  saveTemplateAs: z.string().trim().min(1).max(60).optional(),
});
const IssueSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  code: z.string(),
  severity: z.enum(['error', 'warning']).openapi({ description: 'error: the row is rejected' }),
  message: z.string(),
});

importRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/registry/imports',
    tags,
    summary: 'Upload a CSV (UTF-8 or CP932) or .xlsx file; the body is the file itself',
    request: {
      params: TenantParamSchema,
      query: UploadQuery,
      body: { content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
    },
    responses: { 201: jsonContent(ImportSchema, 'Uploaded'), ...problems(401, 403, 404, 413, 422) },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const body = c.req.raw.body;
    if (!body) throw invalid([{ path: 'file', code: 'field_required' }]);
    const imp = await createImport(
      c.var.deps,
      c.var.tenant.id,
      { membershipId: c.var.actor.membershipId, ipAddress: clientAddress(c as never) },
      { ...query, body: body as unknown as AsyncIterable<Uint8Array> },
    );
    return c.json(presentImport(imp, c.var.locale), 201);
  },
);

importRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/registry/imports',
    tags,
    summary: 'Recent imports',
    request: { params: TenantParamSchema },
    responses: {
      200: jsonContent(
        z.object({
          imports: z.array(ImportSchema),
          templates: z.array(
            z.object({ id: z.uuid(), name: z.string(), mapping: z.record(z.string(), z.string()) }),
          ),
          targets: z.array(z.string()),
        }),
      ),
      ...problems(401, 403, 404),
    },
  }),
  async (c) => {
    const { imports, templates } = await withTenant(c, async (ctx) => ({
      imports: await listImports(ctx),
      templates: await listImportTemplates(ctx),
    }));
    return c.json(
      {
        imports: imports.map((imp) => presentImport(imp, c.var.locale)),
        templates: templates.map(presentImportTemplate),
        targets: [...importTargets],
      },
      200,
    );
  },
);

importRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/registry/imports/{id}',
    tags,
    summary: 'An import: mapping, progress and dry-run counts',
    request: { params: RecordParamSchema },
    responses: { 200: jsonContent(ImportSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    const imp = await withTenant(c, (ctx) => getImport(ctx, c.req.valid('param').id));
    return c.json(presentImport(imp, c.var.locale), 200);
  },
);

importRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/registry/imports/{id}/check',
    tags,
    summary: 'Set the column mapping and start the dry run (nothing is written to the registry)',
    request: { params: RecordParamSchema, ...jsonBody(CheckSchema) },
    responses: {
      202: jsonContent(ImportSchema, 'Dry run queued'),
      ...problems(401, 403, 404, 409, 410, 422),
    },
  }),
  async (c) => {
    const imp = await withTenant(c, (ctx) => requestCheck(ctx, c.req.valid('param').id, c.req.valid('json')));
    return c.json(presentImport(imp, c.var.locale), 202);
  },
);

importRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/registry/imports/{id}/issues',
    tags,
    summary: 'Rejected rows and warnings of the dry run, with the reason in the reader’s language',
    request: {
      params: RecordParamSchema,
      query: z.object({
        cursor: z.string().max(200).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
    },
    responses: {
      200: jsonContent(z.object({ issues: z.array(IssueSchema), nextCursor: z.string().nullable() })),
      ...problems(401, 403, 404, 422),
    },
  }),
  async (c) => {
    const page = await withTenant(c, (ctx) =>
      listImportIssues(ctx, c.req.valid('param').id, c.req.valid('query')),
    );
    return c.json(
      {
        issues: page.items.map((issue) => presentImportIssue(issue, c.var.locale)),
        nextCursor: page.nextCursor,
      },
      200,
    );
  },
);

importRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/registry/imports/{id}/apply',
    tags,
    summary: 'Apply a checked import: every accepted row, or none',
    request: { params: RecordParamSchema },
    responses: { 202: jsonContent(ImportSchema, 'Apply queued'), ...problems(401, 403, 404, 409, 410) },
  }),
  async (c) => {
    const imp = await withTenant(c, (ctx) => requestApply(ctx, c.req.valid('param').id));
    return c.json(presentImport(imp, c.var.locale), 202);
  },
);
