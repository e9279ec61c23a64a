import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityMember } from '../../../test/community-factories.js';
import { createTestTenant } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Group = {
  id: string;
  name: string;
  members: number;
  membership: { status: string; role: string } | null;
};

async function network() {
  const created = await createTestTenant(server);
  return { id: created.tenant.id, slug: created.slug };
}

describe('groups', () => {
  it('open groups are joined at once, request-only ones after approval, secret ones are invisible to outsiders', async () => {
    const tenant = await network();
    const admin = await communityMember(server, tenant, { displayName: '幹事 一郎' });
    const member = await communityMember(server, tenant, { displayName: '参加 二郎' });
    const base = `/api/v1/t/${tenant.slug}/community/groups`;
    const create = async (name: string, visibility: string) =>
      (await admin.client.post<{ id: string }>(base, { name, visibility, hashtags: ['起業'] })).body.id;
    const open = await create('起業部', 'open');
    const request = await create('新規事業研究会', 'request');
    const secret = await create('役員 OB 会', 'secret');

    const discover = await member.client.get<{ groups: Group[] }>(`${base}?scope=discover`);
    expect(discover.body.groups.map((g) => g.name).sort()).toEqual(['新規事業研究会', '起業部'].sort());
    expect((await member.client.get(`${base}/${secret}`)).status).toBe(404);
    expect((await member.client.post(`${base}/${secret}/join`)).status).toBe(404);

    expect((await member.client.post<{ status: string }>(`${base}/${open}/join`)).body.status).toBe('active');
    expect((await member.client.post<{ status: string }>(`${base}/${request}/join`)).body.status).toBe(
      'requested',
    );
    // Posts of the request-only group stay closed until approval.
    await admin.client.post(`/api/v1/t/${tenant.slug}/community/posts`, {
      body: '研究会の議事録',
      groupId: request,
    });
    expect((await member.client.get<{ posts: unknown[] }>(`${base}/${request}/posts`)).body.posts).toEqual(
      [],
    );
    const pending = await admin.client.get<{ members: { id: string; status: string }[] }>(
      `${base}/${request}/members`,
    );
    expect(pending.body.members.find((m) => m.id === member.id)?.status).toBe('requested');
    // Only group admins manage members.
    expect(
      (await member.client.post(`${base}/${request}/members/${member.id}`, { action: 'approve' })).status,
    ).toBe(403);
    expect(
      (await admin.client.post(`${base}/${request}/members/${member.id}`, { action: 'approve' })).status,
    ).toBe(200);
    expect(
      (await member.client.get<{ posts: unknown[] }>(`${base}/${request}/posts`)).body.posts,
    ).toHaveLength(1);

    // A secret group is reached only through an invitation.
    await admin.client.post(`${base}/${secret}/members/${member.id}`, { action: 'invite' });
    const invited = await member.client.get<Group>(`${base}/${secret}`);
    expect(invited.body.membership).toEqual({ role: 'member', status: 'invited' });
    expect((await member.client.post<{ status: string }>(`${base}/${secret}/join`)).body.status).toBe(
      'active',
    );
    const mine = await member.client.get<{ groups: Group[] }>(`${base}?scope=mine`);
    expect(mine.body.groups.map((g) => g.name).sort()).toEqual(
      ['役員 OB 会', '新規事業研究会', '起業部'].sort(),
    );

    // The last admin cannot leave; a member can.
    expect((await admin.client.delete(`${base}/${open}/membership`)).status).toBe(409);
    expect((await member.client.delete(`${base}/${open}/membership`)).status).toBe(200);
    expect((await member.client.get<Group>(`${base}/${open}`)).body.membership).toBeNull();
  });

  it('suggests groups whose hashtags the member carries or follows', async () => {
    const tenant = await network();
    const founder = await communityMember(server, tenant);
    const base = `/api/v1/t/${tenant.slug}/community/groups`;
    await founder.client.post(base, { name: 'AWS 勉強会', visibility: 'open', hashtags: ['AWS'] });
    await founder.client.post(base, { name: '子育て部', visibility: 'open', hashtags: ['子育て'] });
    const engineer = await communityMember(server, tenant, { profile: { hashtags: ['ａｗｓ'] } });
    const suggested = await engineer.client.get<{ groups: Group[] }>(`${base}?scope=suggested`);
    expect(suggested.body.groups.map((g) => g.name)).toEqual(['AWS 勉強会']);
    await engineer.client.put(`/api/v1/t/${tenant.slug}/community/hashtags/子育て/follow`, {});
    const more = await engineer.client.get<{ groups: Group[] }>(`${base}?scope=suggested`);
    expect(more.body.groups.map((g) => g.name).sort()).toEqual(['AWS 勉強会', '子育て部'].sort());
    const byTag = await engineer.client.get<{ groups: Group[] }>(
      `${base}?scope=discover&hashtag=${encodeURIComponent('#AWS')}`,
    );
    expect(byTag.body.groups.map((g) => g.name)).toEqual(['AWS 勉強会']);
  });

  it('rejects a group without a name or with a bad visibility, creating nothing', async () => {
    const tenant = await network();
    const member = await communityMember(server, tenant);
    const base = `/api/v1/t/${tenant.slug}/community/groups`;
    const bad = await member.client.post(base, { name: ' ', visibility: 'public' });
    expect(bad.status).toBe(422);
    expect((bad.body as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual([
      'name',
      'visibility',
    ]);
    expect((await member.client.get<{ groups: unknown[] }>(`${base}?scope=discover`)).body.groups).toEqual(
      [],
    );
  });
});
