import { createRoute, z } from '@hono/zod-openapi';
import { enforceRateLimit } from '../../../platform/http/rate-limit.js';
import { jsonContent, privateImage, privateImageResponse, problems } from '../../../platform/http/router.js';
import { TenantParamSchema } from '../../tenancy/schemas.js';
import { withTenant } from '../../tenancy/tenant-context.js';
import { createCommunityRouter } from '../community-router.js';
import { readPostImage, uploadPostImage } from './post-images.js';
import { PostImageSchema, PostParamSchema } from './post-schemas.js';

export const postImageRoutes = createCommunityRouter();
const tags = ['community'];

postImageRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/community/post-images',
    tags,
    summary:
      'Upload a picture for a post (JPEG, PNG or WebP up to 8 MB; within 1600 px, metadata removed); then post with its id',
    request: {
      params: TenantParamSchema,
      body: { content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
    },
    responses: { 201: jsonContent(PostImageSchema), ...problems(401, 404, 413, 422, 429) },
  }),
  async (c) => {
    await enforceRateLimit(
      c.var.deps.database.db,
      `post-image:${c.var.tenant.id}:${c.var.actor.membershipId}`,
      { limit: 30, windowSeconds: 10 * 60 },
    );
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return c.json(await withTenant(c, (ctx) => uploadPostImage(ctx, bytes)), 201);
  },
);

postImageRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/post-images/{id}',
    tags,
    summary: 'A picture in a post, for those who may read the post',
    request: { params: PostParamSchema },
    responses: { 200: privateImageResponse, ...problems(401, 404) },
  }),
  async (c) => privateImage(c, await withTenant(c, (ctx) => readPostImage(ctx, c.req.valid('param').id))),
);
