/** Surveys the tests build: every question type and a condition. */
export const wording = (ja: string, en = '') => ({ ja, en });
/** A survey using every question type, with a condition: q3 only after "no" to q1. */
export function exitSurvey(anonymity: 'named' | 'anonymous' = 'named') {
  return {
    texts: {
      title: wording('退職後 3 か月アンケート', '3-month survey'),
      welcome: wording('率直なご意見をお聞かせください。', 'Tell us what you think.'),
      thanks: wording('ご回答ありがとうございました。', 'Thank you for your answers.'),
    },
    anonymity,
    questions: [
      {
        id: 'q1',
        type: 'single',
        required: true,
        text: wording('また一緒に働きたいと思いますか', 'Would you work with us again?'),
        options: [
          { id: 'yes', label: wording('はい', 'Yes') },
          { id: 'no', label: wording('いいえ', 'No') },
        ],
      },
      {
        id: 'q2',
        type: 'multiple',
        text: wording('よかった点'),
        options: [
          { id: 'people', label: wording('人') },
          { id: 'work', label: wording('仕事') },
          { id: 'pay', label: wording('待遇') },
        ],
      },
      {
        id: 'q3',
        type: 'long_text',
        required: true,
        text: wording('その理由を教えてください'),
        showIf: { questionId: 'q1', optionIds: ['no'] },
      },
      { id: 'q4', type: 'scale', text: wording('満足度') },
      { id: 'q5', type: 'nps', required: true, text: wording('友人にすすめたいですか') },
      { id: 'q6', type: 'short_text', text: wording('ひとこと') },
      { id: 'q7', type: 'date', text: wording('入社日') },
    ],
  };
}
