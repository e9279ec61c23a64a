/** 配信停止リンク（ニュースレター・求人などのお知らせメール）の文言。 */
export const programmesJa = {
  'stop.title': 'メール配信の停止',
  'stop.explain': 'このリンクが届いたお知らせメールの配信を停止します。サインインは不要です。',
  'stop.confirm': '配信を停止する',
  'stop.done': '配信を停止しました。今後このお知らせはメールで届きません。',
} as const;
