import { and, eq, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/raw.js';
import { auditEvents, memberBlocks, memberships } from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import { communityMember } from '../../test/community-factories.js';
import { mailsTo, signIn } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { remindChat } from './chat-jobs.js';
import { type Network, network, type Problem } from './opportunity-test-factories.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());
// Each test signs in many people from one address; the per-address sign-in limit is not under test here.
beforeEach(async () => {
  await server.deps.database.db.execute(sql`delete from rate_limit_buckets where key like 'magic-link:ip:%'`);
});

type Slot = {
  id: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  host: { id: string; displayName: string };
  bookedByMe?: boolean;
  booking?: { id: string; member: { id: string; displayName: string }; message: string } | null;
  cancelledAt?: string | null;
};
type Chat = { id: string; status: string; slot: Slot & { place: string } };

const HOUR = 3_600_000;
/** A time on the hour, `hours` from now (whole minutes, so the .ics shows it exactly). */
const inHours = (hours: number) => new Date(Math.ceil(Date.now() / HOUR) * HOUR + hours * HOUR);

const base = (net: { slug: string }) => `/api/v1/t/${net.slug}/community/career-chats`;

async function publish(client: Network['hr'], net: Network, input: Record<string, unknown> = {}) {
  return client.post<Slot & Problem>(`${base(net)}/hosted`, {
    startsAt: inHours(48).toISOString(),
    minutes: 30,
    placeKind: 'online',
    place: 'https://meet.example.jp/abc-defg',
    topic: 'comeback',
    note: '復職の流れをお話しします',
    ...input,
  });
}

function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, event: new ICAL.Event(calendar.getFirstSubcomponent('vevent')!) };
}

describe('publishing slots', () => {
  it('lets HR and employees publish, refuses alumni, the past and overlapping slots of one host', async () => {
    const net = await network(server);
    const employee = await communityMember(server, net, { role: 'employee', displayName: '社員 次郎' });
    const alumnus = await communityMember(server, net);
    const first = await publish(net.hr, net, { startsAt: inHours(48).toISOString(), minutes: 60 });
    expect(first.status).toBe(201);
    expect(first.body.host.id).toBe(net.hrId);
    expect(first.body.booking).toBeNull();

    const overlapping = await publish(net.hr, net, { startsAt: inHours(48.5).toISOString() });
    expect(overlapping.status).toBe(409);
    expect(overlapping.body.code).toBe('chat_slot_overlaps');
    // Back to back is not an overlap, and another host may use the same hour.
    expect((await publish(net.hr, net, { startsAt: inHours(49).toISOString() })).status).toBe(201);
    expect((await publish(employee.client, net, { startsAt: inHours(48).toISOString() })).status).toBe(201);

    const past = await publish(net.hr, net, { startsAt: new Date(Date.now() - 60_000).toISOString() });
    expect(past.status).toBe(422);
    expect(past.body.code).toBe('chat_slot_in_past');
    const refused = await publish(alumnus.client, net);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('chat_not_host');
    expect((await publish(net.hr, net, { place: 'javascript:alert(1)' })).status).toBe(422);
    expect((await publish(net.hr, net, { minutes: 5 })).status).toBe(422);
    expect((await publish(net.hr, net, { topic: 'salary' })).status).toBe(422);
    // An in-person slot takes a place's name.
    expect(
      (
        await publish(net.hr, net, {
          startsAt: inHours(72).toISOString(),
          placeKind: 'place',
          place: '本社 10 階',
        })
      ).status,
    ).toBe(201);

    const audit = await inTenant(server.deps.database.db, net.id, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(
          and(eq(auditEvents.targetId, first.body.id), eq(auditEvents.action, 'career_chat.slot_published')),
        ),
    );
    expect(audit).toHaveLength(1);
  });

  it('lets only one of two overlapping slots published at the same moment through', async () => {
    const net = await network(server);
    const results = await Promise.all(
      [48, 48.25, 48.5].map((hours) =>
        publish(net.hr, net, { startsAt: inHours(hours).toISOString(), minutes: 60 }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });
});

describe('booking', () => {
  it('books in one request, mails both sides an .ics in Tokyo time, and hides the slot from others', async () => {
    const net = await network(server);
    const start = inHours(50);
    const slot = (await publish(net.hr, net, { startsAt: start.toISOString() })).body;
    const member = await communityMember(server, net, { displayName: '卒業 花子' });
    const other = await communityMember(server, net, { displayName: '別の 人' });

    const open = await member.client.get<{ slots: Slot[] }>(`${base(net)}/slots`);
    expect(open.status).toBe(200);
    const listed = open.body.slots.find((s) => s.id === slot.id)!;
    // The meeting link is for the two people once booked.
    expect(listed.place).toBeNull();
    expect(listed.host.displayName).toBe('人事 一郎');

    const booked = await member.client.post<Chat>(`${base(net)}/slots/${slot.id}/booking`, {
      message: '復職について伺いたいです',
    });
    expect(booked.status).toBe(201);
    expect(booked.body.status).toBe('booked');
    expect(booked.body.slot.place).toBe('https://meet.example.jp/abc-defg');
    const again = await member.client.post<Chat>(`${base(net)}/slots/${slot.id}/booking`, {});
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(booked.body.id);

    const taken = await other.client.post<Problem>(`${base(net)}/slots/${slot.id}/booking`, {});
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('chat_slot_taken');
    const othersView = await other.client.get<{ slots: Slot[] }>(`${base(net)}/slots`);
    expect(othersView.body.slots.map((s) => s.id)).not.toContain(slot.id);
    expect(JSON.stringify(othersView.body)).not.toContain('卒業 花子');
    const mine = await member.client.get<{ slots: Slot[] }>(`${base(net)}/slots`);
    expect(mine.body.slots.find((s) => s.id === slot.id)?.bookedByMe).toBe(true);

    const [memberMail] = await mailsTo(server, member.email);
    expect(memberMail!.subject).toContain('カジュアル面談のご予約');
    expect(memberMail!.textBody).toContain('人事 一郎 さん');
    expect(memberMail!.attachments).toHaveLength(1);
    const ics = memberMail!.attachments[0]!;
    expect(ics.filename).toBe('career-chat.ics');
    expect(ics.content).toContain('DTSTART;TZID=Asia/Tokyo:');
    expect(ics.content).toContain('BEGIN:VTIMEZONE');
    const { calendar, event } = parseIcs(ics.content);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(event.startDate.zone.tzid).toBe('Asia/Tokyo');
    expect(event.startDate.toJSDate().getTime()).toBe(start.getTime());
    expect(event.endDate.toJSDate().getTime()).toBe(start.getTime() + 30 * 60_000);
    expect(event.summary).toBe('カジュアル面談（人事 一郎 さん）');
    expect(event.location).toBe('https://meet.example.jp/abc-defg');
    const [hostMail] = await hostMailsFor(net);
    expect(hostMail!.textBody).toContain('卒業 花子 さん');
    expect(parseIcs(hostMail!.attachments[0]!.content).event.uid).toBe(event.uid);

    // The host and HR see who booked; the day-before reminder is queued for start − 24 h.
    const hosted = await net.hr.get<{ slots: Slot[] }>(`${base(net)}/hosted`);
    expect(hosted.body.slots[0]!.booking?.member.displayName).toBe('卒業 花子');
    expect(hosted.body.slots[0]!.booking?.message).toBe('復職について伺いたいです');
    const all = await net.hr.get<{ slots: Slot[] }>(`/api/v1/t/${net.slug}/career-chats`);
    expect(all.body.slots.map((s) => s.booking?.id)).toEqual([booked.body.id]);
    const jobs = await queryRows<{ start_after: string }>(
      server.deps.database.db,
      sql`select start_after from pgboss.job where name = 'career_chat.remind' and data->>'bookingId' = ${booked.body.id}`,
    );
    expect(new Date(jobs[0]!.start_after).getTime()).toBe(start.getTime() - 24 * HOUR);
  });

  it('gives a slot to exactly one of many members booking at once; the rest get 409, none a 500', async () => {
    const net = await network(server);
    const slot = (await publish(net.hr, net)).body;
    // Signed in one after another (each reads its sign-in mail); then they all book at once.
    const crowd: Awaited<ReturnType<typeof communityMember>>[] = [];
    for (let index = 0; index < 12; index += 1) {
      crowd.push(await communityMember(server, net, { displayName: `会員 ${index}` }));
    }
    const results = await Promise.all(
      crowd.map((member) => member.client.post<Problem>(`${base(net)}/slots/${slot.id}/booking`, {})),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(11);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'chat_slot_taken')).toBe(
      true,
    );
    const live = await inTenant(server.deps.database.db, net.id, (tx) =>
      queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from career_chat_bookings where slot_id = ${slot.id}`,
      ),
    );
    expect(live[0]!.n).toBe(1);
  });

  it('refuses blocked members, employees, past and cancelled slots, and suspended members', async () => {
    const net = await network(server);
    const slot = (await publish(net.hr, net)).body;
    const blocked = await communityMember(server, net);
    await inTenant(server.deps.database.db, net.id, (tx) =>
      tx.insert(memberBlocks).values({ tenantId: net.id, blockerId: net.hrId, blockedId: blocked.id }),
    );
    expect((await blocked.client.get<{ slots: Slot[] }>(`${base(net)}/slots`)).body.slots).toEqual([]);
    const refused = await blocked.client.post<Problem>(`${base(net)}/slots/${slot.id}/booking`, {});
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('chat_blocked');

    const employee = await communityMember(server, net, { role: 'employee' });
    const notBooker = await employee.client.post<Problem>(`${base(net)}/slots/${slot.id}/booking`, {});
    expect(notBooker.status).toBe(403);
    expect(notBooker.body.code).toBe('chat_not_bookable');

    const suspended = await communityMember(server, net);
    await inTenant(server.deps.database.db, net.id, (tx) =>
      tx.update(memberships).set({ status: 'suspended' }).where(eq(memberships.id, suspended.id)),
    );
    expect((await suspended.client.post(`${base(net)}/slots/${slot.id}/booking`, {})).status).toBe(404);

    const member = await communityMember(server, net);
    await inTenant(server.deps.database.db, net.id, (tx) =>
      tx.execute(
        sql`update career_chat_slots set starts_at = now() - interval '1 minute' where id = ${slot.id}`,
      ),
    );
    const late = await member.client.post<Problem>(`${base(net)}/slots/${slot.id}/booking`, {});
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('chat_slot_unavailable');
    const cancelledSlot = (await publish(net.hr, net, { startsAt: inHours(80).toISOString() })).body;
    expect((await net.hr.post(`${base(net)}/hosted/${cancelledSlot.id}/cancel`)).status).toBe(200);
    const gone = await member.client.post<Problem>(`${base(net)}/slots/${cancelledSlot.id}/booking`, {});
    expect(gone.body.code).toBe('chat_slot_unavailable');
  });
});

describe('booking limits', () => {
  it('slows down a member who books twenty times a minute (429), without touching others', async () => {
    const net = await network(server);
    const slot = (await publish(net.hr, net)).body;
    const member = await communityMember(server, net);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) {
      statuses.push((await member.client.post(`${base(net)}/slots/${slot.id}/booking`, {})).status);
    }
    expect(statuses).toEqual([201, ...Array(19).fill(200), 429]);
    const other = await communityMember(server, net);
    expect((await other.client.post<Problem>(`${base(net)}/slots/${slot.id}/booking`, {})).body.code).toBe(
      'chat_slot_taken',
    );
  });
});

describe('cancelling and reminders', () => {
  it('lets the member cancel: the host gets a CANCEL .ics, the slot opens again, no reminder goes out', async () => {
    const net = await network(server);
    const slot = (await publish(net.hr, net)).body;
    const member = await communityMember(server, net, { displayName: '卒業 花子' });
    const booked = (await member.client.post<Chat>(`${base(net)}/slots/${slot.id}/booking`, {})).body;
    expect((await hostMailsFor(net))[0]!.subject).toContain('ご予約');
    const cancelled = await member.client.post<{ status: string }>(
      `${base(net)}/bookings/${booked.id}/cancel`,
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await member.client.post(`${base(net)}/bookings/${booked.id}/cancel`)).status).toBe(200);

    const hostMails = await hostMailsFor(net);
    expect(hostMails[0]!.subject).toContain('カジュアル面談が取り消されました');
    const { calendar, event } = parseIcs(hostMails[0]!.attachments[0]!.content);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.component.getFirstPropertyValue('sequence')).toBe(1);
    // The member cancelled: no mail of their own about it.
    expect((await mailsTo(server, member.email)).map((m) => m.subject).join()).not.toContain(
      '取り消されました',
    );

    const mine = await member.client.get<{ chats: Chat[] }>(`${base(net)}/mine`);
    expect(mine.body.chats.map((c) => c.status)).toEqual(['cancelled']);
    const reopened = await member.client.get<{ slots: Slot[] }>(`${base(net)}/slots`);
    expect(reopened.body.slots.map((s) => s.id)).toContain(slot.id);
    expect(await remindChat(server.deps, { tenantId: net.id, bookingId: booked.id })).toBe(false);
  });

  it('reminds both the day before, once; a host cancelling the slot cancels the booking with a mail', async () => {
    const net = await network(server);
    const slot = (await publish(net.hr, net, { startsAt: inHours(30).toISOString() })).body;
    const member = await communityMember(server, net);
    const booked = (await member.client.post<Chat>(`${base(net)}/slots/${slot.id}/booking`, {})).body;
    expect((await mailsTo(server, member.email))[0]!.subject).toContain('ご予約');
    await hostMailsFor(net);
    expect(await remindChat(server.deps, { tenantId: net.id, bookingId: booked.id })).toBe(true);
    expect(await remindChat(server.deps, { tenantId: net.id, bookingId: booked.id })).toBe(false);
    const [reminder] = await mailsTo(server, member.email);
    expect(reminder!.subject).toContain('明日はカジュアル面談です');
    expect(reminder!.attachments[0]!.content).toContain('TZID=Asia/Tokyo');
    expect((await hostMailsFor(net))[0]!.subject).toContain('明日はカジュアル面談です');

    const taken = await net.hr.post<Slot>(`${base(net)}/hosted/${slot.id}/cancel`);
    expect(taken.status).toBe(200);
    expect(taken.body.cancelledAt).not.toBeNull();
    expect(taken.body.booking).toBeNull();
    const [cancelMail] = await mailsTo(server, member.email);
    expect(cancelMail!.subject).toContain('取り消されました');
    expect(parseIcs(cancelMail!.attachments[0]!.content).calendar.getFirstPropertyValue('method')).toBe(
      'CANCEL',
    );
    const mine = await member.client.get<{ chats: Chat[] }>(`${base(net)}/mine`);
    expect(mine.body.chats[0]!.status).toBe('cancelled');
    const audit = await inTenant(server.deps.database.db, net.id, (tx) =>
      tx.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.targetId, slot.id)),
    );
    expect(audit.map((a) => a.action).sort()).toEqual([
      'career_chat.booked',
      'career_chat.booking_cancelled',
      'career_chat.slot_cancelled',
      'career_chat.slot_published',
    ]);
    // The owner's audit log names the slot by its start in Japan time and its host.
    const owner = await signIn(server, net.ownerEmail);
    const log = await owner.get<{ events: { action: string; targetName: string | null }[] }>(
      `/api/v1/t/${net.slug}/audit-events?action=career_chat.booked`,
    );
    const tokyo = new Date(new Date(slot.startsAt).getTime() + 9 * HOUR).toISOString();
    expect(log.body.events.map((event) => event.targetName)).toEqual([
      `${tokyo.slice(0, 10)} ${tokyo.slice(11, 16)} 人事 一郎`,
    ]);
  });
});

describe('who sees a chat', () => {
  it('keeps a chat to the two people and HR, and every endpoint to its network and roles', async () => {
    const net = await network(server);
    const other = await network(server);
    const employee = await communityMember(server, net, { role: 'employee', displayName: '社員 次郎' });
    const slot = (await publish(employee.client, net)).body;
    const member = await communityMember(server, net, { displayName: '卒業 花子' });
    const bystander = await communityMember(server, net);
    const stranger = await communityMember(server, other);
    const booked = (await member.client.post<Chat>(`${base(net)}/slots/${slot.id}/booking`, {})).body;
    await server.deps.jobs.drain();

    // Another member cannot cancel it, see it, or see the host's bookings.
    expect((await bystander.client.post(`${base(net)}/bookings/${booked.id}/cancel`)).status).toBe(404);
    expect((await bystander.client.get<{ chats: Chat[] }>(`${base(net)}/mine`)).body.chats).toEqual([]);
    expect((await bystander.client.get(`${base(net)}/hosted`)).status).toBe(403);
    expect((await bystander.client.post(`${base(net)}/hosted/${slot.id}/cancel`)).status).toBe(404);
    // Only HR has the console's list; the employee hosts without it.
    expect((await bystander.client.get(`/api/v1/t/${net.slug}/career-chats`)).status).toBe(403);
    expect((await employee.client.get(`/api/v1/t/${net.slug}/career-chats`)).status).toBe(403);
    expect(
      (await employee.client.get<{ slots: Slot[] }>(`${base(net)}/hosted`)).body.slots[0]!.booking?.member
        .displayName,
    ).toBe('卒業 花子');
    // Another host's slot is not this host's to cancel; HR's is.
    const hrSlot = (await publish(net.hr, net)).body;
    expect((await employee.client.post(`${base(net)}/hosted/${hrSlot.id}/cancel`)).status).toBe(404);

    // Another network: every endpoint says not found, with its own slug or this one's.
    for (const client of [stranger.client, other.hr]) {
      expect((await client.get(`${base(net)}/slots`)).status).toBe(404);
      expect((await client.post(`${base(net)}/slots/${slot.id}/booking`, {})).status).toBe(404);
      expect((await client.get(`${base(net)}/mine`)).status).toBe(404);
      expect((await client.post(`${base(net)}/bookings/${booked.id}/cancel`)).status).toBe(404);
      expect((await client.get(`${base(net)}/hosted`)).status).toBe(404);
      expect((await client.post(`${base(net)}/hosted`, {})).status).toBe(404);
      expect((await client.post(`${base(net)}/hosted/${slot.id}/cancel`)).status).toBe(404);
      expect((await client.get(`/api/v1/t/${net.slug}/career-chats`)).status).toBe(404);
    }
    expect((await stranger.client.post(`${base(other)}/slots/${slot.id}/booking`, {})).status).toBe(404);
    expect((await stranger.client.post(`${base(other)}/bookings/${booked.id}/cancel`)).status).toBe(404);
    expect((await other.hr.post(`${base(other)}/hosted/${slot.id}/cancel`)).status).toBe(404);
    expect(
      (await other.hr.get<{ slots: Slot[] }>(`/api/v1/t/${other.slug}/career-chats`)).body.slots,
    ).toEqual([]);

    // HR may cancel any chat; both sides hear of it.
    expect((await net.hr.post(`${base(net)}/bookings/${booked.id}/cancel`)).status).toBe(200);
    expect((await mailsTo(server, member.email))[0]!.textBody).toContain('人事担当者により');
    expect((await mailsTo(server, employee.email))[0]!.textBody).toContain('人事担当者により');
  });
});

async function hostMailsFor(net: Network) {
  const [host] = await inTenant(server.deps.database.db, net.id, (tx) =>
    queryRows<{ email: string }>(
      tx,
      sql`select a.email from memberships m join accounts a on a.id = m.account_id where m.id = ${net.hrId}`,
    ),
  );
  return mailsTo(server, host!.email);
}
