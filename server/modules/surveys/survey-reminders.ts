import { z } from '@hono/zod-openapi';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { queryRows } from '../../db/raw.js';
import { surveyParticipations, surveyReminders, tenants } from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import { recordAudit } from '../../platform/audit.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import type { Deps } from '../../platform/http/env.js';
import { deliver } from '../programmes/delivery/deliver.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { participationHash } from './answer-surveys.js';
import { isAcceptingAnswers, loadSurvey, type Survey } from './load-survey.js';
import { surveyReminderMail } from './survey-mail.js';

const DAY = 86_400_000;
/** Reminders waiting at once for one survey: enough for "a week after" and "3 days before" and a few more. */
const MAX_SCHEDULED = 5;

export const ReminderInputSchema = z
  .strictObject({
    /** now: at once ("未回答者にリマインド"); after_sending / before_closing: `days` from the first sending / to the closing time. */
    timing: z.enum(['now', 'after_sending', 'before_closing']),
    days: z.number().int().min(1).max(60).optional(),
  })
  .openapi('SurveyReminderInput');
export type ReminderInput = z.infer<typeof ReminderInputSchema>;

export const SurveyReminderSchema = z
  .object({
    id: z.uuid(),
    timing: z.enum(['now', 'after_sending', 'before_closing']),
    days: z.number().int().nullable(),
    dueAt: z.iso.datetime(),
    status: z.enum(['scheduled', 'sent', 'skipped', 'cancelled']),
    /** How many were mailed (once it has run). */
    reached: z.number().int().nullable(),
  })
  .openapi('SurveyReminder');

type ReminderRow = typeof surveyReminders.$inferSelect;

export function presentReminder(row: ReminderRow): z.infer<typeof SurveyReminderSchema> {
  return {
    id: row.id,
    timing: row.timing,
    days: row.days,
    dueAt: row.dueAt.toISOString(),
    status: row.status,
    reached: row.reached,
  };
}

/** The programmes a survey was asked by: staff's sending and any pulse stage that uses it. */
export const askedBy = (tenantId: string, surveyId: string) => sql`pd.tenant_id = ${tenantId}
  and ((pd.programme_kind = 'survey' and pd.programme_id = ${surveyId}::uuid)
    or (pd.programme_kind = 'pulse' and pd.programme_id in (select ps.id from survey_pulse_stages ps
      where ps.tenant_id = ${tenantId} and ps.survey_id = ${surveyId}::uuid)))`;

/** When the survey was first sent to anyone; null if it never was. */
async function firstSentAt(tx: Queryable, tenantId: string, surveyId: string): Promise<Date | null> {
  const [row] = await queryRows<{ at: Date | string | null }>(
    tx,
    sql`select min(pd.created_at) as at from programme_deliveries pd where ${askedBy(tenantId, surveyId)}`,
  );
  return row?.at ? new Date(row.at) : null;
}

export async function listReminders(ctx: Pick<TenantServiceContext, 'tx' | 'tenant'>, surveyId: string) {
  await loadSurvey(ctx, surveyId);
  return ctx.tx
    .select()
    .from(surveyReminders)
    .where(and(eq(surveyReminders.tenantId, ctx.tenant.id), eq(surveyReminders.surveyId, surveyId)))
    .orderBy(asc(surveyReminders.dueAt));
}

/**
 * Schedules a reminder of a survey that has been sent and is still open, as a durable job queued in the
 * same transaction. Its time must fall before the closing time (a reminder after it would ask for an
 * answer that can no longer be given); audited.
 */
export async function scheduleReminder(ctx: TenantServiceContext, surveyId: string, input: ReminderInput) {
  const survey = await loadSurvey(ctx, surveyId, { forUpdate: true });
  if (!isAcceptingAnswers(survey)) throw conflict('survey_closed');
  const sentAt = await firstSentAt(ctx.tx, ctx.tenant.id, survey.id);
  if (!sentAt) throw conflict('survey_reminder_not_sent');
  const now = new Date();
  if (input.timing !== 'now' && input.days === undefined)
    throw invalid([{ path: 'days', code: 'field_required' }]);
  if (input.timing === 'before_closing' && !survey.closesAt)
    throw invalid([{ path: 'timing', code: 'survey_reminder_no_closing' }]);
  const days = input.timing === 'now' ? null : (input.days ?? 0);
  const dueAt =
    input.timing === 'now'
      ? now
      : input.timing === 'after_sending'
        ? new Date(sentAt.getTime() + (days ?? 0) * DAY)
        : new Date((survey.closesAt as Date).getTime() - (days ?? 0) * DAY);
  if (input.timing !== 'now' && dueAt <= now) throw invalid([{ path: 'days', code: 'survey_reminder_past' }]);
  if (survey.closesAt && dueAt >= survey.closesAt)
    throw invalid([{ path: 'days', code: 'survey_reminder_after_closing' }]);
  const waiting = await ctx.tx
    .select({ id: surveyReminders.id })
    .from(surveyReminders)
    .where(
      and(
        eq(surveyReminders.tenantId, ctx.tenant.id),
        eq(surveyReminders.surveyId, survey.id),
        eq(surveyReminders.status, 'scheduled'),
      ),
    );
  if (waiting.length >= MAX_SCHEDULED) throw conflict('survey_reminder_limit');
  const [reminder] = await ctx.tx
    .insert(surveyReminders)
    .values({
      tenantId: ctx.tenant.id,
      surveyId: survey.id,
      timing: input.timing,
      days,
      dueAt,
      createdBy: ctx.actor.membershipId,
    })
    .returning();
  await ctx.deps.jobs.send(
    ctx.tx,
    'surveys.remind',
    { tenantId: ctx.tenant.id, reminderId: reminder!.id },
    input.timing === 'now' ? {} : { startAfter: dueAt },
  );
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'survey.reminder_scheduled',
    targetType: 'survey',
    targetId: survey.id,
    data: { timing: input.timing, days, dueAt: dueAt.toISOString() },
    ipAddress: ctx.ipAddress,
  });
  return reminder!;
}

/** Cancels a reminder that has not run yet (its job then finds it cancelled and sends nothing); audited. */
export async function cancelReminder(ctx: TenantServiceContext, surveyId: string, reminderId: string) {
  await loadSurvey(ctx, surveyId);
  const [row] = await ctx.tx
    .select()
    .from(surveyReminders)
    .where(
      and(
        eq(surveyReminders.tenantId, ctx.tenant.id),
        eq(surveyReminders.surveyId, surveyId),
        eq(surveyReminders.id, reminderId),
      ),
    )
    .for('update');
  if (!row) throw notFound();
  if (row.status !== 'scheduled') throw conflict('survey_reminder_not_scheduled');
  const [cancelled] = await ctx.tx
    .update(surveyReminders)
    .set({ status: 'cancelled', doneAt: new Date() })
    .where(and(eq(surveyReminders.tenantId, ctx.tenant.id), eq(surveyReminders.id, row.id)))
    .returning();
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'survey.reminder_cancelled',
    targetType: 'survey',
    targetId: surveyId,
    data: { dueAt: row.dueAt.toISOString() },
    ipAddress: ctx.ipAddress,
  });
  return cancelled!;
}

/**
 * Who of those asked has answered, as a condition over the audience row `n`. A named survey reads its
 * responses. An anonymous one reads only the one-time tokens: each asked person's keyed hash is compared
 * with the tokens used, and a record's link says whether it was used; no response is looked at.
 */
async function notAnswered(tx: Queryable, tenantId: string, survey: Survey): Promise<SQL> {
  const linkUsed = sql`exists (select 1 from survey_invitations si where si.tenant_id = ${tenantId}
    and si.survey_id = ${survey.id}::uuid and si.record_id = n.record_id and si.answered)`;
  if (survey.anonymity === 'named') {
    return sql`not ${linkUsed} and not exists (select 1 from survey_responses sr
      where sr.tenant_id = ${tenantId} and sr.survey_id = ${survey.id}::uuid and sr.status = 'submitted'
        and (sr.membership_id = n.membership_id or sr.record_id = n.record_id))`;
  }
  const asked = await queryRows<{ id: string; kind: 'member' | 'record' }>(
    tx,
    sql`select distinct pd.recipient_id as id, pd.recipient_kind as kind from programme_deliveries pd
      where ${askedBy(tenantId, survey.id)}`,
  );
  const used = await tx
    .select({ hash: surveyParticipations.tokenHash })
    .from(surveyParticipations)
    .where(and(eq(surveyParticipations.tenantId, tenantId), eq(surveyParticipations.surveyId, survey.id)));
  const usedHashes = new Set(used.map((row) => Buffer.from(row.hash).toString('hex')));
  const answered = asked
    .filter((person) => {
      const key = person.kind === 'member' ? person.id : `record:${person.id}`;
      return usedHashes.has(Buffer.from(participationHash(survey, key)).toString('hex'));
    })
    .map((person) => person.id);
  return sql`not ${linkUsed}
    and coalesce(n.membership_id, n.record_id) <> all(${`{${answered.join(',')}}`}::uuid[])`;
}

type ReminderJob = { tenantId: string; reminderId: string };

/**
 * Runs one reminder (job surveys.remind): mails those asked to answer (by staff's sending or a pulse) who
 * have not, with contact consent still held (the audience leaves out whoever unsubscribed or withdrew).
 * Members find the survey in the app; a record gets a fresh single-use link (only the newest link's hash
 * is kept, so the earlier one stops working). A reminder runs once: its status is set in the same
 * transaction, and its deliveries are keyed by its id. Returns how many were mailed.
 */
export async function runReminder(deps: Deps, data: ReminderJob, now = new Date()): Promise<number> {
  const [tenant] = await deps.database.db.select().from(tenants).where(eq(tenants.id, data.tenantId));
  if (!tenant) return 0;
  return inTenant(deps.database.db, tenant.id, async (tx) => {
    const [reminder] = await tx
      .select()
      .from(surveyReminders)
      .where(and(eq(surveyReminders.tenantId, tenant.id), eq(surveyReminders.id, data.reminderId)))
      .for('update');
    if (reminder?.status !== 'scheduled') return 0;
    const survey = await loadSurvey({ tx, tenant }, reminder.surveyId);
    const finish = (status: 'sent' | 'skipped', reached: number) =>
      tx
        .update(surveyReminders)
        .set({ status, reached: sql`coalesce(${surveyReminders.reached}, 0) + ${reached}`, doneAt: now })
        .where(and(eq(surveyReminders.tenantId, tenant.id), eq(surveyReminders.id, reminder.id)));
    if (!isAcceptingAnswers(survey, now)) {
      await finish('skipped', 0);
      return 0;
    }
    const only = sql`exists (select 1 from programme_deliveries pd
        where ${askedBy(tenant.id, survey.id)} and pd.recipient_id = coalesce(n.membership_id, n.record_id))
      and ${await notAnswered(tx, tenant.id, survey)}`;
    const result = await deliver(
      { deps, tx, tenant, actor: { membershipId: null } },
      {
        programme: { kind: 'survey_reminder', id: reminder.id },
        // Records are named so those a pulse reached by link are reminded too; `only` narrows to the asked.
        spec: { ...survey.audience, records: true },
        only,
        purpose: 'company_contact',
        channels: ['email'],
        // Only for the member's choice of mails for survey requests; reminders do not ring the bell.
        notification: { kind: 'survey_invited', targetType: 'survey', targetId: survey.id },
        mail: surveyReminderMail(tenant, survey),
        survey: { id: survey.id },
      },
    );
    await finish('sent', result.email.queued);
    return result.email.queued;
  });
}

export function registerReminderJobs(deps: Deps): void {
  deps.jobs.handle('surveys.remind', async (data) => {
    const reached = await runReminder(deps, data as ReminderJob);
    if (reached > 0) deps.logger.info({ reached }, 'survey reminders sent');
  });
}
