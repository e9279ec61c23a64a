import { createRoute, z } from '@hono/zod-openapi';
import { OkSchema } from '../../platform/auth/schemas.js';
import {
  jsonBody,
  jsonContent,
  privateImage,
  privateImageResponse,
  problems,
} from '../../platform/http/router.js';
import { limitWrites } from '../community/posts/post-routes.js';
import { TenantParamSchema } from '../tenancy/schemas.js';
import { withTenant } from '../tenancy/tenant-context.js';
import { readNewsImage } from './article-images.js';
import {
  addArticleComment,
  articleResponses,
  deleteArticleComment,
  listArticleComments,
  presentComment,
  setReaction,
} from './article-responses.js';
import { listCategories } from './categories.js';
import { loadNewsReader } from './news-audience.js';
import { createNewsRouter } from './news-router.js';
import {
  ArchiveSchema,
  ArticleListQuerySchema,
  ArticlePageSchema,
  ArticleParamSchema,
  ArticleSchema,
  CategorySchema,
  CommentParamSchema,
  NewCommentSchema,
  NewsCommentSchema,
  ReactionParamSchema,
} from './news-schemas.js';
import { coversOf, presentArticle, presentSummary } from './presenters.js';
import {
  archiveMonths,
  findReadableArticle,
  listArticles,
  loadArticleRows,
  markRead,
} from './read-articles.js';

export const articleRoutes = createNewsRouter();
const tags = ['news'];

articleRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/news/articles',
    tags,
    summary: 'Published articles meant for me, newest first; by category or month (Japan time)',
    request: { params: TenantParamSchema, query: ArticleListQuerySchema },
    responses: { 200: jsonContent(ArticlePageSchema), ...problems(401, 404, 422) },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) => {
      const page = await listArticles(ctx, c.req.valid('query'));
      const rows = await loadArticleRows(ctx, page.ids);
      const covers = await coversOf(
        ctx,
        rows.map((row) => row.article),
      );
      return {
        articles: rows.map((row) => presentSummary(ctx, row, covers, c.var.locale)),
        nextCursor: page.nextCursor,
      };
    });
    return c.json(body, 200);
  },
);

articleRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/news/archive',
    tags,
    summary: 'Months with articles meant for me (the magazine view), newest first',
    request: { params: TenantParamSchema },
    responses: { 200: jsonContent(ArchiveSchema), ...problems(401, 404) },
  }),
  async (c) => c.json({ months: await withTenant(c, archiveMonths) }, 200),
);

articleRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/news/categories',
    tags,
    summary: "The network's news categories, in order",
    request: { params: TenantParamSchema },
    responses: { 200: jsonContent(z.object({ categories: z.array(CategorySchema) })), ...problems(401, 404) },
  }),
  async (c) => c.json({ categories: await withTenant(c, listCategories) }, 200),
);

articleRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/news/articles/{id}',
    tags,
    summary: 'One article; my first open counts me once among its readers',
    request: { params: ArticleParamSchema },
    responses: { 200: jsonContent(ArticleSchema), ...problems(401, 404) },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) => {
      const reader = await loadNewsReader(ctx);
      const article = await findReadableArticle(ctx, c.req.valid('param').id, reader);
      await markRead(ctx, article.id);
      const [row] = await loadArticleRows(ctx, [article.id]);
      const covers = await coversOf(ctx, [row!.article]);
      return presentArticle(ctx, row!, covers, c.var.locale, await articleResponses(ctx, article.id));
    });
    return c.json(body, 200);
  },
);

for (const method of ['put', 'delete'] as const) {
  articleRoutes.openapi(
    createRoute({
      method,
      path: '/t/{slug}/news/articles/{id}/reactions/{kind}',
      tags,
      summary: method === 'put' ? 'React to an article (when staff allow it)' : 'Take my reaction back',
      request: { params: ReactionParamSchema },
      responses: { 200: jsonContent(OkSchema), ...problems(401, 403, 404, 422) },
    }),
    async (c) => {
      const { id, kind } = c.req.valid('param');
      await withTenant(c, (ctx) => setReaction(ctx, id, kind, method === 'put'));
      return c.json({ ok: true as const }, 200);
    },
  );
}

articleRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/news/articles/{id}/comments',
    tags,
    summary:
      "An article's comments, oldest first (none when comments are off); a hidden one only for its author and moderators",
    request: { params: ArticleParamSchema },
    responses: {
      200: jsonContent(z.object({ comments: z.array(NewsCommentSchema) })),
      ...problems(401, 404),
    },
  }),
  async (c) => {
    const comments = await withTenant(c, async (ctx) =>
      (await listArticleComments(ctx, c.req.valid('param').id)).map((row) => presentComment(ctx, row)),
    );
    return c.json({ comments }, 200);
  },
);

articleRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/news/articles/{id}/comments',
    tags,
    summary: 'Comment on an article (when staff allow it)',
    request: { params: ArticleParamSchema, ...jsonBody(NewCommentSchema) },
    responses: { 201: jsonContent(NewsCommentSchema), ...problems(401, 403, 404, 422, 429) },
  }),
  async (c) => {
    await limitWrites(c, 'comment');
    const body = await withTenant(c, async (ctx) =>
      presentComment(ctx, await addArticleComment(ctx, c.req.valid('param').id, c.req.valid('json').body)),
    );
    return c.json(body, 201);
  },
);

articleRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/t/{slug}/news/articles/{id}/comments/{commentId}',
    tags,
    summary: 'Delete my comment (staff may delete any)',
    request: { params: CommentParamSchema },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    const { id, commentId } = c.req.valid('param');
    await withTenant(c, (ctx) => deleteArticleComment(ctx, id, commentId));
    return c.json({ ok: true as const }, 200);
  },
);

articleRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/news/images/{id}',
    tags,
    summary: 'A picture of an article, for those who may read it (staff: any)',
    request: { params: ArticleParamSchema },
    responses: { 200: privateImageResponse, ...problems(401, 404) },
  }),
  async (c) => privateImage(c, await withTenant(c, (ctx) => readNewsImage(ctx, c.req.valid('param').id))),
);
