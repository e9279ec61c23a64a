import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { memberships } from '../../db/schema/index.js';
import { enterTenant } from '../../db/scope.js';
import { communityMember, photoBytes, putPhoto } from '../../test/community-factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { createEvent, memberBase, network, type Problem } from './event-test-factories.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());
beforeEach(async () => {
  await server.deps.database.db.execute(sql`delete from rate_limit_buckets where key like 'magic-link:ip:%'`);
});

type Going = { people: ({ id: string; displayName: string } & Record<string, unknown>)[]; others: number };

describe('who else is going', () => {
  it('names only confirmed registrants listed in the directory, active, with no block either way', async () => {
    const net = await network(server);
    const event = await createEvent(net, { capacityInPerson: 7 });
    const make = (
      displayName: string,
      options: { listed?: boolean; profile?: Record<string, unknown> } = {},
    ) => communityMember(server, net, { displayName, ...options });
    const viewer = await make('見る 人');
    const listed = await make('載る 人', {
      profile: { currentCompany: '株式会社つぎ', currentTitle: '部長', bio: '自己紹介は一覧に出しません。' },
    });
    await putPhoto(listed.client, net.slug, await photoBytes(200, 200));
    const hiddenCompany = await make('社名 非公開', {
      profile: { currentCompany: '秘密商事', visibility: { company: 'private', photo: 'private' } },
    });
    const unlisted = await make('載らない 人', { listed: false });
    const blockedByViewer = await make('ブロック された 人');
    const blockingViewer = await make('ブロック した 人');
    const suspended = await make('停止 中');
    const waiting = await make('待つ 人');
    const cancelled = await make('取り消す 人');
    for (const member of [
      viewer,
      listed,
      hiddenCompany,
      unlisted,
      blockedByViewer,
      blockingViewer,
      suspended,
    ]) {
      const registered = await member.client.post(`${memberBase(net)}/${event.id}/registration`, {});
      expect(registered.status).toBe(201);
    }
    await waiting.client.post(`${memberBase(net)}/${event.id}/registration`, {});
    await cancelled.client.post(`${memberBase(net)}/${event.id}/registration`, {});
    await cancelled.client.post(`${memberBase(net)}/${event.id}/registration/cancel`);
    const block = (by: typeof viewer, whom: string) =>
      by.client.put(`/api/v1/t/${net.slug}/community/people/${whom}/block`, {});
    expect((await block(viewer, blockedByViewer.id)).status).toBe(200);
    expect((await block(blockingViewer, viewer.id)).status).toBe(200);
    await server.deps.database.db.transaction(async (tx) => {
      await enterTenant(tx, net.id);
      await tx
        .update(memberships)
        .set({ status: 'suspended' })
        .where(and(eq(memberships.tenantId, net.id), eq(memberships.id, suspended.id)));
    });

    const seen = await viewer.client.get<Going>(`${memberBase(net)}/${event.id}/going`);
    expect(seen.status).toBe(200);
    expect(seen.body.people.map((p) => p.displayName)).toEqual(['載る 人', '社名 非公開']);
    // Only what the directory card shows, and each field only as its owner allows.
    expect(seen.body.people[0]).toEqual({
      id: listed.id,
      displayName: '載る 人',
      badge: null,
      photoUrl: expect.stringMatching(/\/community\/photos\//),
      currentCompany: '株式会社つぎ',
      currentTitle: '部長',
    });
    expect(seen.body.people[1]).toEqual({ id: hiddenCompany.id, displayName: '社名 非公開', badge: null });
    // The unlisted, both sides of the blocks and the suspended are counted, never named.
    expect(seen.body.others).toBe(4);
    expect(JSON.stringify(seen.body)).not.toMatch(/載らない|ブロック|停止|待つ|取り消す|自己紹介/);

    // The blocks hold from the other side too: neither blocked party sees the viewer.
    for (const other of [blockedByViewer, blockingViewer]) {
      const theirs = await other.client.get<Going>(`${memberBase(net)}/${event.id}/going`);
      expect(theirs.body.people.map((p) => p.id)).not.toContain(viewer.id);
      expect(theirs.body.people.map((p) => p.id)).toContain(listed.id);
    }
    // Someone with no block sees both blocked parties; the unlisted and the suspended stay a number.
    const outsider = await make('まだ 未登録');
    const fromOutside = await outsider.client.get<Going>(`${memberBase(net)}/${event.id}/going`);
    expect(fromOutside.body.people.map((p) => p.displayName)).toEqual([
      '見る 人',
      '載る 人',
      '社名 非公開',
      'ブロック された 人',
      'ブロック した 人',
    ]);
    expect(fromOutside.body.others).toBe(2);
  });

  it('answers 404 to another network, to a member outside the audience and for a draft', async () => {
    const net = await network(server);
    const event = await createEvent(net, { capacityInPerson: 5 });
    const going = await communityMember(server, net, { displayName: '参加 する 人' });
    await going.client.post(`${memberBase(net)}/${event.id}/registration`, {});

    const other = await network(server);
    const stranger = await communityMember(server, other, { displayName: '他社 の 人' });
    const theirs = await stranger.client.get<Problem>(`${memberBase(other)}/${event.id}/going`);
    expect(theirs.status).toBe(404);
    expect(JSON.stringify(theirs.body)).not.toContain('参加 する 人');
    expect((await stranger.client.get(`${memberBase(net)}/${event.id}/going`)).status).toBe(404);

    // An alumni-only event is not meant for employees or staff on the member side (staff have the
    // registrations list in the console); once employees are invited, they see who is going.
    const employee = await communityMember(server, net, { role: 'employee' });
    expect((await employee.client.get(`${memberBase(net)}/${event.id}/going`)).status).toBe(404);
    expect((await net.hr.get(`${memberBase(net)}/${event.id}/going`)).status).toBe(404);
    const forAll = await createEvent(net, { audience: { includeEmployees: true } });
    await going.client.post(`${memberBase(net)}/${forAll.id}/registration`, {});
    const seenByEmployee = await employee.client.get<Going>(`${memberBase(net)}/${forAll.id}/going`);
    expect(seenByEmployee.body.people.map((p) => p.id)).toEqual([going.id]);

    const draft = await createEvent(net, {}, false);
    expect((await going.client.get(`${memberBase(net)}/${draft.id}/going`)).status).toBe(404);
    const empty = await going.client.get(`${memberBase(net)}/${crypto.randomUUID()}/going`);
    expect(empty.status).toBe(404);
    expect((await going.client.get(`${memberBase(net)}/not-a-uuid/going`)).status).toBeGreaterThanOrEqual(
      400,
    );
  });
});
