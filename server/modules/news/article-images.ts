import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { newsImages } from '../../db/schema/index.js';
import { AppError, notFound } from '../../platform/errors.js';
import { processImage } from '../community/photos.js';
import { isStaff } from '../tenancy/policies.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import type { PictureInfo } from './article-body.js';
import { findReadableArticle } from './read-articles.js';

export const newsImageUrl = (slug: string, id: string) => `/api/v1/t/${slug}/news/images/${id}`;

/** A picture for an article: checked, turned upright, resized within 1600 px, stripped of metadata. */
export async function uploadNewsImage(ctx: TenantServiceContext, bytes: Uint8Array) {
  const image = await processImage(bytes, 'picture');
  const [stored] = await ctx.tx
    .insert(newsImages)
    .values({ tenantId: ctx.tenant.id, uploaderId: ctx.actor.membershipId, ...image })
    .returning({ id: newsImages.id, width: newsImages.width, height: newsImages.height });
  return { ...stored!, url: newsImageUrl(ctx.tenant.slug, stored!.id) };
}

/**
 * The pictures an article may use: uploaded for the news and either free or already this article's.
 * Any other id (another article's, a post's, unknown) is refused, so a body cannot point elsewhere.
 */
export async function usablePictures(
  ctx: TenantServiceContext,
  articleId: string | null,
  ids: string[],
): Promise<Map<string, PictureInfo>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.tx
    .select({ id: newsImages.id, width: newsImages.width, height: newsImages.height })
    .from(newsImages)
    .where(
      and(
        eq(newsImages.tenantId, ctx.tenant.id),
        inArray(newsImages.id, ids),
        articleId
          ? or(isNull(newsImages.articleId), eq(newsImages.articleId, articleId))
          : isNull(newsImages.articleId),
      ),
    );
  if (rows.length !== new Set(ids).size) throw new AppError(422, 'news_image_invalid');
  return new Map(
    rows.map((row) => [
      row.id,
      { url: newsImageUrl(ctx.tenant.slug, row.id), width: row.width, height: row.height },
    ]),
  );
}

/** Gives the article its pictures (cover and body), so they follow its visibility from then on. */
export async function attachPictures(ctx: TenantServiceContext, articleId: string, ids: string[]) {
  if (ids.length === 0) return;
  await ctx.tx
    .update(newsImages)
    .set({ articleId })
    .where(
      and(eq(newsImages.tenantId, ctx.tenant.id), inArray(newsImages.id, ids), isNull(newsImages.articleId)),
    );
}

export async function pictureInfo(ctx: TenantServiceContext, ids: string[]) {
  if (ids.length === 0) return new Map<string, PictureInfo>();
  const rows = await ctx.tx
    .select({ id: newsImages.id, width: newsImages.width, height: newsImages.height })
    .from(newsImages)
    .where(and(eq(newsImages.tenantId, ctx.tenant.id), inArray(newsImages.id, ids)));
  return new Map(
    rows.map((row) => [
      row.id,
      { url: newsImageUrl(ctx.tenant.slug, row.id), width: row.width, height: row.height },
    ]),
  );
}

/** A picture: staff see every one; members those of articles they may read; otherwise 404. */
export async function readNewsImage(ctx: TenantServiceContext, id: string) {
  const [image] = await ctx.tx
    .select()
    .from(newsImages)
    .where(and(eq(newsImages.tenantId, ctx.tenant.id), eq(newsImages.id, id)));
  if (!image) throw notFound();
  if (isStaff(ctx.actor)) return image;
  if (!image.articleId) throw notFound();
  await findReadableArticle(ctx, image.articleId);
  return image;
}
