import type { Locale } from '../../../platform/i18n/messages.js';

type DigestInput = {
  frequency: 'daily' | 'weekly' | 'monthly';
  name: string;
  network: string;
  postCount: number;
  morePosts: boolean;
  posts: { author: string; text: string; link: string }[];
  unreadNotifications: number;
  unreadMessages: number;
  home: string;
  settings: string;
  unsubscribe: string;
};

/**
 * The digest e-mail: new posts from what the member follows and what waits unread, in plain text.
 * Like every community mail it names the sender network and ends with a way out that needs no sign-in.
 */
export function digestMail(locale: Locale, d: DigestInput) {
  return locale === 'ja' ? japanese(d) : english(d);
}

function japanese(d: DigestInput) {
  const period = { daily: 'この 1 日', weekly: 'この 1 週間', monthly: 'この 1 か月' }[d.frequency];
  const lines = [
    `${d.name} さん`,
    '',
    `${d.network} アルムナイネットワークの、${period}の新着をお届けします。`,
  ];
  if (d.postCount > 0) {
    lines.push('', `■ 新しい投稿（${d.postCount}${d.morePosts ? ' 件以上' : ' 件'}）`);
    for (const post of d.posts) lines.push(`・${post.author} さん「${post.text}」`, `  ${post.link}`);
  }
  if (d.unreadNotifications > 0) lines.push('', `■ 未読のお知らせ：${d.unreadNotifications} 件`);
  if (d.unreadMessages > 0) lines.push('', `■ 未読のメッセージ：${d.unreadMessages} 件`);
  lines.push(
    '',
    `ネットワークを開く: ${d.home}`,
    '',
    '-- ',
    `${d.network} アルムナイネットワーク（Enishi）`,
    `配信の頻度を変更する: ${d.settings}`,
    `このダイジェストを停止する（サインイン不要）: ${d.unsubscribe}`,
  );
  return {
    subject: `【${d.network}】${{ daily: '今日', weekly: '今週', monthly: 'この 1 か月' }[d.frequency]}のアルムナイネットワーク`,
    text: lines.join('\n'),
  };
}

function english(d: DigestInput) {
  const period = { daily: 'today', weekly: 'this week', monthly: 'this month' }[d.frequency];
  const lines = [`Hello ${d.name},`, '', `Here is what is new in the ${d.network} alumni network ${period}.`];
  if (d.postCount > 0) {
    lines.push('', `■ New posts (${d.postCount}${d.morePosts ? '+' : ''})`);
    for (const post of d.posts) lines.push(`・${post.author}: “${post.text}”`, `  ${post.link}`);
  }
  if (d.unreadNotifications > 0) lines.push('', `■ Unread notifications: ${d.unreadNotifications}`);
  if (d.unreadMessages > 0) lines.push('', `■ Unread messages: ${d.unreadMessages}`);
  lines.push(
    '',
    `Open the network: ${d.home}`,
    '',
    '-- ',
    `${d.network} alumni network (Enishi)`,
    `Change how often this comes: ${d.settings}`,
    `Stop this digest (no sign-in needed): ${d.unsubscribe}`,
  );
  return {
    subject: `[${d.network}] Your ${d.frequency} alumni network digest`,
    text: lines.join('\n'),
  };
}
