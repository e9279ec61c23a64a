import type { FieldError } from '../../platform/errors.js';
import { invalid } from '../../platform/errors.js';
import type { Answers, Question } from './survey-schemas.js';

export type StoredAnswer = string | string[] | number;
export type StoredAnswers = Record<string, StoredAnswer>;

const SHORT_TEXT_MAX = 200;
const LONG_TEXT_MAX = 5000;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(text: string): boolean {
  const match = isoDate.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const value = new Date(Date.UTC(year, month - 1, day));
  return value.getUTCFullYear() === year && value.getUTCMonth() === month - 1 && value.getUTCDate() === day;
}

/** An empty text or an empty list of choices is no answer. */
function isEmpty(value: Answers[string]): boolean {
  return (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

type Fitted = { ok: true; value: StoredAnswer } | { ok: false; code: FieldError['code'] };
const ok = (value: StoredAnswer): Fitted => ({ ok: true, value });
const refuse = (code: FieldError['code']): Fitted => ({ ok: false, code });

/** The answer in its stored form, or the message key saying why it does not fit the question. */
function fitAnswer(question: Question, value: Answers[string]): Fitted {
  const options = new Set(question.options.map((option) => option.id));
  switch (question.type) {
    case 'single':
      return typeof value === 'string' && options.has(value) ? ok(value) : refuse('field_invalid_option');
    case 'multiple':
      return Array.isArray(value) &&
        new Set(value).size === value.length &&
        value.every((o) => options.has(o))
        ? ok(value)
        : refuse('field_invalid_option');
    case 'scale':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5
        ? ok(value)
        : refuse('survey_answer_scale');
    case 'nps':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10
        ? ok(value)
        : refuse('survey_answer_nps');
    case 'short_text':
    case 'long_text': {
      if (typeof value !== 'string') return refuse('field_invalid_type');
      const text = value.trim();
      const max = question.type === 'short_text' ? SHORT_TEXT_MAX : LONG_TEXT_MAX;
      return text.length <= max ? ok(text) : { ok: false, code: 'field_too_long' };
    }
    case 'date':
      return typeof value === 'string' && validDate(value) ? ok(value) : refuse('field_invalid_date');
  }
}

/** Whether a question is shown, given the answers so far (its condition's question must be shown too). */
export function visibleQuestions(questions: readonly Question[], answers: Readonly<Record<string, unknown>>) {
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

/**
 * Checks answers against the survey's questions and returns them in stored form. An answer to a
 * question its condition hides is refused (not dropped): the person's screen and the server disagree,
 * so nothing is stored and the screen is told which answer. Drafts may leave required questions open.
 */
export function validateAnswers(
  questions: readonly Question[],
  answers: Answers,
  mode: 'draft' | 'final',
): StoredAnswers {
  const errors: FieldError[] = [];
  const byId = new Map(questions.map((question) => [question.id, question]));
  const stored: StoredAnswers = {};
  for (const [key, value] of Object.entries(answers)) {
    const question = byId.get(key);
    if (!question) {
      errors.push({ path: `answers.${key}`, code: 'field_unknown' });
      continue;
    }
    if (isEmpty(value)) continue;
    const fitted = fitAnswer(question, value);
    if (fitted.ok) stored[key] = fitted.value;
    else
      errors.push({
        path: `answers.${key}`,
        code: fitted.code,
        ...(fitted.code === 'field_too_long'
          ? { params: { max: question.type === 'short_text' ? SHORT_TEXT_MAX : LONG_TEXT_MAX } }
          : {}),
      });
  }
  const shown = visibleQuestions(questions, stored);
  for (const key of Object.keys(stored)) {
    if (!shown.has(key)) errors.push({ path: `answers.${key}`, code: 'survey_answer_hidden' });
  }
  if (mode === 'final') {
    for (const question of questions) {
      const refused = errors.some((error) => error.path === `answers.${question.id}`);
      if (question.required && shown.has(question.id) && !(question.id in stored) && !refused)
        errors.push({ path: `answers.${question.id}`, code: 'survey_answer_required' });
    }
  }
  if (errors.length > 0) throw invalid(errors);
  return stored;
}
