import { createRoute, z } from '@hono/zod-openapi';
import {
  jsonBody,
  jsonContent,
  privateImage,
  privateImageResponse,
  problems,
} from '../../platform/http/router.js';
import { TenantParamSchema } from '../tenancy/schemas.js';
import { withTenant } from '../tenancy/tenant-context.js';
import { createCommunityRouter } from './community-router.js';
import { consentPolicyVersion, listConsentEvents, recordConsents } from './consents.js';
import { ownProfileView } from './own-profile.js';
import { readPhoto, removeOwnPhoto, setOwnPhoto } from './photos.js';
import { completeOnboarding, updateOwnProfile } from './profiles.js';
import {
  ConsentChoicesSchema,
  MemberParamSchema,
  OnboardingSchema,
  OwnProfileSchema,
  ProfileUpdateSchema,
} from './schemas.js';

export const profileRoutes = createCommunityRouter();
const tags = ['community'];

profileRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/me',
    tags,
    summary: 'My profile, my consent choices and their history, and the consent wording version in force',
    request: { params: TenantParamSchema },
    responses: { 200: jsonContent(OnboardingSchema), ...problems(401, 404) },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) => ({
      policyVersion: consentPolicyVersion,
      profile: await ownProfileView(ctx),
      consentHistory: (await listConsentEvents(ctx)).map((event) => ({
        purpose: event.purpose,
        granted: event.granted,
        policyVersion: event.policyVersion,
        source: event.source,
        at: event.createdAt.toISOString(),
      })),
    }));
    return c.json(body, 200);
  },
);

profileRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/t/{slug}/community/me/consents',
    tags,
    summary: 'Record my choices per purpose (company news, directory listing, company contact)',
    request: {
      params: TenantParamSchema,
      query: z.object({ source: z.enum(['onboarding', 'settings']).default('settings') }),
      ...jsonBody(ConsentChoicesSchema),
    },
    responses: { 200: jsonContent(OwnProfileSchema), ...problems(401, 404, 409, 422) },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) => {
      await recordConsents(ctx, c.req.valid('json'), c.req.valid('query').source);
      return ownProfileView(ctx);
    });
    return c.json(body, 200);
  },
);

profileRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/t/{slug}/community/me/profile',
    tags,
    summary: 'Edit my profile, hashtags and who sees each field',
    request: { params: TenantParamSchema, ...jsonBody(ProfileUpdateSchema) },
    responses: { 200: jsonContent(OwnProfileSchema), ...problems(401, 404, 422) },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) => {
      await updateOwnProfile(ctx, c.req.valid('json'));
      return ownProfileView(ctx);
    });
    return c.json(body, 200);
  },
);

profileRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/community/me/onboarding/complete',
    tags,
    summary: 'Finish set-up (needs the consent choices; the profile steps may be skipped)',
    request: { params: TenantParamSchema },
    responses: { 200: jsonContent(OwnProfileSchema), ...problems(401, 404, 422) },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) => {
      await completeOnboarding(ctx);
      return ownProfileView(ctx);
    });
    return c.json(body, 200);
  },
);

profileRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/t/{slug}/community/me/photo',
    tags,
    summary: 'Upload my photo (JPEG, PNG or WebP up to 8 MB; cropped to 512 px, metadata removed)',
    request: {
      params: TenantParamSchema,
      body: { content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
    },
    responses: { 200: jsonContent(OwnProfileSchema), ...problems(401, 404, 413, 422) },
  }),
  async (c) => {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const body = await withTenant(c, async (ctx) => {
      await setOwnPhoto(ctx, bytes);
      return ownProfileView(ctx);
    });
    return c.json(body, 200);
  },
);

profileRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/t/{slug}/community/me/photo',
    tags,
    summary: 'Remove my photo',
    request: { params: TenantParamSchema },
    responses: { 200: jsonContent(OwnProfileSchema), ...problems(401, 404) },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) => {
      await removeOwnPhoto(ctx);
      return ownProfileView(ctx);
    });
    return c.json(body, 200);
  },
);

profileRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/photos/{id}',
    tags,
    summary: "A member's photo, if they show it to me",
    request: { params: MemberParamSchema },
    responses: { 200: privateImageResponse, ...problems(401, 404) },
  }),
  async (c) => privateImage(c, await withTenant(c, (ctx) => readPhoto(ctx, c.req.valid('param').id))),
);
