import { and, eq, inArray } from 'drizzle-orm';
import type { AppTransaction, Queryable } from '../../db/client.js';
import { accounts, type ChatTopic, memberships } from '../../db/schema/index.js';
import { calendarUid, DEFAULT_TIME_ZONE, entryCalendar } from '../../platform/calendar/calendar.js';
import type { Deps } from '../../platform/http/env.js';
import type { Locale } from '../../platform/i18n/messages.js';
import { queueMail } from '../../platform/mail/queue-mail.js';
import type { TenantRef } from '../tenancy/tenant-context.js';
import type { ChatSlotRow } from './career-chats.js';

type Person = { id: string; displayName: string; email: string; locale: Locale };

/** The two people of a chat with their address and language, active memberships only. */
export async function chatPeople(tx: AppTransaction, tenantId: string, ids: string[]) {
  const rows = await tx
    .select({
      id: memberships.id,
      displayName: memberships.displayName,
      email: accounts.email,
      locale: accounts.locale,
    })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(
      and(eq(memberships.tenantId, tenantId), inArray(memberships.id, ids), eq(memberships.status, 'active')),
    );
  return new Map<string, Person>(rows.map((row) => [row.id, row]));
}

const topicLabels: Record<Locale, Record<ChatTopic, string>> = {
  ja: { company: '会社の今', team: 'チーム・部署について', comeback: '復職（カムバック）について' },
  en: { company: 'The company now', team: 'A team', comeback: 'Coming back' },
};

/** 「2026年12月10日(木) 19:00〜19:30（日本時間）」: always in Tokyo time, as the .ics says. */
export function chatTime(locale: Locale, start: Date, end: Date): string {
  const tag = locale === 'ja' ? 'ja-JP' : 'en-GB';
  const day = new Intl.DateTimeFormat(tag, {
    timeZone: DEFAULT_TIME_ZONE,
    year: 'numeric',
    month: locale === 'ja' ? 'long' : 'short',
    day: 'numeric',
    weekday: 'short',
  }).format(start);
  const time = new Intl.DateTimeFormat(tag, {
    timeZone: DEFAULT_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return locale === 'ja'
    ? `${day} ${time.format(start)}〜${time.format(end)}（日本時間）`
    : `${day}, ${time.format(start)}–${time.format(end)} (Japan time)`;
}

export type ChatMailKind = 'booked' | 'reminder' | 'cancelled';

type ChatMail = {
  kind: ChatMailKind;
  tenant: TenantRef;
  slot: ChatSlotRow;
  bookingId: string;
  /** The one the mail goes to, and the other person of the chat. */
  to: Person;
  other: Person;
  /** Set for a cancellation: who cancelled (the other person, or HR). */
  cancelledByStaff?: boolean;
};

const footer = {
  ja: '\n\n-- \nEnishi（縁）アルムナイネットワーク',
  en: '\n\n-- \nEnishi alumni network',
};

function text(mail: ChatMail, link: string) {
  const { to, other, slot } = mail;
  const locale = to.locale;
  const network = locale === 'ja' ? mail.tenant.nameJa : mail.tenant.nameEn;
  const when = chatTime(locale, slot.startsAt, slot.endsAt);
  const topic = topicLabels[locale][slot.topic];
  if (locale === 'ja') {
    const head = {
      booked: {
        subject: `【${network}】カジュアル面談のご予約（${when}）`,
        lead: `${other.displayName} さんとのカジュアル面談が予約されました。`,
      },
      reminder: {
        subject: `【${network}】明日はカジュアル面談です（${when}）`,
        lead: `${other.displayName} さんとのカジュアル面談は明日です。`,
      },
      cancelled: {
        subject: `【${network}】カジュアル面談が取り消されました（${when}）`,
        lead: mail.cancelledByStaff
          ? `人事担当者により、${other.displayName} さんとのカジュアル面談が取り消されました。`
          : `${other.displayName} さんが、カジュアル面談を取り消しました。`,
      },
    }[mail.kind];
    const where = slot.placeKind === 'online' ? `オンライン: ${slot.place}` : `場所: ${slot.place}`;
    const lines = [
      head.lead,
      '',
      `日時: ${when}`,
      `相手: ${other.displayName} さん`,
      `テーマ: ${topic}`,
      where,
      ...(slot.note ? [`メモ: ${slot.note}`] : []),
      '',
      mail.kind === 'cancelled'
        ? '添付の .ics ファイルを開くと、予定表からこの予定が削除されます。'
        : '添付の .ics ファイルを開くと、予定表に追加できます。',
      `アプリで確認する: ${link}`,
    ];
    return { subject: head.subject, text: `${lines.join('\n')}${footer.ja}` };
  }
  const head = {
    booked: {
      subject: `Casual career chat booked (${when})`,
      lead: `A casual career chat with ${other.displayName} has been booked.`,
    },
    reminder: {
      subject: `Tomorrow: casual career chat (${when})`,
      lead: `Your casual career chat with ${other.displayName} is tomorrow.`,
    },
    cancelled: {
      subject: `Casual career chat cancelled (${when})`,
      lead: mail.cancelledByStaff
        ? `HR has cancelled your casual career chat with ${other.displayName}.`
        : `${other.displayName} has cancelled your casual career chat.`,
    },
  }[mail.kind];
  const where = slot.placeKind === 'online' ? `Online: ${slot.place}` : `Place: ${slot.place}`;
  const lines = [
    head.lead,
    '',
    `When: ${when}`,
    `With: ${other.displayName}`,
    `Topic: ${topic}`,
    where,
    ...(slot.note ? [`Note: ${slot.note}`] : []),
    '',
    mail.kind === 'cancelled'
      ? 'Open the attached .ics file to remove it from your calendar.'
      : 'Open the attached .ics file to add it to your calendar.',
    `See it in the app: ${link}`,
  ];
  return { subject: head.subject, text: `${lines.join('\n')}${footer.en}` };
}

/** The chat as a calendar entry: one UID per booking, a higher SEQUENCE (and METHOD:CANCEL) once cancelled. */
export function chatCalendar(
  mail: Pick<ChatMail, 'tenant' | 'slot' | 'bookingId' | 'to' | 'other'>,
  options: {
    host: string;
    link: string;
    cancelled: boolean;
  },
) {
  const locale = mail.to.locale;
  const network = locale === 'ja' ? mail.tenant.nameJa : mail.tenant.nameEn;
  const summary =
    locale === 'ja'
      ? `カジュアル面談（${mail.other.displayName} さん）`
      : `Casual career chat with ${mail.other.displayName}`;
  return entryCalendar(
    {
      uid: calendarUid('career-chat', mail.bookingId, options.host),
      sequence: options.cancelled ? 1 : 0,
      start: mail.slot.startsAt,
      end: mail.slot.endsAt,
      timeZone: DEFAULT_TIME_ZONE,
      summary,
      description: `${topicLabels[locale][mail.slot.topic]}${mail.slot.note ? `\n${mail.slot.note}` : ''}`,
      location: mail.slot.place,
      ...(mail.slot.placeKind === 'online' ? { url: mail.slot.place } : {}),
      cancelled: options.cancelled,
      updatedAt: new Date(),
    },
    { name: network, method: options.cancelled ? 'cancel' : 'publish' },
  );
}

/** Queues one chat mail with its .ics, in the caller's transaction: no mail for a rolled-back booking. */
export async function queueChatMail(deps: Deps, tx: Queryable, mail: ChatMail): Promise<void> {
  const base = deps.config.publicUrl;
  const link = `${base}/t/${mail.tenant.slug}/chats`;
  const cancelled = mail.kind === 'cancelled';
  const calendar = chatCalendar(mail, { host: new URL(base).host, link, cancelled });
  const rendered = text(mail, link);
  await queueMail(deps.jobs, tx, {
    to: mail.to.email,
    ...rendered,
    attachments: [
      {
        filename: cancelled ? 'career-chat-cancel.ics' : 'career-chat.ics',
        contentType: `text/calendar; charset=UTF-8; method=${cancelled ? 'CANCEL' : 'PUBLISH'}`,
        content: calendar,
      },
    ],
  });
}
