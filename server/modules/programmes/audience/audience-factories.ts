import { eq } from 'drizzle-orm';
import {
  alumniRecords,
  type ConsentPurpose,
  consentEvents,
  mailSuppressions,
  memberProfiles,
  memberships,
  type Role,
  recordEmails,
} from '../../../db/schema/index.js';
import { enterTenant } from '../../../db/scope.js';
import { addTestMember, uniqueEmail } from '../../../test/factories.js';
import type { TestServer } from '../../../test/harness.js';

type RecordValues = Partial<typeof alumniRecords.$inferInsert>;

/**
 * A member as set-up leaves them (profile and consent ledger), written straight to the database so a
 * test can build a whole network of people without signing each one in.
 */
export async function audienceMember(
  server: TestServer,
  tenantId: string,
  options: {
    displayName: string;
    role?: Role;
    consents?: ConsentPurpose[];
    /** Ledger entries after set-up: a purpose withdrawn from an unsubscribe link, or from settings. */
    withdrawn?: { purpose: ConsentPurpose; source: 'unsubscribe' | 'settings' }[];
    status?: 'active' | 'suspended' | 'removed';
    intents?: ('casual_chat' | 'job_info' | 'collaboration' | 'mentoring' | 'speaking')[];
    emailNotifications?: boolean;
    preferences?: Record<string, Record<string, boolean>>;
    record?: RecordValues;
    bounced?: boolean;
  },
) {
  const added = await addTestMember(server, tenantId, options.role ?? 'alumnus', {
    displayName: options.displayName,
  });
  const membershipId = added.membership.id;
  const consents = new Set(options.consents ?? []);
  for (const w of options.withdrawn ?? []) consents.delete(w.purpose);
  await server.deps.database.db.transaction(async (tx) => {
    await enterTenant(tx, tenantId);
    await tx.insert(memberProfiles).values({
      tenantId,
      membershipId,
      intents: options.intents ?? [],
      companyNews: consents.has('company_news'),
      companyContact: consents.has('company_contact'),
      listedInDirectory: consents.has('directory_listing'),
      emailNotifications: options.emailNotifications ?? true,
      notificationPreferences: options.preferences ?? {},
      consentPolicyVersion: '2026-11',
      onboardedAt: new Date(),
    });
    const at = Date.now() - 60_000;
    const answered = ['company_news', 'company_contact', 'directory_listing'] as const;
    await tx.insert(consentEvents).values(
      answered.map((purpose) => ({
        tenantId,
        membershipId,
        purpose,
        granted: (options.consents ?? []).includes(purpose),
        policyVersion: '2026-11',
        source: 'onboarding' as const,
        createdAt: new Date(at),
      })),
    );
    for (const w of options.withdrawn ?? []) {
      await tx.insert(consentEvents).values({
        tenantId,
        membershipId,
        purpose: w.purpose,
        granted: false,
        policyVersion: '2026-11',
        source: w.source as 'settings',
        createdAt: new Date(at + 1000),
      });
    }
    if (options.status && options.status !== 'active') {
      await tx.update(memberships).set({ status: options.status }).where(eq(memberships.id, membershipId));
    }
    if (options.record) {
      await tx.insert(alumniRecords).values({
        tenantId,
        familyName: options.displayName,
        status: 'joined',
        ...options.record,
        membershipId,
      });
    }
    if (options.bounced) {
      await tx.insert(mailSuppressions).values({ email: added.email.toLowerCase(), reason: 'bounced' });
    }
  });
  return { id: membershipId, email: added.email, name: options.displayName };
}

/** A registry record of someone who has not joined. */
export async function audienceRecord(
  server: TestServer,
  tenantId: string,
  values: RecordValues & { familyName: string },
  options: { bounced?: boolean } = {},
) {
  const emails = values.emails ?? [uniqueEmail('record')];
  return server.deps.database.db.transaction(async (tx) => {
    await enterTenant(tx, tenantId);
    const [record] = await tx
      .insert(alumniRecords)
      .values({ tenantId, givenName: '', ...values, emails })
      .returning();
    if (emails.length > 0) {
      await tx
        .insert(recordEmails)
        .values(emails.map((email) => ({ tenantId, email: email.toLowerCase(), recordId: record!.id })));
    }
    if (options.bounced && emails[0]) {
      await tx.insert(mailSuppressions).values({ email: emails[0].toLowerCase(), reason: 'bounced' });
    }
    return { id: record!.id, email: emails[0] ?? null, name: values.familyName };
  });
}
