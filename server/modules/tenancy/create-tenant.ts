import { eq } from 'drizzle-orm';
import type { AppTransaction } from '../../db/client.js';
import { accounts, memberships, tenants } from '../../db/schema/index.js';
import { enterTenant } from '../../db/scope.js';
import { recordAudit } from '../../platform/audit.js';
import { conflict } from '../../platform/errors.js';
import { seedNewsCategories } from '../news/categories.js';

export type NewTenant = {
  slug: string;
  nameJa: string;
  nameEn: string;
  owner: { email: string; displayName: string; locale?: 'ja' | 'en' };
};

export async function findOrCreateAccount(
  tx: AppTransaction,
  person: { email: string; displayName: string; locale?: 'ja' | 'en' },
) {
  const email = person.email.trim().toLowerCase();
  const [existing] = await tx.select().from(accounts).where(eq(accounts.email, email));
  if (existing) return existing;
  const [created] = await tx
    .insert(accounts)
    .values({ email, displayName: person.displayName, locale: person.locale ?? 'ja' })
    .returning();
  return created!;
}

/** Creates a network and its first owner; the transaction is left scoped to the new tenant. */
export async function createTenant(tx: AppTransaction, input: NewTenant) {
  const [taken] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, input.slug));
  if (taken) throw conflict('slug_taken');
  const [tenant] = await tx
    .insert(tenants)
    .values({ slug: input.slug, nameJa: input.nameJa, nameEn: input.nameEn })
    .returning();
  const account = await findOrCreateAccount(tx, input.owner);
  await enterTenant(tx, tenant!.id);
  const [owner] = await tx
    .insert(memberships)
    .values({
      tenantId: tenant!.id,
      accountId: account.id,
      role: 'owner',
      displayName: input.owner.displayName,
    })
    .returning();
  await seedNewsCategories(tx, tenant!.id);
  await recordAudit(tx, {
    tenantId: tenant!.id,
    actorMembershipId: owner!.id,
    action: 'tenant.created',
    targetType: 'tenant',
    targetId: tenant!.id,
    data: { slug: input.slug },
  });
  return { tenant: tenant!, owner: owner!, account };
}
