import { createRoute, z } from '@hono/zod-openapi';
import { OkSchema } from '../../../platform/auth/schemas.js';
import { jsonBody, jsonContent, problems } from '../../../platform/http/router.js';
import { withTenant } from '../../tenancy/tenant-context.js';
import { createCommunityRouter } from '../community-router.js';
import { canModerate } from '../moderation/moderation-policy.js';
import { addComment, deleteComment, listComments, setReaction } from './comments-and-reactions.js';
import { limitWrites, present } from './post-routes.js';
import {
  CommentParamSchema,
  CommentSchema,
  NewCommentSchema,
  PostParamSchema,
  PostSchema,
  ReactionParamSchema,
} from './post-schemas.js';

/** Comments and reactions on posts. */
export const commentRoutes = createCommunityRouter();
const tags = ['community'];

commentRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/posts/{id}/comments',
    tags,
    summary: 'Comments on a post, oldest first',
    request: { params: PostParamSchema },
    responses: { 200: jsonContent(z.object({ comments: z.array(CommentSchema) })), ...problems(401, 404) },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) => ({
      comments: (await listComments(ctx, c.req.valid('param').id)).map(({ comment, author }) => ({
        id: comment.id,
        author,
        bodyHtml: comment.bodyHtml,
        createdAt: comment.createdAt.toISOString(),
        canDelete: author.id === ctx.actor.membershipId || canModerate(ctx.actor),
      })),
    }));
    return c.json(body, 200);
  },
);

commentRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/community/posts/{id}/comments',
    tags,
    summary: 'Comment on a post',
    request: { params: PostParamSchema, ...jsonBody(NewCommentSchema) },
    responses: { 201: jsonContent(OkSchema), ...problems(401, 404, 422, 429) },
  }),
  async (c) => {
    await limitWrites(c, 'comment');
    await withTenant(c, (ctx) => addComment(ctx, c.req.valid('param').id, c.req.valid('json').body));
    return c.json({ ok: true as const }, 201);
  },
);

commentRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/t/{slug}/community/posts/{id}/comments/{commentId}',
    tags,
    summary: 'Delete my comment (staff and moderators may delete any; audited)',
    request: { params: CommentParamSchema },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    const { id, commentId } = c.req.valid('param');
    await withTenant(c, (ctx) => deleteComment(ctx, id, commentId));
    return c.json({ ok: true as const }, 200);
  },
);

for (const method of ['put', 'delete'] as const) {
  commentRoutes.openapi(
    createRoute({
      method,
      path: '/t/{slug}/community/posts/{id}/reactions/{kind}',
      tags,
      summary: method === 'put' ? 'React to a post' : 'Take back my reaction',
      request: { params: ReactionParamSchema },
      responses: { 200: jsonContent(PostSchema), ...problems(401, 404) },
    }),
    async (c) => {
      const { id, kind } = c.req.valid('param');
      const body = await withTenant(c, async (ctx) => {
        await setReaction(ctx, id, kind, method === 'put');
        return (await present(ctx, [id]))[0]!;
      });
      return c.json(body, 200);
    },
  );
}
