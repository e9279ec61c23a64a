import { recordAudit } from '../../platform/audit.js';
import type { AuditAction } from '../../platform/audit-actions.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';

type NewsletterAction = Extract<AuditAction, `newsletter.${string}`>;

/** An audit entry about one newsletter, by the staff member acting in this request. */
export const auditNewsletter = (
  ctx: Pick<TenantServiceContext, 'tx' | 'tenant' | 'actor' | 'ipAddress'>,
  action: NewsletterAction,
  campaignId: string,
  data: Record<string, unknown> = {},
) =>
  recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action,
    targetType: 'newsletter',
    targetId: campaignId,
    data,
    ipAddress: ctx.ipAddress,
  });
