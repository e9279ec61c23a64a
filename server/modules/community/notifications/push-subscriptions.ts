import { and, eq } from 'drizzle-orm';
import { pushSubscriptions } from '../../../db/schema/index.js';
import { inTenant } from '../../../db/scope.js';
import { AppError } from '../../../platform/errors.js';
import type { Deps } from '../../../platform/http/env.js';
import type { PushPayload } from '../../../platform/push/web-push.js';
import type { TenantServiceContext } from '../../tenancy/tenant-context.js';

export type NewPushSubscription = { endpoint: string; keys: { p256dh: string; auth: string } };

/**
 * Remembers a device for Web Push. A device that signs in as someone else takes its subscription
 * with it, so a shared phone never shows the previous person's notifications.
 */
export async function savePushSubscription(ctx: TenantServiceContext, input: NewPushSubscription) {
  if (!ctx.deps.push.allows(input.endpoint)) throw new AppError(422, 'push_endpoint_not_allowed');
  const values = {
    membershipId: ctx.actor.membershipId,
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
  };
  await ctx.tx
    .insert(pushSubscriptions)
    .values({ tenantId: ctx.tenant.id, endpoint: input.endpoint, ...values })
    .onConflictDoUpdate({ target: [pushSubscriptions.tenantId, pushSubscriptions.endpoint], set: values });
}

export async function removePushSubscription(ctx: TenantServiceContext, endpoint: string) {
  await ctx.tx
    .delete(pushSubscriptions)
    .where(
      and(
        eq(pushSubscriptions.tenantId, ctx.tenant.id),
        eq(pushSubscriptions.membershipId, ctx.actor.membershipId),
        eq(pushSubscriptions.endpoint, endpoint),
      ),
    );
}

export async function countPushSubscriptions(ctx: TenantServiceContext) {
  const rows = await ctx.tx
    .select({ id: pushSubscriptions.id })
    .from(pushSubscriptions)
    .where(
      and(
        eq(pushSubscriptions.tenantId, ctx.tenant.id),
        eq(pushSubscriptions.membershipId, ctx.actor.membershipId),
      ),
    );
  return rows.length;
}

/**
 * The push.send job. The request to the push service runs outside any transaction; a subscription the
 * service says is gone (or will never accept) is forgotten, so later notifications skip it.
 */
export async function deliverPush(
  deps: Deps,
  job: { tenantId: string; subscriptionId: string; payload: PushPayload },
) {
  const db = deps.database.db;
  const where = and(
    eq(pushSubscriptions.tenantId, job.tenantId),
    eq(pushSubscriptions.id, job.subscriptionId),
  );
  const [target] = await inTenant(db, job.tenantId, (tx) => tx.select().from(pushSubscriptions).where(where));
  if (!target) return;
  const outcome = await deps.push.deliver(target, job.payload);
  if (outcome !== 'delivered') {
    deps.logger.info({ subscriptionId: target.id, outcome }, 'push subscription dropped');
    await inTenant(db, job.tenantId, (tx) => tx.delete(pushSubscriptions).where(where));
  }
}
