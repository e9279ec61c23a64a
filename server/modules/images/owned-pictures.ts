import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { AppError, notFound } from '../../platform/errors.js';
import type { MessageKey } from '../../platform/i18n/messages.js';
import { processImage } from '../community/photos.js';
import { isStaff } from '../tenancy/policies.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';

export type PictureInfo = { url: string; width: number; height: number };

/**
 * A table of pictures staff upload for something they write (a news article, an event): the same
 * columns everywhere, with the owner's id column named by each table (article_id, event_id).
 */
export type PictureTable<TOwnerKey extends string> = PgTable & {
  tenantId: PgColumn;
  id: PgColumn;
  uploaderId: PgColumn;
  contentType: PgColumn;
  content: PgColumn;
  width: PgColumn;
  height: PgColumn;
} & Record<TOwnerKey, PgColumn>;

type StoredPicture = { id: string; width: number; height: number };
type PictureRow = StoredPicture & { contentType: string; content: Uint8Array; ownerId: string | null };

/**
 * Pictures owned by one kind of thing: uploaded free, then given to their owner, after which they
 * follow its visibility. `ownerKey` names the owner column; `url` where a picture is served;
 * `invalid` the error for an id that cannot be used (another owner's, unknown).
 */
export function ownedPictures<TOwnerKey extends string>(options: {
  table: PictureTable<TOwnerKey>;
  ownerKey: TOwnerKey;
  url: (slug: string, id: string) => string;
  invalid: MessageKey;
}) {
  const { table, ownerKey, url } = options;
  const owner = table[ownerKey] as PgColumn;
  // Drizzle cannot type statements over a table only known by its shape: they run on the plain table.
  const plain: PgTable = table;
  const shape = { id: table.id, width: table.width, height: table.height };
  const infoOf = (ctx: TenantServiceContext, rows: StoredPicture[]) =>
    new Map<string, PictureInfo>(
      rows.map((row) => [
        row.id,
        { url: url(ctx.tenant.slug, row.id), width: row.width, height: row.height },
      ]),
    );

  /** A picture: checked, turned upright, resized within 1600 px, stripped of metadata (processImage). */
  async function upload(ctx: TenantServiceContext, bytes: Uint8Array) {
    const image = await processImage(bytes, 'picture');
    const [stored] = (await ctx.tx
      .insert(plain)
      .values({ tenantId: ctx.tenant.id, uploaderId: ctx.actor.membershipId, ...image })
      .returning(shape)) as StoredPicture[];
    return { ...stored!, url: url(ctx.tenant.slug, stored!.id) };
  }

  /**
   * The pictures an owner may use: uploaded here and either free or already this owner's. Any other
   * id (another owner's, unknown) is refused, so nothing can point at a picture it may not show.
   */
  async function usable(ctx: TenantServiceContext, ownerId: string | null, ids: string[]) {
    if (ids.length === 0) return new Map<string, PictureInfo>();
    const rows = (await ctx.tx
      .select(shape)
      .from(plain)
      .where(
        and(
          eq(table.tenantId, ctx.tenant.id),
          inArray(table.id, ids),
          ownerId ? or(isNull(owner), eq(owner, ownerId)) : isNull(owner),
        ),
      )) as StoredPicture[];
    if (rows.length !== new Set(ids).size) throw new AppError(422, options.invalid);
    return infoOf(ctx, rows);
  }

  /** Gives free pictures to their owner, so they follow its visibility from then on. */
  async function attach(ctx: TenantServiceContext, ownerId: string, ids: string[]) {
    if (ids.length === 0) return;
    await ctx.tx
      .update(plain)
      .set({ [ownerKey]: ownerId })
      .where(and(eq(table.tenantId, ctx.tenant.id), inArray(table.id, ids), isNull(owner)));
  }

  async function info(ctx: TenantServiceContext, ids: string[]) {
    if (ids.length === 0) return new Map<string, PictureInfo>();
    const rows = (await ctx.tx
      .select(shape)
      .from(plain)
      .where(and(eq(table.tenantId, ctx.tenant.id), inArray(table.id, ids)))) as StoredPicture[];
    return infoOf(ctx, rows);
  }

  /**
   * A picture to serve: staff see every one; anyone else only a picture whose owner `mayView` allows
   * (it throws not found otherwise); a free picture is staff's alone.
   */
  async function read(
    ctx: TenantServiceContext,
    id: string,
    mayView: (ctx: TenantServiceContext, ownerId: string) => Promise<unknown>,
  ) {
    const [image] = (await ctx.tx
      .select({ ...shape, contentType: table.contentType, content: table.content, ownerId: owner })
      .from(plain)
      .where(and(eq(table.tenantId, ctx.tenant.id), eq(table.id, id)))) as PictureRow[];
    if (!image) throw notFound();
    if (isStaff(ctx.actor)) return image;
    if (!image.ownerId) throw notFound();
    await mayView(ctx, image.ownerId);
    return image;
  }

  return { url, upload, usable, attach, info, read };
}
