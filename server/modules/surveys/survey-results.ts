import { and, asc, eq } from 'drizzle-orm';
import { memberships, surveyResponses } from '../../db/schema/index.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { loadSurvey, type Survey } from './load-survey.js';
import type { Question } from './survey-schemas.js';
import type { StoredAnswer, StoredAnswers } from './validate-answers.js';

/** Results of an anonymous survey are never shown for fewer people than this. */
export const MIN_ANONYMOUS_GROUP = 5;

export type BreakdownKey = 'department' | 'leftYear';
type Facts = { department?: string | null; leftYear?: number | null };
export type ResponseRow = {
  answers: StoredAnswers;
  facts: Facts;
  submittedOn: string | null;
  respondent: string | null;
};

export type QuestionSummary =
  | { questionId: string; kind: 'choices'; answered: number; counts: Record<string, number> }
  | { questionId: string; kind: 'scale'; answered: number; distribution: number[]; average: number | null }
  | {
      questionId: string;
      kind: 'nps';
      answered: number;
      distribution: number[];
      promoters: number;
      passives: number;
      detractors: number;
      /** % promoters (9–10) − % detractors (0–6), rounded; null without answers. */
      score: number | null;
    }
  | {
      questionId: string;
      kind: 'texts';
      answered: number;
      /** The answers matching the search (all without one), newest first; at most 500. */
      answers: { text: string; respondent: string | null }[];
    };

const TEXT_LIST_MAX = 500;
const searchKey = (text: string) => text.normalize('NFKC').toLowerCase();

function summarise(question: Question, rows: readonly ResponseRow[], search: string | null): QuestionSummary {
  const given = rows.filter((row) => row.answers[question.id] !== undefined);
  const values = given.map((row) => row.answers[question.id] as StoredAnswer);
  const answered = given.length;
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const counts: Record<string, number> = Object.fromEntries(question.options.map((o) => [o.id, 0]));
      for (const value of values)
        for (const option of Array.isArray(value) ? value : [String(value)])
          if (option in counts) counts[option] = (counts[option] ?? 0) + 1;
      return { questionId: question.id, kind: 'choices', answered, counts };
    }
    case 'scale': {
      const distribution = [0, 0, 0, 0, 0];
      for (const value of values)
        distribution[Number(value) - 1] = (distribution[Number(value) - 1] ?? 0) + 1;
      const total = values.reduce<number>((sum, value) => sum + Number(value), 0);
      const average = answered > 0 ? Math.round((total / answered) * 100) / 100 : null;
      return { questionId: question.id, kind: 'scale', answered, distribution, average };
    }
    case 'nps': {
      const distribution = Array.from({ length: 11 }, () => 0);
      for (const value of values) distribution[Number(value)] = (distribution[Number(value)] ?? 0) + 1;
      const promoters = values.filter((value) => Number(value) >= 9).length;
      const detractors = values.filter((value) => Number(value) <= 6).length;
      const score = answered > 0 ? Math.round(((promoters - detractors) / answered) * 100) : null;
      return {
        questionId: question.id,
        kind: 'nps',
        answered,
        distribution,
        promoters,
        passives: answered - promoters - detractors,
        detractors,
        score,
      };
    }
    default: {
      const key = search ? searchKey(search) : null;
      const answers = given
        .map((row) => ({ text: String(row.answers[question.id]), respondent: row.respondent }))
        .filter((answer) => key === null || searchKey(answer.text).includes(key))
        .slice(0, TEXT_LIST_MAX);
      return { questionId: question.id, kind: 'texts', answered, answers };
    }
  }
}

export type BreakdownGroup = { label: string | null; responses: number; questions: QuestionSummary[] };

/**
 * Groups of responses by department or leaving year. In an anonymous survey a group smaller than
 * MIN_ANONYMOUS_GROUP is folded into "other", and while "other" itself holds 1–4 people the next
 * smallest group joins it, so no small group can be worked out by subtracting the shown ones from the
 * totals. Texts are never broken down (a sentence can name its writer).
 */
export function breakdown(
  survey: Pick<Survey, 'anonymity' | 'questions'>,
  rows: readonly ResponseRow[],
  by: BreakdownKey,
): { groups: BreakdownGroup[]; other: BreakdownGroup | null } {
  const buckets = new Map<string, ResponseRow[]>();
  for (const row of rows) {
    const value = row.facts[by];
    const label = value === null || value === undefined || value === '' ? '' : String(value);
    buckets.set(label, [...(buckets.get(label) ?? []), row]);
  }
  let shown = [...buckets.entries()].sort((a, b) => a[1].length - b[1].length);
  const folded: ResponseRow[] = [];
  if (survey.anonymity === 'anonymous') {
    while (
      shown.length > 0 &&
      (shown[0]![1].length < MIN_ANONYMOUS_GROUP ||
        (folded.length > 0 && folded.length < MIN_ANONYMOUS_GROUP))
    ) {
      folded.push(...shown[0]![1]);
      shown = shown.slice(1);
    }
  }
  const questions = survey.questions.filter(
    (question) => !['short_text', 'long_text', 'date'].includes(question.type),
  );
  const group = (label: string | null, members: readonly ResponseRow[]): BreakdownGroup => ({
    label,
    responses: members.length,
    questions: questions.map((question) => summarise(question, members, null)),
  });
  const groups = shown
    .sort((a, b) => a[0].localeCompare(b[0], 'ja'))
    .map(([label, members]) => group(label === '' ? null : label, members));
  // What is folded is shown only when it is large enough itself (it can only be smaller when nothing is left).
  const other = folded.length >= MIN_ANONYMOUS_GROUP ? group(null, folded) : null;
  return { groups, other };
}

export async function loadSubmittedResponses(
  ctx: Pick<TenantServiceContext, 'tx' | 'tenant'>,
  survey: Survey,
) {
  const rows = await ctx.tx
    .select({
      answers: surveyResponses.answers,
      facts: surveyResponses.facts,
      submittedOn: surveyResponses.submittedOn,
      respondent: memberships.displayName,
    })
    .from(surveyResponses)
    .leftJoin(
      memberships,
      and(
        eq(memberships.tenantId, surveyResponses.tenantId),
        eq(memberships.id, surveyResponses.membershipId),
      ),
    )
    .where(
      and(
        eq(surveyResponses.tenantId, ctx.tenant.id),
        eq(surveyResponses.surveyId, survey.id),
        eq(surveyResponses.status, 'submitted'),
      ),
    )
    .orderBy(asc(surveyResponses.submittedOn));
  return rows.map(
    (row): ResponseRow => ({
      answers: row.answers as StoredAnswers,
      facts: row.facts as Facts,
      submittedOn: row.submittedOn,
      // An anonymous response has no member; the join finds nobody.
      respondent: survey.anonymity === 'named' ? row.respondent : null,
    }),
  );
}

/** The staff view of a survey's answers: per question, per day, and optionally per group. */
export async function surveyResults(
  ctx: TenantServiceContext,
  id: string,
  options: { q: string | null; by: BreakdownKey | null },
) {
  const survey = await loadSurvey(ctx, id);
  const rows = await loadSubmittedResponses(ctx, survey);
  const perDay = new Map<string, number>();
  for (const row of rows)
    if (row.submittedOn) perDay.set(row.submittedOn, (perDay.get(row.submittedOn) ?? 0) + 1);
  const newestFirst = [...rows].reverse();
  return {
    survey,
    responses: rows.length,
    perDay: [...perDay.entries()].map(([day, responses]) => ({ day, responses })),
    questions: survey.questions.map((question) => summarise(question, newestFirst, options.q)),
    breakdown: options.by ? { by: options.by, ...breakdown(survey, rows, options.by) } : null,
  };
}
