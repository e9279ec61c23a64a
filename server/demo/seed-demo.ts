import { sql } from 'drizzle-orm';
import type { AppDatabase } from '../db/client.js';
import { accounts, alumniRecords, memberships, tenants } from '../db/schema/index.js';
import { refreshCommunityStatistics } from '../modules/community/community-statistics.js';
import { seedDemoArticles } from '../modules/news/demo-articles.js';
import { refreshRegistryStatistics } from '../modules/registry/import/apply-import.js';
import { derivedKeys, emptyRecordValues, statusAfter } from '../modules/registry/record-values.js';
import { rebuildRecordIndex } from '../modules/registry/search-index.js';
import { createTenant, findOrCreateAccount } from '../modules/tenancy/create-tenant.js';
import { demoAlumni } from './people.js';
import { seedCommunityProfiles, seedDemoPosts } from './seed-community.js';

export const DEMO_SLUG = 'demo';
export const DEMO_OWNER_EMAIL = 'owner@demo.enishi.example';
export const DEMO_ADMIN_EMAIL = 'hr@demo.enishi.example';
export const DEMO_ALUMNUS_EMAIL = 'alumni001@demo.enishi.example';

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
    const [adminMember] = await tx
      .insert(memberships)
      .values({ tenantId: tenant.id, accountId: admin.id, role: 'admin', displayName: '佐藤 花子' })
      .returning({ id: memberships.id });
    // Most demo alumni have joined; the rest are registry records HR can filter, invite or exclude.
    const people = demoAlumni();
    const joinedCount = 120;
    const created = await tx
      .insert(accounts)
      .values(
        people.slice(0, joinedCount).map((p) => ({
          email: p.email,
          displayName: `${p.familyName} ${p.givenName}`,
          locale: 'ja' as const,
        })),
      )
      .returning({ id: accounts.id, displayName: accounts.displayName });
    const members = await tx
      .insert(memberships)
      .values(
        created.map((account) => ({
          tenantId: tenant.id,
          accountId: account.id,
          role: 'alumnus' as const,
          displayName: account.displayName,
        })),
      )
      .returning({ id: memberships.id, displayName: memberships.displayName });
    const answers = ['yes', 'no', 'unanswered'] as const;
    await tx.insert(alumniRecords).values(
      people.map((person, index) => {
        const values = {
          ...emptyRecordValues,
          employeeNumber: `D${String(10_001 + index)}`,
          familyName: person.familyName,
          givenName: person.givenName,
          familyNameKana: person.familyNameKana,
          givenNameKana: person.givenNameKana,
          emails: [person.email],
          joinedOn: person.joinedOn,
          leftOn: person.leftOn,
          lastDepartment: person.lastDepartment,
          wouldReturn: answers[index % 3]!,
          eligibility: index % 29 === 7 ? ('not_eligible' as const) : ('eligible' as const),
          contactConsent: index % 5 === 4 ? ('withdrawn' as const) : ('granted' as const),
          consentSource: 'demo',
          consentAt: new Date(),
        };
        const joined = index < joinedCount && values.eligibility !== 'not_eligible';
        return {
          tenantId: tenant.id,
          ...values,
          status: joined ? ('joined' as const) : statusAfter('record', values.eligibility),
          membershipId: joined ? members[index]!.id : null,
          ...derivedKeys(values),
        };
      }),
    );
    await rebuildRecordIndex(tx, tenant.id);
    await seedCommunityProfiles(
      tx,
      tenant.id,
      members.map((member, index) => ({
        membershipId: member.id,
        displayName: member.displayName,
        reading: `${people[index]!.familyNameKana} ${people[index]!.givenNameKana}`,
      })),
    );
    await seedDemoPosts(
      tx,
      { id: tenant.id, slug: DEMO_SLUG },
      members.map((member) => member.id),
      adminMember!.id,
    );
    await seedDemoArticles(tx, { id: tenant.id, slug: DEMO_SLUG }, adminMember!.id);
  });
  await refreshRegistryStatistics(db);
  await refreshCommunityStatistics(db);
  return true;
}
