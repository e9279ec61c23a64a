import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { queryRows } from '../../../db/raw.js';
import { programmeMailLinks, programmeMailTracking } from '../../../db/schema/index.js';

/**
 * Where a tracked mail's picture and links point, before the recipient's token: `<prefix><token>/open.gif`
 * and `<prefix><token>/<position>`. Outside /api, so a mail app or browser opens it without any header.
 */
export const trackingPrefix = (publicUrl: string, slug: string) =>
  `${publicUrl}/mail/${encodeURIComponent(slug)}/`;

export const TRACKING_TOKEN = /^[0-9a-f]{64}$/;
const hash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

type Programme = { kind: string; id: string };

/** Keeps the links a tracked mail carries, by position; a click can only lead to one of these. */
export async function recordTrackedLinks(
  tx: Queryable,
  tenantId: string,
  programme: Programme,
  urls: string[],
) {
  if (urls.length === 0) return;
  await tx
    .insert(programmeMailLinks)
    .values(
      urls.map((url, position) => ({
        tenantId,
        programmeKind: programme.kind,
        programmeId: programme.id,
        position,
        url,
      })),
    )
    .onConflictDoNothing();
}

/** One open of the picture: the first is timed, each counted. Unknown tokens change nothing. */
export async function countOpen(tx: Queryable, tenantId: string, token: string) {
  await tx
    .update(programmeMailTracking)
    .set({
      opens: sql`${programmeMailTracking.opens} + 1`,
      firstOpenedAt: sql`coalesce(${programmeMailTracking.firstOpenedAt}, now())`,
    })
    .where(
      and(eq(programmeMailTracking.tenantId, tenantId), eq(programmeMailTracking.tokenHash, hash(token))),
    );
}

/**
 * One click: the address the mail carried at that position for that token's programme, counted when
 * `count`; null (and nothing counted) for an unknown token or a position the mail did not have.
 */
export async function countClick(
  tx: Queryable,
  tenantId: string,
  token: string,
  position: number,
  options: { count: boolean },
): Promise<string | null> {
  const match = sql`t.tenant_id = ${tenantId} and t.token_hash = ${hash(token)}
    and l.tenant_id = t.tenant_id and l.programme_kind = t.programme_kind
    and l.programme_id = t.programme_id and l.position = ${position}`;
  const [row] = await queryRows<{ url: string }>(
    tx,
    options.count
      ? sql`update programme_mail_tracking t
          set clicks = t.clicks + 1, first_clicked_at = coalesce(t.first_clicked_at, now())
          from programme_mail_links l where ${match}
          returning l.url`
      : sql`select l.url from programme_mail_tracking t, programme_mail_links l where ${match}`,
  );
  return row?.url ?? null;
}

export type TrackedCounts = { opened: number; opens: number; clicked: number; clicks: number };

/** Per programme: recipients who opened and clicked at least once, and all opens and clicks. */
export async function trackedCounts(
  tx: Queryable,
  tenantId: string,
  kind: string,
  ids: string[],
): Promise<Map<string, TrackedCounts>> {
  const counts = new Map<string, TrackedCounts>();
  if (ids.length === 0) return counts;
  const rows = await tx
    .select({
      id: programmeMailTracking.programmeId,
      opened: sql<number>`count(${programmeMailTracking.firstOpenedAt})::int`,
      opens: sql<number>`coalesce(sum(${programmeMailTracking.opens}), 0)::int`,
      clicked: sql<number>`count(${programmeMailTracking.firstClickedAt})::int`,
      clicks: sql<number>`coalesce(sum(${programmeMailTracking.clicks}), 0)::int`,
    })
    .from(programmeMailTracking)
    .where(
      and(
        eq(programmeMailTracking.tenantId, tenantId),
        eq(programmeMailTracking.programmeKind, kind),
        inArray(programmeMailTracking.programmeId, ids),
      ),
    )
    .groupBy(programmeMailTracking.programmeId);
  for (const { id, ...row } of rows) counts.set(id, row);
  for (const id of ids) if (!counts.has(id)) counts.set(id, { opened: 0, opens: 0, clicked: 0, clicks: 0 });
  return counts;
}
