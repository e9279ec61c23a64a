import type { SurveyInput } from '../surveys/survey-schemas.js';

/**
 * The post-event survey a click creates: how satisfied (1–5), what they would like to do next, and a
 * free text. Staff can change every word while it is a draft.
 */
export function followUpTemplate(title: string): Pick<SurveyInput, 'texts' | 'questions'> {
  const option = (id: string, ja: string, en: string) => ({ id, label: { ja, en } });
  return {
    texts: {
      title: { ja: `「${title}」参加者アンケート`.slice(0, 120), en: `After “${title}”`.slice(0, 120) },
      welcome: {
        ja: 'ご参加いただき、ありがとうございました。今後のイベントをより良くするため、ご意見をお聞かせください（1 分ほどで終わります）。',
        en: 'Thank you for coming. Please tell us what you thought, so we can make the next events better (about a minute).',
      },
      thanks: {
        ja: 'ご回答ありがとうございました。いただいたご意見は次回の企画に活かします。',
        en: 'Thank you for your answers. We will use them when planning the next events.',
      },
    },
    questions: [
      {
        id: 'satisfaction',
        type: 'scale',
        required: true,
        text: {
          ja: 'イベントの満足度を 5 段階でお聞かせください。',
          en: 'How satisfied were you with the event?',
        },
        options: [],
        showIf: null,
        wouldReturn: null,
      },
      {
        id: 'next',
        type: 'multiple',
        required: false,
        text: { ja: '今後やってみたいことをお選びください。', en: 'What would you like to do next?' },
        options: [
          option('again', '次回のイベントにも参加したい', 'Come to the next event'),
          option('speak', '登壇・企画に協力したい', 'Speak at or help organise an event'),
          option('employees', '社員と話す機会がほしい', 'Talk with employees'),
          option('work', '仕事の機会について知りたい', 'Hear about work opportunities'),
        ],
        showIf: null,
        wouldReturn: null,
      },
      {
        id: 'comment',
        type: 'long_text',
        required: false,
        text: {
          ja: 'ご意見・ご感想があればご自由にお書きください。',
          en: 'Anything else you would like to tell us?',
        },
        options: [],
        showIf: null,
        wouldReturn: null,
      },
    ],
  };
}
