import type { Locale } from '../../platform/i18n/messages.js';
import type { OutgoingMail } from '../../platform/mail/queue-mail.js';

type Referral = {
  to: string;
  locale: Locale;
  network: { nameJa: string; nameEn: string };
  opportunity: { title: string; kind: 'job' | 'comeback' | 'collaboration' };
  referrerName: string;
  referredName: string;
  note: string;
  /** A member reads it in the app; anyone else is pointed to the network's join page. */
  link: { kind: 'opportunity' | 'join'; url: string };
};

const kindName = {
  ja: { job: '求人', comeback: 'カムバック採用', collaboration: '協業・業務委託の募集' },
  en: { job: 'job', comeback: 'comeback role', collaboration: 'call for collaboration' },
} as const;

/**
 * The one mail a referred person gets for an opportunity: who referred them, the title and where to read
 * it. It says it is sent once, so nobody can use referrals to mail an address repeatedly.
 */
export function referralMail(referral: Referral): OutgoingMail {
  const { network, opportunity, link } = referral;
  const note = referral.note ? `\n\n${referral.note}` : '';
  if (referral.locale === 'en') {
    const where =
      link.kind === 'opportunity'
        ? `Read it and tell HR you are interested here (sign-in needed):\n${link.url}`
        : `Alumni of ${network.nameEn} can join the network to read it:\n${link.url}`;
    return {
      to: referral.to,
      subject: `[${network.nameEn}] ${referral.referrerName} referred you for “${opportunity.title}”`,
      text:
        `${referral.referredName ? `Dear ${referral.referredName},` : 'Hello,'}\n\n` +
        `${referral.referrerName} of the ${network.nameEn} alumni network thought of you for this ` +
        `${kindName.en[opportunity.kind]}:\n\n“${opportunity.title}”${note}\n\n${where}\n\n` +
        `This e-mail is sent once, because ${referral.referrerName} referred you; we will not write to ` +
        'this address again about it. If it means nothing to you, please ignore it.\n',
    };
  }
  const where =
    link.kind === 'opportunity'
      ? `詳細の確認と「興味あり」のお知らせはこちらから（サインインが必要です）:\n${link.url}`
      : `${network.nameJa} を退職された方は、アルムナイネットワークに参加すると詳細をご覧いただけます:\n${link.url}`;
  return {
    to: referral.to,
    subject: `【${network.nameJa}】${referral.referrerName} さんから「${opportunity.title}」のご紹介`,
    text:
      `${referral.referredName ? `${referral.referredName} 様` : 'こんにちは。'}\n\n` +
      `${network.nameJa} アルムナイネットワークの ${referral.referrerName} さんから、` +
      `次の${kindName.ja[opportunity.kind]}にあなたをご紹介いただきました。\n\n「${opportunity.title}」${note}\n\n` +
      `${where}\n\n` +
      `このメールは ${referral.referrerName} さんのご紹介により一度だけお送りしています。` +
      'この件でこのアドレスに改めてご連絡することはありません。お心当たりのない場合は破棄してください。\n',
  };
}
