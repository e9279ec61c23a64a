import { and, asc, eq, inArray, isNull, lt } from 'drizzle-orm';
import { postImages, tenants } from '../../../db/schema/index.js';
import { inTenant } from '../../../db/scope.js';
import { AppError, notFound } from '../../../platform/errors.js';
import type { Deps } from '../../../platform/http/env.js';
import type { TenantServiceContext } from '../../tenancy/tenant-context.js';
import { processImage } from '../photos.js';
import { findReadablePost } from './write-posts.js';

export const MAX_POST_IMAGES = 4;
const UNATTACHED_LIFETIME_MS = 24 * 60 * 60 * 1000;

export const postImageUrl = (slug: string, id: string) => `/api/v1/t/${slug}/community/post-images/${id}`;

/** An upload for a post being written: checked, resized, stripped, and kept for its uploader only. */
export async function uploadPostImage(ctx: TenantServiceContext, bytes: Uint8Array) {
  const image = await processImage(bytes, 'picture');
  const [stored] = await ctx.tx
    .insert(postImages)
    .values({ tenantId: ctx.tenant.id, uploaderId: ctx.actor.membershipId, ...image })
    .returning({ id: postImages.id, width: postImages.width, height: postImages.height });
  return { ...stored!, url: postImageUrl(ctx.tenant.slug, stored!.id) };
}

/** Gives a new post the uploader's own, not yet used images, in the order given. */
export async function attachPostImages(ctx: TenantServiceContext, postId: string, imageIds: string[]) {
  if (imageIds.length === 0) return;
  const unique = [...new Set(imageIds)];
  if (unique.length > MAX_POST_IMAGES) throw new AppError(422, 'post_images_too_many');
  const usable = await ctx.tx
    .select({ id: postImages.id })
    .from(postImages)
    .where(
      and(
        eq(postImages.tenantId, ctx.tenant.id),
        inArray(postImages.id, unique),
        eq(postImages.uploaderId, ctx.actor.membershipId),
        isNull(postImages.postId),
      ),
    );
  if (usable.length !== unique.length) throw new AppError(422, 'post_images_invalid');
  for (const [position, id] of unique.entries()) {
    await ctx.tx
      .update(postImages)
      .set({ postId, position })
      .where(and(eq(postImages.tenantId, ctx.tenant.id), eq(postImages.id, id)));
  }
}

/** The images of some posts, in order, for the post views. */
export async function imagesOfPosts(ctx: TenantServiceContext, postIds: string[]) {
  if (postIds.length === 0) return [];
  return ctx.tx
    .select({
      id: postImages.id,
      postId: postImages.postId,
      width: postImages.width,
      height: postImages.height,
    })
    .from(postImages)
    .where(and(eq(postImages.tenantId, ctx.tenant.id), inArray(postImages.postId, postIds)))
    .orderBy(asc(postImages.position));
}

/** An image, for whoever may read its post (or its uploader, before it is posted); 404 otherwise. */
export async function readPostImage(ctx: TenantServiceContext, id: string) {
  const [image] = await ctx.tx
    .select()
    .from(postImages)
    .where(and(eq(postImages.tenantId, ctx.tenant.id), eq(postImages.id, id)));
  if (!image) throw notFound();
  if (image.postId) await findReadablePost(ctx, image.postId);
  else if (image.uploaderId !== ctx.actor.membershipId) throw notFound();
  return image;
}

/** Uploads never posted are removed after a day (run by the hourly clean-up job). */
export async function deleteStalePostImages(deps: Deps, now = new Date()) {
  const cutoff = new Date(now.getTime() - UNATTACHED_LIFETIME_MS);
  let deleted = 0;
  for (const tenant of await deps.database.db.select({ id: tenants.id }).from(tenants)) {
    const rows = await inTenant(deps.database.db, tenant.id, (tx) =>
      tx
        .delete(postImages)
        .where(
          and(
            eq(postImages.tenantId, tenant.id),
            isNull(postImages.postId),
            lt(postImages.createdAt, cutoff),
          ),
        )
        .returning({ id: postImages.id }),
    );
    deleted += rows.length;
  }
  return deleted;
}
