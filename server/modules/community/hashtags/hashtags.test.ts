import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityMember } from '../../../test/community-factories.js';
import { createTestTenant } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { hashtagsInText, normaliseHashtag } from './normalise-hashtag.js';

describe('hashtag normalisation', () => {
  it('folds ＃, full-width letters, half-width kana and case into one key, keeping a readable label', () => {
    expect(normaliseHashtag('#起業')).toEqual({ key: '起業', label: '起業' });
    expect(normaliseHashtag('＃起業')).toEqual({ key: '起業', label: '起業' });
    expect(normaliseHashtag('ＡＷＳ')).toEqual({ key: 'aws', label: 'AWS' });
    expect(normaliseHashtag('#aws')!.key).toBe(normaliseHashtag('#AWS')!.key);
    expect(normaliseHashtag('ﾃﾞｰﾀ分析')).toEqual({ key: 'データ分析', label: 'データ分析' });
    expect(normaliseHashtag('DX_推進')).toEqual({ key: 'dx_推進', label: 'DX_推進' });
  });

  it('refuses what is not a hashtag', () => {
    for (const bad of ['', '#', '新規 事業', '<script>', 'a"b', 'x'.repeat(41), 'タグ!']) {
      expect([bad, normaliseHashtag(bad)]).toEqual([bad, null]);
    }
  });

  it('finds the hashtags written in a text, each once', () => {
    expect(hashtagsInText('#起業 の仲間募集！ ＃AWS と #aws、#新規事業。').map((t) => t.label)).toEqual([
      '起業',
      'AWS',
      '新規事業',
    ]);
  });
});

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe('hashtags in a network', () => {
  it('suggests by prefix, most used first, and lets a member follow and unfollow', async () => {
    const created = await createTestTenant(server);
    const tenant = { id: created.tenant.id, slug: created.slug };
    const a = await communityMember(server, tenant, {
      profile: { hashtags: ['新規事業', '新卒採用', 'AWS'] },
    });
    await communityMember(server, tenant, { profile: { hashtags: ['＃新規事業', 'aws'] } });
    const suggest = async (prefix: string) =>
      (
        await a.client.get<{ hashtags: { label: string; uses: number }[] }>(
          `/api/v1/t/${tenant.slug}/community/hashtags?prefix=${encodeURIComponent(prefix)}`,
        )
      ).body.hashtags;
    expect(await suggest('＃新')).toEqual([
      { key: '新規事業', label: '新規事業', uses: 2 },
      { key: '新卒採用', label: '新卒採用', uses: 1 },
    ]);
    expect((await suggest('ａｗ')).map((t) => t.label)).toEqual(['AWS']);

    const followed = await a.client.put(
      `/api/v1/t/${tenant.slug}/community/hashtags/${encodeURIComponent('＃起業')}/follow`,
      {},
    );
    expect(followed.body).toEqual({ hashtag: { key: '起業', label: '起業' }, following: true });
    const page = await a.client.get<{ following: boolean; followers: number; people: unknown[] }>(
      `/api/v1/t/${tenant.slug}/community/hashtags/${encodeURIComponent('起業')}`,
    );
    expect(page.body).toMatchObject({ following: true, followers: 1, people: [] });
    const list = await a.client.get<{ hashtags: { key: string }[] }>(
      `/api/v1/t/${tenant.slug}/community/me/following`,
    );
    expect(list.body.hashtags.map((t) => t.key)).toEqual(['起業']);
    await a.client.delete(`/api/v1/t/${tenant.slug}/community/hashtags/起業/follow`);
    expect(
      (await a.client.get<{ hashtags: unknown[] }>(`/api/v1/t/${tenant.slug}/community/me/following`)).body
        .hashtags,
    ).toEqual([]);

    const people = await a.client.get<{ people: { id: string }[] }>(
      `/api/v1/t/${tenant.slug}/community/hashtags/aws`,
    );
    expect(people.body.people).toHaveLength(2);
    expect(
      (await a.client.get(`/api/v1/t/${tenant.slug}/community/hashtags/${encodeURIComponent('存在しない')}`))
        .status,
    ).toBe(404);
  });

  it('ranks this week’s hashtags by the posts that use them', async () => {
    const created = await createTestTenant(server);
    const tenant = { id: created.tenant.id, slug: created.slug };
    const member = await communityMember(server, tenant);
    for (const body of ['#AWS 入門', '#aws と #起業', 'ＡＷＳ の話 #ＡＷＳ', '#起業']) {
      await member.client.post(`/api/v1/t/${tenant.slug}/community/posts`, { body });
    }
    await communityMember(server, tenant, { profile: { hashtags: ['子育て'] } });
    const trending = await member.client.get<{ hashtags: { label: string; uses: number }[] }>(
      `/api/v1/t/${tenant.slug}/community/hashtags/trending`,
    );
    expect(trending.body.hashtags).toEqual([
      { key: 'aws', label: 'AWS', uses: 3 },
      { key: '起業', label: '起業', uses: 2 },
    ]);
  });
});
