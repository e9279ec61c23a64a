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
