import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { events } from '../../db/schema/index.js';
import { enterTenant } from '../../db/scope.js';
import { communityMember } from '../../test/community-factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import {
  createEvent,
  type MemberEvent,
  memberBase,
  type Network,
  network,
  type Problem,
  staffBase,
} from './event-test-factories.js';

type Material = { id: string; title: string; url: string; note: string; attendeesOnly: boolean };
type MemberMaterials = { materials: Material[]; availableFrom: string; attendeesOnlyHidden: number };
type Page = { events: MemberEvent[]; next: string | null };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());
beforeEach(async () => {
  await server.deps.database.db.execute(sql`delete from rate_limit_buckets where key like 'magic-link:ip:%'`);
});

/** As if the event had taken place `hoursAgo` hours ago (the API refuses a past start). */
async function endEvent(net: Network, eventId: string, hoursAgo = 1) {
  await server.deps.database.db.transaction(async (tx) => {
    await enterTenant(tx, net.id);
    await tx
      .update(events)
      .set({
        startsAt: new Date(Date.now() - (hoursAgo + 2) * 3_600_000),
        endsAt: new Date(Date.now() - hoursAgo * 3_600_000),
      })
      .where(and(eq(events.tenantId, net.id), eq(events.id, eventId)));
  });
}

describe('past events and their materials', () => {
  it('staff add materials before the event; the audience sees them once it has ended, attendees-only ones only when checked in', async () => {
    const net = await network(server);
    const event = await createEvent(net, { capacityInPerson: 5 });
    const came = await communityMember(server, net, { displayName: '出席 さん' });
    const stayed = await communityMember(server, net, { displayName: '欠席 さん' });
    const registered = await came.client.post<{ registration: { checkInCode: string } }>(
      `${memberBase(net)}/${event.id}/registration`,
      {},
    );
    await net.hr.post(`${staffBase(net)}/${event.id}/check-in`, {
      code: registered.body.registration.checkInCode,
    });
    const materials = `${staffBase(net)}/${event.id}/materials`;
    const slides = await net.hr.post<Material>(materials, {
      title: '  当日の  スライド ',
      url: 'https://example.jp/slides.pdf',
      note: '第 2 部の資料です',
    });
    expect(slides.status).toBe(201);
    expect(slides.body).toMatchObject({
      title: '当日の スライド',
      note: '第 2 部の資料です',
      attendeesOnly: false,
    });
    const recording = await net.hr.post<Material>(materials, {
      title: '録画',
      url: 'https://video.example.jp/watch?v=1',
      attendeesOnly: true,
    });
    expect(recording.status).toBe(201);

    // Before the end: nothing yet, even for the attendee.
    const early = await came.client.get<MemberMaterials>(`${memberBase(net)}/${event.id}/materials`);
    expect(early.body.materials).toEqual([]);
    expect(early.body.availableFrom).toBe(event.endsAt);

    await endEvent(net, event.id);
    const forAttendee = await came.client.get<MemberMaterials>(`${memberBase(net)}/${event.id}/materials`);
    expect(forAttendee.body.materials.map((m) => m.title)).toEqual(['当日の スライド', '録画']);
    expect(forAttendee.body.attendeesOnlyHidden).toBe(0);
    const forAudience = await stayed.client.get<MemberMaterials>(`${memberBase(net)}/${event.id}/materials`);
    expect(forAudience.body.materials.map((m) => m.title)).toEqual(['当日の スライド']);
    expect(forAudience.body.attendeesOnlyHidden).toBe(1);

    // Staff change and remove them.
    const changed = await net.hr.patch<Material>(`${materials}/${recording.body.id}`, {
      attendeesOnly: false,
    });
    expect(changed.body.attendeesOnly).toBe(false);
    expect(
      (await stayed.client.get<MemberMaterials>(`${memberBase(net)}/${event.id}/materials`)).body.materials,
    ).toHaveLength(2);
    expect((await net.hr.delete(`${materials}/${slides.body.id}`)).status).toBe(200);
    expect(
      (await net.hr.get<{ materials: Material[] }>(materials)).body.materials.map((m) => m.title),
    ).toEqual(['録画']);
  });

  it('refuses links that are not https, with a clear message', async () => {
    const net = await network(server);
    const event = await createEvent(net);
    const materials = `${staffBase(net)}/${event.id}/materials`;
    for (const url of [
      'javascript:alert(1)',
      'http://example.jp/slides',
      'data:text/html,x',
      'https://a b',
    ]) {
      const refused = await net.hr.post<Problem>(materials, { title: '資料', url });
      expect(refused.status, url).toBe(422);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({ path: 'url', code: 'event_material_url_https' }),
      ]);
    }
    const refused = await net.hr.post<Problem>(materials, { title: '資料', url: 'http://example.jp' });
    expect(refused.body.errors?.[0]).toMatchObject({
      message: '資料のリンクには https:// で始まる URL を入力してください。',
    });
    expect((await net.hr.post<Problem>(materials, { title: '', url: 'https://example.jp' })).status).toBe(
      422,
    );
  });

  it('keeps materials from members outside the audience, from members and moderators writing, and from other networks', async () => {
    const net = await network(server);
    const event = await createEvent(net, { audience: { members: false, includeEmployees: true } });
    const materials = `${staffBase(net)}/${event.id}/materials`;
    const added = await net.hr.post<Material>(materials, { title: '資料', url: 'https://example.jp/a' });
    await endEvent(net, event.id);
    const member = await communityMember(server, net);
    expect((await member.client.get(`${memberBase(net)}/${event.id}/materials`)).status).toBe(404);
    const employee = await communityMember(server, net, { role: 'employee' });
    expect(
      (await employee.client.get<MemberMaterials>(`${memberBase(net)}/${event.id}/materials`)).body.materials,
    ).toHaveLength(1);
    for (const role of ['alumnus', 'employee', 'moderator'] as const) {
      const someone = role === 'employee' ? employee : await communityMember(server, net, { role });
      expect((await someone.client.get(materials)).status).toBe(403);
      expect((await someone.client.post(materials, { title: 'x', url: 'https://example.jp' })).status).toBe(
        403,
      );
      expect((await someone.client.delete(`${materials}/${added.body.id}`)).status).toBe(403);
    }
    const other = await network(server);
    const theirs = (path: string) => path.replace(`/t/${net.slug}/`, `/t/${other.slug}/`);
    expect((await other.hr.get(theirs(materials))).status).toBe(404);
    expect((await other.hr.post(theirs(materials), { title: 'x', url: 'https://example.jp' })).status).toBe(
      404,
    );
    expect((await other.hr.delete(theirs(`${materials}/${added.body.id}`))).status).toBe(404);
    expect((await other.hr.get(theirs(`${memberBase(net)}/${event.id}/materials`))).status).toBe(404);
    // Another event's material id under this event is not found either.
    const second = await createEvent(net);
    expect((await net.hr.delete(`${staffBase(net)}/${second.id}/materials/${added.body.id}`)).status).toBe(
      404,
    );
  });

  it('pages past events newest first, only those meant for the member', async () => {
    const net = await network(server);
    const member = await communityMember(server, net);
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) {
      const event = await createEvent(net, { title: `過去の会 ${i}` });
      await endEvent(net, event.id, i + 1);
      ids.push(event.id);
    }
    const hidden = await createEvent(net, { audience: { members: false, includeEmployees: true } });
    await endEvent(net, hidden.id, 5.5);
    const upcoming = await createEvent(net);

    const first = await member.client.get<Page>(`${memberBase(net)}?when=past`);
    expect(first.body.events.map((e) => e.id)).toEqual(ids.slice(0, 20));
    expect(first.body.next).not.toBeNull();
    const second = await member.client.get<Page>(
      `${memberBase(net)}?when=past&after=${encodeURIComponent(first.body.next!)}`,
    );
    expect(second.body.events.map((e) => e.id)).toEqual(ids.slice(20));
    expect(second.body.next).toBeNull();
    expect(first.body.events.concat(second.body.events).map((e) => e.id)).not.toContain(upcoming.id);
    const bad = await member.client.get<Problem>(`${memberBase(net)}?when=past&after=yesterday`);
    expect(bad.status).toBe(422);
  });
});
