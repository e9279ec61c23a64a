import type { memberships, tenants } from '../../db/schema/index.js';
import type { AuditAction, AuditTargetType } from '../../platform/audit-actions.js';

type Tenant = typeof tenants.$inferSelect;
type Membership = typeof memberships.$inferSelect;

export function presentTenant(tenant: Tenant) {
  return { slug: tenant.slug, nameJa: tenant.nameJa, nameEn: tenant.nameEn };
}

export function presentTenantSettings(tenant: Tenant) {
  return {
    ...presentTenant(tenant),
    employeesMayJoin: tenant.settings.employeesMayJoin ?? false,
    joinRequestsOpen: tenant.settings.joinRequestsOpen ?? true,
    autoApproveJoinRequests: tenant.settings.autoApproveJoinRequests ?? false,
    senderName: tenant.settings.senderName ?? '',
    senderAddress: tenant.settings.senderAddress ?? '',
    senderContact: tenant.settings.senderContact ?? '',
    newsletterTracking: tenant.settings.newsletterTracking ?? false,
  };
}

/** What a person sees of themselves on the home screen. */
export function presentSelf(membership: {
  membershipId: string;
  role: Membership['role'];
  displayName: string;
}) {
  return { id: membership.membershipId, role: membership.role, displayName: membership.displayName };
}

/** Staff view of a member: contact address included, because staff manage accounts. */
export function presentMemberForStaff(row: Membership & { email: string; reading: string | null }) {
  return {
    id: row.id,
    displayName: row.displayName,
    reading: row.reading ?? '',
    email: row.email,
    role: row.role,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentAuditEvent(row: {
  id: string;
  action: string;
  targetType: string;
  targetId: string | null;
  targetName: string | null;
  data: Record<string, unknown>;
  ipAddress: string;
  createdAt: Date;
  actorName: string | null;
}) {
  return {
    id: row.id,
    // Rows are written only through recordAudit, which takes these types.
    action: row.action as AuditAction,
    targetType: row.targetType as AuditTargetType,
    targetId: row.targetId,
    targetName: row.targetName,
    data: row.data,
    ipAddress: row.ipAddress,
    createdAt: row.createdAt.toISOString(),
    actorName: row.actorName,
  };
}
