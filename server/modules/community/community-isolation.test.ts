import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import {
  type CommunityMember,
  communityMember,
  photoBytes,
  policyVersion,
  putPhoto,
} from '../../test/community-factories.js';
import { createTestTenant, signIn } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
let a: { id: string; slug: string };
let b: { id: string; slug: string };
let inA: CommunityMember;
let inB: CommunityMember;
let photoOfB: string;
let ownerOfA: string;
let groupOfB: string;
let postOfB: string;

beforeAll(async () => {
  server = await startTestServer();
  const ta = await createTestTenant(server);
  const tb = await createTestTenant(server);
  a = { id: ta.tenant.id, slug: ta.slug };
  ownerOfA = ta.ownerEmail;
  b = { id: tb.tenant.id, slug: tb.slug };
  inA = await communityMember(server, a, { displayName: '甲 一郎', profile: { hashtags: ['起業'] } });
  inB = await communityMember(server, b, { displayName: '乙 二郎', profile: { hashtags: ['起業'] } });
  groupOfB = (
    await inB.client.post<{ id: string }>(`/api/v1/t/${b.slug}/community/groups`, {
      name: '乙の会',
      visibility: 'open',
    })
  ).body.id;
  postOfB = (
    await inB.client.post<{ id: string }>(`/api/v1/t/${b.slug}/community/posts`, {
      body: '乙の投稿 #起業',
      groupId: groupOfB,
    })
  ).body.id;
  photoOfB = ((await putPhoto(inB.client, b.slug, await photoBytes())).body as { photoUrl: string }).photoUrl
    .split('/')
    .pop()!;
});
afterAll(() => server.stop());

type Call = [method: string, path: string, body?: unknown];
const send = (client: TestClient, [method, path, body]: Call) =>
  client.request<Record<string, unknown>>(method, path, body === undefined ? {} : { json: body });

async function expectSameAsUnknown(client: TestClient, attempt: Call, unknown: Call) {
  const [seen, missing] = [await send(client, attempt), await send(client, unknown)];
  expect([attempt[1], seen.status]).toEqual([attempt[1], 404]);
  const { instance: _a, ...seenBody } = seen.body;
  const { instance: _b, ...missingBody } = missing.body;
  expect(seenBody).toEqual(missingBody);
}

const consents = { companyNews: true, listedInDirectory: true, companyContact: true, policyVersion };
// Every community endpoint under a network's URL, as a member of network A would call it.
const endpoints = (slug: string): Call[] => [
  ['GET', `/api/v1/t/${slug}/community/me`],
  ['PUT', `/api/v1/t/${slug}/community/me/consents`, consents],
  ['PATCH', `/api/v1/t/${slug}/community/me/profile`, { bio: '侵入' }],
  ['POST', `/api/v1/t/${slug}/community/me/onboarding/complete`, {}],
  ['DELETE', `/api/v1/t/${slug}/community/me/photo`],
  ['GET', `/api/v1/t/${slug}/community/people`],
  ['GET', `/api/v1/t/${slug}/community/me/blocks`],
  ['GET', `/api/v1/t/${slug}/community/hashtags?prefix=起`],
  ['GET', `/api/v1/t/${slug}/community/hashtags/起業`],
  ['PUT', `/api/v1/t/${slug}/community/hashtags/起業/follow`, {}],
  ['DELETE', `/api/v1/t/${slug}/community/hashtags/起業/follow`],
  ['GET', `/api/v1/t/${slug}/community/me/following`],
  ['GET', `/api/v1/t/${slug}/community/groups?scope=discover`],
  ['POST', `/api/v1/t/${slug}/community/groups`, { name: '侵入グループ', visibility: 'open' }],
  ['GET', `/api/v1/t/${slug}/community/feed`],
  ['GET', `/api/v1/t/${slug}/community/feed/suggestions`],
  ['POST', `/api/v1/t/${slug}/community/posts`, { body: '侵入 #起業' }],
  ['GET', `/api/v1/t/${slug}/community/hashtags/起業/posts`],
];

describe('community isolation between networks', () => {
  it("answers every endpoint under another network's URL exactly like an unknown network", async () => {
    for (const call of endpoints(b.slug)) {
      const unknown: Call = [call[0], call[1].replace(b.slug, 'no-such-network'), call[2]];
      await expectSameAsUnknown(inA.client, call, unknown);
    }
  });

  it("cannot reach another network's member, photo or block through its own network's URL", async () => {
    for (const [theirs, random] of [[inB.id, randomUUID()]] as const) {
      await expectSameAsUnknown(
        inA.client,
        ['GET', `/api/v1/t/${a.slug}/community/people/${theirs}`],
        ['GET', `/api/v1/t/${a.slug}/community/people/${random}`],
      );
      await expectSameAsUnknown(
        inA.client,
        ['PUT', `/api/v1/t/${a.slug}/community/people/${theirs}/block`, {}],
        ['PUT', `/api/v1/t/${a.slug}/community/people/${random}/block`, {}],
      );
    }
    await expectSameAsUnknown(
      inA.client,
      ['GET', `/api/v1/t/${a.slug}/community/photos/${photoOfB}`],
      ['GET', `/api/v1/t/${a.slug}/community/photos/${randomUUID()}`],
    );
    // Directory and hashtag pages of A never list B's members, though both carry #起業.
    const page = await inA.client.get<{ people: { id: string }[] }>(
      `/api/v1/t/${a.slug}/community/hashtags/起業`,
    );
    expect(page.body.people.map((p) => p.id)).toEqual([inA.id]);
    const dir = await inA.client.get<{ people: { id: string }[] }>(
      `/api/v1/t/${a.slug}/community/people?q=乙`,
    );
    expect(dir.body.people).toEqual([]);
    // B's member is untouched by all of the above.
    const me = await inB.client.get<{ profile: { bio: string } }>(`/api/v1/t/${b.slug}/community/me`);
    expect(me.body.profile.bio).toBe('');
    const untouched = await inB.client.get<{ bodyHtml: string; reactions: object; commentCount: number }>(
      `/api/v1/t/${b.slug}/community/posts/${postOfB}`,
    );
    expect(untouched.body).toMatchObject({ reactions: {}, commentCount: 0 });
    expect(untouched.body.bodyHtml).toContain('乙の投稿');
  });

  it('refuses the signed-out with 401 and suspended members like strangers', async () => {
    const anonymous = new TestClient(server);
    for (const call of endpoints(a.slug)) {
      expect([call[1], (await send(anonymous, call)).status]).toEqual([call[1], 401]);
    }
    const suspended = await communityMember(server, a);
    // Suspended by an owner of the network, through the members API.
    const owner = await signIn(server, ownerOfA);
    const suspension = await owner.patch(`/api/v1/t/${a.slug}/members/${suspended.id}`, {
      status: 'suspended',
    });
    expect(suspension.status).toBe(200);
    for (const call of endpoints(a.slug)) {
      expect([call[1], (await send(suspended.client, call)).status]).toEqual([call[1], 404]);
    }
    const dir = await inA.client.get<{ people: { id: string }[] }>(`/api/v1/t/${a.slug}/community/people`);
    expect(dir.body.people.map((p) => p.id)).not.toContain(suspended.id);
  });
});
