import { and, eq } from 'drizzle-orm';
import { alumniRecords } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import type { ChangeSource } from './context.js';
import { writeHistory } from './records.js';

/**
 * The member's HR record is marked as come back to the company, from the given date, so returns can be
 * counted: kept in the record's history and in the audit log. A member without a record changes nothing.
 */
export async function markRecordRehired(
  ctx: TenantServiceContext,
  membershipId: string,
  returnOn: string,
  source: ChangeSource,
  because: { targetType: string; targetId: string },
) {
  const [record] = await ctx.tx
    .select({
      id: alumniRecords.id,
      employmentStatus: alumniRecords.employmentStatus,
      rehiredOn: alumniRecords.rehiredOn,
    })
    .from(alumniRecords)
    .where(and(eq(alumniRecords.tenantId, ctx.tenant.id), eq(alumniRecords.membershipId, membershipId)))
    .limit(1);
  if (!record) return null;
  const changes: Record<string, [unknown, unknown]> = {};
  if (record.employmentStatus !== 'rehired') changes.employmentStatus = [record.employmentStatus, 'rehired'];
  if (record.rehiredOn !== returnOn) changes.rehiredOn = [record.rehiredOn, returnOn];
  if (Object.keys(changes).length === 0) return record.id;
  await ctx.tx
    .update(alumniRecords)
    .set({ employmentStatus: 'rehired', rehiredOn: returnOn, updatedAt: new Date() })
    .where(and(eq(alumniRecords.tenantId, ctx.tenant.id), eq(alumniRecords.id, record.id)));
  await writeHistory(ctx.tx, {
    tenantId: ctx.tenant.id,
    recordId: record.id,
    actorMembershipId: ctx.actor.membershipId,
    source,
    changes,
  });
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'record.rehired',
    targetType: 'alumni_record',
    targetId: record.id,
    data: { rehiredOn: returnOn, ...because },
    ipAddress: ctx.ipAddress,
  });
  return record.id;
}
