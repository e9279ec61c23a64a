import { sql } from 'drizzle-orm';
import type { AppDatabase } from '../db/client.js';
import { accounts, memberships, tenants } from '../db/schema/index.js';
import { createTenant, findOrCreateAccount } from '../modules/tenancy/create-tenant.js';
import { demoAlumni } from './people.js';

export const DEMO_SLUG = 'demo';
export const DEMO_OWNER_EMAIL = 'owner@demo.enishi.example';
export const DEMO_ADMIN_EMAIL = 'hr@demo.enishi.example';

/** Creates the demo network on an empty database; does nothing once any network exists. */
export async function seedDemo(db: AppDatabase): Promise<boolean> {
  const [existing] = await db.select({ count: sql<number>`count(*)::int` }).from(tenants);
  if ((existing?.count ?? 0) > 0) return false;
  await db.transaction(async (tx) => {
    const { tenant } = await createTenant(tx, {
      slug: DEMO_SLUG,
      nameJa: 'デモ株式会社',
      nameEn: 'Demo Corporation',
      owner: { email: DEMO_OWNER_EMAIL, displayName: '山田 太郎', locale: 'ja' },
    });
    const admin = await findOrCreateAccount(tx, {
      email: DEMO_ADMIN_EMAIL,
      displayName: '佐藤 花子',
      locale: 'ja',
    });
    await tx
      .insert(memberships)
      .values({ tenantId: tenant.id, accountId: admin.id, role: 'admin', displayName: '佐藤 花子' });
    const people = demoAlumni();
    const created = await tx
      .insert(accounts)
      .values(
        people.map((p) => ({
          email: p.email,
          displayName: `${p.familyName} ${p.givenName}`,
          locale: 'ja' as const,
        })),
      )
      .returning({ id: accounts.id, displayName: accounts.displayName });
    await tx.insert(memberships).values(
      created.map((account) => ({
        tenantId: tenant.id,
        accountId: account.id,
        role: 'alumnus' as const,
        displayName: account.displayName,
      })),
    );
  });
  return true;
}
