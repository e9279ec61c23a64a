import { createRoute, z } from '@hono/zod-openapi';
import { consentPurposes, notificationChannels } from '../../../db/schema/index.js';
import { jsonBody, jsonContent, problems } from '../../../platform/http/router.js';
import { TenantParamSchema } from '../../tenancy/schemas.js';
import { withTenant } from '../../tenancy/tenant-context.js';
import { createProgrammesStaffRouter } from '../programmes-router.js';
import { AudiencePreviewSchema, presentAudiencePreview } from './audience-presenter.js';
import { AudienceSpecSchema } from './audience-spec.js';
import { summariseAudience } from './summarise-audience.js';

export const audienceRoutes = createProgrammesStaffRouter();

export const AudiencePreviewRequestSchema = z
  .object({
    spec: AudienceSpecSchema,
    purpose: z.enum(consentPurposes),
    channel: z.enum(notificationChannels).default('email'),
    /** The notification kind whose per-member channel choice applies; none for campaigns. */
    kind: z
      .string()
      .regex(/^[a-z_]{1,40}$/)
      .optional(),
  })
  .strict();

audienceRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/programmes/audience/preview',
    tags: ['programmes'],
    summary: 'How many people an audience reaches by a channel, and who is left out and why (staff only)',
    request: { params: TenantParamSchema, ...jsonBody(AudiencePreviewRequestSchema) },
    responses: { 200: jsonContent(AudiencePreviewSchema), ...problems(401, 403, 404, 415, 422) },
  }),
  async (c) => {
    const input = c.req.valid('json');
    const summary = await withTenant(c, (ctx) =>
      summariseAudience(ctx, input.spec, {
        purpose: input.purpose,
        channel: input.channel,
        kind: input.kind,
      }),
    );
    return c.json(presentAudiencePreview(summary), 200);
  },
);
