import type { memberships, tenants } from '../../db/schema/index.js';

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
export function presentMemberForStaff(row: Membership & { email: string }) {
  return {
    id: row.id,
    displayName: row.displayName,
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
  data: Record<string, unknown>;
  ipAddress: string;
  createdAt: Date;
  actorName: string | null;
}) {
  return {
    id: row.id,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    data: row.data,
    ipAddress: row.ipAddress,
    createdAt: row.createdAt.toISOString(),
    actorName: row.actorName,
  };
}
