import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../../test/client.js';
import { communityMember } from '../../../test/community-factories.js';
import { createTestTenant, latestMail } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Bell = {
  notifications: {
    id: string;
    kind: string;
    actor: string | null;
    target: { type: string; id: string };
    data: Record<string, string>;
    read: boolean;
  }[];
  unread: number;
};

async function network() {
  const created = await createTestTenant(server);
  return { id: created.tenant.id, slug: created.slug };
}

describe('notifications', () => {
  it('tells members about comments, messages, group requests and approvals, and hidden posts', async () => {
    const tenant = await network();
    const base = `/api/v1/t/${tenant.slug}/community`;
    const author = await communityMember(server, tenant, { displayName: '投稿 太郎' });
    const friend = await communityMember(server, tenant, { displayName: '友人 花子' });
    const moderator = await communityMember(server, tenant, {
      role: 'moderator',
      displayName: '見守り 次郎',
    });
    const bell = async (who: typeof author) => (await who.client.get<Bell>(`${base}/notifications`)).body;

    const post = (await author.client.post<{ id: string }>(`${base}/posts`, { body: '近況です' })).body;
    await author.client.post(`${base}/posts/${post.id}/comments`, { body: '自分のコメント' });
    await friend.client.post(`${base}/posts/${post.id}/comments`, { body: 'おめでとうございます！' });
    const conversation = (
      await friend.client.post<{ id: string }>(`${base}/conversations`, { memberId: author.id })
    ).body;
    await friend.client.post(`${base}/conversations/${conversation.id}/messages`, {
      body: '今度お茶しませんか',
    });
    const group = (
      await author.client.post<{ id: string }>(`${base}/groups`, { name: '読書会', visibility: 'request' })
    ).body;
    await friend.client.post(`${base}/groups/${group.id}/join`);
    await author.client.post(`${base}/groups/${group.id}/members/${friend.id}`, { action: 'approve' });
    await moderator.client.post(`${base}/moderation/posts/${post.id}`, {
      action: 'hide',
      reason: '個人情報が含まれていました',
    });

    const authorBell = await bell(author);
    expect(authorBell.unread).toBe(4);
    expect(authorBell.notifications.map((n) => [n.kind, n.actor, n.data])).toEqual([
      ['post_hidden', '見守り 次郎', { reason: '個人情報が含まれていました' }],
      ['group_request', '友人 花子', { group: '読書会' }],
      ['message', '友人 花子', { snippet: '今度お茶しませんか' }],
      ['comment', '友人 花子', { snippet: 'おめでとうございます！' }],
    ]);
    const friendBell = await bell(friend);
    expect(friendBell.notifications.map((n) => [n.kind, n.target])).toEqual([
      ['group_approved', { type: 'group', id: group.id }],
    ]);

    // Reading one, then all; nobody else's are touched.
    await author.client.post(`${base}/notifications/read`, {
      ids: [authorBell.notifications[0]!.id, friendBell.notifications[0]!.id],
    });
    expect((await bell(author)).unread).toBe(3);
    expect((await bell(friend)).unread).toBe(1);
    await author.client.post(`${base}/notifications/read`, {});
    expect((await bell(author)).unread).toBe(0);
  });

  it('sends nothing across a block, and nothing to another network', async () => {
    const tenant = await network();
    const other = await network();
    const base = `/api/v1/t/${tenant.slug}/community`;
    const author = await communityMember(server, tenant);
    const blocked = await communityMember(server, tenant);
    const outsider = await communityMember(server, other);
    await author.client.post<{ id: string }>(`${base}/groups`, { name: '会', visibility: 'request' });
    const group = (await author.client.get<{ groups: { id: string }[] }>(`${base}/groups?scope=mine`)).body
      .groups[0]!;
    await author.client.put(`${base}/people/${blocked.id}/block`, {});
    await blocked.client.post(`${base}/groups/${group.id}/join`);
    expect((await author.client.get<Bell>(`${base}/notifications`)).body.notifications).toEqual([]);
    expect((await outsider.client.get(`${base}/notifications`)).status).toBe(404);
    expect((await outsider.client.post(`${base}/notifications/read`, {})).status).toBe(404);
  });

  it('e-mails notifications with a link that stops them without signing in', async () => {
    const created = await createTestTenant(server);
    const tenant = { id: created.tenant.id, slug: created.slug };
    const base = `/api/v1/t/${tenant.slug}/community`;
    const author = await communityMember(server, tenant, { displayName: '投稿 太郎' });
    const friend = await communityMember(server, tenant, { displayName: '友人 花子' });
    const post = (await author.client.post<{ id: string }>(`${base}/posts`, { body: '転職しました' })).body;
    await friend.client.post(`${base}/posts/${post.id}/comments`, { body: 'おめでとう！' });
    const mail = await latestMail(server, author.email);
    expect(mail!.subject).toBe(
      `【${created.tenant.nameJa}】友人 花子 さんがあなたの投稿にコメントしました。`,
    );
    expect(mail!.textBody).toContain('「おめでとう！」');
    expect(mail!.textBody).toContain(`/t/${tenant.slug}/posts/${post.id}`);
    const link = /\/unsubscribe\/([\w-]+)#member=([\w-]+)&key=([\w-]+)/.exec(mail!.textBody)!;
    expect(link[1]).toBe(tenant.slug);

    const anonymous = new TestClient(server);
    const wrong = await anonymous.post('/api/v1/unsubscribe', {
      slug: tenant.slug,
      member: link[2],
      key: author.id,
    });
    expect(wrong.status).toBe(404);
    const stopped = await anonymous.post('/api/v1/unsubscribe', {
      slug: tenant.slug,
      member: link[2],
      key: link[3],
    });
    expect(stopped.status).toBe(200);
    const me = await author.client.get<{ profile: { emailNotifications: boolean } }>(`${base}/me`);
    expect(me.body.profile.emailNotifications).toBe(false);

    await friend.client.post(`${base}/posts/${post.id}/comments`, { body: '二通目' });
    expect((await latestMail(server, author.email))!.id).toBe(mail!.id);
    // The bell still rings in the app.
    expect((await author.client.get<Bell>(`${base}/notifications`)).body.unread).toBe(2);

    // Mail apps unsubscribe with one POST from the List-Unsubscribe header: no cookie, no CSRF token.
    const reply = (await friend.client.post<{ id: string }>(`${base}/posts`, { body: '返信ください' })).body;
    await author.client.post(`${base}/posts/${reply.id}/comments`, { body: 'はい' });
    const friendMail = await latestMail(server, friend.email);
    const key = /#member=([\w-]+)&key=([\w-]+)/.exec(friendMail!.textBody)!;
    const query = new URLSearchParams({ slug: tenant.slug, member: key[1]!, key: key[2]! });
    const oneClick = await fetch(`${server.baseUrl}/api/v1/unsubscribe/one-click?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    const friendMe = await friend.client.get<{ profile: { emailNotifications: boolean } }>(`${base}/me`);
    expect(friendMe.body.profile.emailNotifications).toBe(false);
    // The exemption covers that one path only: other posts still need the CSRF token.
    const other = await fetch(`${server.baseUrl}/api/v1/unsubscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ slug: tenant.slug, member: key[1], key: key[2] }),
    });
    expect(other.status).toBe(403);
  });
});
