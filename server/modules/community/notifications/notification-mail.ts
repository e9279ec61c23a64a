import type { NotificationKind } from '../../../db/schema/index.js';
import type { Locale } from '../../../platform/i18n/messages.js';

const proposalStatus: Record<Locale, Record<string, string>> = {
  ja: { received: '受付', reviewing: '検討中', adopted: '採用', declined: '見送り' },
  en: { received: 'received', reviewing: 'under review', adopted: 'adopted', declined: 'not adopted' },
};

const lines: Record<Locale, Record<NotificationKind, (d: Record<string, string>) => string>> = {
  ja: {
    comment: (d) => `${d.actor} さんがあなたの投稿にコメントしました。`,
    message: (d) => `${d.actor} さんからメッセージが届きました。`,
    company_reply: () => '会社から返信が届きました。',
    group_request: (d) => `${d.actor} さんが「${d.group}」への参加を申請しました。`,
    group_approved: (d) => `「${d.group}」への参加が承認されました。`,
    group_invited: (d) => `「${d.group}」に招待されました。`,
    post_hidden: (d) => `あなたの投稿がモデレーターにより非表示になりました。理由：${d.reason}`,
    mention: (d) => `${d.actor} さんが投稿であなたをメンションしました。`,
    news_published: (d) => `新しいお知らせ「${d.title}」が公開されました。`,
    opportunity_announced: (d) => `新しい募集「${d.title}」のご案内です。`,
    event_promoted: (d) =>
      `キャンセル待ちから繰り上がり、「${d.title}」（${d.when}）への参加が確定しました。`,
    event_changed: (d) => `「${d.title}」の日時または場所が変更されました。新しい日時：${d.when}`,
    event_cancelled: (d) => `「${d.title}」（${d.when}）は中止になりました。`,
    event_reminder: (d) => `「${d.title}」は ${d.when} に始まります。`,
    event_message: (d) => `「${d.title}」について事務局からお知らせがあります。`,
    proposal_answered: (d) =>
      `お送りいただいた提言「${d.title}」に会社から回答がありました（${proposalStatus.ja[d.status ?? ''] ?? d.status}）。`,
    survey_invited: (d) => `アンケート「${d.title}」へのご協力をお願いします。`,
  },
  en: {
    comment: (d) => `${d.actor} commented on your post.`,
    message: (d) => `${d.actor} sent you a message.`,
    company_reply: () => 'The company replied to you.',
    group_request: (d) => `${d.actor} asked to join “${d.group}”.`,
    group_approved: (d) => `You have been accepted into “${d.group}”.`,
    group_invited: (d) => `You are invited to “${d.group}”.`,
    post_hidden: (d) => `A moderator hid your post. Reason: ${d.reason}`,
    mention: (d) => `${d.actor} mentioned you in a post.`,
    news_published: (d) => `New from the company: “${d.title}”.`,
    opportunity_announced: (d) => `A new opportunity for you: “${d.title}”.`,
    event_promoted: (d) => `A seat came free: you are now confirmed for “${d.title}” (${d.when}).`,
    event_changed: (d) => `“${d.title}” has a new time or place: ${d.when}.`,
    event_cancelled: (d) => `“${d.title}” (${d.when}) has been cancelled.`,
    event_reminder: (d) => `“${d.title}” starts ${d.when}.`,
    event_message: (d) => `A message from the organisers of “${d.title}”.`,
    proposal_answered: (d) =>
      `The company has answered your proposal “${d.title}” (${proposalStatus.en[d.status ?? ''] ?? d.status}).`,
    survey_invited: (d) => `Please answer the survey “${d.title}”.`,
  },
};

/** One line saying what happened, as the bell, the e-mail subject and a push notification put it. */
export function notificationLine(locale: Locale, kind: NotificationKind, data: Record<string, string>) {
  return lines[locale][kind](data);
}

/**
 * A notification e-mail. Only the first words of a message travel by mail; the rest is read signed in.
 * Every mail names its sender network and ends with a one-click way to stop these e-mails
 * (特定電子メール法: sender shown, opt-out without signing in).
 */
export function notificationMail(
  locale: Locale,
  input: {
    kind: NotificationKind;
    network: string;
    data: Record<string, string>;
    link: string;
    unsubscribe: string;
  },
) {
  const line = notificationLine(locale, input.kind, input.data);
  const snippet = input.data.snippet ? `\n\n「${input.data.snippet}」` : '';
  return locale === 'ja'
    ? {
        subject: `【${input.network}】${line}`,
        text: `${line}${snippet}\n\n開く: ${input.link}\n\n-- \n${input.network} アルムナイネットワーク（Enishi）\nこの種類のメールを停止する（サインイン不要）: ${input.unsubscribe}`,
      }
    : {
        subject: `[${input.network}] ${line}`,
        text: `${line}${snippet}\n\nOpen: ${input.link}\n\n-- \n${input.network} alumni network (Enishi)\nStop these e-mails (no sign-in needed): ${input.unsubscribe}`,
      };
}
