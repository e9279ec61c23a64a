import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/raw.js';
import { tenants } from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import { communityMember, linkedRecord } from '../../test/community-factories.js';
import { mailsTo } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { audienceMember } from '../programmes/audience/audience-factories.js';
import {
  createEvent,
  inHours,
  type MemberEvent,
  memberBase,
  network,
  type Problem,
  type StaffEvent,
  type StaffRegistration,
  staffBase,
} from './event-test-factories.js';
import { registerForEvent } from './register.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());
beforeEach(async () => {
  await server.deps.database.db.execute(sql`delete from rate_limit_buckets where key like 'magic-link:ip:%'`);
});

const register = (
  client: { post: <T>(path: string, json?: unknown) => Promise<{ status: number; body: T }> },
  net: { slug: string },
  id: string,
  body: Record<string, unknown> = {},
) => client.post<MemberEvent & Problem>(`${memberBase(net)}/${id}/registration`, body);

describe('registering', () => {
  it('confirms up to the capacity, waitlists in order, promotes on cancel and tells the promoted', async () => {
    const net = await network(server);
    const event = await createEvent(net, {
      format: 'hybrid',
      meetingUrl: 'https://meet.example.jp/winter',
      capacityInPerson: 2,
      capacityOnline: 10,
    });
    const [a, b, c] = await Promise.all(
      ['一 さん', '二 さん', '三 さん'].map((displayName) => communityMember(server, net, { displayName })),
    );
    const first = await register(a!.client, net, event.id, { mode: 'in_person' });
    expect(first.status).toBe(201);
    expect(first.body.registration).toMatchObject({
      status: 'confirmed',
      mode: 'in_person',
      waitlistPosition: null,
    });
    expect(first.body.registration?.checkInCode).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect((await register(b!.client, net, event.id, { mode: 'in_person' })).body.registration?.status).toBe(
      'confirmed',
    );
    const third = await register(c!.client, net, event.id, { mode: 'in_person' });
    expect(third.body.registration).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
      checkInCode: null,
    });
    expect(third.body.seats.inPerson).toEqual({ capacity: 2, left: 0 });
    // A hybrid event needs the way of taking part.
    const noMode = await register((await communityMember(server, net)).client, net, event.id);
    expect(noMode.status).toBe(422);
    expect(noMode.body.code).toBe('event_mode_required');

    const twice = await register(a!.client, net, event.id, { mode: 'online' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('event_already_registered');

    const cancelled = await a!.client.post<MemberEvent>(`${memberBase(net)}/${event.id}/registration/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.registration?.status).toBe('cancelled');
    const promoted = await c!.client.get<MemberEvent>(`${memberBase(net)}/${event.id}`);
    expect(promoted.body.registration).toMatchObject({ status: 'confirmed', waitlistPosition: null });
    expect(promoted.body.registration?.checkInCode).toBeTruthy();
    const bell = await c!.client.get<{ notifications: { kind: string; data: Record<string, string> }[] }>(
      `/api/v1/t/${net.slug}/community/notifications`,
    );
    expect(bell.body.notifications[0]).toMatchObject({
      kind: 'event_promoted',
      data: { title: event.title },
    });
    const mail = (await mailsTo(server, c!.email)).find((m) => m.subject.includes(event.title));
    expect(mail?.textBody).toContain('繰り上がり');
    expect(JSON.stringify(mail?.attachments)).toContain('BEGIN:VCALENDAR');
    // Cancelling again changes nothing; registering again after cancelling is allowed.
    expect((await a!.client.post(`${memberBase(net)}/${event.id}/registration/cancel`)).status).toBe(200);
    const back = await register(a!.client, net, event.id, { mode: 'in_person' });
    expect(back.body.registration).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    const staff = await net.hr.get<StaffEvent>(`${staffBase(net)}/${event.id}`);
    expect(staff.body.seats.inPerson).toEqual({ capacity: 2, confirmed: 2, waitlisted: 1 });
  });

  it('refuses registration outside its window, for a cancelled event, and outside the audience', async () => {
    const net = await network(server);
    const member = await communityMember(server, net);
    const notYet = await createEvent(net, { registrationOpensAt: inHours(24).toISOString() });
    const early = await register(member.client, net, notYet.id);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('event_registration_not_open');
    expect(early.body.title).toBe('参加登録の受付はまだ始まっていません。');
    const closed = await createEvent(net, {
      registrationOpensAt: inHours(-48).toISOString(),
      registrationClosesAt: inHours(-24).toISOString(),
    });
    expect((await register(member.client, net, closed.id)).body.code).toBe('event_registration_closed');
    const cancelled = await createEvent(net);
    await net.hr.post(`${staffBase(net)}/${cancelled.id}/cancel`);
    expect((await register(member.client, net, cancelled.id)).body.code).toBe('event_cancelled');

    // For employees only: an alumnus neither sees it nor may register.
    const forEmployees = await createEvent(net, { audience: { members: false, includeEmployees: true } });
    expect((await register(member.client, net, forEmployees.id)).status).toBe(404);
    const list = await member.client.get<{ events: MemberEvent[] }>(memberBase(net));
    expect(list.body.events.map((e) => e.id)).not.toContain(forEmployees.id);
    const employee = await communityMember(server, net, { role: 'employee' });
    expect((await register(employee.client, net, forEmployees.id)).status).toBe(201);
    // A segment of the registry: only members whose linked record matches.
    const segment = await net.hr.post<{ id: string }>(`/api/v1/t/${net.slug}/registry/segments`, {
      name: '営業部 OB・OG',
      filter: { department: '営業部' },
    });
    const forSales = await createEvent(net, { audience: { segmentId: segment.body.id } });
    const sales = await communityMember(server, net, { displayName: '営業 さん' });
    await linkedRecord(server, net, sales.id, { familyName: '営業', lastDepartment: '営業部' });
    expect((await register(sales.client, net, forSales.id)).status).toBe(201);
    expect((await register(member.client, net, forSales.id)).status).toBe(404);
  });

  it('takes answers, keeps them HR-only, and shows the meeting link only to the confirmed near the start', async () => {
    const net = await network(server);
    const event = await createEvent(net, {
      format: 'online',
      meetingUrl: 'https://meet.example.jp/soon',
      capacityOnline: 1,
      meetingUrlVisibleMinutes: 60,
      questions: [
        { id: 'topic', kind: 'choice', label: '話したいテーマ', choices: ['復職', '副業'], required: true },
        { id: 'note', kind: 'text', label: '一言' },
      ],
    });
    const member = await communityMember(server, net);
    const missing = await register(member.client, net, event.id, { answers: {} });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([
      expect.objectContaining({ path: 'answers.topic', code: 'field_required' }),
    ]);
    const wrong = await register(member.client, net, event.id, { answers: { topic: '給与' } });
    expect(wrong.status).toBe(422);
    const stranger = await register(member.client, net, event.id, { answers: { topic: '復職', other: 'x' } });
    expect(stranger.status).toBe(422);
    const ok = await register(member.client, net, event.id, {
      answers: { topic: '復職', note: '=1+1 よろしくお願いします' },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.registration?.answers).toEqual({ topic: '復職', note: '=1+1 よろしくお願いします' });
    // Three days before the start: not yet.
    expect(ok.body.meetingUrl).toBeNull();
    expect(ok.body.meetingUrlFrom).toBe(new Date(Date.parse(event.startsAt) - 3_600_000).toISOString());
    const waiting = await communityMember(server, net);
    await register(waiting.client, net, event.id, { answers: { topic: '副業' } });
    await inTenant(server.deps.database.db, net.id, (tx) =>
      tx.execute(
        sql`update events set starts_at = now() + interval '30 minutes', ends_at = now() + interval '90 minutes' where id = ${event.id}`,
      ),
    );
    expect((await member.client.get<MemberEvent>(`${memberBase(net)}/${event.id}`)).body.meetingUrl).toBe(
      'https://meet.example.jp/soon',
    );
    // The waitlisted do not get the link.
    const other = await waiting.client.get<MemberEvent>(`${memberBase(net)}/${event.id}`);
    expect(other.body.meetingUrl).toBeNull();
    expect(JSON.stringify(other.body)).not.toContain('よろしく');

    const list = await net.hr.get<{ registrations: StaffRegistration[] }>(
      `${staffBase(net)}/${event.id}/registrations`,
    );
    expect(list.body.registrations.map((r) => [r.status, r.waitlistPosition, r.answers.topic])).toEqual([
      ['confirmed', null, '復職'],
      ['waitlisted', 1, '副業'],
    ]);
    const utf8 = await net.hr.get<string>(`${staffBase(net)}/${event.id}/registrations/export`);
    expect(utf8.status).toBe(200);
    expect(utf8.headers.get('content-type')).toContain('utf-8');
    expect(utf8.body).toContain('話したいテーマ');
    // A formula in an answer is neutralised.
    expect(utf8.body).toContain("'=1+1 よろしくお願いします");
    const cp932 = await net.hr.request(
      'GET',
      `${staffBase(net)}/${event.id}/registrations/export?encoding=cp932`,
    );
    expect(cp932.headers.get('content-type')).toContain('Shift_JIS');
  });

  it('lets staff add and remove people by hand, within the capacity, with audit', async () => {
    const net = await network(server);
    const event = await createEvent(net, {
      capacityInPerson: 1,
      registrationClosesAt: inHours(1).toISOString(),
    });
    const a = await audienceMember(server, net.id, { displayName: '手動 一' });
    const b = await audienceMember(server, net.id, { displayName: '手動 二' });
    const added = await net.hr.post<StaffRegistration>(`${staffBase(net)}/${event.id}/registrations`, {
      memberId: a.id,
    });
    expect(added.status).toBe(201);
    expect(added.body.status).toBe('confirmed');
    const second = await net.hr.post<StaffRegistration>(`${staffBase(net)}/${event.id}/registrations`, {
      memberId: b.id,
    });
    expect(second.body.status).toBe('waitlisted');
    const again = await net.hr.post<Problem>(`${staffBase(net)}/${event.id}/registrations`, {
      memberId: a.id,
    });
    expect(again.status).toBe(409);
    const unknown = await net.hr.post<Problem>(`${staffBase(net)}/${event.id}/registrations`, {
      memberId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(422);
    const removed = await net.hr.post<StaffRegistration>(
      `${staffBase(net)}/${event.id}/registrations/${added.body.id}/cancel`,
    );
    expect(removed.body.status).toBe('cancelled');
    const list = await net.hr.get<{ registrations: StaffRegistration[] }>(
      `${staffBase(net)}/${event.id}/registrations`,
    );
    expect(list.body.registrations.find((r) => r.id === second.body.id)?.status).toBe('confirmed');
    const actions = await inTenant(server.deps.database.db, net.id, (tx) =>
      queryRows<{ action: string }>(tx, sql`select action from audit_events where target_id = ${event.id}`),
    );
    expect(actions.map((r) => r.action)).toEqual(
      expect.arrayContaining(['event.registration_added', 'event.registration_removed']),
    );
    const message = await net.hr.post<{ recipients: number }>(`${staffBase(net)}/${event.id}/message`, {
      text: '当日は受付で名前をお伝えください。',
    });
    expect(message.body.recipients).toBe(1);
  });
});

describe('check-in', () => {
  it('records attendance once by the code on the member’s screen, and refuses other codes', async () => {
    const net = await network(server);
    const event = await createEvent(net, { capacityInPerson: 1 });
    const member = await communityMember(server, net);
    const waiting = await communityMember(server, net);
    const mine = await register(member.client, net, event.id);
    await register(waiting.client, net, event.id);
    const code = mine.body.registration!.checkInCode!;
    type Result = { recorded: boolean; registration: StaffRegistration } & Problem;
    // Typed in lower case with a space, as someone at the door might.
    const first = await net.hr.post<Result>(`${staffBase(net)}/${event.id}/check-in`, {
      code: `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`,
    });
    expect(first.status).toBe(200);
    expect(first.body.recorded).toBe(true);
    expect(first.body.registration.member.id).toBe(member.id);
    const attendedAt = first.body.registration.attendedAt;
    const second = await net.hr.post<Result>(`${staffBase(net)}/${event.id}/check-in`, { code });
    expect(second.body.recorded).toBe(false);
    expect(second.body.registration.attendedAt).toBe(attendedAt);
    // A waitlisted registration's code (never shown to them) and a made-up one are refused.
    const list = await net.hr.get<{ registrations: StaffRegistration[] }>(
      `${staffBase(net)}/${event.id}/registrations`,
    );
    const waitlisted = list.body.registrations.find((r) => r.status === 'waitlisted')!;
    const refused = await net.hr.post<Result>(`${staffBase(net)}/${event.id}/check-in`, {
      code: waitlisted.checkInCode,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('event_check_in_unknown');
    expect((await net.hr.post(`${staffBase(net)}/${event.id}/check-in`, { code: '!!' })).status).toBe(422);
    const seen = await member.client.get<MemberEvent>(`${memberBase(net)}/${event.id}`);
    expect(seen.body.registration?.attended).toBe(true);
    const staff = await net.hr.get<StaffEvent>(`${staffBase(net)}/${event.id}`);
    expect(staff.body.attended).toBe(1);
  });
  it('is refused while the event is a draft or once it is cancelled, and nothing is recorded', async () => {
    const net = await network(server);
    const draft = await createEvent(net, { capacityInPerson: 5 }, false);
    const member = await communityMember(server, net);
    // Staff can put someone on a draft by hand, so a draft can hold a valid code.
    const added = await net.hr.post<StaffRegistration>(`${staffBase(net)}/${draft.id}/registrations`, {
      memberId: member.id,
    });
    expect(added.status).toBe(201);
    const code = added.body.checkInCode;
    type Result = { recorded: boolean } & Problem;
    const onDraft = await net.hr.post<Result>(`${staffBase(net)}/${draft.id}/check-in`, { code });
    expect(onDraft.status).toBe(409);
    expect(onDraft.body.code).toBe('event_check_in_not_published');
    expect(onDraft.body.title).toBe(
      '公開中のイベントでのみ受付できます。下書きのイベントは公開してから受付してください。',
    );

    expect((await net.hr.post(`${staffBase(net)}/${draft.id}/cancel`)).status).toBe(200);
    const onCancelled = await net.hr.post<Result>(`${staffBase(net)}/${draft.id}/check-in`, { code });
    expect(onCancelled.status).toBe(409);
    expect(onCancelled.body.code).toBe('event_cancelled');
    const staff = await net.hr.get<StaffEvent>(`${staffBase(net)}/${draft.id}`);
    expect(staff.body.attended).toBe(0);
    const list = await net.hr.get<{ registrations: StaffRegistration[] }>(
      `${staffBase(net)}/${draft.id}/registrations`,
    );
    expect(list.body.registrations.every((r) => r.attendedAt === null)).toBe(true);
  });
});

describe('capacity under concurrent registrations', () => {
  it('never confirms more than the capacity, and waitlists the rest in the order they got in', async () => {
    const net = await network(server);
    const event = await createEvent(net, { capacityInPerson: 5 });
    const people = await Promise.all(
      Array.from({ length: 20 }, (_, i) => audienceMember(server, net.id, { displayName: `同時 ${i}` })),
    );
    const [tenant] = await server.deps.database.db.select().from(tenants).where(eq(tenants.id, net.id));
    // Twenty registrations at once through the service, each in its own transaction as requests are.
    const results = await Promise.allSettled(
      people.map((person) =>
        inTenant(server.deps.database.db, net.id, async (tx) => {
          const ctx = {
            deps: server.deps,
            tx,
            tenant: tenant!,
            actor: {
              membershipId: person.id,
              accountId: person.id,
              role: 'alumnus' as const,
              displayName: person.name,
            },
            ipAddress: '127.0.0.1',
          };
          return registerForEvent(ctx, event.id, { answers: {} });
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const rows = await inTenant(server.deps.database.db, net.id, (tx) =>
      queryRows<{ status: string; seq: number }>(
        tx,
        sql`select status, seq from event_registrations where event_id = ${event.id} order by seq`,
      ),
    );
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(5);
    expect(rows.filter((r) => r.status === 'waitlisted')).toHaveLength(15);
    // Arrival order: every confirmed registration came before every waitlisted one, numbers without gaps.
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(rows.slice(0, 5).every((r) => r.status === 'confirmed')).toBe(true);
    const [counter] = await inTenant(server.deps.database.db, net.id, (tx) =>
      queryRows<{ confirmed: number }>(
        tx,
        sql`select confirmed_in_person as confirmed from events where id = ${event.id}`,
      ),
    );
    expect(counter!.confirmed).toBe(5);
  });

  it('is held by the database even if the code were to count wrong (CHECK constraint)', async () => {
    const net = await network(server);
    const event = await createEvent(net, { capacityInPerson: 1 });
    const failure = await inTenant(server.deps.database.db, net.id, (tx) =>
      tx.execute(sql`update events set confirmed_in_person = 2 where id = ${event.id}`),
    ).catch((error: Error) => error);
    expect(String((failure as Error & { cause?: unknown }).cause ?? failure)).toMatch(
      /events_in_person_capacity/,
    );
  });
});
