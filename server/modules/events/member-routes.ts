import { createRoute } from '@hono/zod-openapi';
import { and, eq, ne } from 'drizzle-orm';
import { eventRegistrations } from '../../db/schema/index.js';
import { notFound } from '../../platform/errors.js';
import { enforceRateLimit } from '../../platform/http/rate-limit.js';
import { jsonBody, jsonContent, problems } from '../../platform/http/router.js';
import { createCommunityRouter } from '../community/community-router.js';
import { TenantParamSchema } from '../tenancy/schemas.js';
import { type TenantServiceContext, withTenant } from '../tenancy/tenant-context.js';
import { eventIcs } from './event-calendar.js';
import { coversOf } from './event-images.js';
import { announcePromotions } from './event-notices.js';
import { GoingSchema, whoElseIsGoing } from './going.js';
import { findMemberEvent, listMemberEvents, type MemberEventRow } from './list-events.js';
import { cursorText, listEventPage, parseCursor } from './paged-events.js';
import { presentGoingPerson, presentMemberEvent } from './presenters.js';
import { cancelRegistration, registerForEvent } from './register.js';
import {
  EventParamSchema,
  MemberEventListSchema,
  MemberEventQuerySchema,
  MemberEventSchema,
  RegisterSchema,
} from './schemas.js';

/** The member side イベント: events meant for me, my registrations (presented: no one else's answers). */
export const eventMemberRoutes = createCommunityRouter();
const tags = ['events'];
const base = '/t/{slug}/community/events';

/** Events as the member sees them, with their covers (one read for the list). */
async function presentRows(ctx: TenantServiceContext, rows: MemberEventRow[], now = new Date()) {
  const covers = await coversOf(
    ctx,
    rows.map((row) => row.event),
  );
  return rows.map((row) => presentMemberEvent(row, covers.get(row.event.id) ?? null, now));
}
const presentRow = async (ctx: TenantServiceContext, row: MemberEventRow) =>
  (await presentRows(ctx, [row]))[0]!;

eventMemberRoutes.openapi(
  createRoute({
    method: 'get',
    path: base,
    tags,
    summary:
      'Events for me, 20 a page: upcoming (soonest first) or past (newest first); or the ones I registered for',
    request: { params: TenantParamSchema, query: MemberEventQuerySchema },
    responses: { 200: jsonContent(MemberEventListSchema), ...problems(401, 404, 422) },
  }),
  async (c) => {
    const { when, after } = c.req.valid('query');
    const body = await withTenant(c, async (ctx) => {
      if (when === 'mine') return { events: await presentRows(ctx, await listMemberEvents(ctx)), next: null };
      const page = await listEventPage(ctx, when, parseCursor(after));
      return { events: await presentRows(ctx, page.rows), next: page.next ? cursorText(page.next) : null };
    });
    return c.json(body, 200);
  },
);

eventMemberRoutes.openapi(
  createRoute({
    method: 'get',
    path: `${base}/{id}`,
    tags,
    summary: 'One event with my registration (the meeting link only when confirmed and close to the start)',
    request: { params: EventParamSchema },
    responses: { 200: jsonContent(MemberEventSchema), ...problems(401, 404) },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) =>
      presentRow(ctx, await findMemberEvent(ctx, c.req.valid('param').id)),
    );
    return c.json(body, 200);
  },
);

eventMemberRoutes.openapi(
  createRoute({
    method: 'get',
    path: `${base}/{id}/going`,
    tags,
    summary:
      'Who else is going: confirmed registrants listed in the directory and not blocked either way; ' +
      'the rest only counted',
    request: { params: EventParamSchema },
    responses: { 200: jsonContent(GoingSchema), ...problems(401, 404) },
  }),
  async (c) => {
    const { rows, others } = await withTenant(c, (ctx) => whoElseIsGoing(ctx, c.req.valid('param').id));
    const people = rows.map((row) => presentGoingPerson(c.var.actor, c.var.tenant, row));
    return c.json({ people, others }, 200);
  },
);

eventMemberRoutes.openapi(
  createRoute({
    method: 'post',
    path: `${base}/{id}/registration`,
    tags,
    summary:
      'Register (201): a seat, or the waitlist when full. Refused when outside the window, cancelled, ' +
      'already registered (409) or not meant for me (404)',
    request: { params: EventParamSchema, ...jsonBody(RegisterSchema) },
    responses: { 201: jsonContent(MemberEventSchema), ...problems(401, 404, 409, 422, 429) },
  }),
  async (c) => {
    // A person registers for a few events a minute at most; a script is slowed down.
    await enforceRateLimit(
      c.var.deps.database.db,
      `event-registration:${c.var.tenant.id}:${c.var.actor.membershipId}`,
      {
        limit: 30,
        windowSeconds: 60,
      },
    );
    const id = c.req.valid('param').id;
    const body = await withTenant(c, async (ctx) => {
      await registerForEvent(ctx, id, c.req.valid('json'));
      return presentRow(ctx, await findMemberEvent(ctx, id));
    });
    return c.json(body, 201);
  },
);

eventMemberRoutes.openapi(
  createRoute({
    method: 'post',
    path: `${base}/{id}/registration/cancel`,
    tags,
    summary:
      'Cancel my registration: my seat goes to the first on the waitlist, who is told; twice changes nothing',
    request: { params: EventParamSchema },
    responses: { 200: jsonContent(MemberEventSchema), ...problems(401, 404) },
  }),
  async (c) => {
    const id = c.req.valid('param').id;
    const body = await withTenant(c, async (ctx) => {
      const row = await findMemberEvent(ctx, id);
      const [live] = await ctx.tx
        .select({ id: eventRegistrations.id })
        .from(eventRegistrations)
        .where(
          and(
            eq(eventRegistrations.tenantId, ctx.tenant.id),
            eq(eventRegistrations.eventId, id),
            eq(eventRegistrations.memberId, ctx.actor.membershipId),
            ne(eventRegistrations.status, 'cancelled'),
          ),
        );
      if (!live) {
        if (row.registration) return presentRow(ctx, row);
        throw notFound();
      }
      const result = await cancelRegistration(ctx, id, live.id, { byStaff: false });
      await announcePromotions(ctx, result.event, result.promoted);
      return presentRow(ctx, await findMemberEvent(ctx, id));
    });
    return c.json(body, 200);
  },
);

eventMemberRoutes.openapi(
  createRoute({
    method: 'get',
    path: `${base}/{id}/calendar.ics`,
    tags,
    summary:
      'The event as an .ics file (RFC 5545, in the event’s time zone; same UID, higher SEQUENCE on changes)',
    request: { params: EventParamSchema },
    responses: {
      200: { description: 'text/calendar', content: { 'text/calendar': { schema: { type: 'string' } } } },
      ...problems(401, 404),
    },
  }),
  async (c) => {
    const row = await withTenant(c, (ctx) => findMemberEvent(ctx, c.req.valid('param').id));
    const { text } = eventIcs(c.var.tenant, row.event, {
      host: new URL(c.var.deps.config.publicUrl).host,
      locale: c.var.locale,
      registrationCancelled: row.registration?.status === 'cancelled',
    });
    return new Response(text, {
      status: 200,
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'attachment; filename="event.ics"',
        'cache-control': 'no-store',
      },
    });
  },
);
