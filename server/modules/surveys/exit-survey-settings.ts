import { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { exitSurveySettings, surveys } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { invalid } from '../../platform/errors.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { isAcceptingAnswers, readSurvey, type Survey } from './load-survey.js';

export const ExitSurveySettingsInputSchema = z
  .strictObject({ surveyId: z.uuid().nullable() })
  .openapi('ExitSurveySettingsInput');

export const ExitSurveySettingsSchema = z
  .object({
    /** The survey used as the exit survey, or null if none is chosen. */
    surveyId: z.uuid().nullable(),
    surveyTitle: z.string().nullable(),
  })
  .openapi('ExitSurveySettings');

/** The network's exit survey, if one is chosen. */
export async function findExitSurvey(tx: Queryable, tenantId: string): Promise<Survey | null> {
  const [row] = await tx
    .select({ survey: surveys })
    .from(exitSurveySettings)
    .innerJoin(
      surveys,
      and(eq(surveys.tenantId, exitSurveySettings.tenantId), eq(surveys.id, exitSurveySettings.surveyId)),
    )
    .where(eq(exitSurveySettings.tenantId, tenantId));
  return row ? readSurvey(row.survey) : null;
}

export function presentExitSurveySettings(survey: Survey | null): z.infer<typeof ExitSurveySettingsSchema> {
  return { surveyId: survey?.id ?? null, surveyTitle: survey?.texts.title.ja ?? null };
}

/**
 * Chooses the exit survey (or none). It must be open, named and ask the would-return question: the
 * answers, the contact consent and the would-return answer all belong to the leaver's record, so an
 * anonymous survey would either break its promise or lose what the exit survey is for.
 */
export async function saveExitSurvey(
  ctx: TenantServiceContext,
  input: z.infer<typeof ExitSurveySettingsInputSchema>,
): Promise<Survey | null> {
  if (input.surveyId === null) {
    await ctx.tx.delete(exitSurveySettings).where(eq(exitSurveySettings.tenantId, ctx.tenant.id));
  } else {
    const [row] = await ctx.tx
      .select()
      .from(surveys)
      .where(and(eq(surveys.tenantId, ctx.tenant.id), eq(surveys.id, input.surveyId)));
    const survey = row ? readSurvey(row) : null;
    if (!survey || !isAcceptingAnswers(survey))
      throw invalid([{ path: 'surveyId', code: 'exit_survey_not_open' }]);
    if (survey.anonymity !== 'named') throw invalid([{ path: 'surveyId', code: 'exit_survey_not_named' }]);
    if (!survey.questions.some((question) => question.wouldReturn))
      throw invalid([{ path: 'surveyId', code: 'exit_survey_no_would_return' }]);
    await ctx.tx
      .insert(exitSurveySettings)
      .values({ tenantId: ctx.tenant.id, surveyId: survey.id, updatedBy: ctx.actor.membershipId })
      .onConflictDoUpdate({
        target: [exitSurveySettings.tenantId],
        set: { surveyId: survey.id, updatedBy: ctx.actor.membershipId, updatedAt: new Date() },
      });
  }
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'exit_survey.changed',
    targetType: 'tenant',
    targetId: ctx.tenant.id,
    data: { surveyId: input.surveyId },
    ipAddress: ctx.ipAddress,
  });
  return findExitSurvey(ctx.tx, ctx.tenant.id);
}
