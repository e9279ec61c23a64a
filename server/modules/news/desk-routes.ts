import { createRoute, z } from '@hono/zod-openapi';
import { desc, eq } from 'drizzle-orm';
import { newsArticles } from '../../db/schema/index.js';
import { OkSchema } from '../../platform/auth/schemas.js';
import { notFound } from '../../platform/errors.js';
import { enforceRateLimit } from '../../platform/http/rate-limit.js';
import { jsonBody, jsonContent, problems } from '../../platform/http/router.js';
import { TenantParamSchema } from '../tenancy/schemas.js';
import { type TenantServiceContext, withTenant } from '../tenancy/tenant-context.js';
import { uploadNewsImage } from './article-images.js';
import { createCategory, listManagedCategories, renameCategory } from './categories.js';
import { createNewsDeskRouter } from './news-router.js';
import {
  ArticleEditSchema,
  ArticleInputSchema,
  ArticleParamSchema,
  CategorySchema,
  ManagedArticleListSchema,
  ManagedArticleSchema,
  ManagedCategorySchema,
  NewCategorySchema,
  NewsImageSchema,
  ScheduleSchema,
} from './news-schemas.js';
import { coversOf, presentManagedArticle } from './presenters.js';
import { publishArticleNow } from './publish-articles.js';
import { loadArticleRows } from './read-articles.js';
import {
  createArticle,
  deleteArticle,
  scheduleArticle,
  unscheduleArticle,
  updateArticle,
} from './write-articles.js';

export const deskRoutes = createNewsDeskRouter();
const tags = ['news'];

async function present(ctx: TenantServiceContext, ids: string[], locale: string) {
  const rows = await loadArticleRows(ctx, ids);
  const covers = await coversOf(
    ctx,
    rows.map((row) => row.article),
  );
  return rows.map((row) => presentManagedArticle(ctx, row, covers, locale));
}

deskRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/news-desk/articles',
    tags,
    summary: 'Articles in every state, most recently written first, with unique-reader counts (staff)',
    request: {
      params: TenantParamSchema,
      query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(100) }),
    },
    responses: { 200: jsonContent(ManagedArticleListSchema), ...problems(401, 403, 404, 422) },
  }),
  async (c) => {
    const articles = await withTenant(c, async (ctx) => {
      const ids = await ctx.tx
        .select({ id: newsArticles.id })
        .from(newsArticles)
        .where(eq(newsArticles.tenantId, ctx.tenant.id))
        .orderBy(desc(newsArticles.createdAt), desc(newsArticles.id))
        .limit(c.req.valid('query').limit);
      return (
        await present(
          ctx,
          ids.map((row) => row.id),
          c.var.locale,
        )
      ).map(({ body: _body, bodyHtml: _html, ...rest }) => rest);
    });
    return c.json({ articles }, 200);
  },
);

deskRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/news-desk/articles',
    tags,
    summary: 'Write a new article (a draft until published or scheduled)',
    request: { params: TenantParamSchema, ...jsonBody(ArticleInputSchema) },
    responses: { 201: jsonContent(ManagedArticleSchema), ...problems(401, 403, 404, 409, 422) },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) => {
      const article = await createArticle(ctx, c.req.valid('json'));
      return (await present(ctx, [article.id], c.var.locale))[0]!;
    });
    return c.json(body, 201);
  },
);

deskRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/news-desk/articles/{id}',
    tags,
    summary: 'One article with its source and read count (staff)',
    request: { params: ArticleParamSchema },
    responses: { 200: jsonContent(ManagedArticleSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) => {
      const [article] = await present(ctx, [c.req.valid('param').id], c.var.locale);
      if (!article) throw notFound();
      return article;
    });
    return c.json(body, 200);
  },
);

deskRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/t/{slug}/news-desk/articles/{id}',
    tags,
    summary: 'Change an article; a published one shows members its 「更新」 date',
    request: { params: ArticleParamSchema, ...jsonBody(ArticleEditSchema) },
    responses: { 200: jsonContent(ManagedArticleSchema), ...problems(401, 403, 404, 409, 422) },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) => {
      const article = await updateArticle(ctx, c.req.valid('param').id, c.req.valid('json'));
      return (await present(ctx, [article.id], c.var.locale))[0]!;
    });
    if (body.status === 'published') c.var.deps.events.publish(c.var.tenant.id, { type: 'feed' });
    return c.json(body, 200);
  },
);

deskRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/t/{slug}/news-desk/articles/{id}',
    tags,
    summary: 'Delete an article with its pictures, reads, reactions and comments',
    request: { params: ArticleParamSchema },
    responses: { 200: jsonContent(OkSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    await withTenant(c, (ctx) => deleteArticle(ctx, c.req.valid('param').id));
    return c.json({ ok: true as const }, 200);
  },
);

deskRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/news-desk/articles/{id}/publish',
    tags,
    summary: 'Publish now and tell its readers in the app (publishing again changes nothing)',
    request: { params: ArticleParamSchema },
    responses: { 200: jsonContent(ManagedArticleSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) => {
      const article = await publishArticleNow(ctx, c.req.valid('param').id);
      return (await present(ctx, [article.id], c.var.locale))[0]!;
    });
    c.var.deps.events.publish(c.var.tenant.id, { type: 'feed' });
    return c.json(body, 200);
  },
);

deskRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/t/{slug}/news-desk/articles/{id}/schedule',
    tags,
    summary: 'Publish at a later time (a durable job publishes it then)',
    request: { params: ArticleParamSchema, ...jsonBody(ScheduleSchema) },
    responses: { 200: jsonContent(ManagedArticleSchema), ...problems(401, 403, 404, 409, 422) },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) => {
      const article = await scheduleArticle(
        ctx,
        c.req.valid('param').id,
        new Date(c.req.valid('json').publishAt),
      );
      return (await present(ctx, [article.id], c.var.locale))[0]!;
    });
    return c.json(body, 200);
  },
);

deskRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/t/{slug}/news-desk/articles/{id}/schedule',
    tags,
    summary: 'Cancel a scheduled publish: the article is a draft again',
    request: { params: ArticleParamSchema },
    responses: { 200: jsonContent(ManagedArticleSchema), ...problems(401, 403, 404) },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) => {
      const article = await unscheduleArticle(ctx, c.req.valid('param').id);
      return (await present(ctx, [article.id], c.var.locale))[0]!;
    });
    return c.json(body, 200);
  },
);

deskRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/news-desk/images',
    tags,
    summary:
      'Upload a picture for an article (JPEG, PNG or WebP up to 8 MB; within 1600 px, metadata removed)',
    request: {
      params: TenantParamSchema,
      body: { content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
    },
    responses: { 201: jsonContent(NewsImageSchema), ...problems(401, 403, 404, 413, 422, 429) },
  }),
  async (c) => {
    await enforceRateLimit(
      c.var.deps.database.db,
      `news-image:${c.var.tenant.id}:${c.var.actor.membershipId}`,
      {
        limit: 60,
        windowSeconds: 10 * 60,
      },
    );
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return c.json(await withTenant(c, (ctx) => uploadNewsImage(ctx, bytes)), 201);
  },
);

deskRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/news-desk/categories',
    tags,
    summary: 'Categories with how many articles each holds (staff)',
    request: { params: TenantParamSchema },
    responses: {
      200: jsonContent(z.object({ categories: z.array(ManagedCategorySchema) })),
      ...problems(401, 403, 404),
    },
  }),
  async (c) => c.json({ categories: await withTenant(c, listManagedCategories) }, 200),
);

deskRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/t/{slug}/news-desk/categories',
    tags,
    summary: 'Add a category',
    request: { params: TenantParamSchema, ...jsonBody(NewCategorySchema) },
    responses: { 201: jsonContent(CategorySchema), ...problems(401, 403, 404, 409, 422) },
  }),
  async (c) => c.json(await withTenant(c, (ctx) => createCategory(ctx, c.req.valid('json').name)), 201),
);

deskRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/t/{slug}/news-desk/categories/{id}',
    tags,
    summary: 'Rename a category',
    request: { params: ArticleParamSchema, ...jsonBody(NewCategorySchema) },
    responses: { 200: jsonContent(CategorySchema), ...problems(401, 403, 404, 409, 422) },
  }),
  async (c) =>
    c.json(
      await withTenant(c, (ctx) => renameCategory(ctx, c.req.valid('param').id, c.req.valid('json').name)),
      200,
    ),
);
