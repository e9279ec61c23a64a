import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../test/client.js';
import { type CommunityMember, communityMember, photoBytes } from '../../test/community-factories.js';
import { createTestTenant } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
let a: { id: string; slug: string };
let b: { id: string; slug: string };
let staffA: CommunityMember;
let alumnusA: CommunityMember;
let staffB: CommunityMember;
let articleOfB: string;
let draftOfB: string;
let categoryOfB: string;
let imageOfB: string;

beforeAll(async () => {
  server = await startTestServer();
  const ta = await createTestTenant(server);
  const tb = await createTestTenant(server);
  a = { id: ta.tenant.id, slug: ta.slug };
  b = { id: tb.tenant.id, slug: tb.slug };
  staffA = await communityMember(server, a, { role: 'admin' });
  alumnusA = await communityMember(server, a);
  staffB = await communityMember(server, b, { role: 'owner' });
  const desk = `/api/v1/t/${b.slug}/news-desk`;
  categoryOfB = (
    await staffB.client.get<{ categories: { id: string }[] }>(`/api/v1/t/${b.slug}/news/categories`)
  ).body.categories[0]!.id;
  imageOfB = (await staffB.client.upload<{ id: string }>(`${desk}/images`, await photoBytes())).body.id;
  articleOfB = (
    await staffB.client.post<{ id: string }>(`${desk}/articles`, {
      title: '乙社のお知らせ',
      body: `![](image:${imageOfB})`,
      categoryId: categoryOfB,
      allowComments: true,
    })
  ).body.id;
  await staffB.client.post(`${desk}/articles/${articleOfB}/publish`);
  draftOfB = (
    await staffB.client.post<{ id: string }>(`${desk}/articles`, {
      title: '下書き',
      body: 'x',
      categoryId: categoryOfB,
    })
  ).body.id;
});
afterAll(() => server.stop());

type Call = [method: string, path: string, body?: unknown];
const send = (client: TestClient, [method, path, body]: Call) =>
  client.request<Record<string, unknown>>(method, path, body === undefined ? {} : { json: body });

const unknownId = '00000000-0000-4000-8000-000000000000';
/** Every news endpoint, aimed at network `slug`'s article, category and picture. */
function endpoints(slug: string, article: string, category: string, image: string): Call[] {
  const news = `/api/v1/t/${slug}/news`;
  const desk = `/api/v1/t/${slug}/news-desk`;
  return [
    ['GET', `${news}/articles`],
    ['GET', `${news}/archive`],
    ['GET', `${news}/categories`],
    ['GET', `${news}/articles/${article}`],
    ['PUT', `${news}/articles/${article}/reactions/like`, {}],
    ['DELETE', `${news}/articles/${article}/reactions/like`],
    ['GET', `${news}/articles/${article}/comments`],
    ['POST', `${news}/articles/${article}/comments`, { body: 'こんにちは' }],
    ['DELETE', `${news}/articles/${article}/comments/${unknownId}`],
    ['GET', `${news}/images/${image}`],
    ...deskEndpoints(desk, article, category),
  ];
}
function deskEndpoints(desk: string, article: string, category: string): Call[] {
  return [
    ['GET', `${desk}/articles`],
    ['POST', `${desk}/articles`, { title: 't', body: 'b', categoryId: category }],
    ['GET', `${desk}/articles/${article}`],
    ['PATCH', `${desk}/articles/${article}`, { title: '乗っ取り' }],
    ['POST', `${desk}/articles/${article}/publish`],
    [
      'PUT',
      `${desk}/articles/${article}/schedule`,
      { publishAt: new Date(Date.now() + 86_400_000).toISOString() },
    ],
    ['DELETE', `${desk}/articles/${article}/schedule`],
    ['DELETE', `${desk}/articles/${article}`],
    ['GET', `${desk}/categories`],
    ['POST', `${desk}/categories`, { name: '新しい区分' }],
    ['PATCH', `${desk}/categories/${category}`, { name: '改名' }],
  ];
}

describe('news: who may do what', () => {
  it("another network's staff get 404 for every endpoint, the same answer as for an unknown network", async () => {
    for (const call of endpoints(b.slug, articleOfB, categoryOfB, imageOfB)) {
      const seen = await send(staffA.client, call);
      expect([call[0], call[1], seen.status]).toEqual([call[0], call[1], 404]);
      expect(seen.contentType).toContain('application/problem+json');
    }
    // B's article, category and picture named under A's own network are not found either.
    for (const call of endpoints(a.slug, articleOfB, categoryOfB, imageOfB).filter(([, path]) =>
      [articleOfB, categoryOfB, imageOfB].some((id) => path.includes(id)),
    )) {
      const seen = await send(staffA.client, call);
      expect([call[0], call[1], seen.status]).toEqual([call[0], call[1], 404]);
    }
    const withForeignCategory = await staffA.client.post<{ code: string }>(
      `/api/v1/t/${a.slug}/news-desk/articles`,
      {
        title: 't',
        body: 'b',
        categoryId: categoryOfB,
      },
    );
    expect([withForeignCategory.status, withForeignCategory.body.code]).toEqual([
      422,
      'news_category_missing',
    ]);
    const stillThere = await staffB.client.get<{ title: string; status: string }>(
      `/api/v1/t/${b.slug}/news-desk/articles/${articleOfB}`,
    );
    expect([stillThere.body.title, stillThere.body.status]).toEqual(['乙社のお知らせ', 'published']);
  });

  it('members read but never reach the news desk (403), and never see drafts', async () => {
    const desk = `/api/v1/t/${a.slug}/news-desk`;
    const category = (
      await staffA.client.get<{ categories: { id: string }[] }>(`/api/v1/t/${a.slug}/news/categories`)
    ).body.categories[0]!.id;
    const draft = (
      await staffA.client.post<{ id: string }>(`${desk}/articles`, {
        title: '下書き',
        body: 'x',
        categoryId: category,
      })
    ).body.id;
    for (const role of ['alumnus', 'moderator', 'employee'] as const) {
      const member = role === 'alumnus' ? alumnusA : await communityMember(server, a, { role });
      for (const call of deskEndpoints(desk, draft, category)) {
        const seen = await send(member.client, call);
        expect([role, call[0], call[1], seen.status]).toEqual([role, call[0], call[1], 403]);
      }
      expect((await member.client.get(`/api/v1/t/${a.slug}/news/articles/${draft}`)).status).toBe(404);
      const upload = await member.client.upload(`${desk}/images`, await photoBytes());
      expect(upload.status).toBe(403);
    }
    const untouched = await staffA.client.get<{ title: string }>(`${desk}/articles/${draft}`);
    expect(untouched.body.title).toBe('下書き');
    // Staff preview drafts at the desk; the reading side shows published articles only.
    expect((await staffB.client.get(`/api/v1/t/${b.slug}/news/articles/${draftOfB}`)).status).toBe(404);
  });

  it("bad input gets problem+json in the reader's language and changes nothing", async () => {
    const desk = `/api/v1/t/${b.slug}/news-desk`;
    const english = await staffB.client.post<{ code: string; title: string }>(`${desk}/articles?lang=en`, {
      title: '',
      body: 'x',
      categoryId: categoryOfB,
    });
    expect(english.status).toBe(422);
    expect(english.contentType).toContain('application/problem+json');
    expect(english.body.title).toBe('Please check what you entered.');
    const wrongType = await staffB.client.request('POST', `${desk}/articles`, {
      body: 'title=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(wrongType.status).toBe(415);
    const empty = await staffB.client.request('POST', `${desk}/articles`, {
      body: '',
      headers: { 'content-type': 'application/json' },
    });
    expect(empty.status).toBeGreaterThanOrEqual(400);
    expect(empty.status).toBeLessThan(500);
    const nul = await staffB.client.post<{ code: string }>(`${desk}/articles`, {
      title: 'a\u0000b',
      body: 'x',
      categoryId: categoryOfB,
    });
    expect([nul.status, nul.body.code]).toEqual([422, 'validation_failed']);
    const unknownCategory = await staffB.client.post<{ code: string }>(`${desk}/articles`, {
      title: 'x',
      body: 'y',
      categoryId: unknownId,
    });
    expect([unknownCategory.status, unknownCategory.body.code]).toEqual([422, 'news_category_missing']);
    const extra = await staffB.client.post(`${desk}/articles`, {
      title: 'x',
      body: 'y',
      categoryId: categoryOfB,
      status: 'published',
    });
    expect(extra.status).toBe(422);
    const notAnImage = await staffB.client.upload<{ code: string }>(
      `${desk}/images`,
      new TextEncoder().encode('not a picture'),
    );
    expect([notAnImage.status, notAnImage.body.code]).toEqual([422, 'photo_invalid']);
    const list = await staffB.client.get<{ articles: { title: string }[] }>(`${desk}/articles`);
    expect(list.body.articles.map((x) => x.title).sort()).toEqual(['下書き', '乙社のお知らせ']);
  });
});
