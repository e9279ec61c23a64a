import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import type { RecordedActivityKind } from '../../../db/schema/index.js';
import { japanDay } from './japan-days.js';

/**
 * Members already recorded today by this process, so a visit costs one insert per member and day, not
 * one per request. Cleared when the Japan day turns; another process records at most once more (the
 * unique key makes that a no-op).
 */
const recordedToday = new Set<string>();
let recordedDay = '';

/** Whether this process has yet to record the kind for the member today (and notes that it now will). */
export function firstToday(tenantId: string, membershipId: string, kind: RecordedActivityKind, now: Date) {
  const day = japanDay(now);
  if (day !== recordedDay) {
    recordedToday.clear();
    recordedDay = day;
  }
  const key = `${tenantId}:${membershipId}:${kind}`;
  if (recordedToday.has(key)) return false;
  recordedToday.add(key);
  return true;
}

/** Records a visit or a digest for the member's Japan day; a second one the same day changes nothing. */
export async function recordActivity(
  tx: Queryable,
  event: { tenantId: string; membershipId: string; kind: RecordedActivityKind; at?: Date },
): Promise<void> {
  const at = event.at ?? new Date();
  await tx.execute(sql`insert into activity_events (tenant_id, membership_id, kind, occurred_at, day)
    values (${event.tenantId}, ${event.membershipId}, ${event.kind}, ${at.toISOString()}, ${japanDay(at)})
    on conflict (tenant_id, membership_id, day, kind) do nothing`);
}
