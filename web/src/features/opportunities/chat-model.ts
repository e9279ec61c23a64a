import type { Schemas } from '../../app/api/types';
import { allValues } from '../../app/api/types';

export type OpenChatSlot = Schemas['OpenChatSlot'];
export type MyChat = Schemas['MyChat'];
export type HostedChatSlot = Schemas['HostedChatSlot'];
export type ChatTopic = OpenChatSlot['topic'];
export type ChatPlaceKind = OpenChatSlot['placeKind'];

export const chatTopics = allValues<ChatTopic>()(['company', 'team', 'comeback'] as const);
export const chatPlaceKinds = allValues<ChatPlaceKind>()(['online', 'place'] as const);
export const chatLengths = [30, 45, 60] as const;

/** Cache keys of the career chats' server state, so writes can invalidate what they change. */
export const chatKeys = {
  all: (slug: string) => ['t', slug, 'career-chats'] as const,
  open: (slug: string) => ['t', slug, 'career-chats', 'open'] as const,
  mine: (slug: string) => ['t', slug, 'career-chats', 'mine'] as const,
  hosted: (slug: string) => ['t', slug, 'career-chats', 'hosted'] as const,
  staff: (slug: string, when: string) => ['t', slug, 'career-chats', 'staff', when] as const,
};

/** Who may publish slots: HR staff and employees who volunteer (the server decides the same). */
export const hostsChats = (role: string) => role === 'owner' || role === 'admin' || role === 'employee';

/** "2026-12-10T19:00" typed in a datetime-local field, read as Japan time (the chats' zone). */
export const japanTime = (local: string) => `${local}:00+09:00`;

/** 「12月10日(木) 19:00〜19:30」 in Japan time, as the .ics and the mails say it. */
export function chatWhen(locale: string, startsAt: string, endsAt: string): string {
  const tag = locale === 'en' ? 'en-GB' : 'ja-JP';
  const day = new Intl.DateTimeFormat(tag, {
    timeZone: 'Asia/Tokyo',
    month: locale === 'en' ? 'short' : 'long',
    day: 'numeric',
    weekday: 'short',
  }).format(new Date(startsAt));
  const time = new Intl.DateTimeFormat(tag, {
    timeZone: 'Asia/Tokyo',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const range = `${time.format(new Date(startsAt))}${locale === 'en' ? '–' : '〜'}${time.format(new Date(endsAt))}`;
  return locale === 'en' ? `${day}, ${range}` : `${day} ${range}`;
}
