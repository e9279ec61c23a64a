import { eq } from 'drizzle-orm';
import { tenants } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import type { MemberContext } from './members.js';

export async function updateTenantSettings(
  ctx: MemberContext,
  input: {
    nameJa?: string | undefined;
    nameEn?: string | undefined;
    employeesMayJoin?: boolean | undefined;
    joinRequestsOpen?: boolean | undefined;
    autoApproveJoinRequests?: boolean | undefined;
    senderName?: string | undefined;
    senderAddress?: string | undefined;
    senderContact?: string | undefined;
    newsletterTracking?: boolean | undefined;
  },
) {
  const { nameJa, nameEn, ...flags } = input;
  const names = { ...(nameJa ? { nameJa } : {}), ...(nameEn ? { nameEn } : {}) };
  const settings = {
    ...ctx.tenant.settings,
    ...Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)),
  };
  const [row] = await ctx.tx
    .update(tenants)
    .set({ ...names, settings })
    .where(eq(tenants.id, ctx.tenant.id))
    .returning();
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'tenant.settings_changed',
    targetType: 'tenant',
    targetId: ctx.tenant.id,
    data: input,
    ipAddress: ctx.ipAddress,
  });
  return row!;
}
