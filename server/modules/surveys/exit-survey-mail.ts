import type { Survey } from './load-survey.js';

/**
 * The exit survey, mailed on the last working day: who asks, the person's own link and until when it
 * works, that answers are named, and that contact after leaving is asked for on the page (never assumed).
 * In Japanese with the English below, as the leaver has chosen no language yet.
 */
export function exitSurveyMail(
  tenant: { nameJa: string; nameEn: string },
  survey: Survey,
  input: { name: string; url: string; expiresAt: Date },
): { subject: string; text: string } {
  const titleJa = survey.texts.title.ja;
  const titleEn = survey.texts.title.en || titleJa;
  const until = (locale: 'ja-JP' | 'en-GB') =>
    new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Tokyo', dateStyle: 'long' }).format(input.expiresAt);
  return {
    subject: `【${tenant.nameJa}】退職時アンケート「${titleJa}」のお願い / Exit survey`,
    text: [
      `${input.name} 様`,
      '',
      `${tenant.nameJa}です。在職中は大変お世話になりました。`,
      'これからの会社づくりのため、退職時アンケートへのご協力をお願いいたします。数分で終わります。',
      '',
      `「${titleJa}」`,
      input.url,
      '',
      'このアンケートは記名式です。回答は人事担当者が拝見します。',
      '退職後のご案内をお送りしてよいかどうかも、同じ画面でお伺いします（任意です）。',
      `リンクはあなた専用で、回答は 1 回のみ、${until('ja-JP')}まで有効です。`,
      '',
      '---',
      '',
      `Dear ${input.name},`,
      '',
      `Thank you for your time at ${tenant.nameEn}. Please answer our exit survey “${titleEn}”; it takes a few minutes.`,
      input.url,
      '',
      'This survey is named: HR will read your answers. The page also asks whether we may contact you after you leave (optional).',
      `The link is yours alone, works once and until ${until('en-GB')}.`,
    ].join('\n'),
  };
}
