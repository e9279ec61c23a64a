import { createRoute } from '@hono/zod-openapi';
import { OkSchema } from '../../platform/auth/schemas.js';
import { createRouter, jsonBody, jsonContent, problems } from '../../platform/http/router.js';
import { loadTenant, type TenantEnv, withTenant } from '../tenancy/tenant-context.js';
import {
  addMaterial,
  listMemberMaterials,
  listStaffMaterials,
  presentMaterial,
  removeMaterial,
  updateMaterial,
} from './event-materials.js';
import {
  MaterialParamSchema,
  MaterialPatchSchema,
  MaterialSchema,
  MemberMaterialListSchema,
  NewMaterialSchema,
  StaffMaterialListSchema,
} from './material-schemas.js';
import { authorizeEventStaff } from './policies.js';
import { EventParamSchema } from './schemas.js';

/** An event's materials: HR add, change and remove them; members read them once the event has ended. */
export const eventMaterialRoutes = createRouter<TenantEnv>();
for (const path of ['/t/:slug/events/:id/materials', '/t/:slug/events/:id/materials/*']) {
  eventMaterialRoutes.use(path, loadTenant, async (c, next) => {
    authorizeEventStaff(c.var.actor);
    await next();
  });
}
eventMaterialRoutes.use('/t/:slug/community/events/:id/materials', loadTenant);
const tags = ['events'];
const staffBase = '/t/{slug}/events/{id}/materials';

eventMaterialRoutes.openapi(
  createRoute({
    method: 'get',
    path: staffBase,
    tags,
    summary: "An event's materials, oldest first (HR)",
    request: { params: EventParamSchema },
    responses: { 200: jsonContent(StaffMaterialListSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    const rows = await withTenant(c, (ctx) => listStaffMaterials(ctx, c.req.valid('param').id));
    return c.json({ materials: rows.map(presentMaterial) }, 200);
  },
);

eventMaterialRoutes.openapi(
  createRoute({
    method: 'post',
    path: staffBase,
    tags,
    summary:
      'Add a material (title, https link, note; optionally attendees only), before or after the event (HR); audited',
    request: { params: EventParamSchema, ...jsonBody(NewMaterialSchema) },
    responses: { 201: jsonContent(MaterialSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const row = await withTenant(c, (ctx) => addMaterial(ctx, c.req.valid('param').id, c.req.valid('json')));
    return c.json(presentMaterial(row), 201);
  },
);

eventMaterialRoutes.openapi(
  createRoute({
    method: 'patch',
    path: `${staffBase}/{materialId}`,
    tags,
    summary: 'Change a material (HR); audited',
    request: { params: MaterialParamSchema, ...jsonBody(MaterialPatchSchema) },
    responses: { 200: jsonContent(MaterialSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const { id, materialId } = c.req.valid('param');
    const row = await withTenant(c, (ctx) => updateMaterial(ctx, id, materialId, c.req.valid('json')));
    return c.json(presentMaterial(row), 200);
  },
);

eventMaterialRoutes.openapi(
  createRoute({
    method: 'delete',
    path: `${staffBase}/{materialId}`,
    tags,
    summary: 'Remove a material (HR); audited',
    request: { params: MaterialParamSchema },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    const { id, materialId } = c.req.valid('param');
    await withTenant(c, (ctx) => removeMaterial(ctx, id, materialId));
    return c.json({ ok: true as const }, 200);
  },
);

eventMaterialRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/events/{id}/materials',
    tags,
    summary:
      "A past event's materials for a member who may see the event: none before it ends; attendees-only ones only to those checked in",
    request: { params: EventParamSchema },
    responses: { 200: jsonContent(MemberMaterialListSchema), ...problems(401, 404) },
  }),
  async (c) => {
    const result = await withTenant(c, (ctx) => listMemberMaterials(ctx, c.req.valid('param').id));
    return c.json(
      {
        materials: result.materials.map(presentMaterial),
        availableFrom: result.availableFrom.toISOString(),
        attendeesOnlyHidden: result.attendeesOnlyHidden,
      },
      200,
    );
  },
);
