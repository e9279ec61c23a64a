import { and, eq, ne } from 'drizzle-orm';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppTransaction } from '../../db/client.js';
import { memberships, type Role, tenants } from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import { clientAddress, requireSignedIn } from '../../platform/auth/sessions.js';
import { notFound } from '../../platform/errors.js';
import type { AppEnv, Deps } from '../../platform/http/env.js';
import { firstToday, recordActivity } from '../outcomes/activity/record-activity.js';

export type TenantRef = typeof tenants.$inferSelect;
export type Actor = { membershipId: string; accountId: string; role: Role; displayName: string };

export type TenantEnv = {
  Variables: AppEnv['Variables'] & { tenant: TenantRef; actor: Actor };
};

/**
 * Resolves /t/{slug}/… to a tenant the signed-in person belongs to. An unknown network and a
 * network the person is not in get the same 404, so slugs of other companies cannot be probed.
 */
export const loadTenant = createMiddleware<TenantEnv>(async (c, next) => {
  const auth = requireSignedIn(c as unknown as Context<AppEnv>);
  const slug = c.req.param('slug');
  if (!slug) throw notFound();
  // Several routers guard /t/{slug}/…; the first one resolves the tenant for all of them.
  if (c.get('tenant')?.slug === slug) return next();
  const db = c.var.deps.database.db;
  const [tenant] = await db.select().from(tenants).where(eq(tenants.slug, slug));
  if (!tenant) throw notFound();
  const membership = await inTenant(db, tenant.id, async (tx) => {
    const [found] = await tx
      .select()
      .from(memberships)
      .where(
        and(
          eq(memberships.tenantId, tenant.id),
          eq(memberships.accountId, auth.account.id),
          ne(memberships.status, 'removed'),
        ),
      );
    // Opening the community counts as the member's visit that day (outcomes), once per day.
    if (found?.status === 'active' && firstToday(tenant.id, found.id, 'visit', new Date())) {
      await recordActivity(tx, { tenantId: tenant.id, membershipId: found.id, kind: 'visit' });
    }
    return found;
  });
  if (membership?.status !== 'active') throw notFound();
  c.set('tenant', tenant);
  c.set('actor', {
    membershipId: membership.id,
    accountId: auth.account.id,
    role: membership.role,
    displayName: membership.displayName,
  });
  await next();
});

export type TenantServiceContext = {
  deps: Deps;
  tx: AppTransaction;
  tenant: TenantRef;
  actor: Actor;
  ipAddress: string;
};

/** Runs a service in one tenant-scoped transaction with the acting member. */
export function withTenant<T>(
  c: Context<TenantEnv>,
  work: (ctx: TenantServiceContext) => Promise<T>,
): Promise<T> {
  const deps = c.var.deps;
  return inTenant(deps.database.db, c.var.tenant.id, (tx) =>
    work({
      deps,
      tx,
      tenant: c.var.tenant,
      actor: c.var.actor,
      ipAddress: clientAddress(c as unknown as Context<AppEnv>),
    }),
  );
}
