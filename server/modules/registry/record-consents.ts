import { z } from '@hono/zod-openapi';
import { and, desc, eq } from 'drizzle-orm';
import { consentPurposes, recordConsentEvents, surveys } from '../../db/schema/index.js';
import type { RegistryContext } from './context.js';
import { findRecord } from './records.js';

export const RecordConsentEventSchema = z
  .object({
    id: z.uuid(),
    purpose: z.enum(consentPurposes),
    granted: z.boolean(),
    /** Where the choice was made, e.g. exit_survey. */
    source: z.string(),
    wordingVersion: z.string(),
    /** The sentence exactly as the person was shown it. */
    wording: z.string(),
    locale: z.string(),
    surveyTitle: z.string().nullable(),
    at: z.string(),
  })
  .openapi('RecordConsentEvent');

/** A record's consent ledger, newest first (choices the person made outside the app). */
export async function listRecordConsents(ctx: RegistryContext, recordId: string) {
  await findRecord(ctx.tx, ctx.tenant.id, recordId);
  return ctx.tx
    .select({ event: recordConsentEvents, surveyTexts: surveys.texts })
    .from(recordConsentEvents)
    .leftJoin(
      surveys,
      and(eq(surveys.tenantId, recordConsentEvents.tenantId), eq(surveys.id, recordConsentEvents.surveyId)),
    )
    .where(and(eq(recordConsentEvents.tenantId, ctx.tenant.id), eq(recordConsentEvents.recordId, recordId)))
    .orderBy(desc(recordConsentEvents.createdAt), desc(recordConsentEvents.id))
    .limit(200);
}

export function presentRecordConsent(
  row: Awaited<ReturnType<typeof listRecordConsents>>[number],
): z.infer<typeof RecordConsentEventSchema> {
  const texts = row.surveyTexts as { title?: { ja?: string } } | null;
  return {
    id: row.event.id,
    purpose: row.event.purpose,
    granted: row.event.granted,
    source: row.event.source,
    wordingVersion: row.event.wordingVersion,
    wording: row.event.wording,
    locale: row.event.locale,
    surveyTitle: texts?.title?.ja ?? null,
    at: row.event.createdAt.toISOString(),
  };
}
