import { sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/raw.js';
import { inTenant } from '../../db/scope.js';
import { TestClient } from '../../test/client.js';
import { communityMember } from '../../test/community-factories.js';
import { mailsTo } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { remindEvent } from './event-reminders.js';
import {
  createEvent,
  inHours,
  type MemberEvent,
  memberBase,
  network,
  type StaffEvent,
  staffBase,
} from './event-test-factories.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());
beforeEach(async () => {
  await server.deps.database.db.execute(sql`delete from rate_limit_buckets where key like 'magic-link:ip:%'`);
});

type Feed = { active: boolean; url: string | null; webcalUrl: string | null };

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    calendar,
    events: calendar.getAllSubcomponents('vevent').map((component) => ({
      component,
      event: new ICAL.Event(component),
      sequence: component.getFirstPropertyValue('sequence'),
      status: component.getFirstPropertyValue('status'),
    })),
  };
}

describe('calendar files and the personal feed', () => {
  it('gives an .ics in the event’s zone, keeps the UID and raises SEQUENCE on a change', async () => {
    const net = await network(server);
    const start = inHours(72);
    const event = await createEvent(net, {
      startsAt: start.toISOString(),
      endsAt: inHours(74).toISOString(),
    });
    const member = await communityMember(server, net);
    const first = await member.client.get<string>(`${memberBase(net)}/${event.id}/calendar.ics`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('text/calendar');
    const before = parse(first.body).events[0]!;
    expect(before.event.startDate.zone.tzid).toBe('Asia/Tokyo');
    expect(before.event.startDate.toJSDate().getTime()).toBe(start.getTime());
    expect(before.event.summary).toBe(event.title);
    expect(before.sequence).toBe(0);

    await net.hr.patch(`${staffBase(net)}/${event.id}`, {
      startsAt: inHours(96).toISOString(),
      endsAt: inHours(97).toISOString(),
    });
    const after = parse((await member.client.get<string>(`${memberBase(net)}/${event.id}/calendar.ics`)).body)
      .events[0]!;
    expect(after.event.uid).toBe(before.event.uid);
    expect(after.sequence).toBe(1);
    expect(after.event.startDate.toJSDate().getTime()).toBe(inHours(96).getTime());
    // Someone the event is not for gets nothing.
    const employee = await communityMember(server, net, { role: 'employee' });
    expect((await employee.client.get(`${memberBase(net)}/${event.id}/calendar.ics`)).status).toBe(404);
  });

  it('serves a secret, revocable feed of the events I registered for, without signing in', async () => {
    const net = await network(server);
    const member = await communityMember(server, net);
    const going = await createEvent(net, { title: '行く会' });
    const dropped = await createEvent(net, { title: 'やめた会' });
    await createEvent(net, { title: '関係ない会' });
    await member.client.post(`${memberBase(net)}/${going.id}/registration`, {});
    await member.client.post(`${memberBase(net)}/${dropped.id}/registration`, {});
    await member.client.post(`${memberBase(net)}/${dropped.id}/registration/cancel`);

    const off = await member.client.get<Feed>(`/api/v1/t/${net.slug}/community/event-calendar-feed`);
    expect(off.body).toMatchObject({ active: false, url: null });
    const made = await member.client.post<Feed>(`/api/v1/t/${net.slug}/community/event-calendar-feed`);
    expect(made.status).toBe(201);
    expect(made.body.webcalUrl).toMatch(/^webcal:\/\//);
    const path = new URL(made.body.url!).pathname;
    const anonymous = new TestClient(server);
    const feed = await anonymous.get<string>(path);
    expect(feed.status).toBe(200);
    const entries = parse(feed.body).events;
    expect(entries.map((e) => [e.event.summary, e.status]).sort()).toEqual([
      ['やめた会', 'CANCELLED'],
      ['行く会', 'CONFIRMED'],
    ]);
    // The address of one network does not open another's.
    const other = await network(server);
    expect((await anonymous.get(path.replace(net.slug, other.slug))).status).toBe(404);
    expect((await anonymous.get(`/api/v1/calendar/${net.slug}/${'A'.repeat(43)}.ics`)).status).toBe(404);

    // A new address revokes the old one; revoking turns it off.
    const again = await member.client.post<Feed>(`/api/v1/t/${net.slug}/community/event-calendar-feed`);
    expect((await anonymous.get(path)).status).toBe(404);
    const newPath = new URL(again.body.url!).pathname;
    expect((await anonymous.get(newPath)).status).toBe(200);
    const revoked = await member.client.delete<Feed>(`/api/v1/t/${net.slug}/community/event-calendar-feed`);
    expect(revoked.body.active).toBe(false);
    expect((await anonymous.get(newPath)).status).toBe(404);
    // Another network's member cannot reach this network's feed settings.
    const stranger = await communityMember(server, other);
    expect((await stranger.client.post(`/api/v1/t/${net.slug}/community/event-calendar-feed`)).status).toBe(
      404,
    );
  });
});

describe('reminders', () => {
  it('queues the day-before and hour-before reminders and sends each once to the confirmed only', async () => {
    const net = await network(server);
    const start = inHours(72);
    const event = await createEvent(net, {
      startsAt: start.toISOString(),
      endsAt: inHours(73).toISOString(),
      capacityInPerson: 1,
    });
    const jobs = await queryRows<{ start_after: string; data: { which: string; sequence: number } }>(
      server.deps.database.db,
      sql`select start_after, data from pgboss.job where name = 'event.remind' and data->>'eventId' = ${event.id} order by start_after`,
    );
    expect(jobs.map((j) => [new Date(j.start_after).getTime(), j.data.which])).toEqual([
      [start.getTime() - 24 * 3_600_000, 'day'],
      [start.getTime() - 3_600_000, 'hour'],
    ]);
    const confirmed = await communityMember(server, net, { displayName: '確定 さん' });
    const waiting = await communityMember(server, net, { displayName: '待ち さん' });
    const left = await communityMember(server, net, { displayName: '取消 さん' });
    await confirmed.client.post(`${memberBase(net)}/${event.id}/registration`, {});
    await waiting.client.post(`${memberBase(net)}/${event.id}/registration`, {});
    await left.client.post(`${memberBase(net)}/${event.id}/registration`, {});
    await left.client.post(`${memberBase(net)}/${event.id}/registration/cancel`);

    const job = { tenantId: net.id, eventId: event.id, which: 'day' as const, sequence: 0 };
    expect(await remindEvent(server.deps, job)).toBe(1);
    // A retry, or the job run again after a restart, sends nothing more.
    expect(await remindEvent(server.deps, job)).toBe(0);
    const mails = await mailsTo(server, confirmed.email);
    expect(mails.filter((m) => m.subject.includes(event.title))).toHaveLength(1);
    expect(
      (await mailsTo(server, waiting.email)).filter((m) => m.subject.includes('始まります')),
    ).toHaveLength(0);
    const bell = await confirmed.client.get<{ notifications: { kind: string }[] }>(
      `/api/v1/t/${net.slug}/community/notifications`,
    );
    expect(bell.body.notifications.map((n) => n.kind)).toEqual(['event_reminder']);

    // After a change of time the old jobs stand down; a cancelled event gets no reminder at all.
    const moved = await net.hr.patch<StaffEvent>(`${staffBase(net)}/${event.id}`, {
      startsAt: inHours(80).toISOString(),
      endsAt: inHours(81).toISOString(),
    });
    expect(await remindEvent(server.deps, { ...job, which: 'hour' })).toBe(0);
    const hour = { ...job, which: 'hour' as const, sequence: moved.body.sequence };
    await net.hr.post(`${staffBase(net)}/${event.id}/cancel`);
    expect(await remindEvent(server.deps, hour)).toBe(0);
    const marked = await inTenant(server.deps.database.db, net.id, (tx) =>
      queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from event_registrations where reminded_hour_at is not null`,
      ),
    );
    expect(marked[0]!.n).toBe(0);
  });

  it('tells a promoted member and puts the event in their calendar', async () => {
    const net = await network(server);
    const event = await createEvent(net, { capacityInPerson: 1 });
    const first = await communityMember(server, net);
    const second = await communityMember(server, net, { displayName: '繰上 さん' });
    await first.client.post(`${memberBase(net)}/${event.id}/registration`, {});
    await second.client.post(`${memberBase(net)}/${event.id}/registration`, {});
    await first.client.post(`${memberBase(net)}/${event.id}/registration/cancel`);
    const mail = (await mailsTo(server, second.email)).find((m) => m.subject.includes('繰り上がり'));
    const ics = parse(mail!.attachments[0]!.content).events[0]!;
    expect(ics.event.summary).toBe(event.title);
    const page = await second.client.get<MemberEvent>(`${memberBase(net)}/${event.id}`);
    expect(page.body.registration?.status).toBe('confirmed');
  });
});
