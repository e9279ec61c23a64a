import { and, asc, eq, inArray } from 'drizzle-orm';
import { memberships, segments, surveyResponses } from '../../db/schema/index.js';
import { notFound } from '../../platform/errors.js';
import { encodeCursor } from '../../platform/http/cursor.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { loadAnswerCounts, loadRateOverTime, loadTexts } from './answer-counts.js';
import { loadSurvey, type Survey } from './load-survey.js';
import type { Question } from './survey-schemas.js';
import type { StoredAnswers } from './validate-answers.js';

/** Results of an anonymous survey are never shown for fewer people than this. */
export const MIN_ANONYMOUS_GROUP = 5;

export type BreakdownKey = 'department' | 'leftYear' | 'segment';
type Facts = { department?: string | null; leftYear?: number | null; segments?: string[] };
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
      /** The newest answers matching the search (all without one). */
      answers: { text: string; respondent: string | null }[];
      /** Where the following answers start (surveyTexts), when there are more. */
      nextCursor: string | null;
    };

/** Written answers listed with the results at first; more are read a page at a time (surveyTexts). */
export const TEXTS_SHOWN = 20;
export const TEXTS_MAX = 500;

/** A question's counts in one group: value → number of answers, `*` → number who answered. */
type Counts = Map<string, number>;
/** One group's counts: per question, plus '' (responses) and '#day' (per submission day). */
type GroupCounts = Map<string, Counts>;

const countOf = (counts: Counts | undefined, value: string) => counts?.get(value) ?? 0;

function summarise(
  question: Question,
  counts: Counts | undefined,
  texts: { text: string; respondent: string | null }[] = [],
  textsShown = TEXTS_SHOWN,
): QuestionSummary {
  const answered = countOf(counts, '*');
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const tally = Object.fromEntries(question.options.map((o) => [o.id, countOf(counts, o.id)]));
      return { questionId: question.id, kind: 'choices', answered, counts: tally };
    }
    case 'scale': {
      const distribution = [1, 2, 3, 4, 5].map((value) => countOf(counts, String(value)));
      const total = distribution.reduce((sum, n, index) => sum + n * (index + 1), 0);
      const given = distribution.reduce((sum, n) => sum + n, 0);
      const average = given > 0 ? Math.round((total / given) * 100) / 100 : null;
      return { questionId: question.id, kind: 'scale', answered, distribution, average };
    }
    case 'nps': {
      const distribution = Array.from({ length: 11 }, (_, value) => countOf(counts, String(value)));
      const given = distribution.reduce((sum, n) => sum + n, 0);
      const promoters = (distribution[9] ?? 0) + (distribution[10] ?? 0);
      const detractors = distribution.slice(0, 7).reduce((sum, n) => sum + n, 0);
      const score = given > 0 ? Math.round(((promoters - detractors) / given) * 100) : null;
      return {
        questionId: question.id,
        kind: 'nps',
        answered,
        distribution,
        promoters,
        passives: given - promoters - detractors,
        detractors,
        score,
      };
    }
    default:
      return {
        questionId: question.id,
        kind: 'texts',
        answered,
        answers: texts.slice(0, textsShown),
        nextCursor: texts.length > textsShown ? encodeCursor([textsShown]) : null,
      };
  }
}

export type BreakdownGroup = { label: string | null; responses: number; questions: QuestionSummary[] };

/** Adds one group's counts into another (folding small groups, or totalling all). */
function addInto(target: GroupCounts, source: GroupCounts) {
  for (const [question, counts] of source) {
    const into = target.get(question) ?? new Map<string, number>();
    for (const [value, n] of counts) into.set(value, (into.get(value) ?? 0) + n);
    target.set(question, into);
  }
}

/**
 * Groups of responses by department or leaving year. In an anonymous survey a group smaller than
 * MIN_ANONYMOUS_GROUP is folded into "other", and while "other" itself holds 1–4 people the next
 * smallest group joins it, so no small group can be worked out by subtracting the shown ones from the
 * totals. A named survey shows every group: staff may read each named answer anyway. Texts are never
 * broken down (a sentence can name its writer).
 */
export function breakdown(
  survey: Pick<Survey, 'anonymity' | 'questions'>,
  groupsByLabel: Map<string, GroupCounts>,
): { groups: BreakdownGroup[]; other: BreakdownGroup | null } {
  const size = (counts: GroupCounts) => countOf(counts.get(''), '*');
  let shown = [...groupsByLabel.entries()].sort((a, b) => size(a[1]) - size(b[1]));
  const folded: GroupCounts = new Map();
  if (survey.anonymity === 'anonymous') {
    while (
      shown.length > 0 &&
      (size(shown[0]![1]) < MIN_ANONYMOUS_GROUP || (size(folded) > 0 && size(folded) < MIN_ANONYMOUS_GROUP))
    ) {
      addInto(folded, shown[0]![1]);
      shown = shown.slice(1);
    }
  }
  const questions = countedQuestions(survey);
  const group = (label: string | null, counts: GroupCounts): BreakdownGroup => ({
    label,
    responses: size(counts),
    questions: questions.map((question) => summarise(question, counts.get(question.id))),
  });
  const groups = shown
    .sort((a, b) => a[0].localeCompare(b[0], 'ja'))
    .map(([label, counts]) => group(label === '' ? null : label, counts));
  // What is folded is shown only when it is large enough itself (it can only be smaller when nothing is left).
  const other = size(folded) >= MIN_ANONYMOUS_GROUP ? group(null, folded) : null;
  return { groups, other };
}

/**
 * Groups of responses by the registry segments their records were in when answering. Segments overlap
 * and need not cover everyone, so nothing is folded into "other". In an anonymous survey a segment is
 * shown only when it holds at least MIN_ANONYMOUS_GROUP responses and so does the rest (or nobody is
 * left): otherwise subtracting it from the totals would describe fewer people than that.
 */
export function segmentBreakdown(
  survey: Pick<Survey, 'anonymity' | 'questions'>,
  groupsByName: Map<string, GroupCounts>,
  responses: number,
): { groups: BreakdownGroup[]; other: null } {
  const size = (counts: GroupCounts) => countOf(counts.get(''), '*');
  const safe = (n: number) =>
    n >= MIN_ANONYMOUS_GROUP && (responses - n === 0 || responses - n >= MIN_ANONYMOUS_GROUP);
  const questions = countedQuestions(survey);
  const groups = [...groupsByName.entries()]
    .filter(([, counts]) => survey.anonymity !== 'anonymous' || safe(size(counts)))
    .sort((a, b) => a[0].localeCompare(b[0], 'ja'))
    .map(([label, counts]) => ({
      label,
      responses: size(counts),
      questions: questions.map((question) => summarise(question, counts.get(question.id))),
    }));
  return { groups, other: null };
}

/** Questions whose answers are counted per group: texts are never broken down (a sentence can name its writer). */
const countedQuestions = (survey: Pick<Survey, 'questions'>) =>
  survey.questions.filter((question) => !['short_text', 'long_text', 'date'].includes(question.type));

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

/**
 * The staff view of a survey's answers: per question, invited and answered per day, and optionally per
 * group, read from the running counts (and the newest written answers), so its cost does not grow with
 * the number of answers.
 */
export async function surveyResults(
  ctx: TenantServiceContext,
  id: string,
  options: { q: string | null; by: BreakdownKey | null; texts?: number },
) {
  const survey = await loadSurvey(ctx, id);
  const textsShown = options.texts ?? TEXTS_SHOWN;
  const rows = await loadAnswerCounts(ctx, survey, options.by);
  const total: GroupCounts = new Map();
  const groupsByLabel = new Map<string, GroupCounts>();
  for (const row of rows) {
    const group = row.group === null ? total : (groupsByLabel.get(row.group) ?? new Map<string, Counts>());
    const counts = group.get(row.question) ?? new Map<string, number>();
    counts.set(row.value, row.n);
    group.set(row.question, counts);
    if (row.group !== null) groupsByLabel.set(row.group, group);
  }
  const textIds = survey.questions
    .filter((question) => ['short_text', 'long_text', 'date'].includes(question.type))
    .map((question) => question.id);
  // One more than shown tells whether more follow.
  const texts = await loadTexts(ctx, survey, textIds, options.q, textsShown + 1);
  const invited = await loadRateOverTime(ctx, survey);
  const answeredOn = total.get('#day') ?? new Map<string, number>();
  const days = [...new Set([...invited.map((row) => row.day), ...answeredOn.keys()])].sort();
  const invitedOn = new Map(invited.map((row) => [row.day, row.invited]));
  const responses = countOf(total.get(''), '*');
  return {
    survey,
    responses,
    perDay: days.map((day) => ({
      day,
      invited: invitedOn.get(day) ?? 0,
      responses: answeredOn.get(day) ?? 0,
    })),
    questions: survey.questions.map((question) =>
      summarise(question, total.get(question.id), texts.get(question.id), textsShown),
    ),
    breakdown: options.by
      ? {
          by: options.by,
          ...(options.by === 'segment'
            ? segmentBreakdown(survey, await bySegmentName(ctx, groupsByLabel), responses)
            : breakdown(survey, groupsByLabel)),
        }
      : null,
  };
}

/** Segment groups under the segments' current names; a segment deleted since is left out. */
async function bySegmentName(
  ctx: Pick<TenantServiceContext, 'tx' | 'tenant'>,
  groupsById: Map<string, GroupCounts>,
): Promise<Map<string, GroupCounts>> {
  const ids = [...groupsById.keys()].filter((id) => id !== '');
  if (ids.length === 0) return new Map();
  const rows = await ctx.tx
    .select({ id: segments.id, name: segments.name })
    .from(segments)
    .where(and(eq(segments.tenantId, ctx.tenant.id), inArray(segments.id, ids)));
  return new Map(
    rows.flatMap((row) => (groupsById.has(row.id) ? [[row.name, groupsById.get(row.id)!]] : [])),
  );
}

/**
 * A page of one question's written answers, newest first, matching the search. The position is a count
 * of answers already shown, not an answer's id: an anonymous answer must have no stable handle.
 */
export async function surveyTexts(
  ctx: TenantServiceContext,
  id: string,
  query: { question: string; q: string | null; offset: number; limit: number },
) {
  const survey = await loadSurvey(ctx, id);
  const question = survey.questions.find((candidate) => candidate.id === query.question);
  if (!question || !['short_text', 'long_text', 'date'].includes(question.type)) throw notFound();
  const texts = await loadTexts(ctx, survey, [question.id], query.q, query.limit + 1, query.offset);
  const answers = texts.get(question.id) ?? [];
  return {
    answers: answers.slice(0, query.limit),
    nextOffset: answers.length > query.limit ? query.offset + query.limit : null,
  };
}
