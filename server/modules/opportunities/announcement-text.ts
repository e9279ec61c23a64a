import type { DeliveryMailText } from '../programmes/delivery/deliver.js';

type Announced = { title: string; kind: 'job' | 'comeback' | 'collaboration' };
type Network = { nameJa: string; nameEn: string };

const kindName = {
  ja: { job: '求人', comeback: 'カムバック採用', collaboration: '協業・業務委託の募集' },
  en: { job: 'job', comeback: 'comeback role', collaboration: 'call for collaboration' },
} as const;

/**
 * The announcement mail to members, in both languages. `{{name}}` and `{{unsubscribeUrl}}` are filled in
 * per recipient by deliver(); only the title travels, the rest is read signed in.
 */
export function announcementMail(
  network: Network,
  opportunity: Announced,
  link: string,
): Record<'ja' | 'en', DeliveryMailText> {
  return {
    ja: {
      subject: `【${network.nameJa}】${kindName.ja[opportunity.kind]}のご案内：${opportunity.title}`,
      text:
        `{{name}} 様\n\n${network.nameJa} アルムナイネットワークから、新しい${kindName.ja[opportunity.kind]}のご案内です。\n\n` +
        `「${opportunity.title}」\n\n詳細の確認と「興味あり」のお知らせはこちらから（サインインが必要です）:\n${link}\n\n` +
        'このメールは、求人や協業のご連絡を受け取ることに同意された方にお送りしています。\n' +
        '配信停止（ワンクリック、サインイン不要）: {{unsubscribeUrl}}\n',
    },
    en: {
      subject: `[${network.nameEn}] A new ${kindName.en[opportunity.kind]}: ${opportunity.title}`,
      text:
        `Dear {{name}},\n\nThe ${network.nameEn} alumni network has a new ${kindName.en[opportunity.kind]} for you.\n\n` +
        `“${opportunity.title}”\n\nRead it and tell us you are interested here (sign-in needed):\n${link}\n\n` +
        'You receive this because you agreed to be contacted about jobs and collaboration.\n' +
        'Stop these e-mails (one click, no sign-in): {{unsubscribeUrl}}\n',
    },
  };
}

export function announcementPush(network: Network, opportunity: Announced) {
  return {
    ja: {
      title: network.nameJa,
      body: `新しい${kindName.ja[opportunity.kind]}「${opportunity.title}」のご案内です。`,
    },
    en: { title: network.nameEn, body: `A new ${kindName.en[opportunity.kind]}: “${opportunity.title}”.` },
  };
}

/**
 * The invitation a registry record (someone who has not joined, with contact consent) gets instead:
 * join the network to read the opportunity. The registry's merge fields ({氏名} {会社名} {リンク}) are
 * filled in by the invitation module; braces in the title are kept out of their way.
 */
export function announcementInvitation(opportunity: Announced) {
  const title = opportunity.title.replace(/[{}]/g, '');
  return {
    subject: `{会社名} から${kindName.ja[opportunity.kind]}「${title}」のご案内`,
    body:
      '{氏名} 様\n\nご無沙汰しております。{会社名} 人事部です。\n' +
      `新しい${kindName.ja[opportunity.kind]}「${title}」を、アルムナイの皆さまにご案内しています。\n` +
      'アルムナイ（卒業生）ネットワークにご参加いただくと、詳細をご覧になり「興味あり」をお伝えいただけます。\n\n' +
      '下のリンクから参加できます（30 日間有効です）。\n{リンク}\n\n' +
      'お心当たりのない場合は、このメールを破棄してください。\n',
  };
}
