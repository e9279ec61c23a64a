import { and, eq } from 'drizzle-orm';
import type { AppTransaction } from '../../db/client.js';
import { memberships } from '../../db/schema/index.js';
import type { Deps } from '../../platform/http/env.js';
import type { TenantRef, TenantServiceContext } from '../tenancy/tenant-context.js';
import type { EventRow } from './write-events.js';

/**
 * The service context a job acts in for an event: as the staff member who created it, so the notices
 * and surveys it sends come from the organiser and the audit trail names them. Jobs run with no
 * request behind them, hence no address.
 */
export async function organiserContext(
  deps: Deps,
  tx: AppTransaction,
  tenant: TenantRef,
  event: Pick<EventRow, 'createdBy'>,
): Promise<TenantServiceContext> {
  const [organiser] = await tx
    .select({ displayName: memberships.displayName })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenant.id), eq(memberships.id, event.createdBy)));
  return {
    deps,
    tx,
    tenant,
    actor: {
      membershipId: event.createdBy,
      accountId: event.createdBy,
      role: 'admin',
      displayName: organiser?.displayName ?? '',
    },
    ipAddress: '',
  };
}
