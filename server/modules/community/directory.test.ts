import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityMember, linkedRecord, photoBytes, putPhoto } from '../../test/community-factories.js';
import { createTestTenant } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Card = { id: string; displayName: string; currentCompany?: string };
type Page = { people: Card[]; nextCursor: string | null };

async function network() {
  const created = await createTestTenant(server);
  return { id: created.tenant.id, slug: created.slug };
}

describe('member directory', () => {
  it('finds people by kanji, any kana, partial name and variant glyphs, listing only those who agreed', async () => {
    const tenant = await network();
    const viewer = await communityMember(server, tenant, { displayName: '閲覧 太郎' });
    const takahashi = await communityMember(server, tenant, {
      displayName: '髙橋 美咲',
      profile: { displayNameKana: 'タカハシ ミサキ' },
    });
    const yamazaki = await communityMember(server, tenant, {
      displayName: '山﨑 亮',
      profile: { displayNameKana: 'やまざき りょう' },
    });
    await communityMember(server, tenant, { displayName: '高木 隠子', listed: false });
    const yoshida = await communityMember(server, tenant, {
      displayName: '吉田 譲二',
      profile: { displayNameKana: 'ヨシタ゛ ジョ－ジ' },
    });
    const search = async (q: string) =>
      (
        await viewer.client.get<Page>(`/api/v1/t/${tenant.slug}/community/people?q=${encodeURIComponent(q)}`)
      ).body.people
        .map((p) => p.displayName)
        .sort();

    expect(await search('高橋')).toEqual(['髙橋 美咲']);
    expect(await search('たかはし')).toEqual(['髙橋 美咲']);
    expect(await search('ﾀｶﾊｼ')).toEqual(['髙橋 美咲']);
    expect(await search('みさき')).toEqual(['髙橋 美咲']);
    expect(await search('山崎')).toEqual(['山﨑 亮']);
    expect(await search('崎')).toEqual(['山﨑 亮']);
    // Spacing voicing marks and a dash for ー, in the query and in the reading as typed.
    expect(await search('よした゛')).toEqual(['吉田 譲二']);
    expect(await search('ジョージ')).toEqual(['吉田 譲二']);
    expect(await search('ｼﾞｮ-ｼﾞ')).toEqual(['吉田 譲二']);
    // 高木 did not agree to be listed: no search finds them.
    expect(await search('高')).toEqual(['髙橋 美咲']);
    const everyone = await viewer.client.get<Page>(`/api/v1/t/${tenant.slug}/community/people`);
    expect(everyone.body.people.map((p) => p.id).sort()).toEqual(
      [viewer.id, takahashi.id, yamazaki.id, yoshida.id].sort(),
    );

    // A reading the member hides cannot be searched for.
    await takahashi.client.patch(`/api/v1/t/${tenant.slug}/community/me/profile`, {
      visibility: { reading: 'private' },
    });
    expect(await search('たかはし')).toEqual([]);
    expect(await search('高橋')).toEqual(['髙橋 美咲']);
  });

  it('filters by hashtag, intent and company only on fields the member shows, and pages without gaps', async () => {
    const tenant = await network();
    const viewer = await communityMember(server, tenant);
    // One after another: each sign-in reads its own link from the dev mailbox.
    const founders = [];
    for (let i = 0; i < 5; i++) {
      founders.push(
        await communityMember(server, tenant, {
          displayName: `起業 ${i}`,
          profile: {
            displayNameKana: `キギョウ ${'アイウエオ'[i]}`,
            hashtags: ['#起業'],
            intents: ['collaboration'],
            currentCompany: `合同会社${i}`,
          },
        }),
      );
    }
    await founders[4]!.client.patch(`/api/v1/t/${tenant.slug}/community/me/profile`, {
      visibility: { hashtags: 'staff', intents: 'private', company: 'private' },
    });
    const get = (query: string) =>
      viewer.client.get<Page>(`/api/v1/t/${tenant.slug}/community/people?${query}`);
    expect((await get('hashtag=%EF%BC%83%E8%B5%B7%E6%A5%AD')).body.people).toHaveLength(4); // ＃起業
    expect((await get('intent=collaboration')).body.people).toHaveLength(4);
    expect((await get(`company=${encodeURIComponent('合同会社4')}`)).body.people).toHaveLength(0);
    expect(
      (await get(`company=${encodeURIComponent('合同会社3')}`)).body.people.map((p) => p.displayName),
    ).toEqual(['起業 3']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = (await get(`hashtag=起業&limit=2${cursor ? `&cursor=${cursor}` : ''}`)).body;
      seen.push(...page.people.map((p) => p.displayName));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['起業 0', '起業 1', '起業 2', '起業 3']);
  });

  it('finds people who overlapped with me only when both of us show our time at the company', async () => {
    const tenant = await network();
    const me = await communityMember(server, tenant, {
      displayName: '私 自身',
      profile: { visibility: { tenure: 'members' } },
    });
    await linkedRecord(server, tenant, me.id, {
      familyName: '私',
      joinedOn: '2010-04-01',
      leftOn: '2018-03-31',
      lastDepartment: '金融システム事業部',
    });
    const colleague = await communityMember(server, tenant, {
      displayName: '同僚 一郎',
      profile: { visibility: { tenure: 'members' } },
    });
    await linkedRecord(server, tenant, colleague.id, {
      familyName: '同僚',
      joinedOn: '2015-04-01',
      leftOn: '2021-03-31',
      lastDepartment: '金融システム事業部',
    });
    const shy = await communityMember(server, tenant, { displayName: '非公開 二郎' });
    await linkedRecord(server, tenant, shy.id, {
      familyName: '非公開',
      joinedOn: '2012-04-01',
      leftOn: '2016-03-31',
      lastDepartment: '金融システム事業部',
    });
    const later = await communityMember(server, tenant, {
      displayName: '後輩 三郎',
      profile: { visibility: { tenure: 'members' } },
    });
    await linkedRecord(server, tenant, later.id, {
      familyName: '後輩',
      joinedOn: '2019-04-01',
      leftOn: '2024-03-31',
      lastDepartment: '金融システム事業部',
    });

    const overlap = async (who: typeof me) =>
      (await who.client.get<Page>(`/api/v1/t/${tenant.slug}/community/people?overlap=1`)).body.people.map(
        (p) => p.displayName,
      );
    expect(await overlap(me)).toEqual(['同僚 一郎']);
    // The shy member does not show their years, so they neither appear nor see anyone.
    expect(await overlap(shy)).toEqual([]);
    // Department filter works on shown tenure only.
    const byDepartment = await me.client.get<Page>(
      `/api/v1/t/${tenant.slug}/community/people?department=${encodeURIComponent('金融')}`,
    );
    expect(byDepartment.body.people.map((p) => p.displayName).sort()).toEqual(
      ['同僚 一郎', '後輩 三郎', '私 自身'].sort(),
    );
    const byYears = await me.client.get<Page>(
      `/api/v1/t/${tenant.slug}/community/people?leftFrom=2021&leftTo=2023`,
    );
    expect(byYears.body.people.map((p) => p.displayName)).toEqual(['同僚 一郎']);
  });
});

describe('blocking', () => {
  it('hides two members from each other in the directory, profiles, photos and hashtag pages, both ways', async () => {
    const tenant = await network();
    const alice = await communityMember(server, tenant, {
      displayName: '有栖 アリス',
      profile: { hashtags: ['起業'] },
    });
    const bob = await communityMember(server, tenant, {
      displayName: '冒部 ボブ',
      profile: { hashtags: ['起業'] },
    });
    const carol = await communityMember(server, tenant, { displayName: '花郎 キャロル' });
    const photo = await putPhoto(bob.client, tenant.slug, await photoBytes());
    const bobPhoto = (photo.body as { photoUrl: string }).photoUrl;

    const names = async (who: typeof alice, query = '') =>
      (await who.client.get<Page>(`/api/v1/t/${tenant.slug}/community/people${query}`)).body.people
        .map((p) => p.displayName)
        .sort();
    expect(await names(alice)).toContain('冒部 ボブ');

    expect(
      (await alice.client.put(`/api/v1/t/${tenant.slug}/community/people/${bob.id}/block`, {})).status,
    ).toBe(200);
    for (const [viewer, other] of [
      [alice, bob],
      [bob, alice],
    ] as const) {
      expect(await names(viewer)).not.toContain(other === bob ? '冒部 ボブ' : '有栖 アリス');
      expect((await viewer.client.get(`/api/v1/t/${tenant.slug}/community/people/${other.id}`)).status).toBe(
        404,
      );
      const page = await viewer.client.get<{ people: Card[] }>(
        `/api/v1/t/${tenant.slug}/community/hashtags/起業`,
      );
      expect(page.body.people.map((p) => p.id)).not.toContain(other.id);
    }
    expect((await alice.client.get(bobPhoto)).status).toBe(404);
    // Everyone else still sees both.
    expect(await names(carol)).toEqual(expect.arrayContaining(['冒部 ボブ', '有栖 アリス']));
    expect((await carol.client.get(bobPhoto)).status).toBe(200);

    const list = await alice.client.get<{ blocked: { id: string }[] }>(
      `/api/v1/t/${tenant.slug}/community/me/blocks`,
    );
    expect(list.body.blocked.map((b) => b.id)).toEqual([bob.id]);
    // Bob is not told he is blocked: his list is empty, and the block is Alice's to lift.
    expect(
      (await bob.client.get<{ blocked: unknown[] }>(`/api/v1/t/${tenant.slug}/community/me/blocks`)).body
        .blocked,
    ).toEqual([]);
    await bob.client.delete(`/api/v1/t/${tenant.slug}/community/people/${alice.id}/block`);
    expect((await bob.client.get(`/api/v1/t/${tenant.slug}/community/people/${alice.id}`)).status).toBe(404);
    await alice.client.delete(`/api/v1/t/${tenant.slug}/community/people/${bob.id}/block`);
    expect((await bob.client.get(`/api/v1/t/${tenant.slug}/community/people/${alice.id}`)).status).toBe(200);

    const self = await alice.client.put(`/api/v1/t/${tenant.slug}/community/people/${alice.id}/block`, {});
    expect(self.status).toBe(422);
    expect(self.body).toMatchObject({ code: 'block_self' });
  });
});
