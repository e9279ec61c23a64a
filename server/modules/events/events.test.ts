import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import { communityMember } from '../../test/community-factories.js';
import { tenantWithMember } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import {
  createEvent,
  eventInput,
  inHours,
  type MemberEvent,
  memberBase,
  network,
  type Problem,
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

describe('staff create, edit, publish and cancel events', () => {
  it('creates a draft with sanitised text, publishes it and audits both', async () => {
    const net = await network(server);
    const created = await net.hr.post<StaffEvent>(
      staffBase(net),
      eventInput({
        body: '<script>alert(1)</script>**歓迎**',
        format: 'hybrid',
        meetingUrl: 'https://meet.example.jp/x',
        capacityOnline: 50,
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('draft');
    expect(created.body.bodyHtml).toContain('<strong>歓迎</strong>');
    expect(created.body.bodyHtml).not.toContain('<script');
    expect(created.body.seats.inPerson).toEqual({ capacity: 30, confirmed: 0, waitlisted: 0 });
    expect(created.body.seats.online).toEqual({ capacity: 50, confirmed: 0, waitlisted: 0 });
    // A draft is not for members.
    const member = await communityMember(server, net);
    expect((await member.client.get(`${memberBase(net)}/${created.body.id}`)).status).toBe(404);

    const published = await net.hr.post<StaffEvent>(`${staffBase(net)}/${created.body.id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect((await member.client.get(`${memberBase(net)}/${created.body.id}`)).status).toBe(200);

    const audit = await inTenant(server.deps.database.db, net.id, (tx) =>
      tx
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(eq(auditEvents.targetId, created.body.id)),
    );
    expect(audit.map((a) => a.action).sort()).toEqual(['event.created', 'event.published']);
  });

  it('refuses an end before the start, a bad window, invalid links and publishing without a venue', async () => {
    const net = await network(server);
    const backwards = await net.hr.post<Problem>(
      staffBase(net),
      eventInput({ startsAt: inHours(10).toISOString(), endsAt: inHours(9).toISOString() }),
    );
    expect(backwards.status).toBe(422);
    expect(backwards.body.errors).toEqual([
      expect.objectContaining({ path: 'endsAt', code: 'event_ends_before_start' }),
    ]);
    const window = await net.hr.post<Problem>(
      staffBase(net),
      eventInput({
        registrationOpensAt: inHours(5).toISOString(),
        registrationClosesAt: inHours(4).toISOString(),
      }),
    );
    expect(window.status).toBe(422);
    for (const bad of [
      { meetingUrl: 'javascript:alert(1)' },
      { mapUrl: 'not a url' },
      { timeZone: 'Mars/Olympus' },
    ]) {
      expect((await net.hr.post(staffBase(net), eventInput(bad))).status).toBe(422);
    }
    expect((await net.hr.post(staffBase(net), eventInput({ capacityInPerson: 0 }))).status).toBe(422);
    // A choice question needs choices.
    const question = await net.hr.post<Problem>(
      staffBase(net),
      eventInput({
        questions: [{ id: 'topic', kind: 'choice', label: '話したいテーマ', choices: ['一つ'] }],
      }),
    );
    expect(question.status).toBe(422);

    const noVenue = await net.hr.post<StaffEvent>(staffBase(net), eventInput({ venue: '' }));
    expect(noVenue.status).toBe(201);
    const refused = await net.hr.post<Problem>(`${staffBase(net)}/${noVenue.body.id}/publish`);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('event_incomplete');
    // A patch that puts the end before the stored start is refused too; nothing is written.
    const patch = await net.hr.patch<Problem>(`${staffBase(net)}/${noVenue.body.id}`, {
      endsAt: inHours(1).toISOString(),
    });
    expect(patch.status).toBe(422);
    expect((await net.hr.get<StaffEvent>(`${staffBase(net)}/${noVenue.body.id}`)).body.endsAt).toBe(
      noVenue.body.endsAt,
    );
  });

  it('changes the time with a higher sequence, tells registrants, and cancels once', async () => {
    const net = await network(server);
    const event = await createEvent(net);
    const member = await communityMember(server, net);
    expect((await member.client.post(`${memberBase(net)}/${event.id}/registration`, {})).status).toBe(201);

    const renamed = await net.hr.patch<StaffEvent>(`${staffBase(net)}/${event.id}`, {
      title: '交流会（冬）',
    });
    expect(renamed.body.sequence).toBe(0);
    const moved = await net.hr.patch<StaffEvent>(`${staffBase(net)}/${event.id}`, {
      startsAt: inHours(96).toISOString(),
      endsAt: inHours(98).toISOString(),
    });
    expect(moved.status).toBe(200);
    expect(moved.body.sequence).toBe(1);
    const cancelled = await net.hr.post<StaffEvent>(`${staffBase(net)}/${event.id}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.sequence).toBe(2);
    const again = await net.hr.post<StaffEvent>(`${staffBase(net)}/${event.id}/cancel`);
    expect(again.body.sequence).toBe(2);
    expect((await net.hr.patch(`${staffBase(net)}/${event.id}`, { title: 'x' })).status).toBe(409);

    const bell = await member.client.get<{
      notifications: { kind: string; target: { type: string; id: string } }[];
    }>(`/api/v1/t/${net.slug}/community/notifications`);
    expect(bell.body.notifications.map((n) => n.kind)).toEqual(['event_cancelled', 'event_changed']);
    expect(bell.body.notifications[0]!.target).toEqual({ type: 'event', id: event.id });
    const seen = await member.client.get<MemberEvent>(`${memberBase(net)}/${event.id}`);
    expect(seen.body.status).toBe('cancelled');
    expect(seen.body.registrationOpen).toBe(false);

    const audit = await inTenant(server.deps.database.db, net.id, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.targetId, event.id), eq(auditEvents.action, 'event.cancelled'))),
    );
    expect(audit).toHaveLength(1);
  });

  it('refuses a capacity below the confirmed count and promotes the waitlist when it grows', async () => {
    const net = await network(server);
    const event = await createEvent(net, { capacityInPerson: 1 });
    const first = await communityMember(server, net, { displayName: '一番 さん' });
    const second = await communityMember(server, net, { displayName: '二番 さん' });
    await first.client.post(`${memberBase(net)}/${event.id}/registration`, {});
    const waiting = await second.client.post<MemberEvent>(`${memberBase(net)}/${event.id}/registration`, {});
    expect(waiting.body.registration?.status).toBe('waitlisted');
    await net.hr.patch(`${staffBase(net)}/${event.id}`, { capacityInPerson: 2 });
    const promoted = await second.client.get<MemberEvent>(`${memberBase(net)}/${event.id}`);
    expect(promoted.body.registration?.status).toBe('confirmed');
    const lower = await net.hr.patch<Problem>(`${staffBase(net)}/${event.id}`, { capacityInPerson: 1 });
    expect(lower.status).toBe(422);
    expect(lower.body.code).toBe('event_capacity_below_confirmed');
  });
});

describe('who may reach the staff endpoints', () => {
  it.each(['alumnus', 'employee', 'moderator'] as const)(
    'refuses every staff endpoint to a %s',
    async (role) => {
      const { slug, client } = await tenantWithMember(server, role);
      const base = `/api/v1/t/${slug}/events`;
      const id = '00000000-0000-4000-8000-000000000000';
      const calls = [
        client.get(base),
        client.post(base, eventInput()),
        client.get(`${base}/${id}`),
        client.patch(`${base}/${id}`, { title: 'x' }),
        client.post(`${base}/${id}/publish`),
        client.post(`${base}/${id}/cancel`),
        client.get(`${base}/${id}/registrations`),
        client.post(`${base}/${id}/registrations`, { memberId: id }),
        client.post(`${base}/${id}/registrations/${id}/cancel`),
        client.get(`${base}/${id}/registrations/export`),
        client.post(`${base}/${id}/message`, { text: 'x' }),
        client.post(`${base}/${id}/check-in`, { code: 'ABCDEFGH' }),
      ];
      for (const response of await Promise.all(calls)) expect(response.status).toBe(403);
    },
  );

  it("pages a member's upcoming events soonest first, 20 at a time, only those meant for them", async () => {
    const net = await network(server);
    const member = await communityMember(server, net);
    // Events in pairs at the same start: the id keeps one order across the page boundary.
    const made: { id: string; startsAt: string }[] = [];
    for (let i = 0; i < 23; i++) {
      const starts = inHours(24 + 3 * Math.floor(i / 2));
      const event = await createEvent(net, {
        title: `予定の会 ${i}`,
        startsAt: starts.toISOString(),
        endsAt: new Date(starts.getTime() + 3_600_000).toISOString(),
      });
      made.push({ id: event.id, startsAt: event.startsAt });
    }
    const hidden = await createEvent(net, { audience: { members: false, includeEmployees: true } });
    const draft = await createEvent(net, {}, false);
    const expected = made
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || (a.id < b.id ? -1 : 1))
      .map((e) => e.id);

    type Page = { events: MemberEvent[]; next: string | null };
    const first = await member.client.get<Page>(memberBase(net));
    expect(first.body.events.map((e) => e.id)).toEqual(expected.slice(0, 20));
    expect(first.body.next).not.toBeNull();
    const second = await member.client.get<Page>(
      `${memberBase(net)}?when=upcoming&after=${encodeURIComponent(first.body.next!)}`,
    );
    expect(second.body.events.map((e) => e.id)).toEqual(expected.slice(20));
    expect(second.body.next).toBeNull();
    const seen = first.body.events.concat(second.body.events).map((e) => e.id);
    expect(seen).not.toContain(hidden.id);
    expect(seen).not.toContain(draft.id);
    const bad = await member.client.get<Problem>(`${memberBase(net)}?when=upcoming&after=tomorrow`);
    expect(bad.status).toBe(422);
  });

  it('shows nothing of another network: its staff and members get 404 for every event endpoint', async () => {
    const net = await network(server);
    const event = await createEvent(net);
    const member = await communityMember(server, net);
    const registered = await member.client.post<MemberEvent>(
      `${memberBase(net)}/${event.id}/registration`,
      {},
    );
    const registrationId = registered.body.registration!.id;
    const other = await network(server);
    const otherMember = await communityMember(server, other);
    const staffCalls = [
      other.hr.get(`${staffBase(other)}/${event.id}`),
      other.hr.patch(`${staffBase(other)}/${event.id}`, { title: 'x' }),
      other.hr.post(`${staffBase(other)}/${event.id}/publish`),
      other.hr.post(`${staffBase(other)}/${event.id}/cancel`),
      other.hr.get(`${staffBase(other)}/${event.id}/registrations`),
      other.hr.post(`${staffBase(other)}/${event.id}/registrations`, { memberId: member.id }),
      other.hr.post(`${staffBase(other)}/${event.id}/registrations/${registrationId}/cancel`),
      other.hr.get(`${staffBase(other)}/${event.id}/registrations/export`),
      other.hr.post(`${staffBase(other)}/${event.id}/message`, { text: 'x' }),
      other.hr.post(`${staffBase(other)}/${event.id}/check-in`, {
        code: registered.body.registration!.checkInCode,
      }),
      otherMember.client.get(`${memberBase(other)}/${event.id}`),
      otherMember.client.post(`${memberBase(other)}/${event.id}/registration`, {}),
      otherMember.client.post(`${memberBase(other)}/${event.id}/registration/cancel`),
      otherMember.client.get(`${memberBase(other)}/${event.id}/calendar.ics`),
    ];
    for (const response of await Promise.all(staffCalls)) expect(response.status).toBe(404);
    // And the other network's slug is not theirs either.
    expect((await other.hr.get(staffBase(net))).status).toBe(404);
    expect((await otherMember.client.get(memberBase(net))).status).toBe(404);
    const list = await other.hr.get<{ events: StaffEvent[] }>(staffBase(other));
    expect(list.body.events).toEqual([]);
    // Nothing changed in the first network.
    const still = await net.hr.get<StaffEvent>(`${staffBase(net)}/${event.id}`);
    expect(still.body.status).toBe('published');
    expect(still.body.seats.inPerson.confirmed).toBe(1);
  });
});
