import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantWithMember } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Row = { id: string; familyName: string; familyNameKana: string; status: string; hrTags: string[] };
type List = { records: Row[]; nextCursor: string | null; total: number };

const person = (overrides: Record<string, unknown> = {}) => ({
  employeeNumber: `E${Math.floor(Math.random() * 1e9)}`,
  familyName: '髙橋',
  givenName: '隆',
  familyNameKana: 'たかはし',
  givenNameKana: 'ﾀｶｼ',
  emails: [' Takashi@Example.JP '],
  leftOn: '令和5年4月1日',
  lastDepartment: '営業統括本部 第二営業部',
  ...overrides,
});

describe('alumni records', () => {
  it('stores readings as katakana, dates as ISO, and finds people by kana, partial name and variant glyphs', async () => {
    const { slug, client } = await tenantWithMember(server, 'admin');
    const created = await client.post<{
      id: string;
      familyNameKana: string;
      leftOn: string;
      emails: string[];
    }>(`/api/v1/t/${slug}/registry/records`, person());
    expect(created.status).toBe(201);
    expect(created.body.familyNameKana).toBe('タカハシ');
    expect(created.body.leftOn).toBe('2023-04-01');
    expect(created.body.emails).toEqual(['takashi@example.jp']);
    await client.post(
      `/api/v1/t/${slug}/registry/records`,
      person({
        familyName: '山﨑',
        givenName: '翔太',
        familyNameKana: 'ヤマザキ',
        givenNameKana: 'ショウタ',
        emails: [],
      }),
    );
    await client.post(
      `/api/v1/t/${slug}/registry/records`,
      person({
        familyName: '齋藤',
        givenName: '恵',
        familyNameKana: 'サイトウ',
        givenNameKana: 'メグミ',
        emails: [],
      }),
    );

    const search = async (q: string) =>
      (
        await client.get<List>(`/api/v1/t/${slug}/registry/records?q=${encodeURIComponent(q)}`)
      ).body.records.map((r) => r.familyName);
    expect(await search('高橋')).toEqual(['髙橋']);
    expect(await search('たかはし')).toEqual(['髙橋']);
    expect(await search('ﾀｶﾊｼ')).toEqual(['髙橋']);
    expect(await search('橋')).toEqual(['髙橋']);
    expect(await search('山崎')).toEqual(['山﨑']);
    expect(await search('斎藤 めぐみ')).toEqual(['齋藤']);
    expect(await search('やまざ')).toEqual(['山﨑']);
    expect(await search('しょう')).toEqual(['山﨑']);
    expect(await search('やまざきしょうた')).toEqual(['山﨑']);
    expect(await search('ﾔﾏｻﾞｷ ｼｮｳﾀ')).toEqual(['山﨑']);
    expect(await search('高橋 恵')).toEqual([]);
    expect(await search('%')).toEqual([]);
  });

  it('sorts by reading in 五十音順 and pages with a cursor without gaps or repeats', async () => {
    const { slug, client } = await tenantWithMember(server, 'owner');
    const readings = ['ワタナベ', 'アベ', 'ガクト', 'カトウ', 'サイトウ', 'イトウ', 'ウエダ'];
    for (const kana of readings) {
      await client.post(
        `/api/v1/t/${slug}/registry/records`,
        person({ familyName: kana, familyNameKana: kana, givenNameKana: '', emails: [] }),
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: List = (
        await client.get<List>(
          `/api/v1/t/${slug}/registry/records?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).body;
      expect(page.total).toBe(7);
      seen.push(...page.records.map((r) => r.familyNameKana));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['アベ', 'イトウ', 'ウエダ', 'ガクト', 'カトウ', 'サイトウ', 'ワタナベ']);
  });

  it('filters by leave year, department, eligibility and tag', async () => {
    const { slug, client } = await tenantWithMember(server, 'admin');
    const a = await client.post<{ id: string }>(
      `/api/v1/t/${slug}/registry/records`,
      person({ emails: [], leftOn: '2019-03-31', lastDepartment: '経営企画室' }),
    );
    await client.post(
      `/api/v1/t/${slug}/registry/records`,
      person({ emails: [], leftOn: '2024-06-30', eligibility: 'eligible' }),
    );
    const q = async (query: string) =>
      (await client.get<List>(`/api/v1/t/${slug}/registry/records?${query}`)).body.total;
    expect(await q('leftFrom=2018&leftTo=2020')).toBe(1);
    expect(await q('department=経営')).toBe(1);
    expect(await q('eligibility=eligible&eligibility=review')).toBe(2);
    expect(await q('eligibility=eligible')).toBe(1);
    const bulk = await client.post(`/api/v1/t/${slug}/registry/records/bulk`, {
      ids: [a.body.id],
      action: 'tag',
      tag: 'OB会幹事',
    });
    expect(bulk.body).toEqual({ matched: 1, changed: 1 });
    expect(await q(`tag=${encodeURIComponent('OB会幹事')}`)).toBe(1);
  });

  it('keeps a history of every change and audits every view', async () => {
    const { slug, client, member } = await tenantWithMember(server, 'owner');
    const created = await client.post<{ id: string }>(
      `/api/v1/t/${slug}/registry/records`,
      person({ emails: [] }),
    );
    const id = created.body.id;
    const edited = await client.patch<{ status: string; eligibility: string }>(
      `/api/v1/t/${slug}/registry/records/${id}`,
      {
        eligibility: 'not_eligible',
        hrNotes: '再雇用不可（懲戒）',
      },
    );
    expect(edited.body).toMatchObject({ eligibility: 'not_eligible', status: 'excluded' });
    const unchanged = await client.patch(`/api/v1/t/${slug}/registry/records/${id}`, {
      hrNotes: '再雇用不可（懲戒）',
    });
    expect(unchanged.status).toBe(200);
    const detail = await client.get<{
      history: { source: string; actor: string; changes: { field: string; from: unknown; to: unknown }[] }[];
    }>(`/api/v1/t/${slug}/registry/records/${id}`);
    expect(detail.body.history).toHaveLength(2);
    expect(detail.body.history[0]!.actor).toBe(member.membership.displayName);
    expect(detail.body.history[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'eligibility', from: 'review', to: 'not_eligible' },
        { field: 'status', from: 'record', to: 'excluded' },
      ]),
    );
    const audit = await client.get<{ events: { action: string; targetId: string }[] }>(
      `/api/v1/t/${slug}/audit-events?action=record.viewed`,
    );
    expect(audit.body.events.some((e) => e.action === 'record.viewed' && e.targetId === id)).toBe(true);
  });

  it('refuses bad input with field errors in the reader’s language and writes nothing', async () => {
    const { slug, client } = await tenantWithMember(server, 'admin');
    const bad = await client.post<{
      code: string;
      errors: { path: string; code: string; message: string }[];
    }>(
      `/api/v1/t/${slug}/registry/records`,
      person({ leftOn: '平成-13年8月9日', emails: ['not-an-address'], familyNameKana: 'Takahashi' }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e) => e.path).sort()).toEqual(['emails.0', 'familyNameKana', 'leftOn']);
    expect(bad.body.errors.find((e) => e.path === 'leftOn')!.message).toMatch(/日付を読み取れません/);
    expect((await client.get<List>(`/api/v1/t/${slug}/registry/records`)).body.total).toBe(0);

    const first = await client.post(`/api/v1/t/${slug}/registry/records`, person({ employeeNumber: 'E1' }));
    expect(first.status).toBe(201);
    const dup = await client.post<{ code: string }>(
      `/api/v1/t/${slug}/registry/records`,
      person({ employeeNumber: 'E1', emails: [] }),
    );
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('record_employee_number_taken');
    const sameMail = await client.post<{ code: string }>(
      `/api/v1/t/${slug}/registry/records`,
      person({ employeeNumber: 'E2' }),
    );
    expect(sameMail.status).toBe(409);
    expect(sameMail.body.code).toBe('record_email_taken');
  });

  it('validates custom fields against their definitions', async () => {
    const { slug, client } = await tenantWithMember(server, 'owner');
    const field = await client.post(`/api/v1/t/${slug}/registry/custom-fields`, {
      key: 'rank',
      label: '退職時等級',
      type: 'select',
      options: ['G1', 'G2', 'G3'],
    });
    expect(field.status).toBe(201);
    const noChoices = await client.post<{ errors: { path: string }[] }>(
      `/api/v1/t/${slug}/registry/custom-fields`,
      {
        key: 'club',
        label: 'OB会',
        type: 'select',
      },
    );
    expect(noChoices.status).toBe(422);
    expect(noChoices.body.errors.map((e) => e.path)).toEqual(['options']);
    expect(
      (await client.get<{ fields: unknown[] }>(`/api/v1/t/${slug}/registry/custom-fields`)).body.fields,
    ).toHaveLength(1);
    const ok = await client.post<{ customFields: Record<string, unknown> }>(
      `/api/v1/t/${slug}/registry/records`,
      person({ emails: [], customFields: { rank: 'G2' } }),
    );
    expect(ok.body.customFields).toEqual({ rank: 'G2' });
    const bad = await client.post<{ errors: { path: string }[] }>(
      `/api/v1/t/${slug}/registry/records`,
      person({ emails: [], customFields: { rank: 'G9', other: 'x' } }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e) => e.path).sort()).toEqual(['customFields.other', 'customFields.rank']);
    expect(
      (await client.get<List>(`/api/v1/t/${slug}/registry/records?customKey=rank&customValue=G2`)).body.total,
    ).toBe(1);
  });

  it('saves segments with live counts', async () => {
    const { slug, client } = await tenantWithMember(server, 'admin');
    await client.post(`/api/v1/t/${slug}/registry/records`, person({ emails: [], wouldReturn: 'yes' }));
    const segment = await client.post<{ id: string; count: number }>(`/api/v1/t/${slug}/registry/segments`, {
      name: '再入社希望あり',
      filter: { wouldReturn: ['yes'] },
    });
    expect(segment.status).toBe(201);
    expect(segment.body.count).toBe(1);
    await client.post(`/api/v1/t/${slug}/registry/records`, person({ emails: [], wouldReturn: 'yes' }));
    const list = await client.get<{ segments: { name: string; count: number }[] }>(
      `/api/v1/t/${slug}/registry/segments`,
    );
    expect(list.body.segments).toEqual([expect.objectContaining({ name: '再入社希望あり', count: 2 })]);
    const viaSegment = await client.get<List>(
      `/api/v1/t/${slug}/registry/records?segment=${segment.body.id}`,
    );
    expect(viaSegment.body.total).toBe(2);
    const again = await client.post(`/api/v1/t/${slug}/registry/segments`, {
      name: '再入社希望あり',
      filter: {},
    });
    expect(again.status).toBe(409);
  });
});

describe('registry access', () => {
  it.each(['moderator', 'employee', 'alumnus'] as const)(
    'refuses every registry endpoint to a %s',
    async (role) => {
      const { slug, client } = await tenantWithMember(server, role);
      const id = '00000000-0000-4000-8000-000000000000';
      const calls = [
        client.get(`/api/v1/t/${slug}/registry/records`),
        client.post(`/api/v1/t/${slug}/registry/records`, person()),
        client.get(`/api/v1/t/${slug}/registry/records/${id}`),
        client.patch(`/api/v1/t/${slug}/registry/records/${id}`, { hrNotes: 'x' }),
        client.post(`/api/v1/t/${slug}/registry/records/bulk`, { ids: [id], action: 'exclude' }),
        client.get(`/api/v1/t/${slug}/registry/custom-fields`),
        client.get(`/api/v1/t/${slug}/registry/segments`),
        client.post(`/api/v1/t/${slug}/registry/segments`, { name: 'x', filter: {} }),
      ];
      for (const response of await Promise.all(calls)) expect(response.status).toBe(403);
    },
  );

  it("cannot reach another network's records, segments or fields", async () => {
    const a = await tenantWithMember(server, 'owner');
    const b = await tenantWithMember(server, 'owner');
    const record = await a.client.post<{ id: string }>(`/api/v1/t/${a.slug}/registry/records`, person());
    const segment = await a.client.post<{ id: string }>(`/api/v1/t/${a.slug}/registry/segments`, {
      name: 'A',
      filter: {},
    });
    const field = await a.client.post<{ id: string }>(`/api/v1/t/${a.slug}/registry/custom-fields`, {
      key: 'k',
      label: 'K',
      type: 'text',
    });
    const unknown = await b.client.get(
      `/api/v1/t/${b.slug}/registry/records/00000000-0000-4000-8000-000000000000`,
    );
    const responses = [
      await b.client.get(`/api/v1/t/${b.slug}/registry/records/${record.body.id}`),
      await b.client.patch(`/api/v1/t/${b.slug}/registry/records/${record.body.id}`, { hrNotes: 'x' }),
      await b.client.put(`/api/v1/t/${b.slug}/registry/segments/${segment.body.id}`, {
        name: 'B',
        filter: {},
      }),
      await b.client.delete(`/api/v1/t/${b.slug}/registry/segments/${segment.body.id}`),
      await b.client.delete(`/api/v1/t/${b.slug}/registry/custom-fields/${field.body.id}`),
      await b.client.get(`/api/v1/t/${a.slug}/registry/records`),
    ];
    for (const response of responses) {
      expect(response.status).toBe(404);
      expect({ ...response.body, instance: null }).toEqual({ ...unknown.body, instance: null });
    }
    const bulk = await b.client.post<{ matched: number }>(`/api/v1/t/${b.slug}/registry/records/bulk`, {
      ids: [record.body.id],
      action: 'exclude',
    });
    expect(bulk.body.matched).toBe(0);
    expect((await b.client.get<List>(`/api/v1/t/${b.slug}/registry/records`)).body.total).toBe(0);
    expect(
      (await b.client.get<List>(`/api/v1/t/${b.slug}/registry/records?segment=${segment.body.id}`)).status,
    ).toBe(404);
  });
});
