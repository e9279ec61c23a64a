import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { alumniRecords, surveyInvitations, surveyResponses, surveys } from '../../db/schema/index.js';
import { conflict, notFound } from '../../platform/errors.js';
import type { MySurvey } from './answer-surveys.js';
import { mustAccept, storeAnonymousAnswer } from './answer-surveys.js';
import { applyWouldReturn } from './apply-would-return.js';
import { breakdownFactsOf } from './breakdown-facts.js';
import { readSurvey, type Survey } from './load-survey.js';
import type { Answers } from './survey-schemas.js';
import { type StoredAnswers, validateAnswers } from './validate-answers.js';

export type LinkContext = { tx: Queryable; tenant: { id: string } };
type Link = {
  survey: Survey;
  invitationId: string;
  answered: boolean;
  record: { id: string; membershipId: string | null };
};

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** The survey and record an e-mailed link was made for; unknown links and draft surveys are a 404. */
async function loadLink(ctx: LinkContext, token: string, forUpdate = false): Promise<Link> {
  const query = ctx.tx
    .select({
      invitationId: surveyInvitations.id,
      answered: surveyInvitations.answered,
      survey: surveys,
      record: {
        id: alumniRecords.id,
        membershipId: alumniRecords.membershipId,
      },
    })
    .from(surveyInvitations)
    .innerJoin(
      surveys,
      and(eq(surveys.tenantId, surveyInvitations.tenantId), eq(surveys.id, surveyInvitations.surveyId)),
    )
    .innerJoin(
      alumniRecords,
      and(
        eq(alumniRecords.tenantId, surveyInvitations.tenantId),
        eq(alumniRecords.id, surveyInvitations.recordId),
      ),
    )
    .where(
      and(eq(surveyInvitations.tenantId, ctx.tenant.id), eq(surveyInvitations.tokenHash, hashOf(token))),
    );
  const [row] = forUpdate ? await query.for('update', { of: surveyInvitations }) : await query;
  if (!row || row.survey.status === 'draft') throw notFound();
  return {
    survey: readSurvey(row.survey),
    invitationId: row.invitationId,
    answered: row.answered,
    record: row.record,
  };
}

/** The survey behind a link, as the person sees it (no sign-in; the link is the proof). */
export async function getLinkedSurvey(ctx: LinkContext, token: string): Promise<MySurvey> {
  const link = await loadLink(ctx, token);
  return { survey: link.survey, state: link.answered ? 'submitted' : 'not_started', draft: null };
}

/**
 * Sends the answers given through a link: once (the link is single-use, and the same unique keys as in
 * the app refuse a second answer by the same person, in the app or by another link). A named answer is
 * linked to the record (and to the member, if they have joined); an anonymous one to nobody.
 */
export async function submitLinkedAnswers(
  ctx: LinkContext,
  token: string,
  answers: Answers,
): Promise<MySurvey> {
  const link = await loadLink(ctx, token, true);
  if (link.answered) throw conflict('survey_already_answered');
  const { survey, record } = link;
  mustAccept(survey);
  const stored = validateAnswers(survey.questions, answers, 'final');
  const facts = await breakdownFactsOf(ctx, { recordId: record.id });
  if (survey.anonymity === 'named') {
    await storeRecordAnswer(ctx, survey, record, stored, facts);
  } else {
    await storeAnonymousAnswer(ctx, survey, record.membershipId ?? `record:${record.id}`, {
      answers: stored,
      facts,
    });
  }
  await ctx.tx
    .update(surveyInvitations)
    .set({ answered: true })
    .where(and(eq(surveyInvitations.tenantId, ctx.tenant.id), eq(surveyInvitations.id, link.invitationId)));
  return { survey, state: 'submitted', draft: null };
}

/**
 * A named answer given through a link made for a record: linked to the record (and to the member, if
 * they have joined), once per record, and its would-return answer applied to the record.
 */
export async function storeRecordAnswer(
  ctx: LinkContext,
  survey: Survey,
  record: { id: string; membershipId: string | null },
  stored: StoredAnswers,
  facts: Record<string, unknown>,
): Promise<void> {
  const today = sql`(now() at time zone 'Asia/Tokyo')::date`;
  // A draft the member began in the app gives way to the answer sent from the mail.
  if (record.membershipId) {
    await ctx.tx
      .delete(surveyResponses)
      .where(
        and(
          eq(surveyResponses.tenantId, ctx.tenant.id),
          eq(surveyResponses.surveyId, survey.id),
          eq(surveyResponses.membershipId, record.membershipId),
          eq(surveyResponses.status, 'draft'),
        ),
      );
  }
  const saved = await ctx.tx
    .insert(surveyResponses)
    .values({
      tenantId: ctx.tenant.id,
      surveyId: survey.id,
      membershipId: record.membershipId,
      recordId: record.id,
      status: 'submitted',
      answers: stored,
      facts,
      submittedOn: today,
      updatedAt: new Date(),
    })
    .onConflictDoNothing()
    .returning({ id: surveyResponses.id });
  if (saved.length === 0) throw conflict('survey_already_answered');
  await applyWouldReturn(ctx.tx, {
    tenantId: ctx.tenant.id,
    survey,
    answers: stored,
    record: { recordId: record.id },
    actorMembershipId: null,
  });
}
