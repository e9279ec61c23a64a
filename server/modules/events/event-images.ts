import { and, eq, ne } from 'drizzle-orm';
import { eventImages } from '../../db/schema/index.js';
import { ownedPictures } from '../images/owned-pictures.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { findMemberEvent } from './list-events.js';
import type { EventRow } from './write-events.js';

export const eventImageUrl = (slug: string, id: string) => `/api/v1/t/${slug}/community/events/images/${id}`;

/** Event covers, through the pictures code the news shares (same checks, sizes and metadata removal). */
const pictures = ownedPictures({
  table: eventImages,
  ownerKey: 'eventId',
  url: eventImageUrl,
  invalid: 'event_image_invalid',
});

export const uploadEventImage = pictures.upload;

/** The cover asked for: a picture uploaded for events, free or already this event's; refused otherwise. */
export async function checkCover(ctx: TenantServiceContext, eventId: string | null, coverId: string | null) {
  if (coverId) await pictures.usable(ctx, eventId, [coverId]);
}

export const attachCover = (ctx: TenantServiceContext, eventId: string, coverId: string | null) =>
  pictures.attach(ctx, eventId, coverId ? [coverId] : []);

/**
 * Deletes the event's pictures other than `keepId`: a replaced or removed cover is shown nowhere
 * else (each upload belongs to one event), so keeping it would only leave a picture row behind.
 */
export async function dropOldCovers(ctx: TenantServiceContext, eventId: string, keepId: string | null) {
  await ctx.tx
    .delete(eventImages)
    .where(
      and(
        eq(eventImages.tenantId, ctx.tenant.id),
        eq(eventImages.eventId, eventId),
        keepId ? ne(eventImages.id, keepId) : undefined,
      ),
    );
}

/** A cover: staff see every one; members those of events they may see (audience or registered). */
export const readEventImage = (ctx: TenantServiceContext, id: string) =>
  pictures.read(ctx, id, findMemberEvent);

export type EventCover = { id: string; url: string; width: number; height: number; alt: string };

/** The covers of these events, by event id, in one read. */
export async function coversOf(
  ctx: TenantServiceContext,
  rows: Pick<EventRow, 'id' | 'coverImageId' | 'coverAlt'>[],
): Promise<Map<string, EventCover>> {
  const info = await pictures.info(
    ctx,
    rows.flatMap((row) => (row.coverImageId ? [row.coverImageId] : [])),
  );
  const covers = new Map<string, EventCover>();
  for (const row of rows) {
    const picture = row.coverImageId ? info.get(row.coverImageId) : undefined;
    if (picture && row.coverImageId)
      covers.set(row.id, { id: row.coverImageId, ...picture, alt: row.coverAlt });
  }
  return covers;
}
