import type { ContactConsent, Eligibility, LeaveReason, WouldReturn } from '../../db/schema/index.js';
import type { Locale } from '../../platform/i18n/messages.js';

/**
 * How coded values are written in files. Export writes these words and import reads them back
 * (besides the synonyms below), so an exported file imports unchanged by construction.
 */
export const fileWords = {
  ja: {
    wouldReturn: { yes: 'あり', no: 'なし', unanswered: '未回答' } satisfies Record<WouldReturn, string>,
    eligibility: { eligible: '可', not_eligible: '不可', review: '要確認' } satisfies Record<
      Eligibility,
      string
    >,
    contactConsent: { granted: '希望する', withdrawn: '希望しない', unknown: '' } satisfies Record<
      ContactConsent,
      string
    >,
    leaveReason: {
      career_change: '他社への転職',
      career_up: 'キャリアアップ',
      independence: '起業',
      study: '留学',
      childcare: '育児',
      caregiving: '介護',
      relocation: '家族の転勤',
      health: '病気療養',
      retirement: '定年',
      contract_end: '契約満了',
      other: 'その他',
    } satisfies Record<LeaveReason, string>,
  },
  en: {
    wouldReturn: { yes: 'yes', no: 'no', unanswered: 'unanswered' } satisfies Record<WouldReturn, string>,
    eligibility: { eligible: 'eligible', not_eligible: 'not eligible', review: 'review' } satisfies Record<
      Eligibility,
      string
    >,
    contactConsent: { granted: 'granted', withdrawn: 'withdrawn', unknown: '' } satisfies Record<
      ContactConsent,
      string
    >,
    leaveReason: {} as Partial<Record<LeaveReason, string>>,
  },
} satisfies Record<Locale, Record<string, Record<string, string>>>;

/** Other words HR systems use for the same values; read on import, never written. */
export const fileSynonyms = {
  wouldReturn: { はい: 'yes', 希望する: 'yes', いいえ: 'no', 希望しない: 'no', 不明: 'unanswered' },
  eligibility: {
    再雇用可: 'eligible',
    再雇用不可: 'not_eligible',
    not_eligible: 'not_eligible',
    保留: 'review',
  },
  contactConsent: {
    同意する: 'granted',
    同意: 'granted',
    yes: 'granted',
    同意しない: 'withdrawn',
    撤回: 'withdrawn',
    no: 'withdrawn',
  },
  leaveReason: {
    転職: 'career_change',
    独立: 'independence',
    進学: 'study',
    転居: 'relocation',
    健康上の理由: 'health',
    定年退職: 'retirement',
  },
} satisfies Record<keyof (typeof fileWords)['ja'], Record<string, string>>;
