import { z } from '@hono/zod-openapi';
import { eq, sql } from 'drizzle-orm';
import { type TenantSettings, tenants } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';

/**
 * What one hire costs the company through its usual channel, as the network states it: a fixed
 * amount, or an agency's fee as a share of an annual salary. Comebacks avoid that cost, which is the
 * estimate the dashboard shows (with this formula printed beside it).
 */
export const CostPerHireSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('fixed'), yen: z.number().int().min(1).max(1_000_000_000) }),
    z.strictObject({
      kind: z.literal('agency_fee'),
      percent: z.number().min(0.1).max(100),
      annualSalaryYen: z.number().int().min(1).max(1_000_000_000),
    }),
  ])
  .openapi('CostPerHire');
export type CostPerHire = z.infer<typeof CostPerHireSchema>;

export const CostPerHireInputSchema = z
  .strictObject({ costPerHire: CostPerHireSchema.nullable() })
  .openapi('CostPerHireInput');

/** The cost of one hire in yen, rounded to the yen; null until the network sets it. */
export function perHireYen(cost: CostPerHire | null): number | null {
  if (!cost) return null;
  return cost.kind === 'fixed' ? cost.yen : Math.round((cost.annualSalaryYen * cost.percent) / 100);
}

export function costPerHireOf(settings: TenantSettings): CostPerHire | null {
  const parsed = CostPerHireSchema.safeParse(settings.costPerHire);
  return parsed.success ? parsed.data : null;
}

/**
 * Sets (or clears) the network's cost per hire. Only this key of the settings is written, in one
 * statement, so a concurrent change of another setting is not lost; the change is audited.
 */
export async function saveCostPerHire(ctx: TenantServiceContext, cost: CostPerHire | null) {
  const before = costPerHireOf(ctx.tenant.settings);
  const [row] = await ctx.tx
    .update(tenants)
    .set({
      settings: cost
        ? sql`${tenants.settings} || jsonb_build_object('costPerHire', ${JSON.stringify(cost)}::jsonb)`
        : sql`${tenants.settings} - 'costPerHire'`,
    })
    .where(eq(tenants.id, ctx.tenant.id))
    .returning({ settings: tenants.settings });
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'tenant.settings_changed',
    targetType: 'tenant',
    targetId: ctx.tenant.id,
    data: { costPerHire: [before, cost] },
    ipAddress: ctx.ipAddress,
  });
  return costPerHireOf(row?.settings ?? {});
}
