import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommunityMember, communityMember } from '../../test/community-factories.js';
import { createTestTenant, signIn } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Comment = {
  id: string;
  bodyHtml: string;
  hidden: boolean;
  hiddenReason: string | null;
  canModerate: boolean;
  canReport: boolean;
};
type Queue = {
  reports: { targetType: string; targetId: string; reporter: string; status: string }[];
  articleComments: {
    id: string;
    article: { id: string; title: string };
    author: { displayName: string };
    bodyHtml: string;
    status: string;
  }[];
};

/** A network with a published article that takes comments, and a member's comment on it. */
async function network() {
  const created = await createTestTenant(server);
  const tenant = { id: created.tenant.id, slug: created.slug };
  const staff = await communityMember(server, tenant, { role: 'admin' });
  const author = await communityMember(server, tenant, { displayName: '投稿 太郎' });
  const reader = await communityMember(server, tenant, { displayName: '読者 花子' });
  const news = `/api/v1/t/${tenant.slug}/news`;
  const { categories } = (await staff.client.get<{ categories: { id: string }[] }>(`${news}/categories`))
    .body;
  const article = (
    await staff.client.post<{ id: string }>(`/api/v1/t/${tenant.slug}/news-desk/articles`, {
      title: '新しい人事制度',
      body: '副業を届け出制にします。',
      categoryId: categories[0]!.id,
      allowComments: true,
    })
  ).body;
  expect(
    (await staff.client.post(`/api/v1/t/${tenant.slug}/news-desk/articles/${article.id}/publish`)).status,
  ).toBe(200);
  const comment = await author.client.post<Comment>(`${news}/articles/${article.id}/comments`, {
    body: '前の上司の悪口を書きます',
  });
  expect(comment.status).toBe(201);
  return {
    ...tenant,
    ownerEmail: created.ownerEmail,
    staff,
    author,
    reader,
    news,
    community: `/api/v1/t/${tenant.slug}/community`,
    articleId: article.id,
    commentId: comment.body.id,
  };
}

const commentsSeenBy = async (n: Awaited<ReturnType<typeof network>>, who: CommunityMember) =>
  (await who.client.get<{ comments: Comment[] }>(`${n.news}/articles/${n.articleId}/comments`)).body.comments;
const commentCount = async (n: Awaited<ReturnType<typeof network>>, who: CommunityMember) =>
  (await who.client.get<{ commentCount: number }>(`${n.news}/articles/${n.articleId}`)).body.commentCount;

describe('moderating comments on news articles', () => {
  it('staff hide a comment with a reason: its author sees it hidden with the reason, others no longer see it; staff restore it; both are audited', async () => {
    const n = await network();
    expect((await commentsSeenBy(n, n.reader)).map((c) => [c.id, c.canReport, c.canModerate])).toEqual([
      [n.commentId, true, false],
    ]);
    expect((await commentsSeenBy(n, n.author))[0]!.canReport).toBe(false);

    const hide = await n.staff.client.post(`${n.community}/moderation/article-comments/${n.commentId}`, {
      action: 'hide',
      reason: '特定の個人を中傷する内容のため非表示にしました。',
    });
    expect(hide.status).toBe(200);
    expect(await commentsSeenBy(n, n.reader)).toEqual([]);
    expect(await commentCount(n, n.reader)).toBe(0);
    expect(await commentsSeenBy(n, n.author)).toMatchObject([
      { id: n.commentId, hidden: true, hiddenReason: '特定の個人を中傷する内容のため非表示にしました。' },
    ]);
    // Staff still see it, marked, so they can restore it.
    expect(await commentsSeenBy(n, n.staff)).toMatchObject([
      { id: n.commentId, hidden: true, canModerate: true, canReport: false },
    ]);
    // A hidden comment is the moderators' already: reporting it is "not found".
    const late = await n.reader.client.post(`${n.community}/reports`, {
      targetType: 'article_comment',
      targetId: n.commentId,
      reason: 'harassment',
    });
    expect(late.status).toBe(404);

    const restore = await n.staff.client.post(`${n.community}/moderation/article-comments/${n.commentId}`, {
      action: 'publish',
      reason: '確認の結果、問題ありませんでした。',
    });
    expect(restore.status).toBe(200);
    expect(await commentsSeenBy(n, n.reader)).toMatchObject([
      { id: n.commentId, hidden: false, hiddenReason: null },
    ]);
    expect(await commentCount(n, n.reader)).toBe(1);

    const owner = await signIn(server, n.ownerEmail);
    const audit = await owner.get<{ events: { action: string; targetType: string; targetId: string }[] }>(
      `/api/v1/t/${n.slug}/audit-events`,
    );
    const actions = audit.body.events
      .filter((event) => event.targetId === n.commentId)
      .map((event) => [event.action, event.targetType]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['moderation.article_comment_hidden', 'news_comment'],
        ['moderation.article_comment_published', 'news_comment'],
      ]),
    );
  });

  it("a member's report of an article comment reaches the community's moderation queue with the article, and hiding it there closes the report", async () => {
    const n = await network();
    const moderator = await communityMember(server, n, { role: 'moderator' });
    const report = await n.reader.client.post(`${n.community}/reports`, {
      targetType: 'article_comment',
      targetId: n.commentId,
      reason: 'harassment',
      note: '個人への中傷です',
    });
    expect(report.status).toBe(201);
    const again = await n.reader.client.post(`${n.community}/reports`, {
      targetType: 'article_comment',
      targetId: n.commentId,
      reason: 'harassment',
    });
    expect(again.status).toBe(409);

    const queue = (await moderator.client.get<Queue>(`${n.community}/moderation/queue`)).body;
    expect(queue.reports).toMatchObject([
      { targetType: 'article_comment', targetId: n.commentId, reporter: '読者 花子', status: 'open' },
    ]);
    expect(queue.articleComments).toMatchObject([
      {
        id: n.commentId,
        article: { id: n.articleId, title: '新しい人事制度' },
        author: { displayName: '投稿 太郎' },
        status: 'published',
      },
    ]);
    expect(queue.articleComments[0]!.bodyHtml).toContain('前の上司の悪口');

    // A moderator (not only staff) acts on it from the same queue.
    const hide = await moderator.client.post(`${n.community}/moderation/article-comments/${n.commentId}`, {
      action: 'hide',
      reason: '中傷のため',
    });
    expect(hide.status).toBe(200);
    expect((await moderator.client.get<Queue>(`${n.community}/moderation/queue`)).body.reports).toEqual([]);
    const resolved = await moderator.client.get<Queue>(`${n.community}/moderation/queue?status=resolved`);
    expect(resolved.body.reports).toMatchObject([{ targetId: n.commentId, status: 'actioned' }]);
    expect(await commentsSeenBy(n, n.reader)).toEqual([]);
  });

  it('members and employees cannot hide or restore comments; a bad request is a clear 422 in the reader’s language', async () => {
    const n = await network();
    const employee = await communityMember(server, n, { role: 'employee' });
    for (const who of [n.reader, n.author, employee]) {
      const hide = await who.client.post(`${n.community}/moderation/article-comments/${n.commentId}`, {
        action: 'hide',
        reason: '勝手に非表示',
      });
      expect(hide.status).toBe(403);
      expect(hide.contentType).toContain('application/problem+json');
    }
    expect(await commentsSeenBy(n, n.reader)).toHaveLength(1);

    const noReason = await n.staff.client.request<{ errors?: { path: string }[] }>(
      'POST',
      `${n.community}/moderation/article-comments/${n.commentId}`,
      { json: { action: 'hide', reason: '  ' }, headers: { 'accept-language': 'ja' } },
    );
    expect(noReason.status).toBe(422);
    expect(noReason.contentType).toContain('application/problem+json');
    expect(JSON.stringify(noReason.body)).toMatch(/[ぁ-んァ-ン一-龯]/);
    const badId = await n.staff.client.post(`${n.community}/moderation/article-comments/not-a-uuid`, {
      action: 'hide',
      reason: 'x',
    });
    expect(badId.status).toBe(422);
    const unknown = await n.staff.client.post(
      `${n.community}/moderation/article-comments/00000000-0000-4000-8000-000000000000`,
      { action: 'hide', reason: 'x' },
    );
    expect(unknown.status).toBe(404);
    const badTarget = await n.reader.client.post(`${n.community}/reports`, {
      targetType: 'article',
      targetId: n.commentId,
      reason: 'spam',
    });
    expect(badTarget.status).toBe(422);
  });

  it("another network's staff can neither hide nor report a comment, nor see it in their queue", async () => {
    const a = await network();
    const b = await network();
    const hide = await a.staff.client.post(`${a.community}/moderation/article-comments/${b.commentId}`, {
      action: 'hide',
      reason: '越権',
    });
    expect(hide.status).toBe(404);
    const throughB = await a.staff.client.post(`${b.community}/moderation/article-comments/${b.commentId}`, {
      action: 'hide',
      reason: '越権',
    });
    expect(throughB.status).toBe(404);
    const report = await a.reader.client.post(`${a.community}/reports`, {
      targetType: 'article_comment',
      targetId: b.commentId,
      reason: 'spam',
    });
    expect(report.status).toBe(404);
    expect((await a.staff.client.get<Queue>(`${a.community}/moderation/queue`)).body.articleComments).toEqual(
      [],
    );
    expect(await commentsSeenBy(b, b.reader)).toMatchObject([{ id: b.commentId, hidden: false }]);
  });

  it('a comment on an article the reporter cannot read, or on one with comments off, cannot be reported', async () => {
    const n = await network();
    const desk = `/api/v1/t/${n.slug}/news-desk/articles/${n.articleId}`;
    expect((await n.staff.client.patch(desk, { allowComments: false })).status).toBe(200);
    const report = await n.reader.client.post(`${n.community}/reports`, {
      targetType: 'article_comment',
      targetId: n.commentId,
      reason: 'spam',
    });
    expect(report.status).toBe(404);
  });
});
