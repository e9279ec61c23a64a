import { z } from '@hono/zod-openapi';
import { surveyAnonymities, surveyStatuses } from '../../db/schema/index.js';
import { AudienceSpecSchema } from '../programmes/audience/audience-spec.js';

export const questionTypes = [
  'single',
  'multiple',
  'scale',
  'nps',
  'short_text',
  'long_text',
  'date',
] as const;
export type QuestionType = (typeof questionTypes)[number];
export const choiceTypes: ReadonlySet<QuestionType> = new Set(['single', 'multiple']);

/** Wording in Japanese and, where the network uses it, English; an empty English text shows the Japanese. */
const wording = (max: number) =>
  z.strictObject({ ja: z.string().trim().min(1).max(max), en: z.string().trim().max(max).default('') });
const optionalWording = (max: number) =>
  z.strictObject({ ja: z.string().trim().max(max).default(''), en: z.string().trim().max(max).default('') });

const KeySchema = z
  .string()
  .regex(/^[a-z0-9_-]{1,40}$/i)
  .openapi({ description: 'A short key, unique in its survey (e.g. q1)' });

export const QuestionOptionSchema = z.strictObject({ id: KeySchema, label: wording(200) });

export const QuestionSchema = z
  .strictObject({
    id: KeySchema,
    type: z.enum(questionTypes),
    required: z.boolean().default(false),
    text: wording(500),
    /** Choices of a single or multiple choice question (2–20). */
    options: z.array(QuestionOptionSchema).max(20).default([]),
    /** Shown only when an earlier choice question was answered with one of these options. */
    showIf: z
      .strictObject({ questionId: KeySchema, optionIds: z.array(KeySchema).min(1).max(20) })
      .nullable()
      .default(null),
    /**
     * A single choice question that asks whether they would come back: a named answer with one of `yes`
     * (or `no`) sets the linked registry record's would-return to yes (or no), with history naming the
     * survey. At most one per survey; named surveys only.
     */
    wouldReturn: z
      .strictObject({ yes: z.array(KeySchema).max(20), no: z.array(KeySchema).max(20) })
      .nullable()
      .default(null),
  })
  .openapi('SurveyQuestion');
export type Question = z.infer<typeof QuestionSchema>;

export const SurveyTextsSchema = z.strictObject({
  title: wording(120),
  welcome: optionalWording(2000),
  thanks: optionalWording(2000),
});
export type SurveyTexts = z.infer<typeof SurveyTextsSchema>;

/** Where a question list is inconsistent, as a field path and a message key. */
export type DefinitionIssue = {
  path: string;
  code:
    | 'survey_duplicate_key'
    | 'survey_options_needed'
    | 'survey_options_unexpected'
    | 'survey_condition_invalid'
    | 'survey_would_return_invalid';
};

/** Keys unique, options only on choice questions, conditions only on an earlier choice question's options. */
export function definitionIssues(questions: readonly Question[]): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const seen = new Map<string, Question>();
  questions.forEach((question, index) => {
    const at = `questions.${index}`;
    if (seen.has(question.id)) issues.push({ path: `${at}.id`, code: 'survey_duplicate_key' });
    const optionIds = new Set(question.options.map((option) => option.id));
    if (optionIds.size !== question.options.length)
      issues.push({ path: `${at}.options`, code: 'survey_duplicate_key' });
    if (choiceTypes.has(question.type) && question.options.length < 2)
      issues.push({ path: `${at}.options`, code: 'survey_options_needed' });
    if (!choiceTypes.has(question.type) && question.options.length > 0)
      issues.push({ path: `${at}.options`, code: 'survey_options_unexpected' });
    if (question.showIf) {
      const earlier = seen.get(question.showIf.questionId);
      const known = new Set(earlier?.options.map((option) => option.id));
      if (!earlier || !choiceTypes.has(earlier.type) || !question.showIf.optionIds.every((o) => known.has(o)))
        issues.push({ path: `${at}.showIf`, code: 'survey_condition_invalid' });
    }
    if (question.wouldReturn) {
      const { yes, no } = question.wouldReturn;
      const named = [...yes, ...no];
      if (
        question.type !== 'single' ||
        named.length === 0 ||
        new Set(named).size !== named.length ||
        !named.every((o) => optionIds.has(o)) ||
        questions.findIndex((q) => q.wouldReturn) !== index
      )
        issues.push({ path: `${at}.wouldReturn`, code: 'survey_would_return_invalid' });
    }
    if (!seen.has(question.id)) seen.set(question.id, question);
  });
  return issues;
}

export const SurveyInputSchema = z
  .strictObject({
    texts: SurveyTextsSchema,
    questions: z.array(QuestionSchema).max(50),
    anonymity: z.enum(surveyAnonymities),
    audience: AudienceSpecSchema.default(AudienceSpecSchema.parse({})),
    closesAt: z.iso.datetime({ offset: true }).nullable().default(null),
  })
  .openapi('SurveyInput');
export type SurveyInput = z.infer<typeof SurveyInputSchema>;

export const SurveyStatusInputSchema = z.strictObject({ status: z.enum(['open', 'closed']) });

/** An answer as sent: an option key, option keys, a number, a text or an ISO date, by question type. */
export const AnswerValueSchema = z.union([
  z.string().max(5000),
  z.array(z.string().max(40)).max(20),
  z.number(),
]);
export const AnswersSchema = z
  .record(KeySchema, AnswerValueSchema)
  .openapi('SurveyAnswers', { description: 'Answers by question key' });
export type Answers = z.infer<typeof AnswersSchema>;
export const AnswersInputSchema = z.strictObject({ answers: AnswersSchema });

export { surveyStatuses };
