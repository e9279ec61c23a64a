import { createHmac } from 'node:crypto';
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { surveyParticipations, surveyResponses, surveys } from '../../db/schema/index.js';
import { conflict, notFound } from '../../platform/errors.js';
import { audienceAdmitsMember, loadMemberAudienceFacts } from '../programmes/audience/member-audience.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { applyWouldReturn } from './apply-would-return.js';
import { breakdownFactsOf } from './breakdown-facts.js';
import { isAcceptingAnswers, loadSurvey, readSurvey, type Survey } from './load-survey.js';
import type { Answers } from './survey-schemas.js';
import { type StoredAnswers, validateAnswers } from './validate-answers.js';

export type MyAnswerState = 'not_started' | 'draft' | 'submitted';
export type MySurvey = { survey: Survey; state: MyAnswerState; draft: StoredAnswers | null };

/**
 * The one-time participation token of a person in an anonymous survey, as stored: a keyed hash of the
 * membership (or, for a record that has not joined, of `record:<id>`), so answering in the app and
 * through an e-mailed link counts as the same person.
 */
export function participationHash(survey: Survey, person: string): Uint8Array {
  return new Uint8Array(createHmac('sha256', survey.participationKey).update(person).digest());
}

async function myState(ctx: TenantServiceContext, survey: Survey): Promise<Omit<MySurvey, 'survey'>> {
  if (survey.anonymity === 'anonymous') {
    const [row] = await ctx.tx
      .select({ one: sql<number>`1` })
      .from(surveyParticipations)
      .where(
        and(
          eq(surveyParticipations.tenantId, ctx.tenant.id),
          eq(surveyParticipations.surveyId, survey.id),
          eq(surveyParticipations.tokenHash, participationHash(survey, ctx.actor.membershipId)),
        ),
      );
    return { state: row ? 'submitted' : 'not_started', draft: null };
  }
  const [row] = await ctx.tx
    .select({ status: surveyResponses.status, answers: surveyResponses.answers })
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.tenantId, ctx.tenant.id),
        eq(surveyResponses.surveyId, survey.id),
        eq(surveyResponses.membershipId, ctx.actor.membershipId),
      ),
    );
  if (!row) return { state: 'not_started', draft: null };
  return { state: row.status, draft: row.status === 'draft' ? (row.answers as StoredAnswers) : null };
}

/** Open surveys meant for the member, with where they are in answering each. */
export async function listMySurveys(ctx: TenantServiceContext): Promise<MySurvey[]> {
  const rows = await ctx.tx
    .select()
    .from(surveys)
    .where(
      and(
        eq(surveys.tenantId, ctx.tenant.id),
        eq(surveys.status, 'open'),
        or(isNull(surveys.closesAt), gt(surveys.closesAt, sql`now()`)),
      ),
    )
    .orderBy(sql`${surveys.closesAt} asc nulls last`, sql`${surveys.openedAt} desc`)
    .limit(100);
  const open = rows.map(readSurvey);
  const segmentIds = open.flatMap((survey) => (survey.audience.segmentId ? [survey.audience.segmentId] : []));
  const facts = await loadMemberAudienceFacts(ctx, ctx.actor.membershipId, segmentIds);
  const mine = open.filter((survey) => audienceAdmitsMember(survey.audience, facts));
  return Promise.all(mine.map(async (survey) => ({ survey, ...(await myState(ctx, survey)) })));
}

/** A survey the member may see: opened once (open or closed since) and meant for them; else 404. */
async function loadMySurvey(ctx: TenantServiceContext, id: string, options: { forUpdate?: boolean } = {}) {
  const survey = await loadSurvey(ctx, id, options);
  if (survey.status === 'draft') throw notFound();
  const facts = await loadMemberAudienceFacts(
    ctx,
    ctx.actor.membershipId,
    survey.audience.segmentId ? [survey.audience.segmentId] : [],
  );
  if (!audienceAdmitsMember(survey.audience, facts)) throw notFound();
  return survey;
}

export async function getMySurvey(ctx: TenantServiceContext, id: string): Promise<MySurvey> {
  const survey = await loadMySurvey(ctx, id);
  return { survey, ...(await myState(ctx, survey)) };
}

export function mustAccept(survey: Survey) {
  if (!isAcceptingAnswers(survey)) throw conflict('survey_closed');
}

/** Keeps a named survey's unfinished answers so the member can finish later, on any device. */
export async function saveMyDraft(ctx: TenantServiceContext, id: string, answers: Answers) {
  const survey = await loadMySurvey(ctx, id);
  mustAccept(survey);
  if (survey.anonymity === 'anonymous') throw conflict('survey_anonymous_draft');
  const stored = validateAnswers(survey.questions, answers, 'draft');
  const saved = await ctx.tx
    .insert(surveyResponses)
    .values({
      tenantId: ctx.tenant.id,
      surveyId: survey.id,
      membershipId: ctx.actor.membershipId,
      status: 'draft',
      answers: stored,
      updatedAt: new Date(),
    })
    .onConflictDoUpdate({
      target: [surveyResponses.tenantId, surveyResponses.surveyId, surveyResponses.membershipId],
      targetWhere: sql`membership_id is not null`,
      set: { answers: stored, updatedAt: new Date() },
      setWhere: sql`${surveyResponses.status} = 'draft'`,
    })
    .returning({ id: surveyResponses.id });
  if (saved.length === 0) throw conflict('survey_already_answered');
}

/**
 * Sends the member's answers: once per person, enforced by the database (the named survey's unique
 * member key, the anonymous survey's participation key), so two sends at once store one answer.
 */
export async function submitMyAnswers(ctx: TenantServiceContext, id: string, answers: Answers) {
  const survey = await loadMySurvey(ctx, id);
  mustAccept(survey);
  const stored = validateAnswers(survey.questions, answers, 'final');
  const facts = await breakdownFactsOf(ctx, { membershipId: ctx.actor.membershipId });
  const today = sql`(now() at time zone 'Asia/Tokyo')::date`;
  if (survey.anonymity === 'named') {
    const saved = await ctx.tx
      .insert(surveyResponses)
      .values({
        tenantId: ctx.tenant.id,
        surveyId: survey.id,
        membershipId: ctx.actor.membershipId,
        status: 'submitted',
        answers: stored,
        facts,
        submittedOn: today,
        updatedAt: new Date(),
      })
      .onConflictDoUpdate({
        target: [surveyResponses.tenantId, surveyResponses.surveyId, surveyResponses.membershipId],
        targetWhere: sql`membership_id is not null`,
        set: { status: 'submitted', answers: stored, facts, submittedOn: today, updatedAt: new Date() },
        setWhere: sql`${surveyResponses.status} = 'draft'`,
      })
      .returning({ id: surveyResponses.id });
    if (saved.length === 0) throw conflict('survey_already_answered');
    await applyWouldReturn(ctx.tx, {
      tenantId: ctx.tenant.id,
      survey,
      answers: stored,
      record: { membershipId: ctx.actor.membershipId },
      actorMembershipId: ctx.actor.membershipId,
    });
    return survey;
  }
  await storeAnonymousAnswer(ctx, survey, ctx.actor.membershipId, { answers: stored, facts });
  return survey;
}

/**
 * An anonymous answer: the person's participation (refusing a second answer, 409) and the response,
 * which keeps no membership and no time of day, so nothing leads from it back to the participation.
 */
export async function storeAnonymousAnswer(
  ctx: { tx: Queryable; tenant: { id: string } },
  survey: Survey,
  person: string,
  response: { answers: StoredAnswers; facts: Record<string, unknown> },
) {
  const first = await ctx.tx
    .insert(surveyParticipations)
    .values({ tenantId: ctx.tenant.id, surveyId: survey.id, tokenHash: participationHash(survey, person) })
    .onConflictDoNothing()
    .returning({ surveyId: surveyParticipations.surveyId });
  if (first.length === 0) throw conflict('survey_already_answered');
  await ctx.tx.insert(surveyResponses).values({
    tenantId: ctx.tenant.id,
    surveyId: survey.id,
    membershipId: null,
    status: 'submitted',
    ...response,
    submittedOn: sql`(now() at time zone 'Asia/Tokyo')::date`,
  });
}
