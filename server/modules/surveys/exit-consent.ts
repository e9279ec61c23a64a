import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { alumniRecords, consentEvents, memberProfiles, recordConsentEvents } from '../../db/schema/index.js';
import type { Locale } from '../../platform/i18n/messages.js';
import { writeHistory } from '../registry/records.js';

/**
 * The version of the contact-consent sentence the exit survey shows. The server owns the sentence, so
 * the ledger keeps exactly what the person read; raise the version whenever the wording changes.
 */
export const exitConsentVersion = 'exit-2026-12';

/** The sentence a leaver ticks (or not) on the exit survey, in their language. */
export function exitConsentWording(tenant: { nameJa: string; nameEn: string }, locale: Locale): string {
  return locale === 'en'
    ? `I agree that ${tenant.nameEn} may e-mail me after I leave (an invitation to the alumni network, surveys, events and news). I can withdraw this at any time from any such mail.`
    : `退職後、${tenant.nameJa}からのご案内（アルムナイネットワークへのご招待、アンケート、イベントやお知らせ）をメールで受け取ることに同意します。同意はいつでも、届いたメールから取り消せます。`;
}

/**
 * Records a leaver's contact-consent choice on the exit survey: one entry in the record's consent ledger
 * (granted or not, the wording shown, source 'exit_survey'), whatever the choice. A grant becomes the
 * record's contact consent; declining grants nothing, and withdraws a consent held before (the latest
 * choice is the person's). A record holds one consent for every purpose, kept as company news (the
 * registry's contact consent). A record linked to a member account passes the choice on to the member's
 * own consent (see followOnMember).
 */
export async function recordExitConsent(
  tx: Queryable,
  input: {
    tenantId: string;
    record: {
      id: string;
      contactConsent: string;
      consentSource: string | null;
      membershipId: string | null;
    };
    granted: boolean;
    wording: string;
    locale: Locale;
    survey: { id: string; title: string };
  },
): Promise<void> {
  const now = new Date();
  await tx.insert(recordConsentEvents).values({
    tenantId: input.tenantId,
    recordId: input.record.id,
    purpose: 'company_news',
    granted: input.granted,
    wordingVersion: exitConsentVersion,
    wording: input.wording,
    locale: input.locale,
    source: 'exit_survey',
    surveyId: input.survey.id,
    createdAt: now,
  });
  if (input.record.membershipId)
    await followOnMember(tx, input.tenantId, input.record.membershipId, input.granted, now);
  const next = input.granted ? 'granted' : input.record.contactConsent === 'granted' ? 'withdrawn' : null;
  if (!next || next === input.record.contactConsent) return;
  await tx
    .update(alumniRecords)
    .set({
      contactConsent: next,
      consentSource: 'exit_survey',
      consentAt: now,
      consentWordingVersion: exitConsentVersion,
      updatedAt: now,
    })
    .where(and(eq(alumniRecords.tenantId, input.tenantId), eq(alumniRecords.id, input.record.id)));
  await writeHistory(tx, {
    tenantId: input.tenantId,
    recordId: input.record.id,
    actorMembershipId: null,
    source: 'exit_survey',
    changes: {
      contactConsent: [input.record.contactConsent, next],
      consentSource: [input.record.consentSource, 'exit_survey'],
      survey: [null, input.survey.title],
    },
  });
}

/**
 * For a member, company news is held on their profile and the record follows it (recordConsents); mail to
 * them is sent by the profile's choice, not the record's. So the exit-survey choice, being the person's
 * latest, changes the profile too, with an entry in the member's own ledger: otherwise someone who declined
 * on their last day would keep getting company news (or one who agreed would get none) while their record
 * said the opposite. A member who has no profile yet is asked when they first open the app.
 */
async function followOnMember(
  tx: Queryable,
  tenantId: string,
  membershipId: string,
  granted: boolean,
  at: Date,
): Promise<void> {
  const where = and(eq(memberProfiles.tenantId, tenantId), eq(memberProfiles.membershipId, membershipId));
  const [profile] = await tx.select().from(memberProfiles).where(where);
  if (!profile || profile.companyNews === granted) return;
  await tx.insert(consentEvents).values({
    tenantId,
    membershipId,
    purpose: 'company_news',
    granted,
    policyVersion: exitConsentVersion,
    source: 'exit_survey',
    createdAt: at,
  });
  await tx.update(memberProfiles).set({ companyNews: granted, updatedAt: at }).where(where);
}
