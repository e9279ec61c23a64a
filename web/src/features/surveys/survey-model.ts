import type { Schemas } from '../../app/api/types';
import { allValues } from '../../app/api/types';

export type StaffSurvey = Schemas['StaffSurvey'];
export type SurveyInput = Schemas['SurveyInput'];
export type Question = Schemas['SurveyQuestion'];
export type QuestionType = Question['type'];
export type MemberSurvey = Schemas['MemberSurvey'];
export type SurveyResults = Schemas['SurveyResults'];
export type QuestionSummary = Schemas['SurveyQuestionSummary'];
export type AnswerValue = string | string[] | number;
export type Answers = Record<string, AnswerValue>;

export const questionTypes = allValues<QuestionType>()([
  'single',
  'multiple',
  'scale',
  'nps',
  'short_text',
  'long_text',
  'date',
] as const);
export const isChoice = (type: QuestionType) => type === 'single' || type === 'multiple';

export const surveyKeys = {
  staffList: (slug: string) => ['surveys', slug, 'staff'] as const,
  staff: (slug: string, id: string) => ['surveys', slug, 'staff', id] as const,
  results: (slug: string, id: string, q: string, by: string) =>
    ['surveys', slug, 'results', id, q, by] as const,
  texts: (slug: string, id: string, question: string, q: string) =>
    ['surveys', slug, 'results', id, 'texts', question, q] as const,
  mine: (slug: string) => ['surveys', slug, 'mine'] as const,
  pulses: (slug: string) => ['surveys', slug, 'pulses'] as const,
  exit: (slug: string) => ['surveys', slug, 'exit'] as const,
  reminders: (slug: string, id: string) => ['surveys', slug, 'reminders', id] as const,
  mySurvey: (slug: string, id: string) => ['surveys', slug, 'mine', id] as const,
};

/** The next free key with the given prefix (q1, q2 … / o1, o2 …): keys stay stable when items move. */
export function nextKey(prefix: string, taken: readonly string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

export function newQuestion(type: QuestionType, taken: readonly string[]): Question {
  return {
    id: nextKey('q', taken),
    type,
    required: false,
    text: { ja: '', en: '' },
    options: isChoice(type)
      ? [
          { id: 'o1', label: { ja: '', en: '' } },
          { id: 'o2', label: { ja: '', en: '' } },
        ]
      : [],
    showIf: null,
    wouldReturn: null,
  };
}

export function emptySurvey(): SurveyInput {
  return {
    texts: { title: { ja: '', en: '' }, welcome: { ja: '', en: '' }, thanks: { ja: '', en: '' } },
    questions: [newQuestion('single', [])],
    anonymity: 'named',
    audience: {
      members: true,
      includeEmployees: false,
      records: false,
      segmentId: null,
      openTo: [],
      wouldReturn: false,
      groupId: null,
      goingQuiet: false,
      attendedEventId: null,
    },
    closesAt: null,
  };
}

/** Which questions show, given the answers so far: the same rule the server applies. */
export function shownQuestions(
  questions: readonly { id: string; showIf: Question['showIf'] }[],
  answers: Answers,
) {
  const shown = new Set<string>();
  for (const question of questions) {
    const condition = question.showIf;
    if (!condition) {
      shown.add(question.id);
      continue;
    }
    if (!shown.has(condition.questionId)) continue;
    const answer = answers[condition.questionId];
    const chosen = Array.isArray(answer) ? answer : [answer];
    if (condition.optionIds.some((option) => chosen.includes(option))) shown.add(question.id);
  }
  return shown;
}

/** The answers to send: only those to questions that show (the server refuses the others). */
export function answersToSend(
  questions: readonly { id: string; showIf: Question['showIf'] }[],
  answers: Answers,
) {
  const shown = shownQuestions(questions, answers);
  return Object.fromEntries(Object.entries(answers).filter(([id]) => shown.has(id)));
}
