import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newsArticles } from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import { type CommunityMember, communityMember, photoBytes } from '../../test/community-factories.js';
import { createTestTenant } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { publishScheduledArticle } from './publish-articles.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Category = { id: string; name: string };
type Managed = {
  id: string;
  status: string;
  readCount: number;
  bodyHtml: string;
  publishAt: string | null;
  publishedAt: string | null;
  revisedAt: string | null;
  author: { kind: string; name: string };
  cover: { id: string; url: string } | null;
};
type Summary = { id: string; title: string; read: boolean; revisedAt: string | null; category: Category };
type Page = { articles: Summary[]; nextCursor: string | null };
type Article = Summary & {
  bodyHtml: string;
  reactions: Record<string, number>;
  myReactions: string[];
  commentCount: number;
  author: { kind: string; name: string };
  cover: { url: string } | null;
};

async function newsroom() {
  const created = await createTestTenant(server);
  const tenant = { id: created.tenant.id, slug: created.slug, nameJa: created.tenant.nameJa };
  const staff = await communityMember(server, tenant, { role: 'admin', displayName: '人事 広報' });
  const reader = await communityMember(server, tenant, { displayName: '読者 花子' });
  const desk = `/api/v1/t/${tenant.slug}/news-desk`;
  const news = `/api/v1/t/${tenant.slug}/news`;
  const categories = (await staff.client.get<{ categories: Category[] }>(`${news}/categories`)).body
    .categories;
  return { tenant, staff, reader, desk, news, categories };
}

async function write(
  staff: CommunityMember,
  desk: string,
  values: Record<string, unknown> & { categoryId: string },
): Promise<Managed> {
  const created = await staff.client.post<Managed>(`${desk}/articles`, {
    title: '記事',
    body: '本文',
    ...values,
  });
  expect(created.status).toBe(201);
  return created.body;
}

async function publish(staff: CommunityMember, desk: string, id: string) {
  const done = await staff.client.post<Managed>(`${desk}/articles/${id}/publish`);
  expect(done.status).toBe(200);
  return done.body;
}

describe('news articles', () => {
  it('new networks start with the four categories; staff add and rename, a duplicate name is refused', async () => {
    const { staff, reader, desk, news, categories } = await newsroom();
    expect(categories.map((c) => c.name)).toEqual(['会社の今', '制度・働き方', '技術', 'イベント報告']);
    const added = await staff.client.post<Category>(`${desk}/categories`, { name: 'サステナビリティ' });
    expect(added.status).toBe(201);
    const renamed = await staff.client.patch<Category>(`${desk}/categories/${categories[2]!.id}`, {
      name: 'テクノロジー',
    });
    expect(renamed.body).toEqual({ id: categories[2]!.id, name: 'テクノロジー' });
    const duplicate = await staff.client.post(`${desk}/categories`, { name: '会社の今' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.contentType).toContain('application/problem+json');
    const clash = await staff.client.patch(`${desk}/categories/${added.body.id}`, { name: 'テクノロジー' });
    expect(clash.status).toBe(409);
    const seen = (await reader.client.get<{ categories: Category[] }>(`${news}/categories`)).body.categories;
    expect(seen.map((c) => c.name)).toEqual([
      '会社の今',
      '制度・働き方',
      'テクノロジー',
      'イベント報告',
      'サステナビリティ',
    ]);
  });

  it('a draft is for staff only; once published members read it, newest first, with an unread marker until opened', async () => {
    const { staff, reader, desk, news, categories, tenant } = await newsroom();
    const older = await write(staff, desk, { title: '先月の記事', categoryId: categories[0]!.id });
    await publish(staff, desk, older.id);
    const draft = await write(staff, desk, {
      title: '新しい人事制度',
      body: '**副業**が認められました。',
      categoryId: categories[1]!.id,
      authorKind: 'person',
    });
    expect(draft.status).toBe('draft');
    expect((await reader.client.get(`${news}/articles/${draft.id}`)).status).toBe(404);
    expect((await reader.client.get<Page>(`${news}/articles`)).body.articles.map((a) => a.id)).toEqual([
      older.id,
    ]);

    const published = await publish(staff, desk, draft.id);
    expect(published.status).toBe('published');
    const list = (await reader.client.get<Page>(`${news}/articles`)).body.articles;
    expect(list.map((a) => [a.title, a.read])).toEqual([
      ['新しい人事制度', false],
      ['先月の記事', false],
    ]);
    const page = await reader.client.get<Article>(`${news}/articles/${draft.id}`);
    expect(page.status).toBe(200);
    expect(page.body.bodyHtml).toBe('<p><strong>副業</strong>が認められました。</p>');
    expect(page.body.author).toEqual({ kind: 'person', name: '人事 広報' });
    expect(page.body).not.toHaveProperty('readCount');
    const after = (await reader.client.get<Page>(`${news}/articles`)).body.articles;
    expect(after.map((a) => a.read)).toEqual([true, false]);

    // The company byline carries the network's name.
    const older2 = (await reader.client.get<Article>(`${news}/articles/${older.id}`)).body;
    expect(older2.author).toEqual({ kind: 'company', name: tenant.nameJa });
  });

  it('counts unique readers: a second open and simultaneous opens count once; staff see the count', async () => {
    const { tenant, staff, reader, desk, news, categories } = await newsroom();
    const article = await write(staff, desk, { categoryId: categories[0]!.id });
    await publish(staff, desk, article.id);
    const other = await communityMember(server, tenant, { displayName: '別の 読者' });
    await reader.client.get(`${news}/articles/${article.id}`);
    await reader.client.get(`${news}/articles/${article.id}`);
    const opens = await Promise.all(
      Array.from({ length: 6 }, () => other.client.get(`${news}/articles/${article.id}`)),
    );
    expect(opens.map((o) => o.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const seen = await staff.client.get<Managed>(`${desk}/articles/${article.id}`);
    expect(seen.body.readCount).toBe(2);
    const list = await staff.client.get<{ articles: Managed[] }>(`${desk}/articles`);
    expect(list.body.articles.find((a) => a.id === article.id)?.readCount).toBe(2);
  });

  it('pictures: a cover and pictures in the body, sanitised HTML, and a picture of another article refused', async () => {
    const { staff, reader, desk, news, categories } = await newsroom();
    const upload = async () =>
      (
        await staff.client.upload<{ id: string; url: string; width: number }>(
          `${desk}/images`,
          await photoBytes(2400, 1200),
        )
      ).body;
    const cover = await upload();
    const inside = await upload();
    expect(cover.width).toBe(1600);
    const article = await write(staff, desk, {
      categoryId: categories[0]!.id,
      coverImageId: cover.id,
      body: `## 新オフィス\n\n<script>alert(1)</script> [link](javascript:alert(1))\n![新しい執務室 "A"](image:${inside.id})\n続き`,
    });
    expect(article.bodyHtml).not.toContain('<script');
    expect(article.bodyHtml).not.toContain('href="javascript');
    expect(article.bodyHtml).toContain('<h2>新オフィス</h2>');
    expect(article.bodyHtml).toContain(
      `<figure><img src="${inside.url}" alt="新しい執務室 &quot;A&quot;" width="1600" height="800" loading="lazy"><figcaption>新しい執務室 &quot;A&quot;</figcaption></figure>`,
    );
    // Before publishing, a member cannot fetch its pictures.
    expect((await reader.client.get(inside.url)).status).toBe(404);
    await publish(staff, desk, article.id);
    const picture = await reader.client.get(inside.url);
    expect([picture.status, picture.contentType]).toEqual([200, 'image/webp']);
    expect((await reader.client.get<Article>(`${news}/articles/${article.id}`)).body.cover?.url).toBe(
      cover.url,
    );

    // A picture already used by another article, or an unknown id, cannot be used.
    const taken = await staff.client.post(`${desk}/articles`, {
      title: 'x',
      body: `![](image:${inside.id})`,
      categoryId: categories[0]!.id,
    });
    expect([taken.status, (taken.body as { code: string }).code]).toEqual([422, 'news_image_invalid']);
    const unknownCover = await staff.client.post(`${desk}/articles`, {
      title: 'x',
      body: 'y',
      categoryId: categories[0]!.id,
      coverImageId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownCover.status).toBe(422);
  });

  it('editing after publishing keeps the date and shows the update to members', async () => {
    const { staff, reader, desk, news, categories } = await newsroom();
    const article = await write(staff, desk, { categoryId: categories[0]!.id });
    const draftEdit = await staff.client.patch<Managed>(`${desk}/articles/${article.id}`, {
      title: '下書きの修正',
    });
    expect(draftEdit.body.revisedAt).toBeNull();
    const published = await publish(staff, desk, article.id);
    const edited = await staff.client.patch<Managed>(`${desk}/articles/${article.id}`, {
      body: '訂正しました。',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.publishedAt).toBe(published.publishedAt);
    expect(edited.body.revisedAt).not.toBeNull();
    const seen = (await reader.client.get<Article>(`${news}/articles/${article.id}`)).body;
    expect([seen.revisedAt, seen.bodyHtml]).toEqual([edited.body.revisedAt, '<p>訂正しました。</p>']);
  });

  it('a scheduled article is published by its job at the time, not before, and cancelling makes it a draft again', async () => {
    const { tenant, staff, reader, desk, news, categories } = await newsroom();
    const article = await write(staff, desk, { title: '予約記事', categoryId: categories[3]!.id });
    const past = await staff.client.put(`${desk}/articles/${article.id}/schedule`, {
      publishAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect([past.status, (past.body as { code: string }).code]).toEqual([422, 'news_publish_in_past']);
    const at = new Date(Date.now() + 3600_000);
    const scheduled = await staff.client.put<Managed>(`${desk}/articles/${article.id}/schedule`, {
      publishAt: at.toISOString(),
    });
    expect([scheduled.body.status, scheduled.body.publishAt]).toEqual(['scheduled', at.toISOString()]);
    // The job waits in the queue for the time (durable: a row in pg-boss), and nothing is due yet.
    const jobs = await server.deps.database.db.execute<{ start_after: Date }>(
      sql`select start_after from pgboss.job where name = 'news.publish' and data->>'articleId' = ${article.id}`,
    );
    const rows = (jobs as unknown as { rows: { start_after: Date | string }[] }).rows;
    expect(rows.map((r) => new Date(r.start_after).toISOString())).toEqual([at.toISOString()]);
    await server.deps.jobs.drain();
    expect((await reader.client.get(`${news}/articles/${article.id}`)).status).toBe(404);
    expect(await publishScheduledArticle(server.deps, { tenantId: tenant.id, articleId: article.id })).toBe(
      false,
    );

    // The time comes (moved here instead of waiting): the job publishes it, once.
    await inTenant(server.deps.database.db, tenant.id, (tx) =>
      tx
        .update(newsArticles)
        .set({ publishAt: new Date(Date.now() - 1000) })
        .where(and(eq(newsArticles.tenantId, tenant.id), eq(newsArticles.id, article.id))),
    );
    expect(await publishScheduledArticle(server.deps, { tenantId: tenant.id, articleId: article.id })).toBe(
      true,
    );
    expect(await publishScheduledArticle(server.deps, { tenantId: tenant.id, articleId: article.id })).toBe(
      false,
    );
    expect((await reader.client.get(`${news}/articles/${article.id}`)).status).toBe(200);
    const again = await staff.client.put(`${desk}/articles/${article.id}/schedule`, {
      publishAt: at.toISOString(),
    });
    expect(again.status).toBe(409);

    const second = await write(staff, desk, { categoryId: categories[3]!.id });
    await staff.client.put(`${desk}/articles/${second.id}/schedule`, { publishAt: at.toISOString() });
    const cancelled = await staff.client.delete<Managed>(`${desk}/articles/${second.id}/schedule`);
    expect([cancelled.body.status, cancelled.body.publishAt]).toEqual(['draft', null]);
    await inTenant(server.deps.database.db, tenant.id, (tx) =>
      tx
        .update(newsArticles)
        .set({ publishAt: new Date(Date.now() - 1000) })
        .where(and(eq(newsArticles.tenantId, tenant.id), eq(newsArticles.id, second.id))),
    );
    expect(await publishScheduledArticle(server.deps, { tenantId: tenant.id, articleId: second.id })).toBe(
      false,
    );
  });

  it('by category, by month (Japan time) and the monthly archive', async () => {
    const { tenant, staff, reader, desk, news, categories } = await newsroom();
    const make = async (title: string, category: string, publishedAt: string) => {
      const article = await write(staff, desk, { title, categoryId: category });
      await publish(staff, desk, article.id);
      await inTenant(server.deps.database.db, tenant.id, (tx) =>
        tx
          .update(newsArticles)
          .set({ publishedAt: new Date(publishedAt) })
          .where(and(eq(newsArticles.tenantId, tenant.id), eq(newsArticles.id, article.id))),
      );
    };
    await make('10月', categories[0]!.id, '2026-10-15T00:00:00Z');
    // 2026-10-31 16:00 UTC is 11月1日 01:00 in Japan.
    await make('11月の初め', categories[1]!.id, '2026-10-31T16:00:00Z');
    await make('11月', categories[0]!.id, '2026-11-20T00:00:00Z');
    const titles = async (query: string) =>
      (await reader.client.get<Page>(`${news}/articles${query}`)).body.articles.map((a) => a.title);
    expect(await titles('')).toEqual(['11月', '11月の初め', '10月']);
    expect(await titles(`?category=${categories[0]!.id}`)).toEqual(['11月', '10月']);
    expect(await titles('?month=2026-11')).toEqual(['11月', '11月の初め']);
    expect(await titles(`?month=2026-11&category=${categories[1]!.id}`)).toEqual(['11月の初め']);
    const archive = await reader.client.get<{ months: { month: string; count: number }[] }>(
      `${news}/archive`,
    );
    expect(archive.body.months).toEqual([
      { month: '2026-11', count: 2 },
      { month: '2026-10', count: 1 },
    ]);
    // Pages join without gaps or repeats.
    const first = (await reader.client.get<Page>(`${news}/articles?limit=2`)).body;
    const rest = (
      await reader.client.get<Page>(
        `${news}/articles?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`,
      )
    ).body;
    expect([...first.articles, ...rest.articles].map((a) => a.title)).toEqual(['11月', '11月の初め', '10月']);
    expect(rest.nextCursor).toBeNull();

    const bad = await reader.client.get<{ code: string; errors: { path: string; message: string }[] }>(
      `${news}/articles?month=2026-13`,
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({
      path: 'month',
      message: '年月は 2026-04 の形式で指定してください。',
    });
  });

  it('reactions and comments only where staff allow them', async () => {
    const { tenant, staff, reader, desk, news, categories } = await newsroom();
    const open = await write(staff, desk, { categoryId: categories[0]!.id, allowComments: true });
    const closed = await write(staff, desk, {
      categoryId: categories[0]!.id,
      allowComments: false,
      allowReactions: false,
    });
    await publish(staff, desk, open.id);
    await publish(staff, desk, closed.id);
    expect((await reader.client.put(`${news}/articles/${open.id}/reactions/clap`, {})).status).toBe(200);
    const comment = await reader.client.post<{ id: string; bodyHtml: string; canDelete: boolean }>(
      `${news}/articles/${open.id}/comments`,
      { body: '良い制度ですね <b>!</b>' },
    );
    expect(comment.status).toBe(201);
    expect(comment.body.bodyHtml).toBe('<p>良い制度ですね &lt;b&gt;!&lt;/b&gt;</p>');
    const seen = (await reader.client.get<Article>(`${news}/articles/${open.id}`)).body;
    expect([seen.reactions, seen.myReactions, seen.commentCount]).toEqual([{ clap: 1 }, ['clap'], 1]);

    const refusedReaction = await reader.client.put(`${news}/articles/${closed.id}/reactions/clap`, {});
    expect([refusedReaction.status, (refusedReaction.body as { code: string }).code]).toEqual([
      403,
      'news_reactions_closed',
    ]);
    const refusedComment = await reader.client.post(`${news}/articles/${closed.id}/comments`, { body: 'x' });
    expect(refusedComment.status).toBe(403);
    const empty = await reader.client.post(`${news}/articles/${open.id}/comments`, { body: '  ' });
    expect(empty.status).toBe(422);

    // Another member cannot delete the comment; staff can.
    const other = await communityMember(server, tenant, { displayName: '他の 会員' });
    expect(
      (await other.client.delete(`${news}/articles/${open.id}/comments/${comment.body.id}`)).status,
    ).toBe(403);
    const removed = await staff.client.delete(`${news}/articles/${open.id}/comments/${comment.body.id}`);
    expect(removed.status).toBe(200);
    expect((await reader.client.get<Article>(`${news}/articles/${open.id}`)).body.commentCount).toBe(0);
  });

  it('publishing tells members in the app, once, and not the writer; an audience without employees leaves them out', async () => {
    const { tenant, staff, reader, desk, news, categories } = await newsroom();
    const employee = await communityMember(server, tenant, { role: 'employee' });
    const article = await write(staff, desk, { title: '決算のお知らせ', categoryId: categories[0]!.id });
    await publish(staff, desk, article.id);
    await publish(staff, desk, article.id);
    type Bell = {
      notifications: { kind: string; target: { type: string; id: string }; data: Record<string, string> }[];
    };
    const bell = async (who: CommunityMember) =>
      (
        await who.client.get<Bell>(`/api/v1/t/${tenant.slug}/community/notifications`)
      ).body.notifications.filter((n) => n.kind === 'news_published');
    expect(await bell(reader)).toEqual([
      expect.objectContaining({
        target: { type: 'article', id: article.id },
        data: { title: '決算のお知らせ' },
      }),
    ]);
    expect(await bell(staff)).toEqual([]);
    expect(await bell(employee)).toEqual([]);
    expect((await employee.client.get(`${news}/articles/${article.id}`)).status).toBe(404);

    const forEveryone = await write(staff, desk, {
      title: '社員の皆さんにも',
      categoryId: categories[0]!.id,
      audience: { includeEmployees: true },
    });
    await publish(staff, desk, forEveryone.id);
    expect((await bell(employee)).map((n) => n.data.title)).toEqual(['社員の皆さんにも']);
    expect((await employee.client.get(`${news}/articles/${forEveryone.id}`)).status).toBe(200);
    expect((await employee.client.get<Page>(`${news}/articles`)).body.articles.map((a) => a.id)).toEqual([
      forEveryone.id,
    ]);
  });
});
