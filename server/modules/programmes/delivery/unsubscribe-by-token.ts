import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import {
  alumniRecords,
  type ConsentPurpose,
  consentEvents,
  memberProfiles,
  programmeUnsubscribeKeys,
} from '../../../db/schema/index.js';
import { consentPolicyVersion } from '../../community/consents.js';
import { writeHistory } from '../../registry/records.js';

const profileColumn = {
  company_news: 'companyNews',
  company_contact: 'companyContact',
  directory_listing: 'listedInDirectory',
} as const satisfies Record<ConsentPurpose, keyof typeof memberProfiles.$inferSelect>;

/**
 * Stops one purpose for the person a token belongs to, at once: for a member, a consent ledger entry
 * (source 'unsubscribe') and the profile's current choice; for a record that has not joined, the record's
 * contact consent is withdrawn with its history (a record holds one consent for every purpose, so it is
 * withdrawn whole). Mails for that purpose still waiting in the outbox are withheld. Repeating it changes
 * nothing more. Returns the purpose, or null for an unknown token.
 */
export async function unsubscribeByToken(
  tx: Queryable,
  tenantId: string,
  token: string,
): Promise<{ purpose: ConsentPurpose } | null> {
  const [key] = await tx
    .select()
    .from(programmeUnsubscribeKeys)
    .where(and(eq(programmeUnsubscribeKeys.tenantId, tenantId), eq(programmeUnsubscribeKeys.token, token)));
  if (!key) return null;
  const now = new Date();
  if (key.recipientKind === 'member') await stopMember(tx, tenantId, key.recipientId, key.purpose, now);
  else await stopRecord(tx, tenantId, key.recipientId, key.purpose, now);
  // Honoured at once: what is still queued for this person and purpose does not go out.
  await tx.execute(sql`update mail_outbox set state = 'suppressed', last_error = 'unsubscribed'
    where state = 'pending' and id in (select d.outbox_mail_id from programme_deliveries d
      where d.tenant_id = ${tenantId} and d.recipient_id = ${key.recipientId}
        and d.purpose = ${key.purpose} and d.outbox_mail_id is not null)`);
  return { purpose: key.purpose };
}

async function stopMember(
  tx: Queryable,
  tenantId: string,
  membershipId: string,
  purpose: ConsentPurpose,
  at: Date,
) {
  const column = profileColumn[purpose];
  const [profile] = await tx
    .select()
    .from(memberProfiles)
    .where(and(eq(memberProfiles.tenantId, tenantId), eq(memberProfiles.membershipId, membershipId)));
  if (!profile?.[column]) return;
  await tx.insert(consentEvents).values({
    tenantId,
    membershipId,
    purpose,
    granted: false,
    policyVersion: profile.consentPolicyVersion ?? consentPolicyVersion,
    // The ledger's source column is text; 'unsubscribe' marks a withdrawal from a mail's stop link.
    source: 'unsubscribe' as 'settings',
    createdAt: at,
  });
  await tx
    .update(memberProfiles)
    .set({ [column]: false, updatedAt: at })
    .where(and(eq(memberProfiles.tenantId, tenantId), eq(memberProfiles.membershipId, membershipId)));
  // Company news is the registry's contact consent for a member (see recordConsents): the record follows.
  if (purpose === 'company_news') {
    const [record] = await tx
      .select()
      .from(alumniRecords)
      .where(and(eq(alumniRecords.tenantId, tenantId), eq(alumniRecords.membershipId, membershipId)));
    if (record) await withdrawRecord(tx, tenantId, record, 'member:unsubscribe', at);
  }
}

async function stopRecord(
  tx: Queryable,
  tenantId: string,
  recordId: string,
  purpose: ConsentPurpose,
  at: Date,
) {
  const [record] = await tx
    .select()
    .from(alumniRecords)
    .where(and(eq(alumniRecords.tenantId, tenantId), eq(alumniRecords.id, recordId)));
  if (record) await withdrawRecord(tx, tenantId, record, `unsubscribe:${purpose}`, at);
}

async function withdrawRecord(
  tx: Queryable,
  tenantId: string,
  record: typeof alumniRecords.$inferSelect,
  source: string,
  at: Date,
) {
  if (record.contactConsent === 'withdrawn') return;
  await tx
    .update(alumniRecords)
    .set({ contactConsent: 'withdrawn', consentSource: source, consentAt: at, updatedAt: at })
    .where(and(eq(alumniRecords.tenantId, tenantId), eq(alumniRecords.id, record.id)));
  await writeHistory(tx, {
    tenantId,
    recordId: record.id,
    actorMembershipId: null,
    source: 'unsubscribe',
    changes: {
      contactConsent: [record.contactConsent, 'withdrawn'],
      consentSource: [record.consentSource, source],
    },
  });
}
