import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommunityMember, communityMember } from '../../../test/community-factories.js';
import { createTestTenant } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { renderMarkdown } from './render-markdown.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Post = {
  id: string;
  bodyHtml: string;
  body?: string;
  pinned: boolean;
  commentCount: number;
  reactions: Record<string, number>;
  myReactions: string[];
};
type Feed = { pinned: Post[]; posts: Post[]; nextCursor: string | null };

async function network() {
  const created = await createTestTenant(server);
  return { id: created.tenant.id, slug: created.slug };
}
const post = (who: CommunityMember, slug: string, body: Record<string, unknown>) =>
  who.client.post<Post>(`/api/v1/t/${slug}/community/posts`, body);

async function wholeFeed(who: CommunityMember, slug: string, limit: number) {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: Feed = (
      await who.client.get<Feed>(
        `/api/v1/t/${slug}/community/feed?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      )
    ).body;
    seen.push(...page.posts.map((p) => p.bodyHtml.replace(/<[^>]+>/g, '')));
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
}

describe('posts and the home feed', () => {
  it('brings announcements, my groups, followed hashtags and my own posts, newest first, each once, across pages', async () => {
    const tenant = await network();
    const staff = await communityMember(server, tenant, { role: 'admin' });
    const reader = await communityMember(server, tenant);
    const writer = await communityMember(server, tenant);
    const group = (
      await writer.client.post<{ id: string }>(`/api/v1/t/${tenant.slug}/community/groups`, {
        name: '読書会',
        visibility: 'open',
      })
    ).body.id;
    await reader.client.post(`/api/v1/t/${tenant.slug}/community/groups/${group}/join`);
    await reader.client.put(`/api/v1/t/${tenant.slug}/community/hashtags/起業/follow`, {});

    const expected: string[] = [];
    for (let i = 0; i < 3; i++) {
      await post(writer, tenant.slug, { body: `group ${i} #起業`, groupId: group }); // in a group and under a followed tag
      await post(writer, tenant.slug, { body: `tag ${i} #起業` });
      await post(writer, tenant.slug, { body: `other ${i} #関係ない` });
      await post(staff, tenant.slug, { body: `news ${i}`, announcement: true });
      await post(reader, tenant.slug, { body: `mine ${i}` });
      expected.unshift(`mine ${i}`, `news ${i}`, `tag ${i} #起業`, `group ${i} #起業`);
    }
    for (const limit of [1, 3, 7, 50]) expect(await wholeFeed(reader, tenant.slug, limit)).toEqual(expected);

    // Only staff post announcements, and only they pin them.
    const refused = await post(reader, tenant.slug, { body: 'お知らせ', announcement: true });
    expect(refused.status).toBe(403);
    const news = await post(staff, tenant.slug, { body: '**重要** なお知らせ', announcement: true });
    expect(
      (
        await reader.client.put(`/api/v1/t/${tenant.slug}/community/posts/${news.body.id}/pin`, {
          pinned: true,
        })
      ).status,
    ).toBe(403);
    await staff.client.put(`/api/v1/t/${tenant.slug}/community/posts/${news.body.id}/pin`, { pinned: true });
    const feed = await reader.client.get<Feed>(`/api/v1/t/${tenant.slug}/community/feed`);
    expect(feed.body.pinned.map((p) => p.id)).toEqual([news.body.id]);
    // Shown once, above the feed, not again inside it; unpinned, it returns to its place.
    expect(feed.body.posts.map((p) => p.id)).not.toContain(news.body.id);
    await staff.client.put(`/api/v1/t/${tenant.slug}/community/posts/${news.body.id}/pin`, { pinned: false });
    const unpinned = await reader.client.get<Feed>(`/api/v1/t/${tenant.slug}/community/feed`);
    expect(unpinned.body.pinned).toEqual([]);
    expect(unpinned.body.posts[0]!.id).toBe(news.body.id);
  });

  it('renders a safe Markdown subset: no script, event handler or javascript: link survives', async () => {
    const attacks = [
      '<script>alert(1)</script>',
      '<img src=x onerror="alert(1)">',
      '[click](javascript:alert(1))',
      '[click](JaVaScRiPt:alert(1))',
      '<a href="javascript:alert(1)">x</a>',
      '<svg onload=alert(1)>',
      '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '<iframe src="https://evil.example"></iframe>',
      '<div style="background:url(javascript:alert(1))">x</div>',
    ];
    const allowedTags = new Set([
      'p',
      'br',
      'strong',
      'em',
      's',
      'ul',
      'ol',
      'li',
      'blockquote',
      'code',
      'pre',
      'a',
    ]);
    for (const attack of attacks) {
      const html = renderMarkdown(attack, 'demo');
      // Every real tag in the output is on the allowlist, with only safe attributes and URLs.
      for (const [, name, attributes] of html.matchAll(/<\/?([a-z0-9]+)([^>]*)>/gi)) {
        expect([attack, name, allowedTags.has(name!.toLowerCase())]).toEqual([attack, name, true]);
        for (const [, attribute, value] of attributes!.matchAll(/([a-z-]+)="([^"]*)"/gi)) {
          expect([attack, attribute]).toEqual([attack, expect.stringMatching(/^(href|class|rel|target)$/)]);
          if (attribute === 'href')
            expect([attack, value]).toEqual([attack, expect.stringMatching(/^(https?:|mailto:|\/)/)]);
        }
      }
    }
    expect(renderMarkdown('**太字** と [リンク](https://example.jp) #起業', 'demo')).toBe(
      '<p><strong>太字</strong> と <a href="https://example.jp" rel="noopener noreferrer nofollow ugc" target="_blank">リンク</a> ' +
        '<a href="/t/demo/hashtags/%E8%B5%B7%E6%A5%AD" class="hashtag">#起業</a></p>',
    );
    const tenant = await network();
    const writer = await communityMember(server, tenant);
    const created = await post(writer, tenant.slug, { body: '<img src=x onerror=alert(1)> **hi**' });
    expect(created.body.bodyHtml).toBe('<p>&lt;img src=x onerror=alert(1)&gt; <strong>hi</strong></p>');
  });

  it('lets authors edit and delete their posts, others comment and react, and moderators remove posts', async () => {
    const tenant = await network();
    const author = await communityMember(server, tenant);
    const other = await communityMember(server, tenant);
    const moderator = await communityMember(server, tenant, { role: 'moderator' });
    const created = (await post(author, tenant.slug, { body: '最初の投稿 #起業' })).body;
    const url = `/api/v1/t/${tenant.slug}/community/posts/${created.id}`;
    expect((await other.client.patch(url, { body: '乗っ取り' })).status).toBe(403);
    const edited = await author.client.patch<Post>(url, { body: '書き直した投稿 #新規事業' });
    expect(edited.body.body).toBe('書き直した投稿 #新規事業');
    // Hashtags follow the edit.
    const tagged = await other.client.get<{ posts: Post[] }>(
      `/api/v1/t/${tenant.slug}/community/hashtags/新規事業/posts`,
    );
    expect(tagged.body.posts.map((p) => p.id)).toEqual([created.id]);
    expect(
      (await other.client.get<{ posts: Post[] }>(`/api/v1/t/${tenant.slug}/community/hashtags/起業/posts`))
        .body.posts,
    ).toEqual([]);
    // Only the author receives the source text.
    expect(await other.client.get<Post>(url).then((r) => 'body' in r.body)).toBe(false);

    await other.client.post(`${url}/comments`, { body: 'いいですね' });
    const reacted = await other.client.put<Post>(`${url}/reactions/clap`, {});
    expect(reacted.body).toMatchObject({ reactions: { clap: 1 }, myReactions: ['clap'], commentCount: 1 });
    expect((await other.client.put(`${url}/reactions/boo`, {})).status).toBe(422);

    expect((await other.client.delete(url)).status).toBe(403);
    expect((await moderator.client.delete(url)).status).toBe(200);
    expect((await author.client.get(url)).status).toBe(404);
  });

  it('keeps posts of closed groups and hidden posts out of hashtag feeds for those who may not read them', async () => {
    const tenant = await network();
    const insider = await communityMember(server, tenant);
    const outsider = await communityMember(server, tenant);
    const moderator = await communityMember(server, tenant, { role: 'moderator' });
    const base = `/api/v1/t/${tenant.slug}/community`;
    const closed = (
      await insider.client.post<{ id: string }>(`${base}/groups`, { name: '役員会', visibility: 'request' })
    ).body.id;
    const open = (
      await insider.client.post<{ id: string }>(`${base}/groups`, { name: '雑談', visibility: 'open' })
    ).body.id;
    await outsider.client.put(`${base}/hashtags/起業/follow`, {});
    const secret = (await post(insider, tenant.slug, { body: '非公開の相談 #起業', groupId: closed })).body;
    const shared = (await post(insider, tenant.slug, { body: '公開グループの話 #起業', groupId: open })).body;
    const plain = (await post(insider, tenant.slug, { body: '誰でも読める #起業' })).body;
    const tagged = async () =>
      (await outsider.client.get<{ posts: Post[] }>(`${base}/hashtags/起業/posts`)).body.posts.map(
        (p) => p.id,
      );
    expect(await tagged()).toEqual([plain.id, shared.id]);
    expect(await wholeFeed(outsider, tenant.slug, 10)).toEqual([
      '誰でも読める #起業',
      '公開グループの話 #起業',
    ]);
    expect((await outsider.client.get(`${base}/posts/${secret.id}`)).status).toBe(404);
    // A hidden post leaves the hashtag feed too, and comes back when a moderator publishes it again.
    await moderator.client.post(`${base}/moderation/posts/${plain.id}`, {
      action: 'hide',
      reason: '確認のため',
    });
    expect(await tagged()).toEqual([shared.id]);
    await moderator.client.post(`${base}/moderation/posts/${plain.id}`, {
      action: 'publish',
      reason: '問題なし',
    });
    expect(await tagged()).toEqual([plain.id, shared.id]);
  });

  it('hides posts and comments between blocked members, both ways', async () => {
    const tenant = await network();
    const alice = await communityMember(server, tenant);
    const bob = await communityMember(server, tenant);
    await alice.client.put(`/api/v1/t/${tenant.slug}/community/hashtags/起業/follow`, {});
    await bob.client.put(`/api/v1/t/${tenant.slug}/community/hashtags/起業/follow`, {});
    const bobs = (await post(bob, tenant.slug, { body: 'bob #起業' })).body;
    const alices = (await post(alice, tenant.slug, { body: 'alice #起業' })).body;
    await alice.client.post(`/api/v1/t/${tenant.slug}/community/posts/${alices.id}/comments`, {
      body: '自分へのコメント',
    });
    await bob.client.post(`/api/v1/t/${tenant.slug}/community/posts/${alices.id}/comments`, {
      body: 'bob のコメント',
    });
    expect(await wholeFeed(alice, tenant.slug, 10)).toEqual(['alice #起業', 'bob #起業']);

    await alice.client.put(`/api/v1/t/${tenant.slug}/community/people/${bob.id}/block`, {});
    expect(await wholeFeed(alice, tenant.slug, 10)).toEqual(['alice #起業']);
    expect(await wholeFeed(bob, tenant.slug, 10)).toEqual(['bob #起業']);
    expect((await alice.client.get(`/api/v1/t/${tenant.slug}/community/posts/${bobs.id}`)).status).toBe(404);
    expect((await bob.client.get(`/api/v1/t/${tenant.slug}/community/posts/${alices.id}`)).status).toBe(404);
    const comments = await alice.client.get<{ comments: { bodyHtml: string }[] }>(
      `/api/v1/t/${tenant.slug}/community/posts/${alices.id}/comments`,
    );
    expect(comments.body.comments.map((c) => c.bodyHtml)).toEqual(['<p>自分へのコメント</p>']);
    const tag = await alice.client.get<{ posts: Post[] }>(
      `/api/v1/t/${tenant.slug}/community/hashtags/起業/posts`,
    );
    expect(tag.body.posts.map((p) => p.id)).toEqual([alices.id]);
  });

  it('keeps a muted member out of my feeds and my bell, without blocking them or telling them', async () => {
    const tenant = await network();
    const me = await communityMember(server, tenant);
    const loud = await communityMember(server, tenant);
    const base = `/api/v1/t/${tenant.slug}/community`;
    await me.client.put(`${base}/hashtags/起業/follow`, {});
    const mine = (await post(me, tenant.slug, { body: '自分の投稿' })).body;
    await post(loud, tenant.slug, { body: '宣伝です #起業' });
    expect(await wholeFeed(me, tenant.slug, 10)).toEqual(['宣伝です #起業', '自分の投稿']);

    expect((await me.client.put(`${base}/people/${loud.id}/mute`, {})).status).toBe(200);
    expect(await wholeFeed(me, tenant.slug, 10)).toEqual(['自分の投稿']);
    expect((await me.client.get<{ posts: Post[] }>(`${base}/hashtags/起業/posts`)).body.posts).toEqual([]);
    await loud.client.post(`${base}/posts/${mine.id}/comments`, { body: 'さらに宣伝' });
    expect(
      (await me.client.get<{ notifications: unknown[] }>(`${base}/notifications`)).body.notifications,
    ).toEqual([]);
    expect(
      (await me.client.get<{ comments: unknown[] }>(`${base}/posts/${mine.id}/comments`)).body.comments,
    ).toEqual([]);
    // Not a block: the muted member still sees me, and I can still open their profile.
    expect((await loud.client.get(`${base}/posts/${mine.id}`)).status).toBe(200);
    expect((await me.client.get(`${base}/people/${loud.id}`)).status).toBe(200);
    const list = await me.client.get<{ muted: { id: string }[] }>(`${base}/me/mutes`);
    expect(list.body.muted.map((m) => m.id)).toEqual([loud.id]);

    await me.client.delete(`${base}/people/${loud.id}/mute`);
    expect(await wholeFeed(me, tenant.slug, 10)).toEqual(['宣伝です #起業', '自分の投稿']);
    const outsider = await communityMember(server, await network());
    expect(
      (await outsider.client.put(`/api/v1/t/${tenant.slug}/community/people/${loud.id}/mute`, {})).status,
    ).toBe(404);
  });

  it('limits posting to 10 a minute per member with 429 and Retry-After, writing nothing more', async () => {
    const tenant = await network();
    const member = await communityMember(server, tenant);
    for (let i = 0; i < 10; i++)
      expect((await post(member, tenant.slug, { body: `post ${i}` })).status).toBe(201);
    const limited = await post(member, tenant.slug, { body: 'one too many' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await wholeFeed(member, tenant.slug, 50)).toHaveLength(10);
    // Another member is not affected.
    const other = await communityMember(server, tenant);
    expect((await post(other, tenant.slug, { body: 'hello' })).status).toBe(201);
    expect((await post(member, tenant.slug, { body: '   ' })).status).toBe(429);
    expect((await post(other, tenant.slug, { body: '   ' })).body).toMatchObject({ code: 'post_empty' });
  });

  it('tells an open feed about new posts as they are made (server-sent events)', async () => {
    const tenant = await network();
    const reader = await communityMember(server, tenant);
    const writer = await communityMember(server, tenant);
    const controller = new AbortController();
    const response = await fetch(`${server.baseUrl}/api/v1/t/${tenant.slug}/community/feed/stream`, {
      headers: { cookie: [...reader.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader$ = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const until = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const chunk = await reader$.read();
        if (chunk.done) throw new Error(`stream ended before ${pattern}`);
        text += decoder.decode(chunk.value);
      }
    };
    await until(/event: ready/);
    expect(text).not.toMatch(/event: feed/);
    await post(writer, tenant.slug, { body: 'live!' });
    await until(/event: feed/);
    controller.abort();
  });
});
