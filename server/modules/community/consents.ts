import { and, desc, eq } from 'drizzle-orm';
import { alumniRecords, type ConsentPurpose, consentEvents, memberProfiles } from '../../db/schema/index.js';
import { conflict } from '../../platform/errors.js';
import { writeHistory } from '../registry/records.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { ensureProfile } from './profiles.js';

/**
 * The version of the consent wording members are shown (web catalogs hold its text under this key).
 * Raising it asks every member again on their next visit; the ledger keeps which version each choice saw.
 */
export const consentPolicyVersion = '2026-11';

export type ConsentChoices = { companyNews: boolean; listedInDirectory: boolean; companyContact: boolean };

const columnOf: Record<ConsentPurpose, keyof ConsentChoices> = {
  company_news: 'companyNews',
  directory_listing: 'listedInDirectory',
  company_contact: 'companyContact',
};

/**
 * Records a member's choices: one ledger entry per purpose that changed (or every purpose when the member
 * answers a wording version for the first time). "Company news" is the registry's contact consent, so the
 * linked record follows it, with the change in its history.
 */
export async function recordConsents(
  ctx: TenantServiceContext,
  input: ConsentChoices & { policyVersion: string },
  source: 'onboarding' | 'settings',
) {
  if (input.policyVersion !== consentPolicyVersion) throw conflict('consent_policy_outdated');
  const profile = await ensureProfile(ctx);
  const answeringThisVersion = profile.consentPolicyVersion !== consentPolicyVersion;
  const changed = (Object.keys(columnOf) as ConsentPurpose[]).filter(
    (purpose) => answeringThisVersion || profile[columnOf[purpose]] !== input[columnOf[purpose]],
  );
  if (changed.length === 0) return profile;
  const now = new Date();
  await ctx.tx.insert(consentEvents).values(
    changed.map((purpose) => ({
      tenantId: ctx.tenant.id,
      membershipId: ctx.actor.membershipId,
      purpose,
      granted: input[columnOf[purpose]],
      policyVersion: consentPolicyVersion,
      source,
      createdAt: now,
    })),
  );
  const [updated] = await ctx.tx
    .update(memberProfiles)
    .set({
      companyNews: input.companyNews,
      listedInDirectory: input.listedInDirectory,
      companyContact: input.companyContact,
      consentPolicyVersion,
      updatedAt: now,
    })
    .where(
      and(
        eq(memberProfiles.tenantId, ctx.tenant.id),
        eq(memberProfiles.membershipId, ctx.actor.membershipId),
      ),
    )
    .returning();
  if (changed.includes('company_news')) await followOnRecord(ctx, input.companyNews, source, now);
  return updated!;
}

async function followOnRecord(ctx: TenantServiceContext, granted: boolean, source: string, at: Date) {
  const [record] = await ctx.tx
    .select()
    .from(alumniRecords)
    .where(
      and(eq(alumniRecords.tenantId, ctx.tenant.id), eq(alumniRecords.membershipId, ctx.actor.membershipId)),
    );
  const next = granted ? 'granted' : 'withdrawn';
  if (!record || record.contactConsent === next) return;
  await ctx.tx
    .update(alumniRecords)
    .set({
      contactConsent: next,
      consentSource: `member:${source}`,
      consentAt: at,
      consentWordingVersion: consentPolicyVersion,
      updatedAt: at,
    })
    .where(and(eq(alumniRecords.tenantId, ctx.tenant.id), eq(alumniRecords.id, record.id)));
  await writeHistory(ctx.tx, {
    tenantId: ctx.tenant.id,
    recordId: record.id,
    actorMembershipId: ctx.actor.membershipId,
    source: 'member',
    changes: { contactConsent: [record.contactConsent, next] },
  });
}

/** The member's own consent history, newest first. */
export function listConsentEvents(ctx: TenantServiceContext) {
  return ctx.tx
    .select()
    .from(consentEvents)
    .where(
      and(eq(consentEvents.tenantId, ctx.tenant.id), eq(consentEvents.membershipId, ctx.actor.membershipId)),
    )
    .orderBy(desc(consentEvents.createdAt), desc(consentEvents.purpose))
    .limit(200);
}
