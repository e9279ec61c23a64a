import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { invitationStatuses } from '../../../db/schema/index.js';
import { LocaleSchema, OkSchema } from '../../../platform/auth/schemas.js';
import { clientAddress } from '../../../platform/auth/sessions.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { enforceRateLimit } from '../../../platform/http/rate-limit.js';
import { createRouter, jsonBody, jsonContent, problems } from '../../../platform/http/router.js';
import { SlugSchema, TenantParamSchema } from '../../tenancy/schemas.js';
import { withTenant } from '../../tenancy/tenant-context.js';
import { createRegistryRouter } from '../registry-router.js';
import { RecordFilterSchema } from '../schemas.js';
import { acceptInvitation, declineInvitation, openInvitation } from './accept-invitation.js';
import { defaultInvitationTemplates, displayName, skipReasons } from './invitation-rules.js';
import { listInvitations, listInvitationTemplates } from './list-invitations.js';
import { presentInvitationForInvitee } from './presenters.js';
import { previewInvitations, sendInvitations } from './send-invitations.js';

export const invitationRoutes = createRegistryRouter();

const tags = ['invitations'];
const SelectionSchema = z.strictObject({
  recordIds: z.array(z.uuid()).min(1).max(5000).optional(),
  segment: z.uuid().optional(),
  filter: RecordFilterSchema.optional(),
});
const PersonSchema = z.object({ id: z.uuid(), name: z.string(), email: z.string().nullable() });
const PreviewSchema = z
  .object({
    invitable: z.array(PersonSchema),
    skipped: z.array(PersonSchema.extend({ reason: z.enum(skipReasons) })),
  })
  .openapi('InvitationPreview');
const SendSchema = SelectionSchema.extend({
  locale: LocaleSchema,
  subject: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(10000),
  reminderAfterDays: z.number().int().min(1).max(28).optional(),
  saveTemplateAs: z.string().trim().min(1).max(60).optional(),
});
const InvitationSchema = z
  .object({
    id: z.uuid(),
    recordId: z.uuid(),
    name: z.string(),
    email: z.string(),
    status: z.enum(invitationStatuses),
    source: z.string(),
    sentAt: z.string(),
    openedAt: z.string().nullable(),
    joinedAt: z.string().nullable(),
    reminderAt: z.string().nullable(),
    remindedAt: z.string().nullable(),
    expiresAt: z.string(),
  })
  .openapi('Invitation');
const TemplateSchema = z.object({
  id: z.string().nullable(),
  name: z.string(),
  locale: LocaleSchema,
  subject: z.string(),
  body: z.string(),
});

const person = (r: { id: string; familyName: string; givenName: string; emails: string[] }) => ({
  id: r.id,
  name: displayName(r),
  email: r.emails[0] ?? null,
});
const iso = (d: Date | null) => d?.toISOString() ?? null;

invitationRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/registry/invitations/preview',
    tags,
    summary: 'Who an invitation would reach, and who is skipped and why',
    request: { params: TenantParamSchema, ...jsonBody(SelectionSchema) },
    responses: { 200: jsonContent(PreviewSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const preview = await withTenant(c, (ctx) => previewInvitations(ctx, c.req.valid('json')));
    return c.json(
      {
        invitable: preview.invitable.map(person),
        skipped: preview.skipped.map(({ record, reason }) => ({ ...person(record), reason })),
      },
      200,
    );
  },
);

invitationRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/registry/invitations',
    tags,
    summary: 'Send invitations (only to records with consent, an address and not excluded)',
    request: { params: TenantParamSchema, ...jsonBody(SendSchema) },
    responses: {
      201: jsonContent(z.object({ sent: z.number().int(), skipped: z.number().int() }), 'Sent'),
      ...problems(401, 403, 404, 409, 422),
    },
  }),
  async (c) => {
    const result = await withTenant(c, (ctx) => sendInvitations(ctx, c.req.valid('json')));
    return c.json({ sent: result.sent, skipped: result.skipped.length }, 201);
  },
);

invitationRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/registry/invitations',
    tags,
    summary: 'Invitations with their progress: sent, opened, joined',
    request: { params: TenantParamSchema, query: z.object({ record: z.uuid().optional() }) },
    responses: {
      200: jsonContent(z.object({ invitations: z.array(InvitationSchema) })),
      ...problems(401, 403, 404),
    },
  }),
  async (c) => {
    const rows = await withTenant(c, (ctx) => listInvitations(ctx, c.req.valid('query').record));
    return c.json(
      {
        invitations: rows.map((row) => ({
          id: row.id,
          recordId: row.recordId,
          name: displayName(row),
          email: row.email,
          status: row.status,
          source: row.source,
          sentAt: row.createdAt.toISOString(),
          openedAt: iso(row.openedAt),
          joinedAt: iso(row.joinedAt),
          // A planned reminder means something only while the invitation is still open.
          reminderAt: row.status === 'sent' || row.status === 'opened' ? iso(row.reminderAt) : null,
          remindedAt: iso(row.remindedAt),
          expiresAt: row.expiresAt.toISOString(),
        })),
      },
      200,
    );
  },
);

invitationRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/registry/invitation-templates',
    tags,
    summary: 'The built-in invitation wording and the saved templates',
    request: { params: TenantParamSchema },
    responses: {
      200: jsonContent(z.object({ templates: z.array(TemplateSchema) })),
      ...problems(401, 403, 404),
    },
  }),
  async (c) => {
    const saved = await withTenant(c, (ctx) => listInvitationTemplates(ctx));
    const builtIn = (['ja', 'en'] as const).map((locale) => ({
      id: null,
      name: locale === 'ja' ? '標準（日本語）' : 'Standard (English)',
      locale,
      ...defaultInvitationTemplates[locale],
    }));
    return c.json(
      {
        templates: [
          ...builtIn,
          ...saved.map((t) => ({
            id: t.id,
            name: t.name,
            locale: t.locale,
            subject: t.subject,
            body: t.body,
          })),
        ],
      },
      200,
    );
  },
);

/** The invitee's side: no account yet, so these live outside /t/{slug} and are rate-limited by address. */
export const invitationPublicRoutes = createRouter();

const TokenSchema = z.strictObject({ slug: SlugSchema, token: z.string().min(20).max(200) });

async function limit(c: Context<AppEnv>) {
  await enforceRateLimit(c.var.deps.database.db, `invitation:ip:${clientAddress(c)}`, {
    limit: 60,
    windowSeconds: 15 * 60,
  });
}

invitationPublicRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/invitations/open',
    tags,
    summary: 'Read an invitation from its e-mailed link (marks it opened)',
    request: jsonBody(TokenSchema),
    responses: {
      200: jsonContent(
        z.object({
          network: z.object({ slug: z.string(), nameJa: z.string(), nameEn: z.string() }),
          name: z.string(),
          email: z.string(),
          joined: z.boolean(),
        }),
      ),
      ...problems(404, 422, 429),
    },
  }),
  async (c) => {
    await limit(c);
    const { slug, token } = c.req.valid('json');
    const opened = await c.var.deps.database.db.transaction((tx) => openInvitation(tx, slug, token));
    return c.json(presentInvitationForInvitee(opened), 200);
  },
);

invitationPublicRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/invitations/accept',
    tags,
    summary: 'Join from an invitation: signs the person up, links their record and signs them in',
    request: jsonBody(TokenSchema),
    responses: { 200: jsonContent(z.object({ redirectTo: z.string() })), ...problems(404, 422, 429) },
  }),
  async (c) => {
    await limit(c);
    const { slug, token } = c.req.valid('json');
    const result = await c.var.deps.database.db.transaction((tx) => acceptInvitation(c, tx, slug, token));
    return c.json({ redirectTo: result.redirectTo }, 200);
  },
);

invitationPublicRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/invitations/decline',
    tags,
    summary: 'Decline an invitation: no further invitations go to this person',
    request: jsonBody(TokenSchema),
    responses: { 200: jsonContent(OkSchema), ...problems(404, 422, 429) },
  }),
  async (c) => {
    await limit(c);
    const { slug, token } = c.req.valid('json');
    await c.var.deps.database.db.transaction((tx) => declineInvitation(tx, slug, token));
    return c.json({ ok: true as const }, 200);
  },
);
