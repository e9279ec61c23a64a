import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postImages } from '../../../db/schema/index.js';
import { inTenant } from '../../../db/scope.js';
import { type CommunityMember, communityMember, photoBytes } from '../../../test/community-factories.js';
import { createTestTenant } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { deleteStalePostImages } from './post-images.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Image = { id: string; url: string; width: number; height: number };
type Post = { id: string; bodyHtml: string; images: Image[] };
type Bell = { notifications: { kind: string; actor: string; target: { id: string } }[] };

async function network() {
  const created = await createTestTenant(server);
  return { id: created.tenant.id, slug: created.slug };
}
const mention = (who: CommunityMember, label = who.membership.displayName) => `@[${label}](${who.id})`;

describe('@mentions', () => {
  it('links a mentioned member under their own name and tells them; others stay plain text', async () => {
    const tenant = await network();
    const other = await network();
    const base = `/api/v1/t/${tenant.slug}/community`;
    const author = await communityMember(server, tenant, { displayName: '投稿 太郎' });
    const friend = await communityMember(server, tenant, { displayName: '友人 花子' });
    const blocker = await communityMember(server, tenant, { displayName: '距離 置子' });
    const stranger = await communityMember(server, other, { displayName: '他社 次郎' });
    await blocker.client.put(`${base}/people/${author.id}/block`, {});

    const created = await author.client.post<Post>(`${base}/posts`, {
      body: `${mention(friend, '社長')} ${mention(blocker)} ${mention(stranger)} 来週の勉強会でお話しします`,
    });
    expect(created.status).toBe(201);
    // The link carries the member's real name, not the label typed, so nobody can pose as someone else.
    expect(created.body.bodyHtml).toContain(
      `<a href="/t/${tenant.slug}/people/${friend.id}" class="mention">@友人 花子</a>`,
    );
    expect(created.body.bodyHtml).not.toContain('社長');
    expect(created.body.bodyHtml).toContain('@距離 置子 @他社 次郎');
    expect(created.body.bodyHtml.match(/class="mention"/g)).toHaveLength(1);

    const bell = (await friend.client.get<Bell>(`${base}/notifications`)).body;
    expect(bell.notifications.map((n) => [n.kind, n.actor, n.target.id])).toEqual([
      ['mention', '投稿 太郎', created.body.id],
    ]);
    expect((await blocker.client.get<Bell>(`${base}/notifications`)).body.notifications).toEqual([]);

    // An edit tells only the people it adds.
    const third = await communityMember(server, tenant, { displayName: '三人 目' });
    await author.client.patch(`${base}/posts/${created.body.id}`, {
      body: `${mention(friend)} ${mention(third)} 勉強会の資料です`,
    });
    expect((await friend.client.get<Bell>(`${base}/notifications`)).body.notifications).toHaveLength(1);
    expect(
      (await third.client.get<Bell>(`${base}/notifications`)).body.notifications.map((n) => n.kind),
    ).toEqual(['mention']);
  });

  it('does not reveal a post in a closed group to a mentioned member outside it', async () => {
    const tenant = await network();
    const base = `/api/v1/t/${tenant.slug}/community`;
    const insider = await communityMember(server, tenant);
    const outsider = await communityMember(server, tenant);
    const group = (
      await insider.client.post<{ id: string }>(`${base}/groups`, { name: '役員会', visibility: 'secret' })
    ).body;
    await insider.client.post(`${base}/posts`, { body: `${mention(outsider)} の件`, groupId: group.id });
    expect((await outsider.client.get<Bell>(`${base}/notifications`)).body.notifications).toEqual([]);
  });
});

describe('pictures in posts', () => {
  it('resizes and strips an upload, attaches it to a post, and shows it to readers only', async () => {
    const tenant = await network();
    const other = await network();
    const base = `/api/v1/t/${tenant.slug}/community`;
    const author = await communityMember(server, tenant);
    const reader = await communityMember(server, tenant);
    const outsider = await communityMember(server, other);

    const uploaded = await author.client.upload<Image>(`${base}/post-images`, await photoBytes(3200, 1800));
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ width: 1600, height: 900 });
    // Before it is posted, the picture is its uploader's alone.
    expect((await reader.client.get(uploaded.body.url)).status).toBe(404);

    const created = await author.client.post<Post>(`${base}/posts`, {
      body: '',
      imageIds: [uploaded.body.id],
    });
    expect(created.status).toBe(201);
    expect(created.body.images).toEqual([uploaded.body]);
    const fetched = await fetch(`${server.baseUrl}${uploaded.body.url}`, {
      headers: { cookie: [...reader.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toBe('image/webp');
    const metadata = await sharp(Buffer.from(await fetched.arrayBuffer())).metadata();
    expect(metadata).toMatchObject({ format: 'webp', width: 1600, height: 900 });
    expect(metadata.exif).toBeUndefined();
    expect((await outsider.client.get(uploaded.body.url)).status).toBe(404);
    expect(
      (await outsider.client.get(`/api/v1/t/${other.slug}/community/post-images/${uploaded.body.id}`)).status,
    ).toBe(404);

    // Deleting the post takes its pictures with it.
    await author.client.delete(`${base}/posts/${created.body.id}`);
    expect((await author.client.get(uploaded.body.url)).status).toBe(404);
  });

  it('refuses what is not a picture, someone else’s upload and a fifth picture, writing no post', async () => {
    const tenant = await network();
    const base = `/api/v1/t/${tenant.slug}/community`;
    const author = await communityMember(server, tenant);
    const other = await communityMember(server, tenant);
    const notImage = await author.client.upload<{ code: string; title: string }>(
      `${base}/post-images`,
      new TextEncoder().encode('<svg onload="alert(1)"></svg>'),
    );
    expect(notImage.status).toBe(422);
    expect(notImage.body.title).toContain('JPEG・PNG・WebP');

    const theirs = (await other.client.upload<Image>(`${base}/post-images`, await photoBytes())).body;
    const borrowed = await author.client.post<{ code: string }>(`${base}/posts`, {
      body: '借りた画像',
      imageIds: [theirs.id],
    });
    expect(borrowed.status).toBe(422);
    expect(borrowed.body.code).toBe('post_images_invalid');
    const mine = [];
    for (let i = 0; i < 5; i++)
      mine.push((await author.client.upload<Image>(`${base}/post-images`, await photoBytes())).body.id);
    const tooMany = await author.client.post(`${base}/posts`, { body: '5 枚', imageIds: mine });
    expect(tooMany.status).toBe(422);
    const feed = await author.client.get<{ posts: Post[] }>(`${base}/feed`);
    expect(feed.body.posts).toEqual([]);
    // None of the refused attachments took the pictures: four of them still make a post.
    const four = await author.client.post<Post>(`${base}/posts`, {
      body: '4 枚',
      imageIds: mine.slice(0, 4),
    });
    expect(four.body.images.map((image) => image.id)).toEqual(mine.slice(0, 4));
  });

  it('clears uploads never posted after a day', async () => {
    const tenant = await network();
    const base = `/api/v1/t/${tenant.slug}/community`;
    const author = await communityMember(server, tenant);
    const stale = (await author.client.upload<Image>(`${base}/post-images`, await photoBytes())).body;
    const fresh = (await author.client.upload<Image>(`${base}/post-images`, await photoBytes())).body;
    await inTenant(server.deps.database.db, tenant.id, (tx) =>
      tx
        .update(postImages)
        .set({ createdAt: new Date(Date.now() - 25 * 60 * 60 * 1000) })
        .where(and(eq(postImages.tenantId, tenant.id), eq(postImages.id, stale.id))),
    );
    expect(await deleteStalePostImages(server.deps)).toBeGreaterThanOrEqual(1);
    expect((await author.client.get(stale.url)).status).toBe(404);
    expect((await author.client.get(fresh.url)).status).toBe(200);
  });
});
