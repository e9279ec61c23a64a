import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { alumniRecords, recordConsentEvents } from '../../db/schema/index.js';
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
 * registry's contact consent).
 */
export async function recordExitConsent(
  tx: Queryable,
  input: {
    tenantId: string;
    record: { id: string; contactConsent: string; consentSource: string | null };
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
