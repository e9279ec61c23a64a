import { and, eq, isNull } from 'drizzle-orm';
import { events, tenants } from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import { AppError, conflict } from '../../platform/errors.js';
import type { Deps } from '../../platform/http/env.js';
import { storedAudience } from '../programmes/audience/audience-spec.js';
import { loadSurvey } from '../surveys/load-survey.js';
import { changeSurveyStatus, createSurvey } from '../surveys/manage-surveys.js';
import { sendSurvey } from '../surveys/send-survey.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { followUpTemplate } from './follow-up-template.js';
import { organiserContext } from './organiser-context.js';
import { auditEvent, type EventRow, findEvent } from './write-events.js';

type FollowUpJob = { tenantId: string; eventId: string };

/**
 * Queues the sending of the event's survey for its end, in the caller's transaction. Queued again on
 * every change of time: a job that runs before the (new) end, or after the survey went, does nothing.
 */
export async function scheduleFollowUpSurvey(
  ctx: Pick<TenantServiceContext, 'deps' | 'tx' | 'tenant'>,
  event: EventRow,
) {
  if (event.status !== 'published' || !event.surveyId || event.surveySentAt) return;
  const job: FollowUpJob = { tenantId: ctx.tenant.id, eventId: event.id };
  const due = new Date(Math.max(event.endsAt.getTime(), Date.now()));
  await ctx.deps.jobs.send(ctx.tx, 'event.follow_up_survey', job, { startAfter: due });
}

/**
 * Chooses (or clears) the survey the attendees get after the end. It must be meant for this event's
 * attendees (its audience says so), or answering it would be refused to the very people asked; a
 * closed survey cannot be chosen, and once it has gone out the choice is fixed.
 */
export async function setFollowUpSurvey(ctx: TenantServiceContext, eventId: string, surveyId: string | null) {
  const event = await findEvent(ctx, eventId, true);
  if (event.surveySentAt) throw conflict('event_survey_already_sent');
  if (surveyId) {
    const survey = await loadSurvey(ctx, surveyId);
    if (survey.status === 'closed') throw conflict('survey_closed');
    if (survey.audience.attendedEventId !== eventId) {
      throw new AppError(422, 'event_survey_audience', [{ path: 'surveyId', code: 'event_survey_audience' }]);
    }
  }
  const [row] = await ctx.tx
    .update(events)
    .set({ surveyId, updatedAt: new Date() })
    .where(and(eq(events.tenantId, ctx.tenant.id), eq(events.id, eventId)))
    .returning();
  await scheduleFollowUpSurvey(ctx, row!);
  await auditEvent(ctx, 'event.survey_chosen', eventId, { surveyId });
  return row!;
}

/** 「イベント後アンケートを作成」: a draft from the template, meant for the attendees, chosen for the event. */
export async function createFollowUpSurvey(ctx: TenantServiceContext, eventId: string) {
  const event = await findEvent(ctx, eventId, true);
  if (event.surveyId) throw conflict('event_survey_exists');
  const closesAt = new Date(Math.max(event.endsAt.getTime(), Date.now()) + 14 * 24 * 60 * 60 * 1000);
  const survey = await createSurvey(ctx, {
    ...followUpTemplate(event.title),
    anonymity: 'named',
    audience: {
      ...storedAudience(null),
      includeEmployees: storedAudience(event.audience).includeEmployees,
      attendedEventId: event.id,
    },
    closesAt: closesAt.toISOString(),
  });
  await setFollowUpSurvey(ctx, eventId, survey.id);
  return survey;
}

/**
 * Sends the event's survey to its attendees (job event.follow_up_survey): once, after the end, never for
 * a cancelled event. The event is marked in the same transaction as the sending, so a repeated or
 * retried job sends nothing more; a draft survey is opened first, a closed one is not sent.
 */
export async function sendFollowUpSurvey(deps: Deps, data: FollowUpJob): Promise<number> {
  const [tenant] = await deps.database.db.select().from(tenants).where(eq(tenants.id, data.tenantId));
  if (!tenant) return 0;
  return inTenant(deps.database.db, tenant.id, async (tx) => {
    const [event] = await tx
      .select()
      .from(events)
      .where(and(eq(events.tenantId, tenant.id), eq(events.id, data.eventId)))
      .for('update');
    if (event?.status !== 'published' || !event.surveyId || event.surveySentAt) return 0;
    if (event.endsAt.getTime() > Date.now()) return 0;
    const ctx = await organiserContext(deps, tx, tenant, event);
    const survey = await loadSurvey(ctx, event.surveyId);
    if (survey.status === 'closed') return 0;
    if (survey.status === 'draft') await changeSurveyStatus(ctx, survey.id, 'open');
    await tx
      .update(events)
      .set({ surveySentAt: new Date() })
      .where(and(eq(events.tenantId, tenant.id), eq(events.id, event.id), isNull(events.surveySentAt)));
    const sent = await sendSurvey(ctx, survey.id);
    await auditEvent(ctx, 'event.survey_sent', event.id, { surveyId: survey.id, ...sent });
    return sent.inApp;
  });
}
