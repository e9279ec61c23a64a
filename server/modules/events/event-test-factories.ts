import { expect } from 'vitest';
import { addTestMember, createTestTenant, signIn } from '../../test/factories.js';
import type { TestServer } from '../../test/harness.js';

export type Seats = { capacity: number | null; confirmed: number; waitlisted: number };
export type StaffEvent = {
  id: string;
  status: string;
  title: string;
  startsAt: string;
  endsAt: string;
  bodyHtml: string;
  sequence: number;
  seats: { online: Seats; inPerson: Seats };
  attended: number;
};
export type OwnRegistration = {
  id: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  mode: string;
  waitlistPosition: number | null;
  answers: Record<string, string>;
  checkInCode: string | null;
  attended: boolean;
};
export type MemberEvent = {
  id: string;
  status: string;
  title: string;
  meetingUrl: string | null;
  meetingUrlFrom: string | null;
  registrationOpen: boolean;
  seats: {
    online: { capacity: number | null; left: number | null };
    inPerson: { capacity: number | null; left: number | null };
  };
  registration: OwnRegistration | null;
} & Record<string, unknown>;
export type StaffRegistration = {
  id: string;
  member: { id: string; displayName: string };
  status: string;
  mode: string;
  seq: number;
  waitlistPosition: number | null;
  answers: Record<string, string>;
  checkInCode: string;
  attendedAt: string | null;
};
export type Problem = { code: string; title: string; errors?: { path: string; code: string }[] };

const HOUR = 3_600_000;
/** A time on the hour, `hours` from now. */
export const inHours = (hours: number) => new Date(Math.ceil(Date.now() / HOUR) * HOUR + hours * HOUR);

export async function network(server: TestServer) {
  const created = await createTestTenant(server);
  const hr = await addTestMember(server, created.tenant.id, 'admin', { displayName: '人事 一郎' });
  return {
    id: created.tenant.id,
    slug: created.slug,
    hr: await signIn(server, hr.email),
    hrId: hr.membership.id,
  };
}
export type Network = Awaited<ReturnType<typeof network>>;

export const staffBase = (net: { slug: string }) => `/api/v1/t/${net.slug}/events`;
export const memberBase = (net: { slug: string }) => `/api/v1/t/${net.slug}/community/events`;

export function eventInput(input: Record<string, unknown> = {}) {
  return {
    title: 'アルムナイ交流会 2026 冬',
    body: '**ようこそ**。久しぶりに会いましょう。',
    startsAt: inHours(72).toISOString(),
    endsAt: inHours(74).toISOString(),
    format: 'in_person',
    venue: '本社 10 階 ラウンジ',
    address: '東京都千代田区丸の内 1-1-1',
    capacityInPerson: 30,
    ...input,
  };
}

/** Creates an event (and publishes it unless told not to). */
export async function createEvent(net: Network, input: Record<string, unknown> = {}, publish = true) {
  const created = await net.hr.post<StaffEvent & Problem>(staffBase(net), eventInput(input));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  if (!publish) return created.body;
  const published = await net.hr.post<StaffEvent & Problem>(`${staffBase(net)}/${created.body.id}/publish`);
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return published.body;
}
