import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityMember, linkedRecord, policyVersion } from '../../../test/community-factories.js';
import { addTestMember, createTestTenant, signIn } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Feed = { pinned: { bodyHtml: string }[]; posts: { bodyHtml: string }[] };
type Suggestions = {
  hashtags: { key: string; label: string; uses: number }[];
  groups: { name: string; membership: unknown }[];
  people: { id: string; displayName: string; currentCompany?: string }[];
};

async function network() {
  const created = await createTestTenant(server);
  return { id: created.tenant.id, slug: created.slug };
}

const text = (feed: Feed) => feed.posts.map((p) => p.bodyHtml.replace(/<[^>]+>/g, '').trim());

describe('a new member’s timeline', () => {
  it('follows the hashtags chosen during set-up, so their posts reach the first timeline; later profile edits leave follows alone', async () => {
    const tenant = await network();
    const writer = await communityMember(server, tenant, { displayName: '先輩 一郎' });
    await writer.client.post(`/api/v1/t/${tenant.slug}/community/posts`, {
      body: '起業の勉強会をします #起業',
    });
    await writer.client.post(`/api/v1/t/${tenant.slug}/community/posts`, { body: '育休明けの話 #子育て' });

    // A newcomer in set-up: consent, then the hashtag step.
    const added = await addTestMember(server, tenant.id, 'alumnus', { displayName: '新人 花子' });
    const newcomer = await signIn(server, added.email);
    const base = `/api/v1/t/${tenant.slug}/community`;
    await newcomer.put(`${base}/me/consents?source=onboarding`, {
      companyNews: false,
      listedInDirectory: true,
      companyContact: false,
      policyVersion,
    });
    const saved = await newcomer.patch(`${base}/me/profile`, { hashtags: ['＃起業', 'デザイン'] });
    expect(saved.status).toBe(200);
    expect((await newcomer.post(`${base}/me/onboarding/complete`)).status).toBe(200);

    const following = await newcomer.get<{ hashtags: { key: string }[] }>(`${base}/me/following`);
    expect(following.body.hashtags.map((tag) => tag.key)).toEqual(['デザイン', '起業']);
    expect(text((await newcomer.get<Feed>(`${base}/feed`)).body)).toEqual(['起業の勉強会をします #起業']);

    // After set-up, a tag added to the profile describes the member; it is not followed for them.
    await newcomer.patch(`${base}/me/profile`, { hashtags: ['起業', 'デザイン', '子育て'] });
    const after = await newcomer.get<{ hashtags: { key: string }[] }>(`${base}/me/following`);
    expect(after.body.hashtags.map((tag) => tag.key)).toEqual(['デザイン', '起業']);
  });

  it('suggests popular hashtags not yet followed, groups to join and people who overlapped, never a blocked or hidden member', async () => {
    const tenant = await network();
    const other = await network();
    const me = await communityMember(server, tenant, {
      displayName: '新人 花子',
      profile: { hashtags: ['起業'], visibility: { tenure: 'members' } },
    });
    await linkedRecord(server, tenant, me.id, {
      familyName: '新人',
      joinedOn: '2012-04-01',
      leftOn: '2020-03-31',
      lastDepartment: '営業部',
    });
    const colleague = await communityMember(server, tenant, {
      displayName: '同僚 一郎',
      profile: { visibility: { tenure: 'members' }, currentCompany: '株式会社つぎ' },
    });
    await linkedRecord(server, tenant, colleague.id, {
      familyName: '同僚',
      joinedOn: '2015-04-01',
      leftOn: '2022-03-31',
      lastDepartment: '営業部',
    });
    const hidden = await communityMember(server, tenant, { displayName: '非公開 二郎' });
    await linkedRecord(server, tenant, hidden.id, {
      familyName: '非公開',
      joinedOn: '2014-04-01',
      leftOn: '2019-03-31',
      lastDepartment: '営業部',
    });
    const blocked = await communityMember(server, tenant, {
      displayName: '苦手 三郎',
      profile: { hashtags: ['起業', 'デザイン'], visibility: { tenure: 'members' } },
    });
    await linkedRecord(server, tenant, blocked.id, {
      familyName: '苦手',
      joinedOn: '2013-04-01',
      leftOn: '2018-03-31',
      lastDepartment: '営業部',
    });
    // Blocked by the other side: it hides them from each other just the same.
    await blocked.client.put(`/api/v1/t/${tenant.slug}/community/people/${me.id}/block`, {});
    const founder = await communityMember(server, tenant, {
      displayName: '起業 先輩',
      profile: { hashtags: ['起業', 'デザイン'] },
    });
    await founder.client.post(`/api/v1/t/${tenant.slug}/community/groups`, {
      name: '起業部',
      visibility: 'open',
      hashtags: ['起業'],
    });
    await founder.client.post(`/api/v1/t/${tenant.slug}/community/groups`, {
      name: '秘密の会',
      visibility: 'secret',
    });
    await founder.client.post(`/api/v1/t/${tenant.slug}/community/posts`, {
      body: 'ポートフォリオ #デザイン',
    });
    // Another network's tags, groups and people never show.
    const stranger = await communityMember(server, other, {
      displayName: '他社 四郎',
      profile: { hashtags: ['よその話題'] },
    });
    await stranger.client.post(`/api/v1/t/${other.slug}/community/groups`, {
      name: 'よその会',
      visibility: 'open',
      hashtags: ['起業'],
    });

    const found = await me.client.get<Suggestions>(`/api/v1/t/${tenant.slug}/community/feed/suggestions`);
    expect(found.status).toBe(200);
    // Each used three times (carried, and デザイン in a post), the tie broken by key.
    expect(found.body.hashtags.map((tag) => tag.key)).toEqual(['デザイン', '起業']);
    expect(found.body.groups.map((group) => [group.name, group.membership])).toEqual([['起業部', null]]);
    // The colleague overlapped; the founder shares #起業; the hidden one shows no tenure.
    expect(found.body.people.map((person) => person.displayName)).toEqual(['同僚 一郎', '起業 先輩']);
    expect(found.body.people[0]).toMatchObject({ currentCompany: '株式会社つぎ' });

    // Once joined and followed, the suggestions move on.
    const group = (
      await me.client.get<{ groups: { id: string }[] }>(
        `/api/v1/t/${tenant.slug}/community/groups?scope=discover`,
      )
    ).body.groups[0]!;
    await me.client.post(`/api/v1/t/${tenant.slug}/community/groups/${group.id}/join`);
    await me.client.put(`/api/v1/t/${tenant.slug}/community/hashtags/デザイン/follow`, {});
    const next = await me.client.get<Suggestions>(`/api/v1/t/${tenant.slug}/community/feed/suggestions`);
    expect(next.body.hashtags.map((tag) => tag.key)).toEqual(['起業']);
    expect(next.body.groups).toEqual([]);
  });

  it('answers every role in the network, in an empty network with empty lists', async () => {
    const tenant = await network();
    for (const role of ['owner', 'admin', 'moderator', 'employee', 'alumnus'] as const) {
      const member = await communityMember(server, tenant, { role });
      const found = await member.client.get<Suggestions>(
        `/api/v1/t/${tenant.slug}/community/feed/suggestions`,
      );
      expect([role, found.status]).toEqual([role, 200]);
    }
    const quiet = await network();
    const lone = await communityMember(server, quiet);
    const empty = await lone.client.get<Suggestions>(`/api/v1/t/${quiet.slug}/community/feed/suggestions`);
    expect(empty.body).toEqual({ hashtags: [], groups: [], people: [] });
    const elsewhere = await lone.client.get(`/api/v1/t/${tenant.slug}/community/feed/suggestions`);
    expect(elsewhere.status).toBe(404);
  });
});
