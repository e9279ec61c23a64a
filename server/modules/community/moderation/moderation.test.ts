import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityMember } from '../../../test/community-factories.js';
import { createTestTenant, signIn } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Post = { id: string; moderation?: { status: string; reason: string | null } };
type Queue = {
  reports: { id: string; targetId: string; reason: string; reporter: string; status: string }[];
  posts: { id: string; bodyHtml: string; status: string; author: { displayName: string } }[];
};

async function network() {
  const created = await createTestTenant(server);
  return { id: created.tenant.id, slug: created.slug, ownerEmail: created.ownerEmail };
}

describe('moderation', () => {
  it('a reported post reaches the queue in context; a moderator hides it with a reason only its author sees', async () => {
    const tenant = await network();
    const author = await communityMember(server, tenant, { displayName: '投稿 太郎' });
    const reporter = await communityMember(server, tenant, { displayName: '通報 花子' });
    const moderator = await communityMember(server, tenant, { role: 'moderator' });
    const base = `/api/v1/t/${tenant.slug}/community`;
    const post = (await author.client.post<Post>(`${base}/posts`, { body: '社外秘の売上資料を載せます' }))
      .body;

    const report = await reporter.client.post(`${base}/reports`, {
      targetType: 'post',
      targetId: post.id,
      reason: 'confidential',
      note: '社外秘です',
    });
    expect(report.status).toBe(201);
    const again = await reporter.client.post(`${base}/reports`, {
      targetType: 'post',
      targetId: post.id,
      reason: 'confidential',
    });
    expect(again.status).toBe(409);
    // The queue is for moderators; members and employees are refused.
    expect((await reporter.client.get(`${base}/moderation/queue`)).status).toBe(403);
    const employee = await communityMember(server, tenant, { role: 'employee' });
    expect((await employee.client.get(`${base}/moderation/queue`)).status).toBe(403);

    const queue = await moderator.client.get<Queue>(`${base}/moderation/queue`);
    expect(queue.body.reports).toMatchObject([
      { targetId: post.id, reason: 'confidential', reporter: '通報 花子', status: 'open' },
    ]);
    expect(queue.body.posts).toMatchObject([
      { id: post.id, status: 'published', author: { displayName: '投稿 太郎' } },
    ]);
    expect(queue.body.posts[0]!.bodyHtml).toContain('社外秘の売上資料');

    const hidden = await moderator.client.post(`${base}/moderation/posts/${post.id}`, {
      action: 'hide',
      reason: '社外秘の情報が含まれているため非表示にしました。',
    });
    expect(hidden.status).toBe(200);
    expect((await reporter.client.get(`${base}/posts/${post.id}`)).status).toBe(404);
    const own = await author.client.get<Post>(`${base}/posts/${post.id}`);
    expect(own.body.moderation).toEqual({
      status: 'hidden',
      reason: '社外秘の情報が含まれているため非表示にしました。',
    });
    expect((await moderator.client.get<Queue>(`${base}/moderation/queue`)).body.reports).toEqual([]);
    const resolved = await moderator.client.get<Queue>(`${base}/moderation/queue?status=resolved`);
    expect(resolved.body.reports).toMatchObject([{ status: 'actioned' }]);

    // Everything moderators do is in the owners' audit log.
    const owner = await signIn(server, tenant.ownerEmail);
    const audit = await owner.get<{ events: { action: string; targetId: string }[] }>(
      `/api/v1/t/${tenant.slug}/audit-events`,
    );
    expect(audit.body.events).toContainEqual(
      expect.objectContaining({ action: 'moderation.post_hidden', targetId: post.id }),
    );
  });

  it('the word list blocks some words outright and holds others for review', async () => {
    const tenant = await network();
    const moderator = await communityMember(server, tenant, { role: 'moderator' });
    const member = await communityMember(server, tenant);
    const reader = await communityMember(server, tenant);
    const base = `/api/v1/t/${tenant.slug}/community`;
    await moderator.client.post(`${base}/moderation/words`, { word: '競合A社', action: 'block' });
    await moderator.client.post(`${base}/moderation/words`, { word: 'ＭＬＭ', action: 'hold' });
    expect(
      (await member.client.post(`${base}/moderation/words`, { word: 'x', action: 'block' })).status,
    ).toBe(403);

    const blocked = await member.client.post(`${base}/posts`, { body: '競合Ａ社に転職しませんか' });
    expect(blocked.status).toBe(422);
    expect(blocked.body).toMatchObject({ code: 'content_blocked' });
    const held = await member.client.post<Post>(`${base}/posts`, { body: 'mlm の勉強会です' });
    expect(held.status).toBe(201);
    expect(held.body.moderation).toEqual({ status: 'held', reason: null });
    expect((await reader.client.get(`${base}/posts/${held.body.id}`)).status).toBe(404);

    const queue = await moderator.client.get<Queue>(`${base}/moderation/queue`);
    expect(queue.body.posts.map((p) => [p.id, p.status])).toEqual([[held.body.id, 'held']]);
    await moderator.client.post(`${base}/moderation/posts/${held.body.id}`, {
      action: 'publish',
      reason: '問題ありません',
    });
    expect((await reader.client.get(`${base}/posts/${held.body.id}`)).status).toBe(200);
    // Blocked text wrote nothing: the author's own posts are the held one only.
    const mine = await member.client.get<{ posts: Post[] }>(`${base}/feed`);
    expect(mine.body.posts.map((p) => p.id)).toEqual([held.body.id]);
  });

  it('a moderator suspends a member, but not company staff', async () => {
    const tenant = await network();
    const moderator = await communityMember(server, tenant, { role: 'moderator' });
    const troll = await communityMember(server, tenant);
    const admin = await communityMember(server, tenant, { role: 'admin' });
    const base = `/api/v1/t/${tenant.slug}/community`;
    const reported = await moderator.client.post(`${base}/reports`, {
      targetType: 'member',
      targetId: troll.id,
      reason: 'harassment',
    });
    expect(reported.status).toBe(201);
    const suspended = await moderator.client.post(`${base}/moderation/members/${troll.id}/suspend`, {
      reason: '度重なる嫌がらせ',
    });
    expect(suspended.status).toBe(200);
    expect((await troll.client.get(`${base}/feed`)).status).toBe(404);
    const refused = await moderator.client.post(`${base}/moderation/members/${admin.id}/suspend`, {
      reason: 'x',
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'suspend_staff' });
    expect((await moderator.client.get<Queue>(`${base}/moderation/queue`)).body.reports).toEqual([]);
  });

  it("cannot moderate another network's content through its own URL", async () => {
    const a = await network();
    const b = await network();
    const moderatorOfA = await communityMember(server, a, { role: 'moderator' });
    const memberOfB = await communityMember(server, b);
    const post = (
      await memberOfB.client.post<Post>(`/api/v1/t/${b.slug}/community/posts`, { body: '乙の投稿' })
    ).body;
    const hide = await moderatorOfA.client.post(`/api/v1/t/${a.slug}/community/moderation/posts/${post.id}`, {
      action: 'hide',
      reason: '越権',
    });
    expect(hide.status).toBe(404);
    const otherOfB = await communityMember(server, b);
    const conversation = (
      await memberOfB.client.post<{ id: string }>(`/api/v1/t/${b.slug}/community/conversations`, {
        memberId: otherOfB.id,
      })
    ).body;
    const thread = (
      await memberOfB.client.post<{ messages: { id: string }[] }>(
        `/api/v1/t/${b.slug}/community/conversations/${conversation.id}/messages`,
        { body: '乙のメッセージ' },
      )
    ).body;
    const hideMessage = await moderatorOfA.client.post(
      `/api/v1/t/${a.slug}/community/moderation/messages/${thread.messages[0]!.id}`,
      { action: 'hide', reason: '越権' },
    );
    expect(hideMessage.status).toBe(404);
    expect((await moderatorOfA.client.get(`/api/v1/t/${b.slug}/community/moderation/queue`)).status).toBe(
      404,
    );
    expect(
      (
        await moderatorOfA.client.post(
          `/api/v1/t/${a.slug}/community/moderation/members/${memberOfB.id}/suspend`,
          { reason: 'x' },
        )
      ).status,
    ).toBe(404);
    const report = await moderatorOfA.client.post(`/api/v1/t/${a.slug}/community/reports`, {
      targetType: 'post',
      targetId: post.id,
      reason: 'spam',
    });
    expect(report.status).toBe(404);
    expect(
      (await memberOfB.client.get<Post>(`/api/v1/t/${b.slug}/community/posts/${post.id}`)).body.moderation,
    ).toBeUndefined();
  });

  it('a member reports a message sent to them; the moderator reads it in context and hides it', async () => {
    const tenant = await network();
    const other = await network();
    const base = `/api/v1/t/${tenant.slug}/community`;
    const sender = await communityMember(server, tenant, { displayName: '送信 太郎' });
    const receiver = await communityMember(server, tenant, { displayName: '受信 花子' });
    const bystander = await communityMember(server, tenant);
    const outsider = await communityMember(server, other);
    const moderator = await communityMember(server, tenant, { role: 'moderator' });
    type Thread = {
      id: string;
      messages: { id: string; body: string; hidden: { reason: string | null } | null }[];
    };
    const conversation = (
      await sender.client.post<{ id: string }>(`${base}/conversations`, { memberId: receiver.id })
    ).body;
    const path = `${base}/conversations/${conversation.id}`;
    await sender.client.post(`${path}/messages`, { body: 'お久しぶりです' });
    await receiver.client.post(`${path}/messages`, { body: 'ご無沙汰しています' });
    const thread = (
      await sender.client.post<Thread>(`${path}/messages`, { body: '儲かる話があります、今すぐ振込を' })
    ).body;
    const offending = thread.messages.at(-1)!;

    const report = (who: typeof sender, id: string) =>
      who.client.post<{ code: string }>(`${base}/reports`, {
        targetType: 'message',
        targetId: id,
        reason: 'spam',
      });
    expect((await report(sender, offending.id)).body.code).toBe('message_not_reportable');
    expect((await report(bystander, offending.id)).status).toBe(404);
    expect(
      (
        await outsider.client.post(`/api/v1/t/${other.slug}/community/reports`, {
          targetType: 'message',
          targetId: offending.id,
          reason: 'spam',
        })
      ).status,
    ).toBe(404);
    expect((await report(receiver, offending.id)).status).toBe(201);

    type MessageQueue = {
      messages: { id: string; body: string; sender: { displayName: string }; context: { body: string }[] }[];
    };
    const queue = (await moderator.client.get<MessageQueue>(`${base}/moderation/queue`)).body;
    expect(queue.messages).toMatchObject([
      {
        id: offending.id,
        body: '儲かる話があります、今すぐ振込を',
        sender: { displayName: '送信 太郎' },
        context: [{ body: 'お久しぶりです' }, { body: 'ご無沙汰しています' }],
      },
    ]);
    expect(
      (
        await receiver.client.post(`${base}/moderation/messages/${offending.id}`, {
          action: 'hide',
          reason: 'x',
        })
      ).status,
    ).toBe(403);
    const hidden = await moderator.client.post(`${base}/moderation/messages/${offending.id}`, {
      action: 'hide',
      reason: '勧誘のため非表示にしました',
    });
    expect(hidden.status).toBe(200);

    const seenByReceiver = (await receiver.client.get<Thread>(path)).body.messages.at(-1)!;
    expect(seenByReceiver).toMatchObject({ id: offending.id, body: '', hidden: { reason: null } });
    const seenBySender = (await sender.client.get<Thread>(path)).body.messages.at(-1)!;
    expect(seenBySender).toMatchObject({
      body: '儲かる話があります、今すぐ振込を',
      hidden: { reason: '勧誘のため非表示にしました' },
    });
    const list = await receiver.client.get<{ conversations: { lastMessage: string | null }[] }>(
      `${base}/conversations`,
    );
    expect(JSON.stringify(list.body)).not.toContain('振込');
    const open = (await moderator.client.get<{ reports: unknown[] }>(`${base}/moderation/queue`)).body;
    expect(open.reports).toEqual([]);
  });

  it('a moderator may act only on reported messages: any other message is 404 and stays as it was', async () => {
    const tenant = await network();
    const base = `/api/v1/t/${tenant.slug}/community`;
    const sender = await communityMember(server, tenant);
    const receiver = await communityMember(server, tenant);
    const moderator = await communityMember(server, tenant, { role: 'moderator' });
    const conversation = (
      await sender.client.post<{ id: string }>(`${base}/conversations`, { memberId: receiver.id })
    ).body;
    const path = `${base}/conversations/${conversation.id}`;
    type Thread = { messages: { id: string; body: string; hidden: unknown }[] };
    const send = async (body: string) =>
      (await sender.client.post<Thread>(`${path}/messages`, { body })).body.messages.at(-1)!;
    const privateOne = await send('私信です');
    const reportedOne = await send('怪しい勧誘です');

    for (const action of ['hide', 'publish'] as const) {
      const refused = await moderator.client.post(`${base}/moderation/messages/${privateOne.id}`, {
        action,
        reason: '確認のため',
      });
      expect(refused.status).toBe(404);
    }
    const thread = (await receiver.client.get<Thread>(path)).body.messages;
    expect(thread.find((m) => m.id === privateOne.id)).toMatchObject({ body: '私信です', hidden: null });

    await receiver.client.post(`${base}/reports`, {
      targetType: 'message',
      targetId: reportedOne.id,
      reason: 'spam',
    });
    const hide = { action: 'hide', reason: '勧誘のため非表示にしました' };
    expect((await moderator.client.post(`${base}/moderation/messages/${reportedOne.id}`, hide)).status).toBe(
      200,
    );
    // Its report is closed now, but the message was reported: a mistaken hide can still be undone.
    const restore = { action: 'publish', reason: '誤りでした' };
    expect(
      (await moderator.client.post(`${base}/moderation/messages/${reportedOne.id}`, restore)).status,
    ).toBe(200);
    expect((await moderator.client.post(`${base}/moderation/messages/${privateOne.id}`, hide)).status).toBe(
      404,
    );
  });

  it('refuses reports of the private line to the company', async () => {
    const tenant = await network();
    const base = `/api/v1/t/${tenant.slug}/community`;
    const member = await communityMember(server, tenant);
    const hr = await communityMember(server, tenant, { role: 'admin' });
    const company = (await member.client.post<{ id: string }>(`${base}/conversations`, {})).body;
    await member.client.post(`${base}/conversations/${company.id}/messages`, { body: '相談があります' });
    const reply = (
      await hr.client.post<{ messages: { id: string }[] }>(`${base}/conversations/${company.id}/messages`, {
        body: 'どうぞ',
      })
    ).body;
    const refused = await member.client.post<{ code: string }>(`${base}/reports`, {
      targetType: 'message',
      targetId: reply.messages.at(-1)!.id,
      reason: 'other',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('message_not_reportable');
  });
});
