import { z } from '@hono/zod-openapi';
import { surveyAnonymities, surveyStatuses } from '../../db/schema/index.js';
import type { Locale } from '../../platform/i18n/messages.js';
import { AudienceSpecSchema } from '../programmes/audience/audience-spec.js';
import type { MySurvey } from './answer-surveys.js';
import { effectiveStatus, isAcceptingAnswers, type Survey } from './load-survey.js';
import type { BreakdownGroup, QuestionSummary, surveyResults } from './survey-results.js';
import { AnswersSchema, QuestionSchema, questionTypes, SurveyTextsSchema } from './survey-schemas.js';

const stamp = (value: Date | null) => (value ? value.toISOString() : null);

export const StaffSurveySchema = z
  .object({
    id: z.uuid(),
    texts: SurveyTextsSchema,
    questions: z.array(QuestionSchema),
    audience: AudienceSpecSchema,
    anonymity: z.enum(surveyAnonymities),
    /** draft, open or closed; an open survey past its closing time is reported closed. */
    status: z.enum(surveyStatuses),
    closesAt: z.string().nullable(),
    openedAt: z.string().nullable(),
    createdAt: z.string(),
    responses: z.number().int(),
  })
  .openapi('StaffSurvey');

export function presentStaffSurvey(survey: Survey, responses: number): z.infer<typeof StaffSurveySchema> {
  return {
    id: survey.id,
    texts: survey.texts,
    questions: survey.questions,
    audience: survey.audience,
    anonymity: survey.anonymity,
    status: effectiveStatus(survey),
    closesAt: stamp(survey.closesAt),
    openedAt: stamp(survey.openedAt),
    createdAt: survey.createdAt.toISOString(),
    responses,
  };
}

const inLocale = (wording: { ja: string; en: string }, locale: Locale) =>
  locale === 'en' && wording.en !== '' ? wording.en : wording.ja;

export const MemberSurveySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    welcome: z.string(),
    thanks: z.string(),
    anonymity: z.enum(surveyAnonymities),
    closesAt: z.string().nullable(),
    /** Whether answers are accepted now. */
    accepting: z.boolean(),
    state: z.enum(['not_started', 'draft', 'submitted']),
    questions: z.array(
      z.object({
        id: z.string(),
        type: z.enum(questionTypes),
        required: z.boolean(),
        text: z.string(),
        options: z.array(z.object({ id: z.string(), label: z.string() })),
        showIf: z.object({ questionId: z.string(), optionIds: z.array(z.string()) }).nullable(),
      }),
    ),
    /** The member's saved draft (named surveys only). */
    draft: AnswersSchema.nullable(),
  })
  .openapi('MemberSurvey');

/** What a member sees: wording in their language (Japanese where no English was written), no audience. */
export function presentMemberSurvey(mine: MySurvey, locale: Locale): z.infer<typeof MemberSurveySchema> {
  const { survey } = mine;
  return {
    id: survey.id,
    title: inLocale(survey.texts.title, locale),
    welcome: inLocale(survey.texts.welcome, locale),
    thanks: inLocale(survey.texts.thanks, locale),
    anonymity: survey.anonymity,
    closesAt: stamp(survey.closesAt),
    accepting: isAcceptingAnswers(survey),
    state: mine.state,
    questions: survey.questions.map((question) => ({
      id: question.id,
      type: question.type,
      required: question.required,
      text: inLocale(question.text, locale),
      options: question.options.map((option) => ({ id: option.id, label: inLocale(option.label, locale) })),
      showIf: question.showIf,
    })),
    draft: mine.draft,
  };
}

const TextAnswerSchema = z.object({ text: z.string(), respondent: z.string().nullable() });

/** A page of one question's written answers; the cursor is opaque and names no answer. */
export const SurveyTextAnswersSchema = z
  .object({ answers: z.array(TextAnswerSchema), nextCursor: z.string().nullable() })
  .openapi('SurveyTextAnswers');

const QuestionSummarySchema = z
  .discriminatedUnion('kind', [
    z.object({
      questionId: z.string(),
      kind: z.literal('choices'),
      answered: z.number().int(),
      counts: z.record(z.string(), z.number().int()),
    }),
    z.object({
      questionId: z.string(),
      kind: z.literal('scale'),
      answered: z.number().int(),
      distribution: z.array(z.number().int()),
      average: z.number().nullable(),
    }),
    z.object({
      questionId: z.string(),
      kind: z.literal('nps'),
      answered: z.number().int(),
      distribution: z.array(z.number().int()),
      promoters: z.number().int(),
      passives: z.number().int(),
      detractors: z.number().int(),
      score: z.number().int().nullable(),
    }),
    z.object({
      questionId: z.string(),
      kind: z.literal('texts'),
      answered: z.number().int(),
      answers: z.array(TextAnswerSchema),
      /** Set when more answers match than are listed: pass it to …/results/texts for the next ones. */
      nextCursor: z.string().nullable(),
    }),
  ])
  .openapi('SurveyQuestionSummary');

const BreakdownGroupSchema = z.object({
  /**
   * The department, leaving year or segment name; null for those without a department or year (or, as
   * `other`, the folded small groups). Segments overlap: one response can count in several.
   */
  label: z.string().nullable(),
  responses: z.number().int(),
  questions: z.array(QuestionSummarySchema),
});

export const SurveyResultsSchema = z
  .object({
    survey: StaffSurveySchema,
    responses: z.number().int(),
    /** Since the first sending, per day in Japan: people first asked, and answers submitted. */
    perDay: z.array(z.object({ day: z.string(), invited: z.number().int(), responses: z.number().int() })),
    questions: z.array(QuestionSummarySchema),
    breakdown: z
      .object({
        by: z.enum(['department', 'leftYear', 'segment']),
        groups: z.array(BreakdownGroupSchema),
        /**
         * Groups too small to show on their own in an anonymous survey, together (null if still too small,
         * and always null by segment: overlapping segments are not folded).
         */
        other: BreakdownGroupSchema.nullable(),
      })
      .nullable(),
  })
  .openapi('SurveyResults');

export function presentResults(results: Awaited<ReturnType<typeof surveyResults>>) {
  const group = (g: BreakdownGroup) => ({
    label: g.label,
    responses: g.responses,
    questions: g.questions as QuestionSummary[],
  });
  return {
    survey: presentStaffSurvey(results.survey, results.responses),
    responses: results.responses,
    perDay: results.perDay,
    questions: results.questions,
    breakdown: results.breakdown
      ? {
          by: results.breakdown.by,
          groups: results.breakdown.groups.map(group),
          other: results.breakdown.other ? group(results.breakdown.other) : null,
        }
      : null,
  };
}
