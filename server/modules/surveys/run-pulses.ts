import { and, eq } from 'drizzle-orm';
import { surveyPulseStages, surveys, tenants } from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import type { Deps } from '../../platform/http/env.js';
import { deliver } from '../programmes/delivery/deliver.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { isAcceptingAnswers, readSurvey, type Survey } from './load-survey.js';
import { surveyMail } from './survey-mail.js';

const DAY = 86_400_000;

/** Today's date in Japan, as the calendar the leaving dates are written in. */
export function japanToday(now: Date): Date {
  const japan = new Date(now.getTime() + 9 * 3_600_000);
  return new Date(Date.UTC(japan.getUTCFullYear(), japan.getUTCMonth(), japan.getUTCDate()));
}

/** `months` calendar months before a date, clamped to the month's last day (5-31 minus 3 months is 2-28/29). */
export function monthsBefore(day: Date, months: number): Date {
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth() - months;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(day.getUTCDate(), last)));
}

const iso = (day: Date) => day.toISOString().slice(0, 10);

/**
 * The leaving dates a stage is due for today: its mark (leaving date + months) has come, and its window
 * (windowDays after the mark) has not yet passed. A record imported late is caught up only while that
 * window is open; a daily run missed is made good by the next, within the window.
 */
export function dueLeavingDates(today: Date, months: number, windowDays: number) {
  const to = monthsBefore(today, months);
  return { from: iso(new Date(to.getTime() - windowDays * DAY)), to: iso(to) };
}

/**
 * The daily pulse run: for every network and enabled stage with an open survey, delivers the survey to
 * the people the stage is due for (members in the app and by e-mail, records that have not joined by an
 * e-mailed single-use link; e-mail only with consent). Deliveries are keyed by the stage, so each person
 * gets each stage once, however often this runs. Returns how many were newly reached.
 */
export async function runPulses(deps: Deps, now = new Date(), signal?: AbortSignal): Promise<number> {
  let reached = 0;
  const today = japanToday(now);
  const networks = await deps.database.db.select().from(tenants);
  for (const tenant of networks) {
    if (signal?.aborted) break;
    reached += await inTenant(deps.database.db, tenant.id, async (tx) => {
      const stages = await tx
        .select({ stage: surveyPulseStages, survey: surveys })
        .from(surveyPulseStages)
        .innerJoin(
          surveys,
          and(eq(surveys.tenantId, surveyPulseStages.tenantId), eq(surveys.id, surveyPulseStages.surveyId)),
        )
        .where(and(eq(surveyPulseStages.tenantId, tenant.id), eq(surveyPulseStages.enabled, true)));
      let count = 0;
      for (const { stage, survey: row } of stages) {
        const survey = readSurvey(row);
        if (!isAcceptingAnswers(survey, now)) continue;
        count += await sendStage(
          { deps, tx, tenant },
          stage,
          survey,
          dueLeavingDates(today, stage.months, stage.windowDays),
        );
      }
      return count;
    });
  }
  return reached;
}

async function sendStage(
  ctx: Pick<TenantServiceContext, 'deps' | 'tx' | 'tenant'>,
  stage: typeof surveyPulseStages.$inferSelect,
  survey: Survey,
  leftBetween: { from: string; to: string },
): Promise<number> {
  const title = survey.texts.title;
  const result = await deliver(
    { deps: ctx.deps, tx: ctx.tx, tenant: ctx.tenant, actor: { membershipId: null } },
    {
      programme: { kind: 'pulse', id: stage.id },
      spec: { ...survey.audience, records: true },
      leftBetween,
      purpose: 'company_contact',
      channels: ['inApp', 'email'],
      notification: {
        kind: 'survey_invited',
        targetType: 'survey',
        targetId: survey.id,
        data: { title: title.ja },
      },
      mail: surveyMail(ctx.tenant, survey, stage.months),
      survey: { id: survey.id },
    },
  );
  return Math.max(result.inApp.delivered, result.email.queued);
}

/** Runs the pulses as the durable daily job. */
export function registerPulseJobs(deps: Deps): void {
  deps.jobs.handle('surveys.pulse', async (_data, signal) => {
    const reached = await runPulses(deps, new Date(), signal);
    if (reached > 0) deps.logger.info({ reached }, 'pulse surveys sent');
  });
}
