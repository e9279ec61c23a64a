import type { DeliveryMailText } from '../programmes/delivery/deliver.js';
import type { Survey } from './load-survey.js';

/**
 * A survey request in each language: who asks, why now (a pulse names the months since leaving), the
 * link (`{{surveyUrl}}`, the person's own) and what anonymity means. Records that have not joined get the
 * Japanese one.
 */
export function surveyMail(
  tenant: { nameJa: string; nameEn: string },
  survey: Survey,
  months: number | null,
): Record<'ja' | 'en', DeliveryMailText> {
  const titleJa = survey.texts.title.ja;
  const titleEn = survey.texts.title.en || titleJa;
  const anonymous = survey.anonymity === 'anonymous';
  return {
    ja: {
      subject: `【${tenant.nameJa}】アンケート「${titleJa}」へのご協力のお願い`,
      text: [
        '{{name}} 様',
        '',
        months === null
          ? `${tenant.nameJa}です。アンケートへのご協力をお願いいたします。`
          : `${tenant.nameJa}です。ご退職から ${months} か月が経ちました。`,
        months === null
          ? '率直なお考えをお聞かせいただけないでしょうか。数分で終わります。'
          : '外から見たいまの会社について、率直なお考えをお聞かせいただけないでしょうか。数分で終わります。',
        '',
        `「${titleJa}」`,
        '{{surveyUrl}}',
        '',
        anonymous
          ? 'このアンケートは匿名です。回答があなたと結び付けられることはありません。'
          : 'このアンケートは記名式です。回答は人事担当者が拝見します。',
        '回答は 1 回のみ、上のリンクはあなた専用です。',
      ].join('\n'),
    },
    en: {
      subject: `${tenant.nameEn}: please answer “${titleEn}”`,
      text: [
        'Dear {{name}},',
        '',
        months === null
          ? `${tenant.nameEn} would like to ask you a few questions.`
          : `It has been ${months} months since you left ${tenant.nameEn}.`,
        months === null
          ? 'We would value your honest view. It takes a few minutes.'
          : 'We would value your honest view of the company as it is now. It takes a few minutes.',
        '',
        `“${titleEn}”`,
        '{{surveyUrl}}',
        '',
        anonymous
          ? 'This survey is anonymous: your answers are never linked to you.'
          : 'This survey is named: HR will read your answers.',
        'You can answer once; the link above is yours alone.',
      ].join('\n'),
    },
  };
}

/** Closing time as written in the mail, in Japan's time (the network's calendar). */
function closingText(closesAt: Date, locale: 'ja' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'Asia/Tokyo',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(closesAt);
}

/**
 * The reminder to those who have not answered: the same link placeholder and anonymity statement as the
 * request, the closing time if there is one, and an apology in case the answer crossed the mail.
 */
export function surveyReminderMail(
  tenant: { nameJa: string; nameEn: string },
  survey: Survey,
): Record<'ja' | 'en', DeliveryMailText> {
  const titleJa = survey.texts.title.ja;
  const titleEn = survey.texts.title.en || titleJa;
  const anonymous = survey.anonymity === 'anonymous';
  const closes = survey.closesAt;
  return {
    ja: {
      subject: `【${tenant.nameJa}】アンケート「${titleJa}」へのご回答のお願い（再送）`,
      text: [
        '{{name}} 様',
        '',
        `${tenant.nameJa}です。先日お送りしたアンケートへのご回答をあらためてお願いいたします。`,
        closes ? `回答の締切は ${closingText(closes, 'ja')} です。` : '数分で終わります。',
        '',
        `「${titleJa}」`,
        '{{surveyUrl}}',
        '',
        anonymous
          ? 'このアンケートは匿名です。回答があなたと結び付けられることはありません。'
          : 'このアンケートは記名式です。回答は人事担当者が拝見します。',
        'すでにご回答いただいている場合は、行き違いをご容赦ください。',
      ].join('\n'),
    },
    en: {
      subject: `${tenant.nameEn}: a reminder to answer “${titleEn}”`,
      text: [
        'Dear {{name}},',
        '',
        `${tenant.nameEn} would still value your answers to our survey.`,
        closes ? `It closes on ${closingText(closes, 'en')} (Japan time).` : 'It takes a few minutes.',
        '',
        `“${titleEn}”`,
        '{{surveyUrl}}',
        '',
        anonymous
          ? 'This survey is anonymous: your answers are never linked to you.'
          : 'This survey is named: HR will read your answers.',
        'If you have answered in the meantime, please ignore this mail.',
      ].join('\n'),
    },
  };
}
