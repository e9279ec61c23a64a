import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, jsonBody, jsonContent, problems } from '../../platform/http/router.js';
import { MemberParamSchema } from '../tenancy/schemas.js';
import { loadTenant, type TenantEnv, withTenant } from '../tenancy/tenant-context.js';
import { authorizeManageSurveys } from './policies.js';
import {
  cancelReminder,
  listReminders,
  presentReminder,
  ReminderInputSchema,
  SurveyReminderSchema,
  scheduleReminder,
} from './survey-reminders.js';

/** /t/{slug}/surveys/{id}/reminders: reminders to those asked who have not answered, for HR staff only. */
export const reminderRoutes = createRouter<TenantEnv>();
reminderRoutes.use('/t/:slug/surveys/:id/reminders', loadTenant, async (c, next) => {
  authorizeManageSurveys(c.var.actor);
  await next();
});
reminderRoutes.use('/t/:slug/surveys/:id/reminders/*', loadTenant, async (c, next) => {
  authorizeManageSurveys(c.var.actor);
  await next();
});
const tags = ['surveys'];
const RemindersSchema = z.object({ reminders: z.array(SurveyReminderSchema) });

reminderRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/surveys/{id}/reminders',
    tags,
    summary: 'The reminders of a survey, earliest first, with how many each mailed (staff)',
    request: { params: MemberParamSchema },
    responses: { 200: jsonContent(RemindersSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    const rows = await withTenant(c, (ctx) => listReminders(ctx, c.req.valid('param').id));
    return c.json({ reminders: rows.map(presentReminder) }, 200);
  },
);

reminderRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/surveys/{id}/reminders',
    tags,
    summary:
      'Remind those asked who have not answered: now, N days after sending or N days before closing; audited',
    description:
      'By e-mail only, to people asked by the sending or a pulse who have not answered and still consent; ' +
      'an anonymous survey is judged by its one-time tokens only. Each reminder mails each person once.',
    request: { params: MemberParamSchema, ...jsonBody(ReminderInputSchema) },
    responses: { 201: jsonContent(SurveyReminderSchema), ...problems(401, 403, 404, 409, 415, 422) },
  }),
  async (c) => {
    const row = await withTenant(c, (ctx) =>
      scheduleReminder(ctx, c.req.valid('param').id, c.req.valid('json')),
    );
    return c.json(presentReminder(row), 201);
  },
);

reminderRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/surveys/{id}/reminders/{reminderId}/cancel',
    tags,
    summary: 'Cancel a reminder that has not gone out yet; audited',
    request: { params: MemberParamSchema.extend({ reminderId: z.uuid() }) },
    responses: { 200: jsonContent(SurveyReminderSchema), ...problems(401, 403, 404, 409) },
  }),
  async (c) => {
    const { id, reminderId } = c.req.valid('param');
    const row = await withTenant(c, (ctx) => cancelReminder(ctx, id, reminderId));
    return c.json(presentReminder(row), 200);
  },
);
