import type { Queryable } from '../db/client.js';
import { auditEvents } from '../db/schema/index.js';
import type { AuditAction, AuditTargetType } from './audit-actions.js';

export type AuditEntry = {
  tenantId: string;
  actorMembershipId: string | null;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId?: string | null;
  data?: Record<string, unknown>;
  ipAddress?: string;
};

/** Written in the same transaction as the change it describes: no change without its trace. */
export async function recordAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    tenantId: entry.tenantId,
    actorMembershipId: entry.actorMembershipId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    data: entry.data ?? {},
    ipAddress: entry.ipAddress ?? '',
  });
}
