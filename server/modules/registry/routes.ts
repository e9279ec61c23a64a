import { createRoute, z } from '@hono/zod-openapi';
import { OkSchema } from '../../platform/auth/schemas.js';
import { jsonBody, jsonContent, problems } from '../../platform/http/router.js';
import { spreadsheetDownload, spreadsheetResponse } from '../../platform/spreadsheet/spreadsheet-response.js';
import { TenantParamSchema } from '../tenancy/schemas.js';
import { withTenant } from '../tenancy/tenant-context.js';
import { createCustomField, deleteCustomField, listCustomFields } from './custom-fields.js';
import { exportRecords } from './export-records.js';
import { presentCustomField, presentHistoryEntry, presentRecord, presentRecordRow } from './presenters.js';
import { listRecordConsents, presentRecordConsent, RecordConsentEventSchema } from './record-consents.js';
import { findRecordsPage } from './record-query.js';
import { applyBulkAction, createRecord, updateRecord, viewRecord } from './records.js';
import { createRegistryRouter } from './registry-router.js';
import {
  BulkActionSchema,
  CustomFieldCreateSchema,
  CustomFieldSchema,
  ExportRequestSchema,
  RecordDetailSchema,
  RecordFieldsSchema,
  RecordListQuerySchema,
  RecordParamSchema,
  RecordPatchSchema,
  RecordRowSchema,
  RecordSchema,
  SegmentInputSchema,
  SegmentParamSchema,
  SegmentSchema,
} from './schemas.js';
import { deleteSegment, findSegment, listSegments, saveSegment, segmentFilter } from './segments.js';

export const registryRoutes = createRegistryRouter();

const tags = ['registry'];

registryRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/registry/records',
    tags,
    summary: 'Search and filter alumni records (HR)',
    request: { params: TenantParamSchema, query: RecordListQuerySchema },
    responses: {
      200: jsonContent(
        z.object({
          records: z.array(RecordRowSchema),
          nextCursor: z.string().nullable(),
          total: z.number().int(),
        }),
      ),
      ...problems(401, 403, 404, 422),
    },
  }),
  async (c) => {
    const { sort, cursor, limit, segment, ...filter } = c.req.valid('query');
    const effective = segment
      ? { ...segmentFilter(await withTenant(c, (ctx) => findSegment(ctx, { id: segment }))), ...filter }
      : filter;
    const result = await findRecordsPage(c.var.deps.database.db, c.var.tenant.id, {
      filter: effective,
      sort,
      cursor,
      limit,
    });
    return c.json(
      { records: result.records.map(presentRecordRow), nextCursor: result.nextCursor, total: result.total },
      200,
    );
  },
);

registryRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/registry/records',
    tags,
    summary: 'Create an alumni record',
    request: { params: TenantParamSchema, ...jsonBody(RecordFieldsSchema) },
    responses: { 201: jsonContent(RecordSchema, 'Created'), ...problems(401, 403, 404, 409, 422) },
  }),
  async (c) => {
    const record = await withTenant(c, (ctx) => createRecord(ctx, c.req.valid('json')));
    return c.json(presentRecord(record, null), 201);
  },
);

registryRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/registry/records/{id}',
    tags,
    summary: 'One record with its history (the view is audited)',
    request: { params: RecordParamSchema },
    responses: { 200: jsonContent(RecordDetailSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    const detail = await withTenant(c, (ctx) => viewRecord(ctx, c.req.valid('param').id));
    return c.json(
      {
        record: presentRecord(detail.record, detail.member),
        history: detail.history.map(presentHistoryEntry),
      },
      200,
    );
  },
);

registryRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/registry/records/{id}/consents',
    tags,
    summary: "A record's consent ledger: each choice the person made outside the app, with the wording shown",
    request: { params: RecordParamSchema },
    responses: {
      200: jsonContent(z.object({ consents: z.array(RecordConsentEventSchema) })),
      ...problems(401, 403, 404),
    },
  }),
  async (c) => {
    const rows = await withTenant(c, (ctx) => listRecordConsents(ctx, c.req.valid('param').id));
    return c.json({ consents: rows.map(presentRecordConsent) }, 200);
  },
);

registryRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/t/{slug}/registry/records/{id}',
    tags,
    summary: 'Edit a record (every change goes into its history)',
    request: { params: RecordParamSchema, ...jsonBody(RecordPatchSchema) },
    responses: { 200: jsonContent(RecordSchema), ...problems(401, 403, 404, 409, 422) },
  }),
  async (c) => {
    const record = await withTenant(c, (ctx) =>
      updateRecord(ctx, c.req.valid('param').id, c.req.valid('json')),
    );
    return c.json(presentRecord(record, null), 200);
  },
);

registryRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/registry/records/bulk',
    tags,
    summary: 'Tag, untag or exclude many records',
    request: { params: TenantParamSchema, ...jsonBody(BulkActionSchema) },
    responses: {
      200: jsonContent(z.object({ matched: z.number().int(), changed: z.number().int() })),
      ...problems(401, 403, 404, 422),
    },
  }),
  async (c) => {
    const result = await withTenant(c, (ctx) => applyBulkAction(ctx, c.req.valid('json')));
    return c.json(result, 200);
  },
);

registryRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/registry/custom-fields',
    tags,
    summary: "The network's own record fields",
    request: { params: TenantParamSchema },
    responses: {
      200: jsonContent(z.object({ fields: z.array(CustomFieldSchema) })),
      ...problems(401, 403, 404),
    },
  }),
  async (c) => {
    const fields = await withTenant(c, (ctx) => listCustomFields(ctx));
    return c.json({ fields: fields.map(presentCustomField) }, 200);
  },
);

registryRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/registry/custom-fields',
    tags,
    summary: 'Add a custom record field (text, number, date or select)',
    request: { params: TenantParamSchema, ...jsonBody(CustomFieldCreateSchema) },
    responses: { 201: jsonContent(CustomFieldSchema, 'Created'), ...problems(401, 403, 404, 409, 422) },
  }),
  async (c) => {
    const field = await withTenant(c, (ctx) => createCustomField(ctx, c.req.valid('json')));
    return c.json(presentCustomField(field), 201);
  },
);

registryRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/t/{slug}/registry/custom-fields/{id}',
    tags,
    summary: 'Remove a custom field definition',
    request: { params: SegmentParamSchema },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    await withTenant(c, (ctx) => deleteCustomField(ctx, c.req.valid('param').id));
    return c.json({ ok: true as const }, 200);
  },
);

registryRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/registry/segments',
    tags,
    summary: 'Saved filters with their live counts',
    request: { params: TenantParamSchema },
    responses: {
      200: jsonContent(z.object({ segments: z.array(SegmentSchema) })),
      ...problems(401, 403, 404),
    },
  }),
  async (c) => {
    const list = await withTenant(c, (ctx) => listSegments(ctx));
    return c.json(
      { segments: list.map(({ id, name, filter, count }) => ({ id, name, filter, count })) },
      200,
    );
  },
);

registryRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/registry/segments',
    tags,
    summary: 'Save the current filter as a segment',
    request: { params: TenantParamSchema, ...jsonBody(SegmentInputSchema) },
    responses: { 201: jsonContent(SegmentSchema, 'Created'), ...problems(401, 403, 404, 409, 422) },
  }),
  async (c) => {
    const { id, name, filter, count } = await withTenant(c, (ctx) => saveSegment(ctx, c.req.valid('json')));
    return c.json({ id, name, filter, count }, 201);
  },
);

registryRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/t/{slug}/registry/segments/{id}',
    tags,
    summary: 'Rename a segment or change its filter',
    request: { params: SegmentParamSchema, ...jsonBody(SegmentInputSchema) },
    responses: { 200: jsonContent(SegmentSchema), ...problems(401, 403, 404, 409, 422) },
  }),
  async (c) => {
    const { id, name, filter, count } = await withTenant(c, (ctx) =>
      saveSegment(ctx, c.req.valid('json'), c.req.valid('param').id),
    );
    return c.json({ id, name, filter, count }, 200);
  },
);

registryRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/t/{slug}/registry/segments/{id}',
    tags,
    summary: 'Delete a segment',
    request: { params: SegmentParamSchema },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    await withTenant(c, (ctx) => deleteSegment(ctx, c.req.valid('param').id));
    return c.json({ ok: true as const }, 200);
  },
);

registryRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/registry/export',
    tags,
    summary: 'Download the filtered records as CSV (UTF-8 with BOM or CP932); audited',
    description:
      "Cells a spreadsheet would run as a formula are written with a leading '; in CP932, letters it " +
      'cannot hold are written as 〓. Ask for `multipart/form-data` to get the summary that lists both.',
    request: { params: TenantParamSchema, ...jsonBody(ExportRequestSchema) },
    responses: { 200: spreadsheetResponse, ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const { segment, ...input } = c.req.valid('json');
    const file = await withTenant(c, async (ctx) => {
      const saved = segment ? await findSegment(ctx, { id: segment }) : null;
      const filter = saved ? { ...segmentFilter(saved), ...input.filter } : input.filter;
      return exportRecords(ctx, { ...input, filter, locale: c.var.locale, segmentName: saved?.name });
    });
    const day = new Date().toISOString().slice(0, 10);
    return spreadsheetDownload(file, {
      fileName: `alumni-${day}${input.encoding === 'cp932' ? '-sjis' : ''}.csv`,
      accept: c.req.header('accept'),
      locale: c.var.locale,
    });
  },
);
