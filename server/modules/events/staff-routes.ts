import { createRoute } from '@hono/zod-openapi';
import { createRouter, jsonBody, jsonContent, problems } from '../../platform/http/router.js';
import { spreadsheetDownload, spreadsheetResponse } from '../../platform/spreadsheet/spreadsheet-response.js';
import { TenantParamSchema } from '../tenancy/schemas.js';
import {
  loadTenant,
  type TenantEnv,
  type TenantServiceContext,
  withTenant,
} from '../tenancy/tenant-context.js';
import { checkIn } from './check-in.js';
import { coversOf } from './event-images.js';
import { announceEventChange, announcePromotions, messageRegistrants } from './event-notices.js';
import { findStaffEvent, listStaffEvents } from './list-events.js';
import { authorizeEventStaff } from './policies.js';
import { presentStaffEvent, presentStaffRegistration } from './presenters.js';
import { addRegistration, cancelRegistration } from './register.js';
import { exportRegistrations, listRegistrations } from './registrations.js';
import {
  CheckInResultSchema,
  CheckInSchema,
  EventMessageResultSchema,
  EventMessageSchema,
  EventParamSchema,
  EventPatchSchema,
  ManualRegistrationSchema,
  NewEventSchema,
  RegistrationExportQuerySchema,
  RegistrationParamSchema,
  StaffEventListSchema,
  StaffEventQuerySchema,
  StaffEventSchema,
  StaffRegistrationListSchema,
  StaffRegistrationSchema,
} from './schemas.js';
import {
  auditEvent,
  cancelEvent,
  createEvent,
  findEvent,
  publishEvent,
  updateEvent,
} from './write-events.js';

/** /t/{slug}/events…: the console's side, for HR staff only. */
export const eventStaffRoutes = createRouter<TenantEnv>();
for (const path of ['/t/:slug/events', '/t/:slug/events/*']) {
  eventStaffRoutes.use(path, loadTenant, async (c, next) => {
    authorizeEventStaff(c.var.actor);
    await next();
  });
}
const tags = ['events'];

/** One event as the console shows it, with its cover. */
async function presentOne(ctx: TenantServiceContext, id: string) {
  const row = await findStaffEvent(ctx, id);
  const covers = await coversOf(ctx, [row.event]);
  return presentStaffEvent(row.event, row.counts, covers.get(id) ?? null);
}

eventStaffRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/events',
    tags,
    summary: 'Events of the network, drafts included, with seats taken and waitlists (HR)',
    request: { params: TenantParamSchema, query: StaffEventQuerySchema },
    responses: { 200: jsonContent(StaffEventListSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const events = await withTenant(c, async (ctx) => {
      const rows = await listStaffEvents(ctx, c.req.valid('query').when);
      const covers = await coversOf(
        ctx,
        rows.map((row) => row.event),
      );
      return rows.map((row) => presentStaffEvent(row.event, row.counts, covers.get(row.event.id) ?? null));
    });
    return c.json({ events }, 200);
  },
);

eventStaffRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/events',
    tags,
    summary: 'Create an event as a draft (HR); audited',
    request: { params: TenantParamSchema, ...jsonBody(NewEventSchema) },
    responses: { 201: jsonContent(StaffEventSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) => {
      const event = await createEvent(ctx, c.req.valid('json'));
      return presentOne(ctx, event.id);
    });
    return c.json(body, 201);
  },
);

eventStaffRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/events/{id}',
    tags,
    summary: 'One event (HR)',
    request: { params: EventParamSchema },
    responses: { 200: jsonContent(StaffEventSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    return c.json(await withTenant(c, (ctx) => presentOne(ctx, c.req.valid('param').id)), 200);
  },
);

eventStaffRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/t/{slug}/events/{id}',
    tags,
    summary:
      'Edit an event or change its time (HR): a capacity below the confirmed count is refused, a larger one ' +
      'promotes from the waitlist; a change of time or place is told to registrants and raises the calendar SEQUENCE; audited',
    request: { params: EventParamSchema, ...jsonBody(EventPatchSchema) },
    responses: { 200: jsonContent(StaffEventSchema), ...problems(401, 403, 404, 409, 422) },
  }),
  async (c) => {
    const id = c.req.valid('param').id;
    const body = await withTenant(c, async (ctx) => {
      const result = await updateEvent(ctx, id, c.req.valid('json'));
      if (result.timeChanged || result.placeChanged) await announceEventChange(ctx, result.event, 'changed');
      await announcePromotions(ctx, result.event, result.promoted);
      return presentOne(ctx, id);
    });
    return c.json(body, 200);
  },
);

eventStaffRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/events/{id}/publish',
    tags,
    summary:
      'Publish a draft to its audience (HR): needs the meeting link (online, hybrid) or venue; audited',
    request: { params: EventParamSchema },
    responses: { 200: jsonContent(StaffEventSchema), ...problems(401, 403, 404, 409, 422) },
  }),
  async (c) => {
    const id = c.req.valid('param').id;
    const body = await withTenant(c, async (ctx) => {
      await publishEvent(ctx, id);
      return presentOne(ctx, id);
    });
    return c.json(body, 200);
  },
);

eventStaffRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/events/{id}/cancel',
    tags,
    summary: 'Cancel an event (HR): registrants are told and their calendar entry is cancelled; audited',
    request: { params: EventParamSchema },
    responses: { 200: jsonContent(StaffEventSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    const id = c.req.valid('param').id;
    const body = await withTenant(c, async (ctx) => {
      const result = await cancelEvent(ctx, id);
      if (result.changed) await announceEventChange(ctx, result.event, 'cancelled');
      return presentOne(ctx, id);
    });
    return c.json(body, 200);
  },
);

eventStaffRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/events/{id}/registrations',
    tags,
    summary: 'Registrations with answers, attendance and waitlist order (HR)',
    request: { params: EventParamSchema },
    responses: { 200: jsonContent(StaffRegistrationListSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    const { rows } = await withTenant(c, (ctx) => listRegistrations(ctx, c.req.valid('param').id));
    return c.json({ registrations: rows.map(presentStaffRegistration) }, 200);
  },
);

eventStaffRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/events/{id}/registrations',
    tags,
    summary: 'Add a member by hand (HR): a seat if one is free, else the waitlist; audited',
    request: { params: EventParamSchema, ...jsonBody(ManualRegistrationSchema) },
    responses: { 201: jsonContent(StaffRegistrationSchema), ...problems(401, 403, 404, 409, 422) },
  }),
  async (c) => {
    const id = c.req.valid('param').id;
    const body = await withTenant(c, async (ctx) => {
      const { registration } = await addRegistration(ctx, id, c.req.valid('json'));
      const { rows } = await listRegistrations(ctx, id);
      return presentStaffRegistration(rows.find((row) => row.registration.id === registration.id)!);
    });
    return c.json(body, 201);
  },
);

eventStaffRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/events/{id}/registrations/{registrationId}/cancel',
    tags,
    summary: 'Remove someone (HR): the freed seat goes to the first on the waitlist, who is told; audited',
    request: { params: RegistrationParamSchema },
    responses: { 200: jsonContent(StaffRegistrationSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    const { id, registrationId } = c.req.valid('param');
    const body = await withTenant(c, async (ctx) => {
      const result = await cancelRegistration(ctx, id, registrationId, { byStaff: true });
      await announcePromotions(ctx, result.event, result.promoted);
      const { rows } = await listRegistrations(ctx, id);
      return presentStaffRegistration(rows.find((row) => row.registration.id === registrationId)!);
    });
    return c.json(body, 200);
  },
);

eventStaffRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/events/{id}/registrations/export',
    tags,
    summary:
      'Download the registrations with answers as CSV (UTF-8 with BOM or CP932, formula-safe); audited',
    request: { params: EventParamSchema, query: RegistrationExportQuerySchema },
    responses: { 200: spreadsheetResponse, ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const { encoding } = c.req.valid('query');
    const { file } = await withTenant(c, (ctx) =>
      exportRegistrations(ctx, c.req.valid('param').id, { encoding, locale: c.var.locale }),
    );
    return spreadsheetDownload(file, {
      fileName: `event-registrations-${new Date().toISOString().slice(0, 10)}${encoding === 'cp932' ? '-sjis' : ''}.csv`,
      accept: c.req.header('accept'),
      locale: c.var.locale,
    });
  },
);

eventStaffRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/events/{id}/message',
    tags,
    summary: 'Message every registrant (HR): in the app, and by e-mail to those who chose it; audited',
    request: { params: EventParamSchema, ...jsonBody(EventMessageSchema) },
    responses: { 200: jsonContent(EventMessageResultSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const id = c.req.valid('param').id;
    const { text } = c.req.valid('json');
    const recipients = await withTenant(c, async (ctx) => {
      const event = await findEvent(ctx, id);
      const count = await messageRegistrants(ctx, event, text);
      await auditEvent(ctx, 'event.registrants_messaged', id, { recipients: count });
      return count;
    });
    return c.json({ recipients }, 200);
  },
);

eventStaffRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/events/{id}/check-in',
    tags,
    summary:
      'Check a confirmed registrant in by the code on their screen (typed or scanned; HR): recorded once, ' +
      'a second scan answers recorded: false; only while the event is published; audited',
    request: { params: EventParamSchema, ...jsonBody(CheckInSchema) },
    responses: { 200: jsonContent(CheckInResultSchema), ...problems(401, 403, 404, 409, 422) },
  }),
  async (c) => {
    const id = c.req.valid('param').id;
    const body = await withTenant(c, async (ctx) => {
      const result = await checkIn(ctx, id, c.req.valid('json').code);
      const { rows } = await listRegistrations(ctx, id);
      const row = rows.find((r) => r.registration.id === result.registrationId)!;
      return { registration: presentStaffRegistration(row), recorded: result.recorded };
    });
    return c.json(body, 200);
  },
);
