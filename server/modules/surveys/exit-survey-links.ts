import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { alumniRecords, exitSurveyLinks, surveyResponses, surveys } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, conflict, invalid } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/messages.js';
import { queueMail } from '../../platform/mail/queue-mail.js';
import { findRecord } from '../registry/records.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import type { MySurvey } from './answer-surveys.js';
import { wouldReturnAnswer } from './apply-would-return.js';
import { breakdownFactsOf } from './breakdown-facts.js';
import { exitConsentVersion, exitConsentWording, recordExitConsent } from './exit-consent.js';
import { exitSurveyMail } from './exit-survey-mail.js';
import { findExitSurvey } from './exit-survey-settings.js';
import { isAcceptingAnswers, readSurvey } from './load-survey.js';
import { storeRecordAnswer } from './survey-links.js';
import type { Answers } from './survey-schemas.js';
import { validateAnswers } from './validate-answers.js';

/** How long an exit-survey link works: long enough for a leaver to answer after a busy last week. */
export const EXIT_LINK_DAYS = 60;
const DAY = 86_400_000;

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** The page a link opens; the token after `#` so it never reaches a server log. */
export const exitLinkUrl = (publicUrl: string, slug: string, token: string) =>
  `${publicUrl}/exit/${encodeURIComponent(slug)}#token=${token}`;

export type ExitLinkState = 'live' | 'expired' | 'revoked' | 'answered';

function stateOf(link: typeof exitSurveyLinks.$inferSelect, now = new Date()): ExitLinkState {
  if (link.answeredAt) return 'answered';
  if (link.revokedAt) return 'revoked';
  return link.expiresAt <= now ? 'expired' : 'live';
}

/** What HR sees of a record's exit-survey link: the latest one, never its token. */
export async function exitLinkStatus(ctx: TenantServiceContext, recordId: string) {
  const record = await findRecord(ctx.tx, ctx.tenant.id, recordId);
  const survey = await findExitSurvey(ctx.tx, ctx.tenant.id);
  const [link] = await ctx.tx
    .select()
    .from(exitSurveyLinks)
    .where(and(eq(exitSurveyLinks.tenantId, ctx.tenant.id), eq(exitSurveyLinks.recordId, recordId)))
    .orderBy(desc(exitSurveyLinks.createdAt))
    .limit(1);
  return {
    survey,
    email: record.emails[0] ?? null,
    excluded: record.status === 'excluded',
    link: link ? { ...link, state: stateOf(link) } : null,
  };
}

/**
 * Makes a new exit-survey link for a leaver's record, revoking any live one (one link per record at a
 * time), and mails it to the record's first address if asked. The token is returned once, for HR to
 * copy; only its hash is kept. Audited, with whether it was mailed.
 */
export async function issueExitLink(ctx: TenantServiceContext, recordId: string, input: { send: boolean }) {
  const record = await findRecord(ctx.tx, ctx.tenant.id, recordId, { forUpdate: true });
  const survey = await findExitSurvey(ctx.tx, ctx.tenant.id);
  if (!survey) throw conflict('exit_survey_not_chosen');
  if (!isAcceptingAnswers(survey)) throw conflict('exit_survey_not_open');
  const [answered] = await ctx.tx
    .select({ id: surveyResponses.id })
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.tenantId, ctx.tenant.id),
        eq(surveyResponses.surveyId, survey.id),
        eq(surveyResponses.recordId, record.id),
      ),
    );
  if (answered) throw conflict('exit_survey_already_answered');
  const email = record.emails[0] ?? null;
  if (input.send) {
    if (record.status === 'excluded') throw conflict('exit_link_excluded');
    if (!email) throw invalid([{ path: 'send', code: 'exit_link_no_address' }]);
  }
  const now = new Date();
  const revoked = await ctx.tx
    .update(exitSurveyLinks)
    .set({ revokedAt: now })
    .where(
      and(
        eq(exitSurveyLinks.tenantId, ctx.tenant.id),
        eq(exitSurveyLinks.recordId, record.id),
        isNull(exitSurveyLinks.revokedAt),
        isNull(exitSurveyLinks.answeredAt),
      ),
    )
    .returning({ id: exitSurveyLinks.id });
  const token = randomBytes(32).toString('hex');
  const [link] = await ctx.tx
    .insert(exitSurveyLinks)
    .values({
      tenantId: ctx.tenant.id,
      recordId: record.id,
      surveyId: survey.id,
      tokenHash: hashOf(token),
      emailed: input.send,
      createdBy: ctx.actor.membershipId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + EXIT_LINK_DAYS * DAY),
    })
    .returning();
  const url = exitLinkUrl(ctx.deps.config.publicUrl, ctx.tenant.slug, token);
  if (input.send && email) {
    const mail = exitSurveyMail(ctx.tenant, survey, {
      name: `${record.familyName} ${record.givenName}`.trim(),
      url,
      expiresAt: link!.expiresAt,
    });
    await queueMail(ctx.deps.jobs, ctx.tx, { to: email, ...mail });
  }
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'exit_survey_link.issued',
    targetType: 'alumni_record',
    targetId: record.id,
    data: {
      surveyId: survey.id,
      emailed: input.send,
      expiresAt: link!.expiresAt.toISOString(),
      revoked: revoked.length,
    },
    ipAddress: ctx.ipAddress,
  });
  return {
    url,
    survey,
    email,
    excluded: record.status === 'excluded',
    link: { ...link!, state: 'live' as const },
  };
}

type PublicContext = { tx: Queryable; tenant: { id: string; nameJa: string; nameEn: string } };

/**
 * The link behind a token, refused with a message the leaver can act on: unknown (or another network's)
 * 404, answered 409, revoked or expired 410, the survey closed since 409.
 */
async function loadExitLink(ctx: PublicContext, token: string, forUpdate = false) {
  const query = ctx.tx
    .select({ link: exitSurveyLinks, survey: surveys, record: alumniRecords })
    .from(exitSurveyLinks)
    .innerJoin(
      surveys,
      and(eq(surveys.tenantId, exitSurveyLinks.tenantId), eq(surveys.id, exitSurveyLinks.surveyId)),
    )
    .innerJoin(
      alumniRecords,
      and(
        eq(alumniRecords.tenantId, exitSurveyLinks.tenantId),
        eq(alumniRecords.id, exitSurveyLinks.recordId),
      ),
    )
    .where(and(eq(exitSurveyLinks.tenantId, ctx.tenant.id), eq(exitSurveyLinks.tokenHash, hashOf(token))));
  const [row] = forUpdate ? await query.for('update', { of: [exitSurveyLinks, alumniRecords] }) : await query;
  if (!row) throw new AppError(404, 'exit_link_unknown');
  const state = stateOf(row.link);
  if (state === 'answered') throw conflict('exit_link_used');
  if (state === 'revoked') throw new AppError(410, 'exit_link_revoked');
  if (state === 'expired') throw new AppError(410, 'exit_link_expired');
  const survey = readSurvey(row.survey);
  if (!isAcceptingAnswers(survey)) throw conflict('survey_closed');
  return { link: row.link, survey, record: row.record };
}

export type ExitSurveyView = { mine: MySurvey; consent: { version: string; text: string } };

/** What the leaver sees: the exit survey, and the consent sentence with its version. */
export async function getExitSurvey(
  ctx: PublicContext,
  token: string,
  locale: Locale,
): Promise<ExitSurveyView> {
  const { survey } = await loadExitLink(ctx, token);
  return {
    mine: { survey, state: 'not_started', draft: null },
    consent: { version: exitConsentVersion, text: exitConsentWording(ctx.tenant, locale) },
  };
}

/**
 * The leaver's answers, once: the named answer linked to the record (its would-return answer applied to
 * the record with history naming the survey), the consent choice in the record's consent ledger with the
 * sentence shown, and the link used up. Audited without the answers.
 */
export async function submitExitAnswers(
  ctx: PublicContext,
  token: string,
  input: { answers: Answers; consent: { granted: boolean; version: string } },
  locale: Locale,
): Promise<ExitSurveyView> {
  const { link, survey, record } = await loadExitLink(ctx, token, true);
  if (input.consent.version !== exitConsentVersion) throw conflict('consent_policy_outdated');
  const stored = validateAnswers(survey.questions, input.answers, 'final');
  const facts = await breakdownFactsOf(ctx, { recordId: record.id });
  await storeRecordAnswer(ctx, survey, record, stored, facts);
  const wording = exitConsentWording(ctx.tenant, locale);
  await recordExitConsent(ctx.tx, {
    tenantId: ctx.tenant.id,
    record,
    granted: input.consent.granted,
    wording,
    locale,
    survey: { id: survey.id, title: survey.texts.title.ja },
  });
  await ctx.tx
    .update(exitSurveyLinks)
    .set({ answeredAt: new Date() })
    .where(and(eq(exitSurveyLinks.tenantId, ctx.tenant.id), eq(exitSurveyLinks.id, link.id)));
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: null,
    action: 'exit_survey_link.answered',
    targetType: 'alumni_record',
    targetId: record.id,
    data: {
      surveyId: survey.id,
      consentGranted: input.consent.granted,
      wouldReturn: wouldReturnAnswer(survey, stored),
    },
  });
  return {
    mine: { survey, state: 'submitted', draft: null },
    consent: { version: exitConsentVersion, text: wording },
  };
}
