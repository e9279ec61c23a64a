import type { DeliveryMailText } from '../programmes/delivery/deliver.js';
import { wrapText } from './wrap-text.js';

export type CampaignArticle = { title: string; lead: string; url: string };
export type CampaignSender = { name: string; address: string; contact: string };
export type CampaignContent = { subject: string; intro: string; articles: CampaignArticle[] };
/**
 * Open and click counting, when the network has it on: the footer says so and, given `links` (the
 * addresses as recorded for the campaign, by position), each of them in the mail points to
 * `{{trackUrl}}/<position>` instead, and the HTML part carries a one-pixel picture. Without `links`
 * (the test to oneself) the mail only says so and links go straight to the articles.
 */
export type CampaignTracking = { links?: string[] };

type Locale = 'ja' | 'en';

/**
 * The one newsletter template. Each part is a list of blocks; the plain-text and the HTML part are
 * both written from the same blocks, so they always say the same. `{{name}}`, `{{unsubscribeUrl}}` and
 * `{{join}}` are filled per recipient by the delivery (deliver.ts): `{{join}}` becomes the join
 * invitation for a registry record that has not joined, and nothing for a member.
 */
type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'article'; article: CampaignArticle }
  | { kind: 'raw'; text: string; html: string }
  | { kind: 'rule' }
  | { kind: 'small'; lines: string[] };

const words = {
  ja: {
    greeting: '{{name}} 様',
    articles: '今号の記事',
    read: '記事を読む',
    sender: '送信者',
    address: '住所',
    contact: 'お問い合わせ',
    reason: 'このメールは、会社からのお知らせの受け取りに同意いただいた方にお送りしています。',
    stop: '配信停止（ワンクリック、サインイン不要）',
    stopLink: '配信を停止する',
    join: 'アルムナイネットワークにまだご参加いただいていない方へ: 次のリンクから参加できます（30 日間有効）。',
    joinLink: 'ネットワークに参加する',
    tracked:
      'このメールでは、開封とリンクのクリックの有無を受信者ごとに記録しています（記録は送信者の担当者だけが確認します）。',
  },
  en: {
    greeting: 'Dear {{name}},',
    articles: 'In this issue',
    read: 'Read the article',
    sender: 'Sender',
    address: 'Address',
    contact: 'Contact',
    reason: 'You receive this mail because you agreed to receive news from the company.',
    stop: 'Unsubscribe (one click, no sign-in)',
    stopLink: 'Unsubscribe',
    join: 'You have not joined the alumni network yet: join with this link (valid for 30 days).',
    joinLink: 'Join the network',
    tracked:
      "This mail records, for each recipient, whether it was opened and whether its links were clicked (only the sender's staff see these records).",
  },
} as const;

export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function blocks(
  locale: Locale,
  content: CampaignContent,
  sender: CampaignSender,
  tracking: CampaignTracking | undefined,
): Block[] {
  const w = words[locale];
  const link = (url: string) => {
    const position = tracking?.links?.indexOf(url) ?? -1;
    return position < 0 ? url : `{{trackUrl}}/${position}`;
  };
  const intro = content.intro
    .split(/\n{2,}/)
    .map((text) => text.trim())
    .filter(Boolean)
    .map((text): Block => ({ kind: 'paragraph', text }));
  const articles: Block[] =
    content.articles.length > 0
      ? [
          { kind: 'heading', text: w.articles },
          ...content.articles.map(
            (article): Block => ({ kind: 'article', article: { ...article, url: link(article.url) } }),
          ),
        ]
      : [];
  return [
    { kind: 'paragraph', text: w.greeting },
    ...intro,
    ...articles,
    { kind: 'raw', text: '{{join}}', html: '{{join}}' },
    { kind: 'rule' },
    {
      kind: 'small',
      lines: [
        `${w.sender}: ${sender.name}`,
        `${w.address}: ${sender.address}`,
        `${w.contact}: ${sender.contact}`,
        w.reason,
        ...(tracking ? [w.tracked] : []),
      ],
    },
  ];
}

function blockText(locale: Locale, block: Block): string {
  const w = words[locale];
  switch (block.kind) {
    case 'paragraph':
      return wrapText(block.text);
    case 'heading':
      return `■ ${block.text}`;
    case 'article':
      return [
        wrapText(`◆ ${block.article.title}`),
        block.article.lead ? wrapText(block.article.lead) : '',
        block.article.url,
      ]
        .filter(Boolean)
        .join('\n');
    case 'raw':
      return block.text;
    case 'rule':
      return '--';
    case 'small':
      return [...block.lines.map((line) => wrapText(line)), `${w.stop}:`, '{{unsubscribeUrl}}'].join('\n');
  }
}

function asText(locale: Locale, list: Block[]): string {
  const parts = list.map((block) => blockText(locale, block));
  // {{join}} stands alone between blank lines; when it is empty, the blank lines around it collapse.
  return `${parts.join('\n\n')}\n`;
}

const p = (text: string) => escapeHtml(text).replace(/\n/g, '<br>');

function blockHtml(locale: Locale, block: Block): string {
  const w = words[locale];
  switch (block.kind) {
    case 'paragraph':
      return `<p>${p(block.text)}</p>`;
    case 'heading':
      return `<h2 style="font-size:16px;margin:24px 0 8px">${p(block.text)}</h2>`;
    case 'article': {
      const url = escapeHtml(block.article.url);
      return `<div style="margin:0 0 16px"><h3 style="font-size:15px;margin:0 0 4px"><a href="${url}">${p(block.article.title)}</a></h3>${
        block.article.lead ? `<p style="margin:0 0 4px">${p(block.article.lead)}</p>` : ''
      }<p style="margin:0"><a href="${url}">${escapeHtml(w.read)}</a></p></div>`;
    }
    case 'raw':
      return block.html;
    case 'rule':
      return '<hr style="border:none;border-top:1px solid #ddd;margin:24px 0">';
    case 'small':
      return `<p style="font-size:12px;color:#555">${block.lines.map(p).join('<br>')}<br>${escapeHtml(w.stop)}: <a href="{{unsubscribeUrl}}">${escapeHtml(w.stopLink)}</a></p>`;
  }
}

function asHtml(locale: Locale, list: Block[], pixel: boolean): string {
  const parts = list.map((block) => blockHtml(locale, block));
  if (pixel) {
    parts.push(
      '<img src="{{trackUrl}}/open.gif" width="1" height="1" alt="" style="display:block;border:0">',
    );
  }
  return `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.7;max-width:640px;margin:0 auto;padding:16px">${parts.join('')}</body></html>`;
}

/** The campaign's mail in one language: subject, plain text and HTML from the same blocks. */
export function renderCampaignMail(
  locale: Locale,
  content: CampaignContent,
  sender: CampaignSender,
  tracking?: CampaignTracking,
): DeliveryMailText & { html: string } {
  const list = blocks(locale, content, sender, tracking);
  return {
    subject: content.subject,
    text: asText(locale, list),
    html: asHtml(locale, list, tracking?.links !== undefined),
  };
}

/** What `{{join}}` becomes for a record that has not joined; `{{joinUrl}}` is their own invitation link. */
export function joinBlock(locale: Locale): { text: string; html: string } {
  const w = words[locale];
  return {
    text: `${wrapText(w.join)}\n{{joinUrl}}`,
    html: `<p style="padding:12px;background:#f5f1e8">${escapeHtml(w.join)}<br><a href="{{joinUrl}}">${escapeHtml(w.joinLink)}</a></p>`,
  };
}

/** Fills the per-recipient fields for a mail that is not delivered (the test to oneself). */
export function fillForTest(
  mail: DeliveryMailText & { html: string },
  values: { name: string; unsubscribe: string; join: { text: string; html: string } },
): { subject: string; text: string; html: string } {
  const fill = (body: string, join: string, html: boolean) =>
    body
      .replaceAll('{{join}}', join)
      .replaceAll('{{name}}', html ? escapeHtml(values.name) : values.name)
      .replaceAll('{{unsubscribeUrl}}', values.unsubscribe);
  return {
    subject: `[テスト] ${mail.subject}`,
    text: fill(mail.text, values.join.text, false).replace(/\n{3,}/g, '\n\n'),
    html: fill(mail.html, values.join.html, true),
  };
}
