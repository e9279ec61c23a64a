import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { memberPhotos, memberProfiles } from '../../db/schema/index.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { isBlockedBetween } from './blocks.js';
import { canSee } from './profile-visibility.js';
import { ensureProfile } from './profiles.js';

const acceptedFormats = new Set(['jpeg', 'png', 'webp']);
const photoSize = 512;
const pictureSize = 1600;
// A decompression bomb is refused before it is decoded: 40 megapixels is more than any phone takes.
const maxInputPixels = 40_000_000;

/**
 * A picture as stored: the type is read from the bytes (not the file name), the picture is turned
 * upright and re-encoded as WebP, which drops EXIF (location, camera) data. Profile photos are cropped
 * square to 512 px; pictures in posts keep their shape within 1600 px.
 */
export async function processImage(bytes: Uint8Array, shape: 'avatar' | 'picture' = 'avatar') {
  const invalidPhoto = () => new AppError(422, 'photo_invalid');
  let format: string | undefined;
  try {
    format = (await sharp(bytes, { limitInputPixels: maxInputPixels }).metadata()).format;
  } catch {
    throw invalidPhoto();
  }
  if (!format || !acceptedFormats.has(format)) throw invalidPhoto();
  try {
    const upright = sharp(bytes, { limitInputPixels: maxInputPixels }).rotate();
    const resized =
      shape === 'avatar'
        ? upright.resize(photoSize, photoSize, { fit: 'cover' })
        : upright.resize(pictureSize, pictureSize, { fit: 'inside', withoutEnlargement: true });
    const { data, info } = await resized.webp({ quality: 82 }).toBuffer({ resolveWithObject: true });
    return {
      content: new Uint8Array(data),
      contentType: 'image/webp',
      width: info.width,
      height: info.height,
    };
  } catch {
    throw invalidPhoto();
  }
}

export async function setOwnPhoto(ctx: TenantServiceContext, bytes: Uint8Array) {
  const photo = await processImage(bytes);
  const profile = await ensureProfile(ctx);
  const [stored] = await ctx.tx
    .insert(memberPhotos)
    .values({ tenantId: ctx.tenant.id, membershipId: ctx.actor.membershipId, ...photo })
    .returning({ id: memberPhotos.id });
  await ctx.tx
    .update(memberProfiles)
    .set({ photoId: stored!.id, updatedAt: new Date() })
    .where(
      and(
        eq(memberProfiles.tenantId, ctx.tenant.id),
        eq(memberProfiles.membershipId, ctx.actor.membershipId),
      ),
    );
  if (profile.photoId) await deletePhoto(ctx, profile.photoId);
  return stored!.id;
}

export async function removeOwnPhoto(ctx: TenantServiceContext) {
  const profile = await ensureProfile(ctx);
  if (!profile.photoId) return;
  await ctx.tx
    .update(memberProfiles)
    .set({ photoId: null, updatedAt: new Date() })
    .where(
      and(
        eq(memberProfiles.tenantId, ctx.tenant.id),
        eq(memberProfiles.membershipId, ctx.actor.membershipId),
      ),
    );
  await deletePhoto(ctx, profile.photoId);
}

async function deletePhoto(ctx: TenantServiceContext, id: string) {
  await ctx.tx
    .delete(memberPhotos)
    .where(and(eq(memberPhotos.tenantId, ctx.tenant.id), eq(memberPhotos.id, id)));
}

/** A photo, for a viewer its owner shows photos to and who is not blocked either way; otherwise 404. */
export async function readPhoto(ctx: TenantServiceContext, id: string) {
  const [row] = await ctx.tx
    .select({
      photo: memberPhotos,
      visibility: memberProfiles.visibility,
      currentPhotoId: memberProfiles.photoId,
    })
    .from(memberPhotos)
    .innerJoin(
      memberProfiles,
      and(
        eq(memberProfiles.tenantId, memberPhotos.tenantId),
        eq(memberProfiles.membershipId, memberPhotos.membershipId),
      ),
    )
    .where(and(eq(memberPhotos.tenantId, ctx.tenant.id), eq(memberPhotos.id, id)));
  if (!row || row.currentPhotoId !== id) throw notFound();
  const owner = row.photo.membershipId;
  if (!canSee(ctx.actor, { membershipId: owner, visibility: row.visibility }, 'photo')) throw notFound();
  if (
    owner !== ctx.actor.membershipId &&
    (await isBlockedBetween(ctx.tx, ctx.tenant.id, owner, ctx.actor.membershipId))
  ) {
    throw notFound();
  }
  return row.photo;
}
