import { z } from '@hono/zod-openapi';
import { and, asc, eq, sql } from 'drizzle-orm';
import { surveyPulseStages, surveys } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { type FieldError, invalid } from '../../platform/errors.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { isAcceptingAnswers, readSurvey } from './load-survey.js';

export const PulseStageInputSchema = z.strictObject({
  /** Months after the leaving date (1–60). */
  months: z.number().int().min(1).max(60),
  surveyId: z.uuid(),
  enabled: z.boolean().default(true),
  /** How many days after the mark a record (e.g. imported late) is still sent this stage (1–90). */
  windowDays: z.number().int().min(1).max(90).default(30),
});
export const PulseSettingsInputSchema = z
  .strictObject({ stages: z.array(PulseStageInputSchema).max(12) })
  .openapi('PulseSettingsInput');
export type PulseSettingsInput = z.infer<typeof PulseSettingsInputSchema>;

export const PulseStageSchema = z
  .object({
    id: z.uuid(),
    months: z.number().int(),
    surveyId: z.uuid(),
    surveyTitle: z.string(),
    enabled: z.boolean(),
    windowDays: z.number().int(),
  })
  .openapi('PulseStage');

/** The network's pulse stages, earliest first, with the title of each stage's survey. */
export async function listPulseStages(ctx: Pick<TenantServiceContext, 'tx' | 'tenant'>) {
  const rows = await ctx.tx
    .select({ stage: surveyPulseStages, survey: surveys })
    .from(surveyPulseStages)
    .innerJoin(
      surveys,
      and(eq(surveys.tenantId, surveyPulseStages.tenantId), eq(surveys.id, surveyPulseStages.surveyId)),
    )
    .where(eq(surveyPulseStages.tenantId, ctx.tenant.id))
    .orderBy(asc(surveyPulseStages.months));
  return rows.map(({ stage, survey }) => ({ stage, survey: readSurvey(survey) }));
}

export function presentPulseStage(row: Awaited<ReturnType<typeof listPulseStages>>[number]) {
  return {
    id: row.stage.id,
    months: row.stage.months,
    surveyId: row.survey.id,
    surveyTitle: row.survey.texts.title.ja,
    enabled: row.stage.enabled,
    windowDays: row.stage.windowDays,
  };
}

/**
 * Replaces the pulse settings. A stage keeps its id for its number of months (stages left out are turned
 * off, never deleted), so a person sent the 3-month pulse is never sent it again, whatever is changed later.
 * An enabled stage needs an open survey, and no survey serves two stages.
 */
export async function savePulseStages(ctx: TenantServiceContext, input: PulseSettingsInput) {
  // Each save replaces the whole set: two at once must not both find the stages free and leave one
  // survey serving two stages, so saves of one network take turns.
  await ctx.tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`survey-pulses:${ctx.tenant.id}`}, 0))`,
  );
  const issues: FieldError[] = [];
  const months = new Set<number>();
  const used = new Set<string>();
  for (const [index, stage] of input.stages.entries()) {
    if (months.has(stage.months))
      issues.push({ path: `stages.${index}.months`, code: 'survey_duplicate_key' });
    if (used.has(stage.surveyId))
      issues.push({ path: `stages.${index}.surveyId`, code: 'pulse_survey_taken' });
    months.add(stage.months);
    used.add(stage.surveyId);
    const [row] = await ctx.tx
      .select()
      .from(surveys)
      .where(and(eq(surveys.tenantId, ctx.tenant.id), eq(surveys.id, stage.surveyId)));
    if (!row || (stage.enabled && !isAcceptingAnswers(readSurvey(row))))
      issues.push({ path: `stages.${index}.surveyId`, code: 'pulse_survey_not_open' });
  }
  if (issues.length > 0) throw invalid(issues);
  await ctx.tx
    .update(surveyPulseStages)
    .set({ enabled: false, updatedAt: new Date() })
    .where(eq(surveyPulseStages.tenantId, ctx.tenant.id));
  for (const stage of input.stages) {
    await ctx.tx
      .insert(surveyPulseStages)
      .values({ tenantId: ctx.tenant.id, ...stage })
      .onConflictDoUpdate({
        target: [surveyPulseStages.tenantId, surveyPulseStages.months],
        set: {
          surveyId: stage.surveyId,
          enabled: stage.enabled,
          windowDays: stage.windowDays,
          updatedAt: new Date(),
        },
      });
  }
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'survey_pulses.changed',
    targetType: 'tenant',
    targetId: ctx.tenant.id,
    data: { stages: input.stages },
    ipAddress: ctx.ipAddress,
  });
  return listPulseStages(ctx);
}
