import { and, eq } from 'drizzle-orm';
import { surveys } from '../../db/schema/index.js';
import { notFound } from '../../platform/errors.js';
import { type AudienceSpec, AudienceSpecSchema } from '../programmes/audience/audience-spec.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { type Question, QuestionSchema, type SurveyTexts, SurveyTextsSchema } from './survey-schemas.js';

type SurveyRow = typeof surveys.$inferSelect;

/** A stored survey with its JSON read back through the schemas that wrote it. */
export type Survey = Omit<SurveyRow, 'texts' | 'questions' | 'audience'> & {
  texts: SurveyTexts;
  questions: Question[];
  audience: AudienceSpec;
};

export function readSurvey(row: SurveyRow): Survey {
  return {
    ...row,
    texts: SurveyTextsSchema.parse(row.texts),
    questions: QuestionSchema.array().parse(row.questions),
    audience: AudienceSpecSchema.parse(row.audience),
  };
}

/** Whether members may answer now: open, and its closing time (if any) not yet reached. */
export function isAcceptingAnswers(survey: Pick<Survey, 'status' | 'closesAt'>, now = new Date()): boolean {
  return survey.status === 'open' && (survey.closesAt === null || survey.closesAt > now);
}

/** The status people see: an open survey past its closing time is closed. */
export function effectiveStatus(survey: Pick<Survey, 'status' | 'closesAt'>, now = new Date()) {
  return survey.status === 'open' && !isAcceptingAnswers(survey, now) ? 'closed' : survey.status;
}

export async function loadSurvey(
  ctx: Pick<TenantServiceContext, 'tx' | 'tenant'>,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Survey> {
  const query = ctx.tx
    .select()
    .from(surveys)
    .where(and(eq(surveys.tenantId, ctx.tenant.id), eq(surveys.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound();
  return readSurvey(row);
}
