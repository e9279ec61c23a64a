import { recordAudit } from '../../platform/audit.js';
import { forbidden } from '../../platform/errors.js';
import type { SpreadsheetEncoding } from '../../platform/spreadsheet/write-spreadsheet-csv.js';
import { isStaff } from '../tenancy/policies.js';
import type { Actor, TenantServiceContext } from '../tenancy/tenant-context.js';
import type { Periods } from './period.js';

/**
 * The outcomes dashboard is for the people who report the network's value to management: owners
 * and HR admins. Moderators, employees and alumni never see it, not even in part.
 */
export function authorizeViewOutcomes(actor: Actor): void {
  if (!isStaff(actor)) throw forbidden();
}

/** The dashboard's sections, as the audit log names what was looked at or exported. */
export type OutcomeSection = 'funnel' | 'outcomes' | 'report' | 'activity' | 'engagement';

const periodData = (periods: Periods) => ({
  from: periods.current.fromDate,
  to: periods.current.toDate,
  previousFrom: periods.previous.fromDate,
});

/** Every view of the dashboard is logged with its section and period (the figures are about people). */
export async function auditOutcomesViewed(
  ctx: TenantServiceContext,
  section: OutcomeSection,
  periods: Periods,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'outcomes.viewed',
    targetType: 'tenant',
    targetId: ctx.tenant.id,
    data: { section, ...periodData(periods), ...extra },
    ipAddress: ctx.ipAddress,
  });
}

/** Every export, with what it held, so a file found outside the company can be traced. */
export async function auditOutcomesExported(
  ctx: TenantServiceContext,
  section: OutcomeSection,
  periods: Periods,
  file: { rows: number; encoding: SpreadsheetEncoding },
  extra: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'outcomes.exported',
    targetType: 'tenant',
    targetId: ctx.tenant.id,
    data: { section, ...periodData(periods), rows: file.rows, encoding: file.encoding, ...extra },
    ipAddress: ctx.ipAddress,
  });
}
