import { randomBytes } from 'node:crypto';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { surveyResponses, surveys } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, conflict, type FieldError, invalid } from '../../platform/errors.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { loadSurvey, readSurvey } from './load-survey.js';
import { definitionIssues, type SurveyInput } from './survey-schemas.js';

function checkDefinition(input: SurveyInput, now: Date) {
  const issues: FieldError[] = definitionIssues(input.questions);
  // An anonymous answer is linked to nobody, so it cannot change anybody's record.
  if (input.anonymity === 'anonymous') {
    input.questions.forEach((question, index) => {
      if (question.wouldReturn)
        issues.push({ path: `questions.${index}.wouldReturn`, code: 'survey_would_return_invalid' });
    });
  }
  if (input.closesAt !== null && new Date(input.closesAt) <= now)
    issues.push({ path: 'closesAt', code: 'survey_closes_in_past' });
  if (issues.length > 0) throw invalid(issues);
}

function columnsOf(input: SurveyInput) {
  return {
    texts: input.texts,
    questions: input.questions,
    audience: input.audience,
    anonymity: input.anonymity,
    closesAt: input.closesAt === null ? null : new Date(input.closesAt),
  };
}

/** A new survey, as a draft: nobody sees it until staff open it. */
export async function createSurvey(ctx: TenantServiceContext, input: SurveyInput) {
  checkDefinition(input, new Date());
  const [row] = await ctx.tx
    .insert(surveys)
    .values({
      tenantId: ctx.tenant.id,
      ...columnsOf(input),
      participationKey: new Uint8Array(randomBytes(32)),
      createdBy: ctx.actor.membershipId,
    })
    .returning();
  const survey = readSurvey(row!);
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'survey.created',
    targetType: 'survey',
    targetId: survey.id,
    ipAddress: ctx.ipAddress,
  });
  return survey;
}

/** Replaces a draft's questions and settings; once open, answers refer to them, so they are frozen. */
export async function updateSurvey(ctx: TenantServiceContext, id: string, input: SurveyInput) {
  const survey = await loadSurvey(ctx, id, { forUpdate: true });
  if (survey.status !== 'draft') throw conflict('survey_not_draft');
  checkDefinition(input, new Date());
  await ctx.tx
    .update(surveys)
    .set({ ...columnsOf(input), updatedAt: sql`now()` })
    .where(and(eq(surveys.tenantId, ctx.tenant.id), eq(surveys.id, id)));
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'survey.updated',
    targetType: 'survey',
    targetId: id,
    ipAddress: ctx.ipAddress,
  });
}

/** draft → open (with at least one question and a closing time still ahead), open → closed. */
export async function changeSurveyStatus(ctx: TenantServiceContext, id: string, status: 'open' | 'closed') {
  const survey = await loadSurvey(ctx, id, { forUpdate: true });
  const now = new Date();
  if (status === 'open') {
    if (survey.status !== 'draft') throw conflict('survey_status_change');
    if (survey.questions.length === 0) throw new AppError(422, 'survey_no_questions');
    if (survey.closesAt !== null && survey.closesAt <= now)
      throw invalid([{ path: 'closesAt', code: 'survey_closes_in_past' }]);
  } else if (survey.status !== 'open') throw conflict('survey_status_change');
  await ctx.tx
    .update(surveys)
    .set(
      status === 'open'
        ? { status, openedAt: now, updatedAt: now }
        : { status, closedAt: now, updatedAt: now },
    )
    .where(and(eq(surveys.tenantId, ctx.tenant.id), eq(surveys.id, id)));
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: status === 'open' ? 'survey.opened' : 'survey.closed',
    targetType: 'survey',
    targetId: id,
    ipAddress: ctx.ipAddress,
  });
}

/** Every survey of the network, newest first, with its number of submitted responses. */
export async function listSurveys(ctx: TenantServiceContext) {
  const rows = await ctx.tx
    .select()
    .from(surveys)
    .where(eq(surveys.tenantId, ctx.tenant.id))
    .orderBy(desc(surveys.createdAt), desc(surveys.id))
    .limit(200);
  const counts = await submittedCounts(ctx);
  return rows.map((row) => ({ survey: readSurvey(row), responses: counts.get(row.id) ?? 0 }));
}

export async function submittedCounts(ctx: Pick<TenantServiceContext, 'tx' | 'tenant'>, surveyId?: string) {
  const rows = await ctx.tx
    .select({ surveyId: surveyResponses.surveyId, n: count() })
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.tenantId, ctx.tenant.id),
        eq(surveyResponses.status, 'submitted'),
        surveyId ? eq(surveyResponses.surveyId, surveyId) : undefined,
      ),
    )
    .groupBy(surveyResponses.surveyId);
  return new Map(rows.map((row) => [row.surveyId, row.n]));
}
