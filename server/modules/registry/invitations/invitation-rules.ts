import type { RecordRow } from '../record-values.js';
import { isExcluded } from '../record-values.js';

export const skipReasons = [
  'excluded',
  'no_consent',
  'no_email',
  'joined',
  'declined',
  'already_invited',
] as const;
export type SkipReason = (typeof skipReasons)[number];

/**
 * Who may receive an invitation. The exclusion list comes first and nothing gets past it;
 * then contact consent (会社情報の案内希望) and a usable address.
 */
export function invitationBlocker(
  record: RecordRow,
  options: { allowReinvite?: boolean } = {},
): SkipReason | null {
  if (isExcluded(record)) return 'excluded';
  if (record.status === 'joined' || record.membershipId) return 'joined';
  if (record.status === 'declined') return 'declined';
  if (record.contactConsent !== 'granted') return 'no_consent';
  if (!record.emails[0]) return 'no_email';
  if (record.status === 'invited' && !options.allowReinvite) return 'already_invited';
  return null;
}

const mergeFields: Record<string, (v: MergeValues) => string> = {
  氏名: (v) => v.name,
  name: (v) => v.name,
  会社名: (v) => v.company,
  company: (v) => v.company,
  リンク: (v) => v.link,
  link: (v) => v.link,
};
type MergeValues = { name: string; company: string; link: string };

/** Fills {氏名} {会社名} {リンク} (or {name} {company} {link}); the link is added when the text lacks it. */
export function renderInvitation(template: { subject: string; body: string }, values: MergeValues) {
  const fill = (text: string) =>
    text.replace(/\{([^{}]+)\}/g, (whole, key: string) => mergeFields[key]?.(values) ?? whole);
  const body = fill(template.body);
  return {
    subject: fill(template.subject),
    text: body.includes(values.link) ? body : `${body.trimEnd()}\n\n${values.link}\n`,
  };
}

export const defaultInvitationTemplates = {
  ja: {
    subject: '{会社名} アルムナイネットワークへのご招待',
    body:
      '{氏名} 様\n\nご無沙汰しております。{会社名} 人事部です。\n' +
      '退職された皆さまとのつながりを大切にしたいと考え、アルムナイ（卒業生）ネットワークを開設しました。\n' +
      '近況の共有や情報交換の場として、お気軽にご参加ください。閲覧だけのご利用も歓迎です。\n\n' +
      '下のリンクから参加できます（30 日間有効です）。\n{リンク}\n\n' +
      'お心当たりのない場合は、このメールを破棄してください。\n',
  },
  en: {
    subject: 'An invitation to the {company} alumni network',
    body:
      'Dear {name},\n\nWe hope you are well. This is the HR team at {company}.\n' +
      'We have opened an alumni network to stay in touch with the people who have worked with us.\n' +
      'Join to share news and keep in contact — just reading along is welcome too.\n\n' +
      'Join with this link (valid for 30 days):\n{link}\n\n' +
      'If this mail was not meant for you, please ignore it.\n',
  },
} as const;

export const displayName = (record: Pick<RecordRow, 'familyName' | 'givenName'>) =>
  [record.familyName, record.givenName].filter(Boolean).join(' ');
